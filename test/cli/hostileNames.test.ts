/**
 * Names a user chooses reach no prototype: a sizing module whose stages are called __proto__,
 * constructor and toString runs through run, sweep and odds like any other, and every stage is
 * counted under its own name.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { goalsim, tempDir } from '../helpers.js';

function hostileScenario(): { dir: string; scenario: string } {
  const dir = tempDir();
  writeFileSync(
    join(dir, 'sizer.mjs'),
    [
      'export function createSizer() {',
      '  return { size: (request) => ({ value: request.equity * 0.2, skipped: null, stages: [',
      "    { name: '__proto__', value: request.equity * 0.3 }, { name: 'constructor', value: request.equity * 0.25 }, { name: 'toString', value: request.equity * 0.2 },",
      '  ] }) };',
      '}',
    ].join('\n'),
  );
  const scenario = join(dir, 'scenario.json');
  writeFileSync(
    scenario,
    JSON.stringify({
      name: 'hostile',
      data: [{ symbol: 'MSFT', path: resolve('data/msft-daily-2000-2001.csv'), lotStep: '1' }],
      account: { currency: 'USD', initialCapital: '100000' },
      strategy: { name: 'sma-cross', params: { fast: 5, slow: 20 } },
      sizing: { engine: 'module', module: 'sizer.mjs' },
      goals: { preset: 'seed-001' },
    }),
  );
  return { dir, scenario };
}

describe('stage names that are also Object.prototype names', () => {
  it('are counted as stages in run, and a sweep and odds over the scenario finish', () => {
    const { dir, scenario } = hostileScenario();
    const run = goalsim(['run', scenario, '--out', join(dir, 'run')]);
    expect(run.code, run.stderr).toBe(0);
    const summary = JSON.parse(readFileSync(join(dir, 'run', 'summary.json'), 'utf8')) as { sizing: { attribution: { stages: Record<string, { changed: number }> } } };
    expect(Object.keys(summary.sizing.attribution.stages)).toEqual(['__proto__', 'constructor', 'toString', 'final']);
    expect(summary.sizing.attribution.stages['constructor']?.changed).toBeGreaterThan(0);
    expect(readFileSync(join(dir, 'run', 'sizing_decisions.csv'), 'utf8').split('\n')[0]).toContain('stage___proto__,stage_constructor,stage_toString,stage_final');
    writeFileSync(join(dir, 'sweep.json'), JSON.stringify({ name: 'hostile-sweep', base: 'scenario.json', grid: { seed: [1, 2, 3] }, objective: 'metrics.totalReturn' }));
    const sweep = goalsim(['sweep', join(dir, 'sweep.json'), '--workers', '1', '--out', join(dir, 'sweep')]);
    expect(sweep.code, sweep.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'sweep', 'summary.json'), 'utf8'))).toMatchObject({ counts: { ok: 3, failed: 0 } });
    const odds = goalsim(['odds', scenario, '--paths', '3', '--block', '5', '--engines', 'module', '--no-benchmark', '--workers', '1', '--out', join(dir, 'odds')]);
    expect(odds.code, odds.stderr).toBe(0);
  }, 60_000);
});
