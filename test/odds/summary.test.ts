import { describe, expect, it } from 'vitest';
import type { GoalType } from '../../src/goals/types.js';
import { failedFigures, type EnginePathFigures, type PathRecord } from '../../src/odds/pathRun.js';
import { wilsonInterval } from '../../src/odds/stats.js';
import { oddsResults, pathValues, type OddsFrame } from '../../src/odds/summary.js';

const DAY = 86_400_000;
const START = Date.UTC(2020, 0, 1);

function frameOf(overrides: Partial<OddsFrame> = {}): OddsFrame {
  return {
    engines: ['a', 'b'],
    goalTypes: ['monthly_return', 'monthly_income', 'portfolio_value'] satisfies GoalType[],
    initialCapital: 100,
    firstTime: START,
    targetDate: Date.UTC(2020, 2, 1), // 60 days after the start
    maxDrawdownPct: 0.15,
    ruin: 0.5,
    fanTimes: [START, Date.UTC(2020, 1, 1)],
    monthStarts: [Date.UTC(2020, 0, 1), Date.UTC(2020, 1, 1), Date.UTC(2020, 2, 1)],
    ...overrides,
  };
}

/** A finished engine-path with neutral figures, changed where a test says. */
function fig(engine: string, figures: Partial<EnginePathFigures> = {}): EnginePathFigures {
  return { engine, error: null, finalEquity: '100', minEquity: 100, maxDrawdown: 0, cagr: 0, sharpe: 0, months: 3, monthsReturnGoalMet: 0, monthsIncomeGoalMet: 0, targetReachedAt: null, fan: [100, 100], ...figures };
}

const record = (path: number, engines: EnginePathFigures[]): PathRecord => ({ path, seed: `s:${path}`, engines });
const engineOf = (results: ReturnType<typeof oddsResults>, name: string) => {
  const found = results.engines.find((e) => e.engine === name);
  if (found === undefined) throw new Error(`no engine ${name}`);
  return found;
};

describe('per-path values', () => {
  const frame = frameOf();

  it('count a monthly goal as the share of the path months met, and leave out a path without months', () => {
    expect(pathValues(frame, fig('a', { months: 4, monthsReturnGoalMet: 1, monthsIncomeGoalMet: 3 }))).toMatchObject({ monthlyReturn: 0.25, monthlyIncome: 0.75 });
    const none = pathValues(frame, fig('a', { months: 0, monthsReturnGoalMet: 0 }));
    expect([none.monthlyReturn, none.monthlyIncome]).toEqual([undefined, undefined]);
    // a null count of goals met with months recorded counts as none met
    expect(pathValues(frame, fig('a', { months: 2, monthsReturnGoalMet: null, monthsIncomeGoalMet: null }))).toMatchObject({ monthlyReturn: 0, monthlyIncome: 0 });
  });

  it('count the target when reached by its date, the date itself included', () => {
    const target = frame.targetDate as number;
    expect(pathValues(frame, fig('a', { targetReachedAt: target })).portfolioTarget).toBe(1);
    expect(pathValues(frame, fig('a', { targetReachedAt: target + 1 })).portfolioTarget).toBe(0);
    expect(pathValues(frame, fig('a', { targetReachedAt: null })).portfolioTarget).toBe(0);
    // without a target date, reached at any time counts
    expect(pathValues(frameOf({ targetDate: null }), fig('a', { targetReachedAt: target + 10 * DAY })).portfolioTarget).toBe(1);
  });

  it('breach the drawdown limit only beyond it, and ruin only below the floor', () => {
    expect(pathValues(frame, fig('a', { maxDrawdown: 0.15 })).drawdownBreach).toBe(0);
    expect(pathValues(frame, fig('a', { maxDrawdown: 0.1500001 })).drawdownBreach).toBe(1);
    expect(pathValues(frame, fig('a', { minEquity: 50 })).ruin).toBe(0);
    expect(pathValues(frame, fig('a', { minEquity: 49.99 })).ruin).toBe(1);
    const unknown = pathValues(frame, fig('a', { maxDrawdown: null, minEquity: null }));
    expect([unknown.drawdownBreach, unknown.ruin]).toEqual([undefined, undefined]);
  });

  it('have no goal value for a goal the scenario does not set', () => {
    const values = pathValues(frameOf({ goalTypes: [] }), fig('a', { months: 3, monthsReturnGoalMet: 3, targetReachedAt: START }));
    expect([values.monthlyReturn, values.monthlyIncome, values.portfolioTarget]).toEqual([undefined, undefined, undefined]);
    expect(values.drawdownBreach).toBe(0);
  });
});

describe('the odds of constructed records', () => {
  const frame = frameOf();
  // four paths; engine b fails on path 2. Engine a by path:
  //   months met (return / income) of 3: 0/1, 1/3, 3/3, 2/0
  //   target reached: day 10, never, day 90 (after the 60-day date), day 40
  //   max drawdown 0.1, 0.2, 0.3, 0.05 (two breaches of 0.15); min equity 90, 40, 60, 30 (two ruins)
  //   final equity 110, 95, 130, 80; Sharpe 1, null, 2, -1
  const a = [
    fig('a', { monthsReturnGoalMet: 0, monthsIncomeGoalMet: 1, targetReachedAt: START + 10 * DAY, maxDrawdown: 0.1, minEquity: 90, finalEquity: '110', sharpe: 1, cagr: 0.1, fan: [100, 104] }),
    fig('a', { monthsReturnGoalMet: 1, monthsIncomeGoalMet: 3, targetReachedAt: null, maxDrawdown: 0.2, minEquity: 40, finalEquity: '95', sharpe: null, cagr: -0.05, fan: [100, 90] }),
    fig('a', { monthsReturnGoalMet: 3, monthsIncomeGoalMet: 3, targetReachedAt: START + 90 * DAY, maxDrawdown: 0.3, minEquity: 60, finalEquity: '130', sharpe: 2, cagr: 0.3, fan: [100, 120] }),
    fig('a', { monthsReturnGoalMet: 2, monthsIncomeGoalMet: 0, targetReachedAt: START + 40 * DAY, maxDrawdown: 0.05, minEquity: 30, finalEquity: '80', sharpe: -1, cagr: -0.2, fan: [100, 98] }),
  ];
  const b = [
    fig('b', { monthsReturnGoalMet: 0, monthsIncomeGoalMet: 0, maxDrawdown: 0.2, minEquity: 95, finalEquity: '100' }),
    fig('b', { monthsReturnGoalMet: 0, monthsIncomeGoalMet: 3, maxDrawdown: 0.1, minEquity: 95, finalEquity: '101' }),
    failedFigures('b', 'boom'),
    fig('b', { monthsReturnGoalMet: 3, monthsIncomeGoalMet: 0, maxDrawdown: 0.1, minEquity: 95, finalEquity: '102' }),
  ];
  const records = a.map((f, i) => record(i, [f, b[i] as EnginePathFigures]));
  // computed in each test, not while the suite is collected: mutation testing counts a test's own work only
  const summarise = () => {
    const results = oddsResults(frame, records);
    return { results, A: engineOf(results, 'a'), B: engineOf(results, 'b') };
  };

  it('count finished and failed paths per engine', () => {
    const { A, B } = summarise();
    expect([A.paths, A.failed, B.paths, B.failed]).toEqual([4, 0, 3, 1]);
  });

  it('give a monthly goal the mean share of months met, with the Wilson interval over paths', () => {
    const { A, B } = summarise();
    // a: (0 + 1 + 3 + 2) / 12 = 0.5; income (1 + 3 + 3 + 0) / 12 = 7/12
    expect(A.monthlyReturn?.probability).toBeCloseTo(0.5, 15);
    expect(A.monthlyReturn?.paths).toBe(4);
    expect(A.monthlyReturn?.interval).toEqual(wilsonInterval(0.5, 4));
    expect(A.monthlyIncome?.probability).toBeCloseTo(7 / 12, 15);
    // b over its three finished paths: (0 + 0 + 3) / 9
    expect(B.monthlyReturn?.probability).toBeCloseTo(1 / 3, 15);
    expect(B.monthlyReturn?.paths).toBe(3);
  });

  it('give the distribution of months met over the finished paths', () => {
    const { A, B } = summarise();
    // a met the return goal in 0, 1, 3, 2 months: one path each of 0, 1, 2, 3
    expect(A.monthlyReturn?.monthsMetDistribution).toEqual([1, 1, 1, 1]);
    expect(A.monthlyIncome?.monthsMetDistribution).toEqual([1, 1, 0, 2]);
    expect(B.monthlyReturn?.monthsMetDistribution).toEqual([2, 0, 0, 1]);
  });

  it('count the target by its date, and the days to it among the paths that made it in time', () => {
    const { A, B } = summarise();
    // reached in time on paths 0 (day 10) and 3 (day 40); path 2's day 90 is after the date
    expect(A.portfolioTarget?.probability).toBe(0.5);
    expect(A.portfolioTarget?.paths).toBe(4);
    // the conditional figure rests on the two paths that reached it: its count is probability x paths
    expect((A.portfolioTarget?.probability ?? 0) * (A.portfolioTarget?.paths ?? 0)).toBe(2);
    expect(A.portfolioTarget?.daysToTarget).toEqual({ p5: 11.5, p25: 17.5, p50: 25, p75: 32.5, p95: 38.5 });
    // by each month's end, the paths that have reached it, in time or not: day 10 by January's,
    // day 40 (February 10) by February's, day 90 (March 31) by March's
    expect(A.portfolioTarget?.reachedByMonth).toEqual([
      { month: '2020-01', share: 0.25 },
      { month: '2020-02', share: 0.5 },
      { month: '2020-03', share: 0.75 },
    ]);
    expect(B.portfolioTarget?.probability).toBe(0);
    expect(B.portfolioTarget?.daysToTarget.p50).toBeNull();
  });

  it('count drawdown breaches and ruin over the finished paths', () => {
    const { A, B } = summarise();
    expect(A.drawdownBreach).toEqual({ probability: 0.5, interval: wilsonInterval(0.5, 4), paths: 4 });
    expect(A.ruin.probability).toBe(0.5);
    expect(B.drawdownBreach.probability).toBeCloseTo(1 / 3, 15);
    expect(B.ruin.probability).toBe(0);
  });

  it('give the quantiles of final equity, CAGR and Sharpe, leaving out what a path lacks', () => {
    const { A, B } = summarise();
    // final equity 80, 95, 110, 130: the median interpolates 95 and 110
    expect(A.finalEquity.p50).toBe(102.5);
    expect(A.finalEquity.p5).toBeCloseTo(80 + 0.15 * 15, 12);
    // Sharpe: the null one is left out, so -1, 1, 2
    expect(A.sharpe.p50).toBe(1);
    expect(A.cagr.p95).toBeCloseTo(0.3 - 0.15 * 0.2, 12);
    expect(B.finalEquity.p50).toBe(101);
  });

  it('pair the engines over the paths both finished', () => {
    const { results } = summarise();
    expect(results.pairs).toHaveLength(1);
    const pair = results.pairs[0];
    expect([pair?.a, pair?.b]).toEqual(['a', 'b']);
    // paths 0, 1, 3; return shares a: 0, 1/3, 2/3 against b: 0, 0, 1 -> differences 0, 1/3, -1/3
    const monthly = pair?.differences.monthlyReturn;
    expect(monthly?.n).toBe(3);
    expect(monthly?.difference).toBeCloseTo(0, 15);
    // sample sd of (0, 1/3, -1/3) = 1/3: half-width 1.96 x (1/3) / sqrt(3)
    expect(monthly?.interval?.high).toBeCloseTo((1.959963984540054 / 3) / Math.sqrt(3), 12);
    // breaches a: 0, 1, 0 against b: 1, 0, 0 -> mean 0; ruin a: 0, 1, 1 against 0, 0, 0 -> 2/3
    expect(pair?.differences.drawdownBreach?.difference).toBeCloseTo(0, 15);
    expect(pair?.differences.ruin?.difference).toBeCloseTo(2 / 3, 15);
    expect(pair?.differences.portfolioTarget?.n).toBe(3);
  });

  it('give the fan quantiles per instant over the paths with a fan', () => {
    const { results } = summarise();
    const fanA = results.fan.find((f) => f.engine === 'a');
    expect(fanA?.bands.p50).toEqual([100, 101]); // 90, 98, 104, 120 at the second instant
    // every band, by its name, type-7 quantiles of those four: 90 + 0.15 x 8, 90 + 0.75 x 8, 101, 104 + 0.25 x 16, 104 + 0.85 x 16
    expect(fanA?.bands).toEqual({ p5: [100, expect.closeTo(91.2, 9)], p25: [100, 96], p50: [100, 101], p75: [100, 108], p95: [100, expect.closeTo(117.6, 9)] });
    const fanB = results.fan.find((f) => f.engine === 'b');
    // the failed path has no fan: three paths of 100
    expect(fanB?.bands.p95).toEqual([100, 100]);
  });
});

describe('odds with little to count', () => {
  it('give no probability, interval or quantile where no path finished', () => {
    const frame = frameOf({ engines: ['a'] });
    const results = oddsResults(frame, [record(0, [failedFigures('a', 'x')]), record(1, [failedFigures('a', 'y')])]);
    const odds = engineOf(results, 'a');
    expect([odds.paths, odds.failed]).toEqual([0, 2]);
    expect(odds.drawdownBreach).toEqual({ probability: null, interval: null, paths: 0 });
    expect(odds.monthlyReturn).toMatchObject({ probability: null, paths: 0, monthsMetDistribution: [0] });
    expect(odds.portfolioTarget?.reachedByMonth.every((m) => m.share === 0)).toBe(true);
    expect(odds.finalEquity.p50).toBeNull();
    expect(results.pairs).toEqual([]);
    expect(results.fan[0]?.bands.p50).toEqual([null, null]);
  });

  it('leave out the goals the scenario does not set, and a pair value either engine lacks', () => {
    const frame = frameOf({ goalTypes: ['monthly_return'], engines: ['a', 'b', 'c'] });
    const results = oddsResults(frame, [
      record(0, [fig('a', { monthsReturnGoalMet: 3 }), fig('b'), fig('c', { maxDrawdown: null })]),
      record(1, [fig('a'), fig('b', { monthsReturnGoalMet: 3 }), fig('c', { maxDrawdown: null })]),
    ]);
    const a = engineOf(results, 'a');
    expect([a.monthlyIncome, a.portfolioTarget]).toEqual([null, null]);
    expect(a.monthlyReturn?.probability).toBe(0.5);
    // three engines make three pairs, in order
    expect(results.pairs.map((p) => `${p.a}-${p.b}`)).toEqual(['a-b', 'a-c', 'b-c']);
    const ab = results.pairs[0]?.differences;
    expect(Object.keys(ab ?? {}).sort()).toEqual(['drawdownBreach', 'monthlyReturn', 'ruin']);
    expect(ab?.monthlyReturn).toMatchObject({ difference: 0, n: 2 });
    // c has no drawdown figure: no breach difference with it
    expect(results.pairs[1]?.differences.drawdownBreach).toBeUndefined();
    expect(engineOf(results, 'c').drawdownBreach.paths).toBe(0);
  });

  it('size the distribution of months met by the longest path', () => {
    const frame = frameOf({ engines: ['a'] });
    const results = oddsResults(frame, [record(0, [fig('a', { months: 5, monthsReturnGoalMet: 4 })]), record(1, [fig('a', { months: 2, monthsReturnGoalMet: null })])]);
    // the path with a null count adds no entry; the other met 4 of 5 months
    expect(engineOf(results, 'a').monthlyReturn?.monthsMetDistribution).toEqual([0, 0, 0, 0, 1, 0]);
  });
});

describe('the goal effect', () => {
  it('pairs each arm with its goal-off twin: the probabilities and the final equity, arm minus twin', () => {
    const frame = frameOf({ engines: ['pipeline', 'fixed-fraction', 'pipeline:goal-off'], twins: [{ arm: 0, twin: 2 }] });
    const path = (i: number, arm: Partial<EnginePathFigures>, twin: Partial<EnginePathFigures>): PathRecord => record(i, [fig('pipeline', arm), fig('fixed-fraction'), fig('pipeline:goal-off', twin)]);
    const results = oddsResults(frame, [
      path(0, { monthsReturnGoalMet: 2, finalEquity: '110', meanExposure: 0.3 }, { monthsReturnGoalMet: 1, finalEquity: '105', meanExposure: 0.2 }),
      path(1, { monthsReturnGoalMet: 1, finalEquity: '100', meanExposure: 0.2 }, { monthsReturnGoalMet: 1, finalEquity: '101', meanExposure: 0.2 }),
      path(2, { monthsReturnGoalMet: 3, finalEquity: '120' }, { error: 'boom' }),
    ]);
    expect(results.goalEffects).toHaveLength(1);
    const effect = results.goalEffects[0];
    expect([effect?.arm, effect?.twin]).toEqual(['pipeline', 'pipeline:goal-off']);
    // paths 0 and 1 (the twin failed on path 2): months 2/3 - 1/3 and 1/3 - 1/3
    expect(effect?.differences.monthlyReturn?.n).toBe(2);
    expect(effect?.differences.monthlyReturn?.difference).toBeCloseTo(1 / 6, 15);
    // final equity 110 - 105 and 100 - 101: mean 2, sample sd of (5, -1) = sqrt(18)
    expect(effect?.finalEquity?.difference).toBe(2);
    expect(effect?.finalEquity?.interval?.high).toBeCloseTo(2 + (1.959963984540054 * Math.sqrt(18)) / Math.SQRT2, 10);
    // exposure 0.3 - 0.2 and 0.2 - 0.2
    expect(effect?.meanExposure?.difference).toBeCloseTo(0.05, 15);
    expect(results.engines[0]?.meanExposure).toMatchObject({ p50: 0.25 }); // 0.2, 0.3 and path 2's absent figure left out
    // the same numbers as the general pair of the two
    const pair = results.pairs.find((p) => p.a === 'pipeline' && p.b === 'pipeline:goal-off');
    expect(pair?.differences).toEqual(effect?.differences);
    expect(oddsResults(frameOf(), []).goalEffects).toEqual([]);
  });
});

describe('records at the edges', () => {
  it('leave out a path whose engine failed even when it carries figures, and a record without the engine', () => {
    const frame = frameOf({ engines: ['a', 'b'] });
    const failedWithFigures: EnginePathFigures = { ...fig('a', { maxDrawdown: 0.9, minEquity: 1, finalEquity: '1', meanExposure: 1, months: 3, monthsReturnGoalMet: 3 }), error: 'boom' };
    const results = oddsResults(frame, [
      record(0, [fig('a', { maxDrawdown: 0.1 }), fig('b', { maxDrawdown: 0.1 })]),
      record(1, [failedWithFigures, fig('b', { maxDrawdown: 0.9 })]),
      record(2, [fig('a', { maxDrawdown: 0.2 }), { ...fig('b', { maxDrawdown: 0.9 }), error: 'late' }]),
      { path: 3, seed: 's:3', engines: [fig('a', { maxDrawdown: 0.3 })] }, // b missing from this record
    ]);
    const a = engineOf(results, 'a');
    expect([a.paths, a.failed]).toEqual([3, 1]);
    expect(a.drawdownBreach.probability).toBeCloseTo(2 / 3, 15); // 0.1, 0.2, 0.3 against 0.15
    expect(a.monthlyReturn?.monthsMetDistribution).toEqual([3, 0, 0, 0]);
    expect(engineOf(results, 'b')).toMatchObject({ paths: 2, failed: 1 });
    // the pair counts only path 0: each of the others lacks one side
    expect(results.pairs[0]?.differences.drawdownBreach).toMatchObject({ n: 1, difference: 0 });
    const twinned = oddsResults({ ...frame, twins: [{ arm: 0, twin: 1 }] }, [record(0, [fig('a', { finalEquity: '5' }), { ...fig('b', { finalEquity: '3' }), error: 'x' }])]);
    expect(twinned.goalEffects[0]?.finalEquity).toBeNull();
  });

  it('count a month total of a path once per path, and the months a path lacks as none met', () => {
    const frame = frameOf({ engines: ['a'] });
    const results = oddsResults(frame, [0, 1, 2].map((i) => record(i, [fig('a', { months: 2, monthsReturnGoalMet: 2, monthsIncomeGoalMet: i === 0 ? null : 1 })])));
    const odds = engineOf(results, 'a');
    expect(odds.monthlyReturn?.monthsMetDistribution).toEqual([0, 0, 3]);
    expect(odds.monthlyIncome?.monthsMetDistribution).toEqual([0, 2, 0]);
    // the null count of path 0 still counts as a path with months, none met
    expect(odds.monthlyIncome?.probability).toBeCloseTo((0 + 0.5 + 0.5) / 3, 15);
  });

  it('skip a path without a fan in the bands, and name each month by its start', () => {
    const frame = frameOf({ engines: ['a'], monthStarts: [Date.UTC(2019, 11, 1), Date.UTC(2020, 0, 1)], targetDate: null });
    const results = oddsResults(frame, [record(0, [fig('a', { fan: [1, 2], targetReachedAt: Date.UTC(2019, 11, 31, 23) })]), record(1, [fig('a', { fan: null })]), record(2, [fig('a', { fan: [3, 4], targetReachedAt: Date.UTC(2020, 0, 1) })])]);
    expect(results.fan[0]?.bands.p50).toEqual([2, 3]);
    // reached on the last hour of December counts in December; at the first instant of January, in January
    expect(engineOf(results, 'a').portfolioTarget?.reachedByMonth).toEqual([
      { month: '2019-12', share: 1 / 3 },
      { month: '2020-01', share: 2 / 3 },
    ]);
    // days to the target count from the first instant
    expect(engineOf(results, 'a').portfolioTarget?.daysToTarget.p5).toBeCloseTo((Date.UTC(2019, 11, 31, 23) - START) / DAY * 0.95 + (Date.UTC(2020, 0, 1) - START) / DAY * 0.05, 9);
  });
});

describe("the history's place among the paths", () => {
  it('is the mid-rank percentile of path 0 among the finished paths, for final equity and Sharpe', () => {
    const frame = frameOf({ engines: ['a'] });
    const results = oddsResults(frame, [
      record(1, [fig('a', { finalEquity: '90', sharpe: 0.1 })]),
      record(0, [fig('a', { finalEquity: '120', sharpe: 0.5 })]),
      record(2, [fig('a', { finalEquity: '100', sharpe: 0.5 })]),
      record(3, [fig('a', { finalEquity: '130', sharpe: null })]),
    ]);
    // final equity 120 among 90, 120, 100, 130: two below, itself: (2 + 0.5) / 4; Sharpe 0.5 among 0.1, 0.5, 0.5: (1 + 1) / 3
    expect(engineOf(results, 'a').history).toEqual({ finalEquity: 2.5 / 4, sharpe: 2 / 3 });
    // without path 0, or with path 0 failed, there is no place
    expect(engineOf(oddsResults(frame, [record(1, [fig('a')])]), 'a').history).toEqual({ finalEquity: null, sharpe: null });
    expect(engineOf(oddsResults(frame, [record(0, [failedFigures('a', 'x')]), record(1, [fig('a')])]), 'a').history).toEqual({ finalEquity: null, sharpe: null });
  });

  it('counts the paths that reached the target in time beside the days to it', () => {
    const frame = frameOf({ engines: ['a'] });
    const results = oddsResults(frame, [0, 1, 2].map((i) => record(i, [fig('a', { targetReachedAt: i === 2 ? null : START + (i + 1) * 10 * DAY })])));
    expect(engineOf(results, 'a').portfolioTarget).toMatchObject({ reached: 2, daysToTarget: { p50: 15 } });
  });
});
