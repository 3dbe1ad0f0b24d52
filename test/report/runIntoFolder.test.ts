import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeMetrics } from '../../src/analysis/metrics.js';
import { runToFolder } from '../../src/api.js';
import { runIntoFolder, writeRunFiles } from '../../src/report/runFiles.js';
import { loadScenarioFile } from '../../src/scenario/load.js';
import { simulate } from '../../src/sim/engine.js';
import type { EquityCurve } from '../../src/sim/equityCurve.js';
import { loadScenarioData } from '../../src/sim/loadData.js';
import { runScenario } from '../../src/sim/run.js';
import { keptCurve, tempDir } from '../helpers.js';
import { bars, scripted, setup, T0 } from '../sim/fixtures.js';

// (outside the suites mutation testing runs: these run the whole engine, and StrykerJS would
// retest every surviving mutant they cover; the recorder's own tests are in test/sim)

const rowsOf = (curve: EquityCurve, from = 0, to = curve.length): number[][] =>
  Array.from({ length: to - from }, (_, k) => [curve.time[from + k], curve.equity[from + k], curve.cash[from + k], curve.exposure[from + k], curve.drawdown[from + k]] as number[]);

describe('a run that streams its curve', () => {
  // more rows than a chunk (65,536), so that chunks are handed on during the run
  const closes = Array.from({ length: 70_000 }, (_, i) => 100 + 10 * Math.sin(i / 500) + (i % 7));
  const series = bars('A', closes.map((c) => [c, c + 1, c - 1, c] as const));
  const strategy = (): ReturnType<typeof scripted> => scripted(Object.fromEntries(Array.from({ length: 140 }, (_, k) => [k * 500, k % 2 === 0 ? 'buy' : 'close'])));

  it('hands the sink exactly the rows it would have kept, and the same summary', () => {
    const kept = simulate(setup([series], strategy));
    const handed: number[][] = [];
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

  it('is what runToFolder does, report included, with the metrics of a run that kept its curve', async () => {
    const dir = tempDir();
    const result = await runToFolder(resolved, dir);
    expect(result.equityCurve).toBeUndefined();
    expect(existsSync(join(dir, 'report.html'))).toBe(true);
    const kept = await runScenario(resolved, await loadScenarioData(resolved));
    expect(result.metrics).toEqual(kept.metrics);
    expect(result.curveSummary).toEqual(kept.curveSummary);
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
