/**
 * What a walk-forward folder is the result of (walkforward.json's definition) and the train runs
 * it makes of a sweep's variants. A resume and a merge compare definitions.
 */
import type { Objective } from '../analysis/sweepResults.js';
import { fingerprintDifference, type InputsFingerprint } from '../scenario/fingerprint.js';
import type { Variant } from '../scenario/variants.js';


export const WALK_FORWARD_FORMAT = 'goalsim-walkforward-v1';
export const WALK_FORWARD_FILES = { definition: 'walkforward.json', windows: 'windows.csv', equity: 'equity.csv', train: 'train', oos: 'oos' } as const;

/** What a walk-forward folder is the result of; a resume and a merge compare it. */
export interface WalkForwardDefinition {
  readonly format: typeof WALK_FORWARD_FORMAT;
  readonly name: string;
  /** The sweep file as given on the command line (a merge reads it again). */
  readonly sweepFile: string;
  readonly objective: Objective;
  readonly params: readonly string[];
  readonly variants: number;
  readonly train: string;
  readonly test: string;
  readonly step: string;
  readonly anchored: boolean;
  /** The period the windows tile, first and last day. */
  readonly period: { readonly first: string; readonly last: string };
  /** Each window's first and last days. */
  readonly windows: readonly WindowDates[];
  readonly inputs: InputsFingerprint;
}

export interface WindowDates {
  readonly index: number;
  readonly trainFirst: string;
  readonly trainLast: string;
  readonly testFirst: string;
  readonly testLast: string;
}

/** Why a folder's walk-forward is not this one, or null when it is. */
export function walkForwardDifference(folder: WalkForwardDefinition, now: WalkForwardDefinition): string | null {
  for (const key of ['train', 'test', 'step', 'anchored', 'variants', 'objective', 'params'] as const) {
    if (JSON.stringify(folder[key]) !== JSON.stringify(now[key])) return `its ${key} differs`;
  }
  if (JSON.stringify(folder.windows) !== JSON.stringify(now.windows)) return 'its windows differ';
  return fingerprintDifference(folder.inputs, now.inputs);
}

/**
 * The train runs: window w's train period for variant v has id w·V + v; after the windows, the
 * whole period (id W·V + v), whose best is what the walk-forward is compared with.
 */
export function trainVariants(variants: readonly Variant[], definition: WalkForwardDefinition): Variant[] {
  const windowed = definition.windows.flatMap((window) =>
    variants.map((v) => ({ id: trainId(window.index, variants.length, v.id), params: { ...v.params, 'period.start': window.trainFirst, 'period.end': window.trainLast, 'period.warmup': true } })),
  );
  const whole = variants.map((v) => ({ id: trainId(wholePeriod(definition), variants.length, v.id), params: { ...v.params, 'period.start': definition.period.first, 'period.end': definition.period.last } }));
  return [...windowed, ...whole];
}

/** The train run of variant `id` in block `block` (a window's index, or wholePeriod) of `count` variants. */
export const trainId = (block: number, count: number, id: number): number => block * count + id;

/** The block of the whole-period runs: after the windows'. */
export const wholePeriod = (definition: WalkForwardDefinition): number => definition.windows.length;

