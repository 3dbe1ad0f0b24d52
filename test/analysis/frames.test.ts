/** DataFrame views of run folders through the optional danfojs peer. */
import { describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runFrames, sweepFrame } from '../../src/analysis/frames.js';
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

describe('sweepFrame and the columns of a frame', () => {
  it('reads numbers where every cell of a column is one or empty, text otherwise', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'results.csv'), 'rank,variant,f,mode,objective,note\n1,3,0.25,a,-1.5e-3,x\n,4,0.5,b,,1\n');
    const frame = await sweepFrame(dir);
    expect(frame.shape).toEqual([2, 6]);
    expect(frame.column('rank').values).toEqual([1, null]);
    expect(frame.column('f').values).toEqual([0.25, 0.5]);
    expect(frame.column('objective').values).toEqual([-0.0015, null]);
    expect(frame.column('mode').values).toEqual(['a', 'b']);
    // one cell that is not a number keeps the column as text
    expect(frame.column('note').values).toEqual(['x', '1']);
  });

  it('refuses a folder without results.csv or with an empty one, and leaves out empty run tables', async () => {
    const dir = tempDir();
    await expect(sweepFrame(dir)).rejects.toThrow(`${dir}: not a sweep folder (no results.csv)`);
    writeFileSync(join(dir, 'results.csv'), '');
    await expect(sweepFrame(dir)).rejects.toThrow('not a sweep folder');
    const run = join(tempDir(), 'run');
    mkdirSync(run);
    writeFileSync(join(run, 'summary.json'), '{}');
    writeFileSync(join(run, 'trades.csv'), '');
    const frames = await runFrames(run);
    expect([frames.equity, frames.trades, frames.decisions, frames.progress]).toEqual([undefined, undefined, undefined, undefined]);
  });
});
