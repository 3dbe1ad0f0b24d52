/** DataFrame views of run folders through the optional danfojs peer. */
import { describe, expect, it } from 'vitest';
import { runFrames } from '../../src/analysis/frames.js';
import { writeRunFiles } from '../../src/report/runFiles.js';
import { loadScenarioFile } from '../../src/scenario/load.js';
import { loadScenarioData } from '../../src/sim/loadData.js';
import { runScenario } from '../../src/sim/run.js';
import { tempDir, keptCurve } from '../helpers.js';

describe('runFrames', () => {
  it('gives the run folder tables as DataFrames, numbers as numbers', async () => {
    const resolved = loadScenarioFile('scenarios/demo.json');
    const result = await runScenario(resolved, await loadScenarioData(resolved));
    const dir = tempDir();
    writeRunFiles(result, dir);
    const frames = await runFrames(dir);
    expect(frames.equity?.shape, 'one row per equity sample, five columns').toEqual([keptCurve(result).length, 5]);
    expect(frames.trades?.shape[0]).toBe(result.trades.length);
    const pnl = frames.trades?.column('pnl').values as number[];
    expect(pnl, 'pnl read back as numbers, exactly as written').toEqual(result.trades.map((t) => Number(t.pnl.toFixed())));
    expect(frames.trades?.column('symbol').values).toEqual(result.trades.map((t) => t.symbol));
    expect(frames.progress?.shape[0]).toBe(result.goalTables?.progressRows.length);
  });

  it('refuses a folder that is not a run', async () => {
    await expect(runFrames(tempDir())).rejects.toThrow(/not a run folder/);
  });
});
