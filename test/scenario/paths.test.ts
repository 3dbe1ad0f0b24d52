/** Parameter paths stay inside a scenario's own data: no path reaches an object's prototype. */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getPath, pathProblem, setPath } from '../../src/scenario/paths.js';
import { loadSweepFile } from '../../src/scenario/sweep.js';
import { goalsim, tempDir } from '../helpers.js';

describe('scenario paths', () => {
  it('refuse __proto__, prototype and constructor segments, and follow own properties only', () => {
    for (const path of ['__proto__.lotStep', 'data.0.__proto__', 'sizing.constructor.prototype', 'a..b']) expect(pathProblem(path), path).toBeDefined();
    expect(() => setPath({}, '__proto__.polluted', 1)).toThrow(/may not go through "__proto__"/);
    expect(({} as Record<string, unknown>)['polluted'], 'Object.prototype untouched').toBeUndefined();
    expect(getPath({ a: {} }, 'a.toString'), 'inherited members are not data').toBeUndefined();
    const raw: Record<string, unknown> = { sizing: { params: {} } };
    setPath(raw, 'sizing.params.goalFactor.thresholds.ahead', 1.2);
    expect(getPath(raw, 'sizing.params.goalFactor.thresholds.ahead')).toBe(1.2);
  });

  it('reject a polluting sweep with its JSON path, and validate the next file unpolluted', () => {
    const dir = tempDir();
    const bad = join(dir, 'bad.json');
    const base = resolve('scenarios/compare/dax-pipeline.json');
    writeFileSync(bad, JSON.stringify({ name: 'bad', base, grid: { '__proto__.lotStep': ['100'] }, objective: 'metrics.sharpe' }));
    expect(() => loadSweepFile(bad)).toThrow(/grid\.__proto__\.lotStep: "__proto__\.lotStep": a path may not go through "__proto__"/);
    const constrained = join(dir, 'constrained.json');
    writeFileSync(constrained, JSON.stringify({ name: 'bad', base, grid: { 'sizing.params.maxPositionPct': [0.1] }, constraints: ['constructor.x < 1'], objective: 'metrics.sharpe' }));
    const run = goalsim(['validate', constrained, 'scenarios/sweeps/goal-thresholds.json']);
    expect(run.code).toBe(2);
    expect(run.stderr + run.stdout).toMatch(/constraints\[0\]: "constructor\.x": a path may not go through "constructor"/);
    expect(run.stdout, 'the second file is checked as if the first did not exist').toMatch(/ok .*goal-thresholds\.json: sweep of 27 variants/);
    expect(({} as Record<string, unknown>)['lotStep']).toBeUndefined();
  });
});
