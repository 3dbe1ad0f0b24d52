import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeRunFiles } from '../../src/report/runFiles.js';
import { loadScenarioFile } from '../../src/scenario/load.js';
import { loadScenarioData } from '../../src/sim/loadData.js';
import { runScenario, startScenario } from '../../src/sim/run.js';
import { tempDir, keptCurve } from '../helpers.js';

const files = (dir: string): Record<string, string> => Object.fromEntries(readdirSync(dir).sort().map((file) => [file, readFileSync(join(dir, file), 'utf8')]));

describe('a replay driven step by step', () => {
  it.each(['scenarios/compare/dax-pipeline.json', 'scenarios/compare/europe-pipeline.json', 'scenarios/ci/msft-goal-kelly.json'])('%s ends with the files of a plain run', async (file) => {
    const resolved = loadScenarioFile(resolve(file));
    const data = await loadScenarioData(resolved);
    const plain = tempDir();
    writeRunFiles(await runScenario(resolved, data), plain);

    const live = await startScenario(resolved, data);
    const { replay } = live;
    expect(replay.barsDone, 'held before the first bar').toBe(0);
    expect(Number.isNaN(replay.time)).toBe(true);
    // irregular steps: one bar, a few, to a time, a time already passed (nothing), one bar at a time
    expect(replay.advanceBars(1)).toBe(1);
    const first = replay.time;
    replay.advanceBars(37);
    const middle = replay.nextTime + 45 * 86_400_000;
    replay.advanceTo(middle);
    expect(replay.time).toBeLessThanOrEqual(middle);
    expect(replay.nextTime).toBeGreaterThan(middle);
    expect(replay.advanceTo(first), 'never backwards').toBe(0);
    const soFar = live.resultSoFar();
    expect(keptCurve(soFar).length, 'one curve row per instant so far').toBeGreaterThan(38);
    expect(soFar.bars).toBe(replay.barsDone);
    const rowsSoFar = soFar.goalTables?.progressRows.length;
    while (replay.barsDone < replay.totalBars) replay.advanceBars(1 + (replay.barsDone % 13));
    const stepped = tempDir();
    writeRunFiles(live.result(), stepped);
    expect(files(stepped)).toEqual(files(plain));
    expect(live.result(), 'idempotent').toBe(live.result());
    if (rowsSoFar !== undefined) {
      // the result holds a copy of the tables, not the tracker: what was read mid-run stays as it was
      expect(soFar.goalTables?.progressRows.length).toBe(rowsSoFar);
      expect(live.result().goalTables?.progressRows.length).toBeGreaterThan(rowsSoFar);
      expect(Object.isFrozen(live.result().goalTables)).toBe(true);
    }
  }, 60_000);
});
