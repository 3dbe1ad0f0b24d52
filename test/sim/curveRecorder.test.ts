import { describe, expect, it } from 'vitest';
import { CurveRecorder, summariseCurve, type EquityCurve } from '../../src/sim/equityCurve.js';
import { DAY, T0 } from './fixtures.js';

interface Row {
  readonly time: number;
  readonly equity: number;
  readonly cash: number;
  readonly exposure: number;
  readonly drawdown: number;
}

const rowsOf = (curve: EquityCurve, from = 0, to = curve.length): Row[] =>
  Array.from({ length: to - from }, (_, k) => {
    const i = from + k;
    return { time: curve.time[i] as number, equity: curve.equity[i] as number, cash: curve.cash[i] as number, exposure: curve.exposure[i] as number, drawdown: curve.drawdown[i] as number };
  });

/** Sum over the rows but the last of value x the time until the next row. */
function heldOver(value: (row: Row) => number): number {
  let sum = 0;
  for (let i = 0; i + 1 < ROWS.length; i++) sum += value(ROWS[i] as Row) * ((ROWS[i + 1] as Row).time - (ROWS[i] as Row).time);
  return sum;
}

/** Records `rows` as the engine does, rewriting the last one before the end as its close at the end does. */
function record(recorder: CurveRecorder, rows: readonly Row[], lastEquity: number): void {
  for (const row of rows) {
    const i = recorder.nextRow();
    recorder.curve.time[i] = row.time;
    recorder.curve.equity[i] = row.equity;
    recorder.curve.cash[i] = row.cash;
    recorder.curve.exposure[i] = row.exposure;
    recorder.curve.drawdown[i] = row.drawdown;
  }
  recorder.curve.equity[recorder.curve.length - 1] = lastEquity;
}

// ten rows over four UTC days, with a drawdown and flat spells
const ROWS: Row[] = [100, 103, 99, 97, 101, 110, 104, 104, 108, 95].map((equity, i) => ({ time: T0 + Math.floor(i / 3) * DAY + i * 60_000, equity, cash: 50, exposure: i % 4 === 0 ? 0 : 0.5, drawdown: i / 100 }));

describe('the curve recorder', () => {
  it('hands every row to its sink once, in order, each only when final (the last after the end rewrote it)', () => {
    const handed: Row[] = [];
    const calls: [number, number][] = [];
    const recorder = new CurveRecorder(ROWS.length, (curve, from, to) => {
      calls.push([from, to]);
      handed.push(...rowsOf(curve, from, to));
    }, 3);
    record(recorder, ROWS, 90);
    expect(handed, 'nothing is final before the end but full chunks').toHaveLength(9);
    const summary = recorder.end();
    expect(calls, 'three full chunks of 3, then the last row at the end').toEqual([[0, 3], [0, 3], [0, 3], [0, 1]]);
    const expected = [...ROWS.slice(0, 9), { ...(ROWS[9] as Row), equity: 90 }];
    expect(handed).toEqual(expected);
    expect(recorder.curve.length, 'a streaming recorder holds one chunk').toBeLessThanOrEqual(3);
    // the summary is that of the whole curve, as if it had been kept
    const whole = new CurveRecorder(ROWS.length);
    record(whole, ROWS, 90);
    expect(rowsOf(whole.curve)).toEqual(expected);
    expect(summary).toEqual(summariseCurve(whole.curve));
    expect(whole.end()).toEqual(summary);
  });

  it('summarises: first and last time, deepest drawdown, lowest equity, rows exposed, the last equity of each day', () => {
    const recorder = new CurveRecorder(ROWS.length);
    record(recorder, ROWS, 90);
    expect(recorder.end()).toEqual({
      rows: 10,
      firstTime: T0,
      lastTime: T0 + 3 * DAY + 9 * 60_000,
      maxDrawdown: 0.09,
      minEquity: 90,
      exposedRows: 7, // rows 0, 4 and 8 are flat
      // each row's value held until the next row's time; the last (equity 90 at the close) holds for none
      equityTime: heldOver((row) => row.equity),
      exposureTime: heldOver((row) => row.exposure),
      maxExposure: 0.5,
      lastEquity: 90,
      lastExposure: 0.5,
      dailyCloses: { day: [0, 1, 2, 3].map((d) => T0 / DAY + d), equity: [99, 110, 108, 90] },
    });
  });

  it('refuses a row beyond a kept curve\'s room rather than drop the rows before it', () => {
    const recorder = new CurveRecorder(2);
    expect([recorder.nextRow(), recorder.nextRow()]).toEqual([0, 1]);
    expect(() => recorder.nextRow()).toThrow(/holds 2 rows/);
  });

  it('gives the summary so far without ending, and later rows do not change it', () => {
    const recorder = new CurveRecorder(ROWS.length, () => undefined, 4);
    record(recorder, ROWS.slice(0, 6), 110);
    const soFar = recorder.summarySoFar();
    expect([soFar.rows, soFar.maxDrawdown, soFar.minEquity, soFar.dailyCloses.equity]).toEqual([6, 0.05, 97, [99, 110]]);
    record(recorder, ROWS.slice(6), 95);
    expect(soFar.dailyCloses.equity, 'a copy').toEqual([99, 110]);
    expect(recorder.summarySoFar().rows).toBe(10);
    expect(recorder.end().rows).toBe(10);
  });
});
