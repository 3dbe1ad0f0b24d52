/**
 * Compares a run's sizing behaviour with its baseline (README "Guarding sizing behaviour in CI"): decisions paired by time and
 * symbol (and order within them), every field compared, metrics within per-metric tolerances.
 */
import type { Baseline, BaselineDecision } from './baseline.js';

export interface Tolerances {
  /** Relative tolerance for decision values: |a - b| <= t x max(1, |a|, |b|). */
  readonly decision: number;
  /** Default relative tolerance for metrics. */
  readonly metric: number;
  /** Absolute tolerance per metric name, overriding the default. */
  readonly perMetric: Readonly<Record<string, number>>;
}

export const DEFAULT_TOLERANCES: Tolerances = { decision: 1e-9, metric: 1e-9, perMetric: {} };

export interface FieldDiff {
  readonly time: string;
  readonly symbol: string;
  readonly field: string;
  readonly before: string;
  readonly after: string;
}

export interface MetricDiff {
  readonly metric: string;
  readonly before: number | null;
  readonly after: number | null;
  readonly tolerance: number;
}

export interface Comparison {
  readonly decisionsBefore: number;
  readonly decisionsAfter: number;
  /** Every differing field, in decision order. */
  readonly fields: readonly FieldDiff[];
  /** Decisions differing in at least one field. */
  readonly changedDecisions: number;
  /** The earliest stage (in stage order) that differs in the first changed decision. */
  readonly firstDivergentStage: string | null;
  readonly added: readonly string[];
  readonly missing: readonly string[];
  readonly metrics: readonly MetricDiff[];
  readonly drifted: boolean;
}

const keyOf = (d: BaselineDecision): string => `${d.time} ${d.symbol}`;

function within(before: number | null, after: number | null, relative: number, absolute?: number): boolean {
  if (before === null || after === null) return before === after;
  if (absolute !== undefined) return Math.abs(before - after) <= absolute;
  return Math.abs(before - after) <= relative * Math.max(1, Math.abs(before), Math.abs(after));
}

const show = (value: number | string | null): string => (value === null ? 'none' : String(value));

/** Pairs decisions by key and occurrence, so an inserted decision does not shift the rest. */
function pairDecisions(before: readonly BaselineDecision[], after: readonly BaselineDecision[]) {
  const index = (list: readonly BaselineDecision[]): Map<string, BaselineDecision> => {
    const seen = new Map<string, number>();
    const keyed = new Map<string, BaselineDecision>();
    for (const d of list) {
      const n = seen.get(keyOf(d)) ?? 0;
      seen.set(keyOf(d), n + 1);
      keyed.set(`${keyOf(d)}#${n}`, d);
    }
    return keyed;
  };
  const [old, fresh] = [index(before), index(after)];
  const label = (key: string): string => key.replace(/#0$/, '');
  return {
    pairs: [...fresh].filter(([key]) => old.has(key)).map(([key, d]) => [old.get(key) as BaselineDecision, d] as const),
    added: [...fresh.keys()].filter((key) => !old.has(key)).map(label),
    missing: [...old.keys()].filter((key) => !fresh.has(key)).map(label),
  };
}

function compareDecision(before: BaselineDecision, after: BaselineDecision, tolerance: number): FieldDiff[] {
  const diffs: FieldDiff[] = [];
  const at = { time: after.time, symbol: after.symbol };
  const text = (field: string, a: string | null, b: string | null): void => {
    if (a !== b) diffs.push({ ...at, field, before: show(a), after: show(b) });
  };
  const number = (field: string, a: number | null | undefined, b: number | null | undefined): void => {
    if (!within(a ?? null, b ?? null, tolerance)) diffs.push({ ...at, field, before: show(a ?? null), after: show(b ?? null) });
  };
  text('signal', before.signal, after.signal);
  text('direction', before.direction, after.direction);
  const stages = [...new Set([...Object.keys(before.stages), ...Object.keys(after.stages)])];
  for (const stage of stages) number(`stage_${stage}`, before.stages[stage], after.stages[stage]);
  number('goal_factor', before.goalFactor, after.goalFactor);
  number('risk_pct', before.riskPct, after.riskPct);
  number('final_value', before.finalValue, after.finalValue);
  text('quantity', before.quantity, after.quantity);
  text('binding', before.binding ?? null, after.binding ?? null);
  number('goal_effect', before.goalEffect, after.goalEffect);
  text('skipped', before.skipped, after.skipped);
  return diffs;
}

export function compareWithBaseline(before: Baseline, after: Baseline, tolerances: Tolerances = DEFAULT_TOLERANCES): Comparison {
  const { pairs, added, missing } = pairDecisions(before.decisions, after.decisions);
  const perDecision = pairs.map(([a, b]) => compareDecision(a, b, tolerances.decision));
  const fields = perDecision.flat();
  const firstChanged = perDecision.find((diffs) => diffs.length > 0);
  const firstStage = firstChanged?.find((diff) => diff.field.startsWith('stage_'))?.field.slice('stage_'.length) ?? null;
  const metricNames = [...new Set([...Object.keys(before.metrics), ...Object.keys(after.metrics)])];
  const metrics = metricNames
    .map((metric) => ({ metric, before: before.metrics[metric] ?? null, after: after.metrics[metric] ?? null, tolerance: tolerances.perMetric[metric] ?? tolerances.metric }))
    .filter((m) => !within(m.before, m.after, tolerances.metric, tolerances.perMetric[m.metric]));
  return {
    decisionsBefore: before.decisions.length,
    decisionsAfter: after.decisions.length,
    fields,
    changedDecisions: perDecision.filter((diffs) => diffs.length > 0).length,
    firstDivergentStage: firstStage,
    added,
    missing,
    metrics,
    drifted: fields.length > 0 || added.length > 0 || missing.length > 0 || metrics.length > 0,
  };
}

/** The readable drift report of one scenario: first differences as `time symbol field: before → after`. */
export function describeDrift(comparison: Comparison, maxLines = 10): string[] {
  const lines = [`decisions: ${comparison.decisionsBefore} before, ${comparison.decisionsAfter} after; ${comparison.changedDecisions} changed, ${comparison.added.length} added, ${comparison.missing.length} missing`];
  if (comparison.firstDivergentStage !== null) lines.push(`first divergence at stage "${comparison.firstDivergentStage}"`);
  for (const diff of comparison.fields.slice(0, maxLines)) lines.push(`${diff.time} ${diff.symbol} ${diff.field}: ${diff.before} → ${diff.after}`);
  if (comparison.fields.length > maxLines) lines.push(`... and ${comparison.fields.length - maxLines} more differing fields`);
  for (const key of comparison.added.slice(0, maxLines)) lines.push(`added decision: ${key}`);
  for (const key of comparison.missing.slice(0, maxLines)) lines.push(`missing decision: ${key}`);
  for (const m of comparison.metrics) {
    const delta = m.before !== null && m.after !== null ? ` (Δ ${m.after - m.before >= 0 ? '+' : ''}${(m.after - m.before).toPrecision(4)}, tolerance ${m.tolerance})` : '';
    lines.push(`metric ${m.metric}: ${show(m.before)} → ${show(m.after)}${delta}`);
  }
  return lines;
}
