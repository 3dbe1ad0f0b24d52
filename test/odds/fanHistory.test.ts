import { describe, expect, it } from 'vitest';
import { failedFigures, type EnginePathFigures, type PathRecord } from '../../src/odds/pathRun.js';
import { oddsResults, type OddsFrame } from '../../src/odds/summary.js';

const START = Date.UTC(2020, 0, 1);
const frame: OddsFrame = {
  engines: ['a', 'b'],
  goalTypes: ['portfolio_value'],
  initialCapital: 100,
  firstTime: START,
  targetDate: null,
  maxDrawdownPct: 0.15,
  ruin: 0.5,
  fanTimes: [START, Date.UTC(2020, 1, 1), Date.UTC(2020, 2, 1)],
  monthStarts: [START, Date.UTC(2020, 1, 1), Date.UTC(2020, 2, 1)],
};
const fig = (engine: string, fan: number[]): EnginePathFigures => ({ engine, error: null, finalEquity: String(fan[fan.length - 1]), minEquity: Math.min(...fan), maxDrawdown: 0, cagr: 0, sharpe: 0, months: 3, monthsReturnGoalMet: 0, monthsIncomeGoalMet: 0, targetReachedAt: null, fan });
const record = (path: number, engines: EnginePathFigures[]): PathRecord => ({ path, seed: `s:${path}`, engines });

describe('the fan of each engine', () => {
  it('carries the history (path 0) beside its quantiles, per engine, whatever order the records come in', () => {
    const records = [record(2, [fig('a', [100, 90, 80]), fig('b', [100, 100, 100])]), record(0, [fig('a', [100, 110, 120]), fig('b', [100, 95, 105])]), record(1, [fig('a', [100, 105, 101]), fig('b', [100, 99, 98])])];
    const { fan } = oddsResults(frame, records);
    expect(fan.map((f) => f.history)).toEqual([
      [100, 110, 120],
      [100, 95, 105],
    ]);
    expect(fan[0]?.bands.p50).toEqual([100, 105, 101]);
  });

  it('has no history when path 0 is not among the records (a shard) or failed there', () => {
    const shard = oddsResults(frame, [record(1, [fig('a', [100, 101, 102]), fig('b', [100, 101, 102])])]);
    expect(shard.fan.map((f) => f.history)).toEqual([null, null]);
    const failed = oddsResults(frame, [record(0, [failedFigures('a', 'boom'), fig('b', [100, 101, 102])])]);
    expect(failed.fan.map((f) => f.history)).toEqual([null, [100, 101, 102]]);
  });
});
