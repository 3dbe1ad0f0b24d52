import { describe, expect, it } from 'vitest';
import { marginals } from '../../src/analysis/marginals.js';
import { objectiveValue, paramText, rankOutcomes, resultsTable } from '../../src/analysis/sweepResults.js';
import type { VariantOutcome } from '../../src/parallel/task.js';
import type { ParamValue, Variant } from '../../src/scenario/variants.js';

const goals = { months: 12, monthsReturnGoalMet: 5, monthsIncomeGoalMet: 2, portfolioTargetReachedAt: '2020-06-01T00:00:00Z', riskAdjustments: 3, milestones: 1 };

function outcome(id: number, sharpe: number | null, status: VariantOutcome['status'] = 'ok'): VariantOutcome {
  return { id, status, error: status === 'ok' ? null : 'boom', finalEquity: status === 'ok' ? `${100 + id}` : null, metrics: status === 'ok' ? { sharpe, totalReturn: id / 100 } : null, goals: status === 'ok' ? goals : null };
}

const variant = (id: number, params: Record<string, ParamValue>): Variant => ({ id, params });

describe('objectiveValue', () => {
  it('reads finalEquity, a metric or a goal count, and null for anything else', () => {
    const o = outcome(7, 1.5);
    expect(objectiveValue(o, 'finalEquity')).toBe(107);
    expect(objectiveValue(o, 'metrics.sharpe')).toBe(1.5);
    expect(objectiveValue(o, 'goals.monthsReturnGoalMet')).toBe(5);
    expect(objectiveValue(o, 'goals.portfolioTargetReachedAt'), 'a date is no objective').toBeNull();
    expect(objectiveValue(o, 'other.sharpe')).toBeNull();
    expect(objectiveValue(o, 'metrics.missing')).toBeNull();
    expect(objectiveValue(outcome(7, null), 'metrics.sharpe')).toBeNull();
    expect(objectiveValue(outcome(7, Number.POSITIVE_INFINITY), 'metrics.sharpe'), 'not finite').toBeNull();
    expect(objectiveValue(outcome(7, 1, 'failed'), 'metrics.sharpe')).toBeNull();
    expect(objectiveValue({ ...o, finalEquity: null }, 'finalEquity')).toBeNull();
    expect(objectiveValue({ ...o, goals: null }, 'goals.months')).toBeNull();
  });
});

describe('rankOutcomes', () => {
  const variants = [variant(0, { f: 1 }), variant(1, { f: 2 }), variant(2, { f: 3 }), variant(3, { f: 4 }), variant(4, { f: 5 })];
  // variant 4 has no outcome yet; 3 failed; 0 and 2 tie
  const outcomes = new Map([outcome(0, 1), outcome(1, 2), outcome(2, 1), outcome(3, 9, 'failed')].map((o) => [o.id, o]));

  it('ranks by the objective, best first, ties by variant id, unranked rows after by id', () => {
    const max = rankOutcomes(variants, outcomes, { metric: 'metrics.sharpe', direction: 'max' });
    expect(max.map((r) => [r.variant.id, r.rank, r.objective])).toEqual([
      [1, 1, 2],
      [0, 2, 1],
      [2, 3, 1],
      [3, null, null],
    ]);
    const min = rankOutcomes(variants, outcomes, { metric: 'metrics.sharpe', direction: 'min' });
    expect(min.map((r) => r.variant.id)).toEqual([0, 2, 1, 3]);
  });

  it('writes the results table with the swept values, metrics and goal counts', () => {
    const rows = rankOutcomes(variants, outcomes, { metric: 'metrics.sharpe', direction: 'max' });
    const { header, body } = resultsTable(rows, ['f']);
    expect(header.slice(0, 6)).toEqual(['rank', 'variant', 'status', 'f', 'objective', 'finalEquity']);
    expect(header.at(-1)).toBe('error');
    const cell = (row: readonly string[], column: string): string => row[header.indexOf(column)] as string;
    const first = body[0] as string[];
    expect([cell(first, 'rank'), cell(first, 'variant'), cell(first, 'status'), cell(first, 'f'), cell(first, 'objective'), cell(first, 'finalEquity')]).toEqual(['1', '1', 'ok', '2', '2', '101']);
    expect([cell(first, 'sharpe'), cell(first, 'totalReturn'), cell(first, 'cagr')]).toEqual(['2', '0.01', '']);
    expect([cell(first, 'months'), cell(first, 'portfolioTargetReachedAt'), cell(first, 'error')]).toEqual(['12', '2020-06-01T00:00:00Z', '']);
    const failed = body[3] as string[];
    expect([cell(failed, 'rank'), cell(failed, 'status'), cell(failed, 'objective'), cell(failed, 'finalEquity'), cell(failed, 'months'), cell(failed, 'error')]).toEqual(['', 'failed', '', '', '', 'boom']);
    expect(body.every((row) => row.length === header.length)).toBe(true);
  });

  it('paramText writes numbers as every float, strings and booleans as they are', () => {
    expect([paramText(0.1 + 0.2), paramText('fast'), paramText(true), paramText(undefined)]).toEqual(['0.3', 'fast', 'true', '']);
  });
});

describe('marginals', () => {
  const variants = [variant(0, { f: 0.1, mode: 'a' }), variant(1, { f: 0.2, mode: 'a' }), variant(2, { f: 0.1, mode: 'b' }), variant(3, { f: 0.2 }), variant(4, { f: 10 })];
  const outcomes = new Map([outcome(0, 1), outcome(1, 4), outcome(2, 3), outcome(3, 2), outcome(4, null)].map((o) => [o.id, o]));
  const rows = rankOutcomes(variants, outcomes, { metric: 'metrics.sharpe', direction: 'max' });

  it('count, average and name the best variant per value, over ranked variants that set the parameter', () => {
    expect(marginals(rows, ['f', 'mode'])).toEqual([
      { parameter: 'f', value: '0.1', count: 2, meanObjective: 2, bestVariant: 2, bestObjective: 3 },
      { parameter: 'f', value: '0.2', count: 2, meanObjective: 3, bestVariant: 1, bestObjective: 4 },
      { parameter: 'mode', value: 'a', count: 2, meanObjective: 2.5, bestVariant: 1, bestObjective: 4 },
      { parameter: 'mode', value: 'b', count: 1, meanObjective: 3, bestVariant: 2, bestObjective: 3 },
    ]);
  });

  it('order values numerically, then as text, and give nothing without a ranked variant', () => {
    const numeric = [variant(0, { f: 10 }), variant(1, { f: 9 }), variant(2, { f: 'x' }), variant(3, { f: 'w' })];
    const ranked = rankOutcomes(numeric, new Map([outcome(0, 1), outcome(1, 2), outcome(2, 3), outcome(3, 4)].map((o) => [o.id, o])), { metric: 'metrics.sharpe', direction: 'max' });
    expect(marginals(ranked, ['f']).map((m) => m.value)).toEqual(['9', '10', 'w', 'x']);
    expect(marginals(rows.filter((r) => r.objective === null), ['f'])).toEqual([]);
  });
});

describe('the order of the marginals', () => {
  it('sorts each parameter by its values, numbers as numbers and text as text, whatever order they ranked in', () => {
    // ranked best first: b's values come in as 3, 2, 1 and c's as z, y, x; a is one value
    const variants = [variant(0, { a: 1, b: 3, c: 'z' }), variant(1, { a: 1, b: 2, c: 'y' }), variant(2, { a: 1, b: 10, c: 'x' }), variant(3, { a: 1, b: 1, c: 'x' })];
    const outcomes = new Map([outcome(0, 4), outcome(1, 3), outcome(2, 2), outcome(3, 1)].map((o) => [o.id, o]));
    const rows = rankOutcomes(variants, outcomes, { metric: 'metrics.sharpe', direction: 'max' });
    expect(marginals(rows, ['a', 'b', 'c']).map((m) => `${m.parameter}=${m.value}`)).toEqual(['a=1', 'b=1', 'b=2', 'b=3', 'b=10', 'c=x', 'c=y', 'c=z']);
    // an empty text and a zero are different values, the empty one first
    const blank = rankOutcomes([variant(0, { s: '0' }), variant(1, { s: '' }), variant(2, { s: 'a' })], new Map([outcome(0, 3), outcome(1, 2), outcome(2, 1)].map((o) => [o.id, o])), { metric: 'metrics.sharpe', direction: 'max' });
    expect(marginals(blank, ['s']).map((m) => m.value)).toEqual(['', '0', 'a']);
  });
});
