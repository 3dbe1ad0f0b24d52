/**
 * What a sweep folder keeps between runs: sweep.json (the definition and every variant) and
 * variants.jsonl (one outcome per line, appended as each variant ends). A resumed run, a merge of
 * shards and the report read them here; the rest of the folder is written by report/sweepFiles.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Objective } from '../analysis/sweepResults.js';
import type { Variant } from '../scenario/variants.js';
import { readRecords } from './recordLog.js';
import type { VariantOutcome } from './task.js';

export const SWEEP_FORMAT = 'goalsim-sweep-v1';
export const SWEEP_DEFINITION_FILE = 'sweep.json';
export const VARIANT_LOG_FILE = 'variants.jsonl';

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
  const path = join(dir, SWEEP_DEFINITION_FILE);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as SweepDefinition) : undefined;
}

/** The outcomes recorded in a sweep folder's variant log, by variant id (a torn last line is dropped, see recordLog). */
export function readOutcomes(dir: string, onDropped: (message: string) => void = () => {}): Map<number, VariantOutcome> {
  return new Map(readRecords<VariantOutcome>(join(dir, VARIANT_LOG_FILE), 'variant', onDropped).map((outcome) => [outcome.id, outcome]));
}

/** Whether a folder's outcomes belong to this sweep: the same variants, ranked by the same objective. */
export function sameSweep(a: SweepDefinition, b: SweepDefinition): boolean {
  return JSON.stringify(a.variants) === JSON.stringify(b.variants) && JSON.stringify(a.objective) === JSON.stringify(b.objective);
}
