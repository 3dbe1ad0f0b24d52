/**
 * A sweep's output folder: sweep.json (the definition and every variant), variants.jsonl (one
 * outcome per line, by variant id), results.csv (ranked), marginals.csv and summary.json.
 * Written from the variants and outcomes alone, so a merge of shards writes the same bytes
 * as the unsharded run.
 */
import { writeTextFile } from './fileWriter.js';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { marginals, type MarginalRow } from '../analysis/marginals.js';
import { rankOutcomes, resultsTable, type Objective, type RankedRow } from '../analysis/sweepResults.js';
import { readRecords } from '../parallel/recordLog.js';
import type { VariantOutcome } from '../parallel/task.js';
import type { Variant } from '../scenario/variants.js';
import { VERSION } from '../version.js';
import { formatFloat, jsonFloat, toCsv } from './format.js';

export const SWEEP_FORMAT = 'goalsim-sweep-v1';

export interface SweepDefinition {
  readonly format: typeof SWEEP_FORMAT;
  readonly name: string;
  readonly base: string;
  readonly objective: Objective;
  readonly constraints: readonly string[];
  readonly params: readonly string[];
  readonly randomSeed: number | null;
  /** Parameters of the report's heat map, when the sweep names them. */
  readonly heatmap?: { readonly x: string; readonly y: string } | undefined;
  readonly variants: readonly Variant[];
}

export function readSweepDefinition(dir: string): SweepDefinition | undefined {
  const path = join(dir, 'sweep.json');
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as SweepDefinition) : undefined;
}

/** The outcomes recorded in a sweep folder's variants.jsonl, by variant id (see parallel/recordLog). */
export function readOutcomes(dir: string, onDropped: (message: string) => void = () => {}): Map<number, VariantOutcome> {
  return new Map(readRecords<VariantOutcome>(join(dir, 'variants.jsonl'), 'variant', onDropped).map((outcome) => [outcome.id, outcome]));
}

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
  writeTextFile(join(dir, 'sweep.json'), `${JSON.stringify(definition, null, 1)}\n`);
  writeTextFile(join(dir, 'variants.jsonl'), ordered.map((o) => `${JSON.stringify(o)}\n`).join(''));
  writeTextFile(join(dir, 'results.csv'), toCsv(header, body));
  writeTextFile(
    join(dir, 'marginals.csv'),
    toCsv(['parameter', 'value', 'count', 'mean_objective', 'best_variant', 'best_objective'], marginalRows.map((m) => [m.parameter, m.value, String(m.count), formatFloat(m.meanObjective), String(m.bestVariant), formatFloat(m.bestObjective)])),
  );
  writeTextFile(join(dir, 'summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
  return { rows, marginals: marginalRows };
}
