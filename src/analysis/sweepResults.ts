/**
 * The table of a sweep: one row per variant, ranked by the objective (best first, ties by
 * variant id), variants without a result after the ranked ones. Depends only on the variants
 * and their outcomes, never on timing, so any worker count or sharding gives the same table.
 */
import type { VariantOutcome } from '../parallel/task.js';
import { formatFloat } from '../numeric/format.js';
import { METRIC_KEYS } from './metrics.js';
import type { ParamValue, Variant } from '../scenario/variants.js';

export interface Objective {
  readonly metric: string;
  readonly direction: 'max' | 'min';
}

export interface RankedRow {
  readonly rank: number | null;
  readonly variant: Variant;
  readonly outcome: VariantOutcome;
  readonly objective: number | null;
}

export function objectiveValue(outcome: VariantOutcome, metric: string): number | null {
  if (outcome.status !== 'ok') return null;
  if (metric === 'finalEquity') return outcome.finalEquity === null ? null : Number(outcome.finalEquity);
  const [group, key] = metric.split('.') as [string, string];
  const source = group === 'metrics' ? outcome.metrics : group === 'goals' ? (outcome.goals as Record<string, unknown> | null) : null;
  const value = source?.[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

export function rankOutcomes(variants: readonly Variant[], outcomes: ReadonlyMap<number, VariantOutcome>, objective: Objective): RankedRow[] {
  const rows = variants.flatMap((variant) => {
    const outcome = outcomes.get(variant.id);
    return outcome === undefined ? [] : [{ variant, outcome, objective: objectiveValue(outcome, objective.metric) }];
  });
  const sign = objective.direction === 'max' ? -1 : 1;
  const ranked = rows.filter((r) => r.objective !== null).sort((a, b) => sign * ((a.objective as number) - (b.objective as number)) || a.variant.id - b.variant.id);
  const rest = rows.filter((r) => r.objective === null).sort((a, b) => a.variant.id - b.variant.id);
  return [...ranked.map((row, i) => ({ ...row, rank: i + 1 })), ...rest.map((row) => ({ ...row, rank: null }))];
}

const METRIC_COLUMNS = METRIC_KEYS;
const GOAL_COLUMNS = ['months', 'monthsReturnGoalMet', 'monthsIncomeGoalMet', 'portfolioTargetReachedAt', 'riskAdjustments', 'milestones'] as const;

export function paramText(value: ParamValue | undefined): string {
  if (typeof value === 'number') return formatFloat(value);
  // an object or list as its JSON, so the cell says what the variant set
  return value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
}

export function resultsTable(rows: readonly RankedRow[], paths: readonly string[]): { header: string[]; body: string[][] } {
  const header = ['rank', 'variant', 'status', ...paths, 'objective', 'finalEquity', ...METRIC_COLUMNS, ...GOAL_COLUMNS, 'error'];
  const body = rows.map(({ rank, variant, outcome, objective }) => [
    rank === null ? '' : String(rank),
    String(variant.id),
    outcome.status,
    ...paths.map((path) => paramText(variant.params[path])),
    formatFloat(objective),
    outcome.finalEquity ?? '',
    ...METRIC_COLUMNS.map((metric) => formatFloat(outcome.metrics?.[metric] ?? null)),
    ...GOAL_COLUMNS.map((key) => {
      const value = outcome.goals?.[key];
      return typeof value === 'number' ? String(value) : (value ?? '');
    }),
    outcome.error ?? '',
  ]);
  return { header, body };
}
