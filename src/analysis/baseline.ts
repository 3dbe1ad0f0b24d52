/**
 * A regression baseline: every sizing decision of a run (time, symbol, each stage's value, goal
 * factor, risk, final value and quantity) and its summary metrics, keyed by scenario name, with
 * the scenario file's content hash and the goalsim version that wrote it. Floats are stored at
 * full precision so that comparisons can be tight.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { formatTime } from '../numeric/format.js';
import type { RunResult } from '../sim/types.js';
import { VERSION } from '../version.js';

export const BASELINE_FORMAT = 'goalsim-baseline-v1';

export interface BaselineDecision {
  readonly time: string;
  readonly symbol: string;
  readonly signal: string;
  readonly direction: string;
  readonly stages: Readonly<Record<string, number>>;
  readonly goalFactor: number | null;
  readonly riskPct: number;
  readonly finalValue: number;
  readonly quantity: string;
  /** Absent in baselines written before attribution existed. */
  readonly binding?: string | null;
  readonly goalEffect?: number | null;
  readonly skipped: string | null;
}

export interface Baseline {
  readonly format: typeof BASELINE_FORMAT;
  readonly scenario: string;
  readonly scenarioHash: string;
  readonly goalsimVersion: string;
  readonly metrics: Readonly<Record<string, number | null>>;
  readonly decisions: readonly BaselineDecision[];
}

export function fileHash(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

export function baselineOf(result: RunResult, scenarioHash: string): Baseline {
  return {
    format: BASELINE_FORMAT,
    scenario: result.name,
    scenarioHash,
    goalsimVersion: VERSION,
    metrics: { ...result.metrics },
    decisions: result.decisions.map(({ time, symbol, signal, direction, decision }) => ({
      time: formatTime(time),
      symbol,
      signal,
      direction,
      stages: Object.fromEntries(decision.stages.map((stage) => [stage.name, stage.value])),
      goalFactor: decision.goalFactor,
      riskPct: decision.riskPct,
      finalValue: decision.finalValue,
      quantity: decision.units.toFixed(),
      binding: decision.binding,
      goalEffect: decision.goalEffect,
      skipped: decision.skipped,
    })),
  };
}
