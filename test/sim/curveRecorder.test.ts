import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeMetrics } from '../../src/analysis/metrics.js';
import { runIntoFolder, writeRunFiles } from '../../src/report/runFiles.js';
import { loadScenarioFile } from '../../src/scenario/load.js';
import { simulate } from '../../src/sim/engine.js';
import { CurveRecorder, summariseCurve, type EquityCurve } from '../../src/sim/equityCurve.js';
import { loadScenarioData } from '../../src/sim/loadData.js';
import { runScenario } from '../../src/sim/run.js';
import { keptCurve, tempDir } from '../helpers.js';
import { bars, DAY, scripted, setup, T0 } from './fixtures.js';

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
      dailyCloses: { day: [0, 1, 2, 3].map((d) => T0 / DAY + d), equity: [99, 110, 108, 90] },
    });
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

describe('a run that streams its curve', () => {
  // more rows than a chunk (65,536), so that chunks are handed on during the run
  const closes = Array.from({ length: 70_000 }, (_, i) => 100 + 10 * Math.sin(i / 500) + (i % 7));
  const series = bars('A', closes.map((c) => [c, c + 1, c - 1, c] as const));
  const strategy = (): ReturnType<typeof scripted> => scripted(Object.fromEntries(Array.from({ length: 140 }, (_, k) => [k * 500, k % 2 === 0 ? 'buy' : 'close'])));

  it('hands the sink exactly the rows it would have kept, and the same summary', () => {
    const kept = simulate(setup([series], strategy));
    const handed: Row[] = [];
    const streamed = simulate({ ...setup([series], strategy), curveSink: (curve, from, to) => void handed.push(...rowsOf(curve, from, to)) });
    expect(streamed.equityCurve, 'the output keeps no curve').toBeUndefined();
    expect(handed).toEqual(rowsOf(keptCurve(kept)));
    expect(streamed.curveSummary).toEqual(kept.curveSummary);
    expect(computeMetrics(streamed.curveSummary, streamed.ledger.trades, 10_000, 1, 365)).toEqual(computeMetrics(keptCurve(kept), kept.ledger.trades, 10_000, 1, 365));
  });
});

describe('runIntoFolder', () => {
  const resolved = loadScenarioFile('scenarios/compare/dax-pipeline.json');

  it('writes the same folder as a run that kept its curve', async () => {
    const data = await loadScenarioData(resolved);
    const keptDir = tempDir();
    writeRunFiles(await runScenario(resolved, data), keptDir);
    const streamedDir = tempDir();
    const { result, paths } = await runIntoFolder(streamedDir, (curveSink) => runScenario(resolved, data, { curveSink }));
    expect(result.equityCurve).toBeUndefined();
    expect(() => writeRunFiles(result, tempDir()), 'a streamed result cannot write a folder without its curve').toThrow(/runIntoFolder/);
    expect(readdirSync(streamedDir).sort()).toEqual(readdirSync(keptDir).sort());
    expect(paths.map((path) => path.slice(streamedDir.length + 1)).sort()).toEqual(readdirSync(keptDir).sort());
    for (const file of readdirSync(keptDir)) expect(readFileSync(join(streamedDir, file), 'utf8'), file).toBe(readFileSync(join(keptDir, file), 'utf8'));
  });

  it('leaves no equity.csv, partial or whole, when the run fails', async () => {
    const dir = join(tempDir(), 'out');
    mkdirSync(dir);
    await expect(
      runIntoFolder(dir, async (curveSink) => {
        curveSink({ length: 1, time: Float64Array.of(T0), equity: Float64Array.of(1), cash: Float64Array.of(1), exposure: Float64Array.of(0), drawdown: Float64Array.of(0) }, 0, 1);
        throw new Error('the strategy threw');
      }),
    ).rejects.toThrow('the strategy threw');
    expect(readdirSync(dir)).toEqual([]);
  });
});
