/**
 * What a sweep folder keeps between runs: sweep.json (the definition and every variant) and
 * variants.jsonl (one outcome per line, appended as each variant ends). A resumed run, a merge of
 * shards and the report read them here; the rest of the folder is written by report/sweepFiles.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Objective } from '../analysis/sweepResults.js';
import type { Variant } from '../scenario/variants.js';
import { readRecords } from '../io/recordLog.js';
import { fingerprintDifference, type InputsFingerprint } from '../scenario/fingerprint.js';
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
  /** Blocks of the audit's cross-validation (absent: the default, 16). */
  readonly cscvBlocks?: number | undefined;
  /** false: no overfitting audit (a walk-forward's train runs, whose periods differ). */
  readonly audit?: false | undefined;
  /** The base scenario's content and its data files' (absent in folders written before it). */
  readonly inputs?: InputsFingerprint | undefined;
}

export function readSweepDefinition(dir: string): SweepDefinition | undefined {
  const path = join(dir, SWEEP_DEFINITION_FILE);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as SweepDefinition) : undefined;
}

/** The outcomes recorded in a sweep folder's variant log, by variant id (a torn last line is dropped, see recordLog). */
export function readOutcomes(dir: string, onDropped: (message: string) => void = () => {}): Map<number, VariantOutcome> {
  return new Map(readRecords<VariantOutcome>(join(dir, VARIANT_LOG_FILE), 'variant', onDropped).map((outcome) => [outcome.id, outcome]));
}

/**
 * Why a folder's outcomes do not belong to this sweep, or null when they do: the same variants,
 * ranked by the same objective, from the same base scenario and data.
 */
export function sweepDifference(folder: SweepDefinition, now: SweepDefinition): string | null {
  if (JSON.stringify(folder.variants) !== JSON.stringify(now.variants)) return 'its variants differ';
  if (JSON.stringify(folder.objective) !== JSON.stringify(now.objective)) return 'its objective differs';
  return fingerprintDifference(folder.inputs, now.inputs ?? { scenario: '', data: {} });
}
