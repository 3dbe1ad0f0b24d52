/**
 * Sweeps people can write: linked paths that move together (a weight vector summing to 1), a
 * warning when the objective counts the goals the sweep moves, and no heat map over an axis of
 * one value.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSweepFile, sweepWarnings } from '../../src/scenario/sweep.js';
import { expandVariants, prepareVariant, sweptPaths } from '../../src/scenario/variants.js';
import { goalsim, tempDir } from '../helpers.js';

const W = 'sizing.params.goalFactor.weights.growth';
const weights = (r: number, i: number, p: number) => ({ [`${W}.return`]: r, [`${W}.income`]: i, [`${W}.portfolio`]: p });

function sweepFile(content: Record<string, unknown>): string {
  const file = join(tempDir(), 'sweep.json');
  writeFileSync(file, JSON.stringify({ name: 'linked', base: resolve('scenarios/compare/dax-pipeline.json'), objective: 'metrics.sharpe', ...content }));
  return file;
}

describe('linked sweep values', () => {
  it('set several paths at once, as the last grid axis, and every variant validates', () => {
    const loaded = loadSweepFile(sweepFile({ grid: { 'sizing.params.maxPositionPct': [0.2, 0.3] }, link: [weights(0.4, 0.35, 0.25), weights(0.6, 0.2, 0.2), weights(0.2, 0.2, 0.6)] }));
    const variants = expandVariants(loaded);
    expect(variants.map((v) => [v.params['sizing.params.maxPositionPct'], v.params[`${W}.return`], v.params[`${W}.portfolio`]])).toEqual([
      [0.2, 0.4, 0.25],
      [0.2, 0.6, 0.2],
      [0.2, 0.2, 0.6],
      [0.3, 0.4, 0.25],
      [0.3, 0.6, 0.2],
      [0.3, 0.2, 0.6],
    ]);
    expect(sweptPaths(loaded)).toEqual(['sizing.params.maxPositionPct', `${W}.return`, `${W}.income`, `${W}.portfolio`]);
    expect(variants.map((v) => prepareVariant(loaded, v).kind)).toEqual(['run', 'run', 'run', 'run', 'run', 'run']);
    // one weight alone cannot be swept: the triple is incomplete, or no longer sums to 1
    const alone = loadSweepFile(sweepFile({ grid: { [`${W}.return`]: [0.4, 0.6] } }));
    expect(prepareVariant(alone, expandVariants(alone)[1] as never)).toMatchObject({ kind: 'failed', reason: expect.stringContaining(`${W}.income: is required`) });
  });

  it('a sweep of linked values alone is a sweep', () => {
    const loaded = loadSweepFile(sweepFile({ link: [weights(0.4, 0.35, 0.25), weights(0.6, 0.2, 0.2)] }));
    expect(expandVariants(loaded)).toHaveLength(2);
  });

  it('refuses entries that set different paths, and a path both linked and on the grid, naming where', () => {
    const uneven = goalsim(['validate', sweepFile({ link: [weights(0.4, 0.35, 0.25), { [`${W}.return`]: 1 }] })]);
    expect(uneven.code).toBe(2);
    expect(uneven.stderr).toContain(`link[1]: every entry sets the same paths as the first (${W}.income, ${W}.portfolio, ${W}.return)`);
    const twice = goalsim(['validate', sweepFile({ grid: { [`${W}.return`]: [0.4] }, link: [weights(0.4, 0.35, 0.25)] })]);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain(`grid.${W}.return: is linked too (link): give its values there only`);
    const empty = goalsim(['validate', sweepFile({ link: [{}] })]);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('link[0]: an entry sets at least one path');
  });

  it('runs: results.csv has a column per linked path, and a single-valued axis draws no heat map', () => {
    const out = join(tempDir(), 'out');
    const file = sweepFile({ grid: { 'sizing.params.maxPositionPct': [0.3] }, link: [weights(0.4, 0.35, 0.25), weights(0.2, 0.2, 0.6)], heatmap: { x: 'sizing.params.maxPositionPct', y: `${W}.return` } });
    const run = goalsim(['sweep', file, '--workers', '1', '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    const header = readFileSync(join(out, 'results.csv'), 'utf8').split('\n')[0] ?? '';
    expect(header.startsWith(`rank,variant,status,sizing.params.maxPositionPct,${W}.return,${W}.income,${W}.portfolio,objective`)).toBe(true);
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).not.toContain('<svg class="heatmap"');
    expect(html).toContain('No heat map: maxPositionPct takes one value among the variants that ran.');
  }, 60_000);
});

describe('sweep warnings', () => {
  it('warn when the objective counts goal months and the sweep moves a goal', () => {
    const moving = loadSweepFile(sweepFile({ base: resolve('scenarios/odds/dax-goals.json'), grid: { 'goals.list.0.target': [0.005, 0.01] }, objective: 'goals.monthsReturnGoalMet' }));
    expect(sweepWarnings(moving.sweep)).toEqual([
      'the objective goals.monthsReturnGoalMet counts what the goals measure, and the sweep moves the goals themselves (goals.list.0.target): an easier goal wins by construction; sweep the sizing against fixed goals, or rank by a metric',
    ]);
    const fixedGoals = loadSweepFile(sweepFile({ base: resolve('scenarios/odds/dax-goals.json'), grid: { 'sizing.params.maxPositionPct': [0.2, 0.3] }, objective: 'goals.monthsReturnGoalMet' }));
    expect(sweepWarnings(fixedGoals.sweep)).toEqual([]);
    const byMetric = loadSweepFile(sweepFile({ base: resolve('scenarios/odds/dax-goals.json'), grid: { 'goals.list.0.target': [0.005, 0.01] }, objective: 'metrics.sharpe' }));
    expect(sweepWarnings(byMetric.sweep)).toEqual([]);
    const validate = goalsim(['validate', moving.file]);
    expect(validate.code).toBe(0);
    expect(validate.stderr).toContain(`warning ${moving.file}: the objective goals.monthsReturnGoalMet counts what the goals measure`);
  });
});
