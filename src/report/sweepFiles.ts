/**
 * A sweep's output folder: sweep.json and variants.jsonl (the state a resume reads, see
 * parallel/sweepState), results.csv (ranked), marginals.csv and summary.json.
 * Written from the variants and outcomes alone, so a merge of shards writes the same bytes
 * as the unsharded run.
 */
import { writeTextFile } from '../io/fileWriter.js';
import { mkdirSync } from 'node:fs';
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

export async function writeSweepFiles(dir: string, definition: SweepDefinition, outcomes: ReadonlyMap<number, VariantOutcome>, options: SweepWriteOptions): Promise<{ rows: RankedRow[]; marginals: MarginalRow[] }> {
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
  writeTextFile(join(dir, 'summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
  return { rows, marginals: marginalRows };
}
