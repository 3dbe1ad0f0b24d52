import { describe, expect, it } from 'vitest';
import { BarMerge, TimerSchedule, type TimerKind } from '../../src/clock/index.js';
import { allocateBarSeries, type BarSeries } from '../../src/data/series.js';

function seriesAt(symbol: string, times: number[]): BarSeries {
  const series = allocateBarSeries(symbol, times.length);
  series.time.set(times);
  series.close.fill(1);
  return series;
}

describe('TimerSchedule', () => {
  it('starts every timer after the first bar', () => {
    const first = Date.UTC(2020, 1, 1); // a bar exactly on a month, day and hour boundary
    const schedule = new TimerSchedule({ monthRollover: true, dailySnapshot: true, intervalMinutes: 60 }, first);
    expect(schedule.earliest).toBe(first + 3_600_000);
  });

  it('fires month rollover, daily snapshot and interval in time order, then kind order', () => {
    const start = Date.UTC(2020, 0, 31, 21, 30); // 21:30 on the last day of January
    const schedule = new TimerSchedule({ monthRollover: true, dailySnapshot: true, intervalMinutes: 60 }, start);
    const fired: string[] = [];
    schedule.fireUntil(Date.UTC(2020, 1, 1, 1), true, (kind: TimerKind, time: number) => fired.push(`${new Date(time).toISOString().slice(5, 13)} ${kind}`));
    expect(fired).toEqual([
      '01-31T22 interval',
      '01-31T23 interval',
      '02-01T00 monthRollover', // the same instant: month before day before interval
      '02-01T00 dailySnapshot',
      '02-01T00 interval',
      '02-01T01 interval',
    ]);
  });

  it('fires nothing at the limit itself unless inclusive', () => {
    const midnight = Date.UTC(2020, 5, 2);
    const schedule = new TimerSchedule({ monthRollover: false, dailySnapshot: true, intervalMinutes: undefined }, Date.UTC(2020, 5, 1, 12));
    const fired: number[] = [];
    schedule.fireUntil(midnight, false, (_kind, time) => fired.push(time));
    expect(fired).toEqual([]);
    schedule.fireUntil(midnight, true, (_kind, time) => fired.push(time));
    expect(fired).toEqual([midnight]);
  });

  it('rolls months of different lengths', () => {
    const schedule = new TimerSchedule({ monthRollover: true, dailySnapshot: false, intervalMinutes: undefined }, Date.UTC(2020, 0, 15));
    const fired: string[] = [];
    schedule.fireUntil(Date.UTC(2020, 3, 1), true, (_kind, time) => fired.push(new Date(time).toISOString().slice(0, 10)));
    expect(fired, '2020 is a leap year: March follows 29 February').toEqual(['2020-02-01', '2020-03-01', '2020-04-01']);
  });
});

describe('BarMerge', () => {
  it('merges symbols in time order and delivers equal times in configured symbol order', () => {
    const merge = new BarMerge([seriesAt('B', [1, 3, 5]), seriesAt('A', [2, 3, 6])]);
    const seen: string[] = [];
    while (merge.advance()) {
      for (let a = 0; a < merge.count; a++) seen.push(`${merge.time}:${merge.series[merge.active[a] as number]?.symbol}`);
    }
    expect(seen).toEqual(['1:B', '2:A', '3:B', '3:A', '5:B', '6:A']);
  });

  it('refuses a series whose time does not strictly increase', () => {
    const merge = new BarMerge([seriesAt('A', [1, 1])]);
    expect(merge.advance()).toBe(true);
    expect(() => merge.advance()).toThrow(/strictly increasing/);
  });
});
