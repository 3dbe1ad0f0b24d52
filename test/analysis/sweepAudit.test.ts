/** The audit of a sweep from its variants' series: the common calendar, the winner's DSR, PBO and the goal PBO. */
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { deflatedSharpe, returnMoments } from '../../src/analysis/deflatedSharpe.js';
import { probabilityOfOverfitting } from '../../src/analysis/pbo.js';
import { auditSentence, auditSweep, blocksFor, returnAt, returnText, sameColumns, seriesDays, type AuditedVariant } from '../../src/analysis/sweepAudit.js';
import type { AuditSeries } from '../../src/parallel/task.js';

const DAY0 = 10_000; // 1997-05-19

/** A variant with `days` daily returns from DAY0 (weekdays skipped as gaps of 1), and monthly flags. */
function variant(id: number, returns: number[], flags: { months: string[]; returnMet: (0 | 1 | null)[] } = { months: [], returnMet: [] }, firstDay = DAY0): AuditedVariant {
  const series: AuditSeries = { dayGaps: returns.map((_, i) => (i === 0 ? firstDay : 1)), returnsE8: returns.map((r) => Math.round(r * 1e8)), months: flags.months, returnMet: flags.returnMet, incomeMet: flags.months.map(() => null) };
  return { id, series };
}

function noise(count: number, seed: string, drift = 0): number[] {
  const random = seedrandom(seed);
  return Array.from({ length: count }, () => drift + 0.01 * Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random()));
}

describe('the sweep audit', () => {
  it('decodes the day gaps and picks the largest even block count that gives every block 2 periods', () => {
    expect(seriesDays({ dayGaps: [100, 1, 3, 1], returnsE8: [], months: [], returnMet: [], incomeMet: [] })).toEqual([100, 101, 104, 105]);
    expect([blocksFor(2000, 16), blocksFor(20, 16), blocksFor(9, 16), blocksFor(7, 16), blocksFor(100, 15)]).toEqual([16, 10, 4, 0, 14]);
  });

  it('keeps returns in units of 1e-8 and writes them as exact decimals', () => {
    const series: AuditSeries = { dayGaps: [1, 1, 1], returnsE8: [-847_192, null, 100_000_000], months: [], returnMet: [], incomeMet: [] };
    expect([returnAt(series, 0), returnAt(series, 1), returnAt(series, 2), returnAt(series, 3)]).toEqual([-0.00847192, null, 1, null]);
    expect([-847_192, 0, 100, 50_000_000, 100_000_000, 1_234_500_000, -1, null, undefined].map(returnText)).toEqual(['-0.00847192', '0', '0.000001', '0.5', '1', '12.345', '-0.00000001', '', '']);
  });

  it("deflates the winner's Sharpe ratio among every variant's, on the days all of them have", () => {
    const variants = [variant(0, noise(300, 'a')), variant(2, noise(300, 'b', 0.002)), variant(5, [...noise(299, 'c'), 0.5], undefined, DAY0 - 1)];
    const audit = auditSweep(variants, 2, 'metrics.sharpe');
    if (audit === null) throw new Error('an audit of 3 variants');
    // variant 5 starts a day earlier and so ends a day earlier: 299 common days, from DAY0 + 0 .. DAY0 + 298
    expect([audit.variants, audit.winner, audit.days, audit.firstDay, audit.lastDay]).toEqual([3, 2, 299, '1997-05-19', '1998-03-13']);
    expect(audit.notes).toEqual(['1 days that not every variant has are left out']);
    const column = (v: AuditedVariant, from: number): number[] => Array.from({ length: 299 }, (_, i) => returnAt(v.series, from + i) as number);
    const expected = deflatedSharpe(returnMoments(column(variants[1] as AuditedVariant, 0)), [column(variants[0] as AuditedVariant, 0), column(variants[1] as AuditedVariant, 0), column(variants[2] as AuditedVariant, 1)].map((r) => returnMoments(r).sharpe));
    expect(audit.deflatedSharpe.deflated).toBeCloseTo(expected.deflated, 14);
    expect(audit.deflatedSharpe.psr0).toBeCloseTo(expected.psr0, 14);
    expect(audit.deflatedSharpe.trialsVariance).toBeCloseTo(expected.trialsVariance, 16);
    expect(audit.deflatedSharpe.minTrackRecordDays).toBeCloseTo(expected.minTrackRecord as number, 8);
    // PBO on the daily Sharpe ratio: 299 days in 16 blocks of 18, the first 11 dropped
    expect(audit.pbo).toMatchObject({ metric: 'daily Sharpe ratio', requestedBlocks: 16, blocks: 16, periods: 288, periodsDropped: 11, splits: 12_870 });
    // every variant chosen at least once is named, with its count; none that never was
    const chosen = audit.pbo?.chosen ?? {};
    expect(Object.values(chosen).reduce((a, b) => a + b, 0)).toBe(12_870);
    expect(Object.values(chosen).every((count) => count > 0)).toBe(true);
    expect(audit.pbo?.lossProbability).toBe((audit.pbo?.outOfSample ?? []).filter((x) => x < 0).length / 12_870);
    expect(audit.goalPbo).toBeNull();
    expect(audit.sentence).toBe(auditSentence(audit.pbo, audit.deflatedSharpe, 3));
  });

  it('ranks by the share of months met for a monthly goal objective: the goal PBO', () => {
    const months = Array.from({ length: 40 }, (_, i) => `${2000 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
    const random = seedrandom('flags');
    const flags = (edge: boolean) => ({ months, returnMet: months.map(() => (edge || random() < 0.3 ? 1 : 0) as 0 | 1) });
    const variants = [variant(0, noise(100, 'x'), flags(false)), variant(1, noise(100, 'y'), flags(true)), variant(2, noise(100, 'z'), flags(false))];
    const audit = auditSweep(variants, 1, 'goals.monthsReturnGoalMet', 8);
    // the variant that meets every month is chosen in every split and ranks first out of sample
    expect(audit?.goalPbo).toMatchObject({ goal: 'monthly_return', metric: 'share of months meeting the monthly_return goal', blocks: 8, periods: 40, splits: 70, pbo: 0, lossProbability: null });
    expect(audit?.goalPbo?.chosen).toEqual({ '1': 70 });
    // the share of months met, not a Sharpe ratio: the edge column meets every month
    expect(audit?.goalPbo?.inSample.every((share) => share === 1)).toBe(true);
    const matrix = Float64Array.from(months.flatMap((_, t) => variants.map((v) => v.series.returnMet[t] as number)));
    expect(audit?.goalPbo?.pbo).toBe(probabilityOfOverfitting({ values: matrix, rows: 40, columns: 3, blocks: 8, metric: 'mean' }).pbo);
    // the sentence reads the goal PBO
    expect(audit?.sentence).toMatch(/^PBO 0\.00: .* in 0 % of 70 splits \(share of months meeting the monthly_return goal\); the ranking mostly holds out of sample\. DSR /);
    expect(audit?.notes).toEqual([]);
    // the same flags everywhere: a tie in every split, and a note that says so
    const tied = [variant(0, noise(100, 'x'), flags(true)), variant(1, noise(100, 'y'), flags(true))];
    const tie = auditSweep(tied, 0, 'goals.monthsReturnGoalMet', 8);
    expect([tie?.goalPbo?.pbo, tie?.goalPbo?.chosen]).toEqual([1, { '0': 70 }]);
    expect(tie?.notes).toEqual(['every variant met the monthly_return goal in the same months: the ranking by it is a tie, broken by variant id']);
    const twins = auditSweep([variant(0, noise(100, 'x')), variant(1, noise(100, 'x'))], 0, 'metrics.sharpe', 8);
    expect(twins?.notes).toEqual(['every variant has the same daily returns: the ranking is a tie, broken by variant id']);
    expect(sameColumns(Float64Array.from([1, 1, 2, 2, 3, 3]), 3, 2)).toBe(true);
    expect(sameColumns(Float64Array.from([1, 1, 2, 2, 3, 4]), 3, 2)).toBe(false);
    // income flags all unset: no goal PBO for that objective, and a note says why not
    const income = auditSweep(variants, 1, 'goals.monthsIncomeGoalMet', 8);
    expect(income?.goalPbo).toBeNull();
    expect(income?.notes).toContain('goal PBO: 0 periods do not fill 4 blocks of 2');
  });

  it('is left out with fewer than 2 variants or without the winner, and PBO without the periods for 4 blocks of 2', () => {
    expect(auditSweep([variant(0, noise(50, 'a'))], 0, 'metrics.sharpe')).toBeNull();
    expect(auditSweep([variant(0, noise(50, 'a')), variant(1, noise(50, 'b'))], 7, 'metrics.sharpe')).toBeNull();
    expect(auditSweep([variant(0, [0.1, 0.2]), variant(1, [0.1, -0.1])], 0, 'metrics.sharpe')).toBeNull();
    expect(auditSweep([variant(0, [0.1, 0.2, 0.3]), variant(1, [0.1, -0.1, 0.2])], 0, 'metrics.sharpe')?.days).toBe(3);
    const short = auditSweep([variant(0, noise(7, 'a')), variant(1, noise(7, 'b'))], 0, 'metrics.sharpe');
    expect(short?.pbo).toBeNull();
    expect(short?.notes).toEqual(['PBO: 7 periods do not fill 4 blocks of 2']);
    expect(short?.sentence).toMatch(/^PBO not computed \(too few periods\)\. DSR \d\.\d\d: /);
  });

  it('says in words what the PBO means', () => {
    const dsr = { sharpe: 0.05, skewness: 0, kurtosis: 3, trialsVariance: 0.001, expectedMaxSharpe: 0.03, deflated: 0.812, psr0: 0.9, minTrackRecordDays: 1000 };
    const pbo = (value: number) => ({ metric: 'daily Sharpe ratio', requestedBlocks: 16, blocks: 16, periods: 100, periodsDropped: 0, splits: 12_870, pbo: value, degradation: { slope: 0, intercept: 0, r2: 0 }, lossProbability: 0, chosen: {}, logits: [], inSample: [], outOfSample: [] });
    expect(auditSentence(pbo(0.62), dsr, 27)).toBe('PBO 0.62: the variant that ranks first in-sample ranks at or below the median out of sample in 62 % of 12870 splits (daily Sharpe ratio); treat the ranking as noise. DSR 0.81: the probability that the winner\'s Sharpe ratio is more than the luck of the best of 27 trials.');
    expect(auditSentence(pbo(0.5), dsr, 27)).toContain('; treat the ranking as noise.');
    expect(auditSentence(pbo(0.49), dsr, 27)).toContain('; the ranking is fragile.');
    expect(auditSentence(pbo(0.2), dsr, 27)).toContain('; the ranking is fragile.');
    expect(auditSentence(pbo(0.19), dsr, 27)).toContain('; the ranking mostly holds out of sample.');
  });
});
