/**
 * A sweep's output folder: sweep.json and variants.jsonl (the state a resume reads, see
 * parallel/sweepState), results.csv (ranked), marginals.csv and summary.json.
 * Written from the variants and outcomes alone, so a merge of shards writes the same bytes
 * as the unsharded run.
 */
import { writeCsvFile, writeTextFile } from '../io/fileWriter.js';
import { mkdirSync, rmSync } from 'node:fs';
import { AUDIT_FILES, auditSweep, dayText, DEFAULT_CSCV_BLOCKS, returnText, seriesDays, sharedKeys, type AuditedVariant, type PboFigures, type SweepAudit } from '../analysis/sweepAudit.js';
import { join } from 'node:path';
import { marginals, type MarginalRow } from '../analysis/marginals.js';
import { rankOutcomes, resultsTable, type RankedRow } from '../analysis/sweepResults.js';
import { SWEEP_DEFINITION_FILE, VARIANT_LOG_FILE, type SweepDefinition } from '../parallel/sweepState.js';
import type { VariantOutcome } from '../parallel/task.js';
import type { Variant } from '../scenario/variants.js';
import { VERSION } from '../version.js';
import { formatFloat, jsonFloat, toCsv } from '../numeric/format.js';

export interface SweepWriteOptions {
  readonly shard: string | null;
  readonly interrupted: boolean;
  /** Variants of this run's scope (all, or a shard's). */
  readonly scope: readonly Variant[];
}

export async function writeSweepFiles(dir: string, definition: SweepDefinition, outcomes: ReadonlyMap<number, VariantOutcome>, options: SweepWriteOptions): Promise<{ rows: RankedRow[]; marginals: MarginalRow[]; audit: SweepAudit | null }> {
  mkdirSync(dir, { recursive: true });
  const rows = rankOutcomes(definition.variants, outcomes, definition.objective);
  const { header, body } = resultsTable(rows, definition.params);
  const marginalRows = marginals(rows, definition.params);
  const ordered = [...outcomes.values()].sort((a, b) => a.id - b.id);
  const count = (status: string): number => ordered.filter((o) => o.status === status).length;
  const best = rows[0]?.rank === 1 ? rows[0] : undefined;
  const summary = {
    sweep: definition.name,
    version: VERSION,
    objective: definition.objective,
    randomSeed: definition.randomSeed,
    shard: options.shard,
    interrupted: options.interrupted,
    counts: { variants: options.scope.length, ok: count('ok'), failed: count('failed'), skipped: count('skipped'), notRun: options.scope.filter((v) => !outcomes.has(v.id)).length },
    best: best === undefined ? null : { variant: best.variant.id, params: best.variant.params, objective: jsonFloat(best.objective) },
  };
  writeTextFile(join(dir, SWEEP_DEFINITION_FILE), `${JSON.stringify(definition, null, 1)}\n`);
  writeTextFile(join(dir, VARIANT_LOG_FILE), ordered.map((o) => `${JSON.stringify(o)}\n`).join(''));
  writeTextFile(join(dir, 'results.csv'), toCsv(header, body));
  writeTextFile(
    join(dir, 'marginals.csv'),
    toCsv(['parameter', 'value', 'count', 'mean_objective', 'best_variant', 'best_objective'], marginalRows.map((m) => [m.parameter, m.value, String(m.count), formatFloat(m.meanObjective), String(m.bestVariant), formatFloat(m.bestObjective)])),
  );
  const audited = ordered.flatMap((o) => (o.status === 'ok' && o.series !== undefined ? [{ id: o.id, series: o.series }] : []));
  const audit = best === undefined || definition.audit === false ? null : auditSweep(audited, best.variant.id, definition.objective.metric, definition.cscvBlocks ?? DEFAULT_CSCV_BLOCKS);
  writeAuditFiles(dir, audited, audit);
  writeTextFile(join(dir, 'summary.json'), `${JSON.stringify({ ...summary, audit: auditSummary(audit) }, null, 2)}\n`);
  return { rows, marginals: marginalRows, audit };
}

/** What summary.json keeps of the audit; audit.json has every figure with its inputs. */
function auditSummary(audit: SweepAudit | null): Record<string, unknown> | null {
  if (audit === null) return null;
  const pbo = (figures: PboFigures | null) => (figures === null ? null : { pbo: jsonFloat(figures.pbo), metric: figures.metric, blocks: figures.blocks, splits: figures.splits, lossProbability: jsonFloat(figures.lossProbability) });
  const d = audit.deflatedSharpe;
  return { convention: audit.convention, variants: audit.variants, days: audit.days, winner: audit.winner, deflatedSharpe: jsonFloat(d.deflated), psr0: jsonFloat(d.psr0), pbo: pbo(audit.pbo), goalPbo: pbo(audit.goalPbo), sentence: audit.sentence };
}

/**
 * daily_returns.csv and monthly_goals.csv (one column per variant that ran, in id order, so the
 * audit can be re-run with other tools) and audit.json; none of them without an audit.
 */
function writeAuditFiles(dir: string, variants: readonly AuditedVariant[], audit: SweepAudit | null): void {
  for (const file of [AUDIT_FILES.returns, AUDIT_FILES.goals, AUDIT_FILES.audit]) rmSync(join(dir, file), { force: true });
  if (audit === null) return;
  const columns = variants.map((v) => `variant_${v.id}`);
  const dayLists = variants.map((v) => seriesDays(v.series));
  const shared = sharedKeys(dayLists);
  let rows: string[][];
  if (shared !== undefined) rows = shared.map((day, i) => [dayText(day), ...variants.map((v) => returnText(v.series.returnsE8[i]))]);
  else {
    // every day any variant has, a variant's cell empty where it has none
    const byDay = variants.map((v, c) => new Map((dayLists[c] as number[]).map((day, i) => [day, v.series.returnsE8[i]])));
    const days = [...new Set(byDay.flatMap((map) => [...map.keys()]))].sort((a, b) => a - b);
    rows = days.map((day) => [dayText(day), ...byDay.map((map) => returnText(map.get(day)))]);
  }
  writeCsvFile(join(dir, AUDIT_FILES.returns), { file: AUDIT_FILES.returns, header: ['date', ...columns], rows });
  const months = [...new Set(variants.flatMap((v) => v.series.months))].sort();
  const goalRows = (['returnMet', 'incomeMet'] as const).flatMap((flags) => {
    const byMonth = variants.map((v) => new Map<string, 0 | 1 | null>(v.series.months.map((month, i) => [month, v.series[flags][i] ?? null])));
    if (byMonth.every((map) => [...map.values()].every((flag) => flag === null))) return [];
    const goal = flags === 'returnMet' ? 'monthly_return' : 'monthly_income';
    return months.map((month) => [month, goal, ...byMonth.map((map) => String(map.get(month) ?? ''))]);
  });
  if (goalRows.length > 0) writeCsvFile(join(dir, AUDIT_FILES.goals), { file: AUDIT_FILES.goals, header: ['month', 'goal', ...columns], rows: goalRows });
  writeTextFile(join(dir, AUDIT_FILES.audit), `${JSON.stringify(audit, (_, value: unknown) => (typeof value === 'number' ? jsonFloat(value) : value), 1)}\n`);
}
