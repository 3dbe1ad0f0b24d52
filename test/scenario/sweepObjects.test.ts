/**
 * A whole object or list as a sweep value: a goal-factor weight vector that must sum to 1 moves
 * as one value, shown in results.csv as its JSON. Anything that is not plain JSON is refused
 * with the grid path, and a "__proto__" key stays a key the scenario check refuses.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { paramText } from '../../src/analysis/sweepResults.js';
import { loadSweepFile } from '../../src/scenario/sweep.js';
import { expandVariants, prepareVariant } from '../../src/scenario/variants.js';
import { goalsim, tempDir } from '../helpers.js';

const W = 'sizing.params.goalFactor.weights.growth';
const GROWTH = { return: 0.6, income: 0.2, portfolio: 0.2 };
const PRESERVE = { return: 0.2, income: 0.2, portfolio: 0.6 };

function sweepText(text: string): string {
  const file = join(tempDir(), 'sweep.json');
  writeFileSync(file, text);
  return file;
}
const sweepFile = (content: Record<string, unknown>): string =>
  sweepText(JSON.stringify({ name: 'objects', base: resolve('scenarios/compare/dax-pipeline.json'), objective: 'metrics.sharpe', ...content }));

describe('an object as a sweep value', () => {
  it('sets the whole object, each variant its own copy, and validates like any scenario', () => {
    const loaded = loadSweepFile(sweepFile({ grid: { [W]: [GROWTH, PRESERVE], 'sizing.params.maxPositionPct': [0.2, 0.3] } }));
    const variants = expandVariants(loaded);
    expect(variants.map((v) => v.params[W])).toEqual([GROWTH, GROWTH, PRESERVE, PRESERVE]);
    const prepared = variants.map((v) => prepareVariant(loaded, v));
    expect(prepared.map((p) => p.kind)).toEqual(['run', 'run', 'run', 'run']);
    const weightsOf = (i: number) => {
      const p = prepared[i];
      if (p?.kind !== 'run' || p.resolved.scenario.sizing.engine !== 'pipeline') throw new Error('not a pipeline run');
      return p.resolved.scenario.sizing.params.goalFactor.weights.growth;
    };
    expect([weightsOf(0), weightsOf(3)]).toEqual([GROWTH, PRESERVE]);
    expect(weightsOf(0), 'a copy, not the sweep file\'s object').not.toBe(variants[0]?.params[W]);
    // a vector that does not sum to 1 fails that variant alone, with the scenario's message
    const bad = loadSweepFile(sweepFile({ grid: { [W]: [GROWTH, { return: 0.5, income: 0.2, portfolio: 0.2 }] } }));
    expect(expandVariants(bad).map((v) => prepareVariant(bad, v).kind)).toEqual(['run', 'failed']);
    expect(prepareVariant(bad, expandVariants(bad)[1] as never)).toMatchObject({ reason: expect.stringContaining('weights must sum to 1') });
  });

  it('in random values and linked entries too', () => {
    const loaded = loadSweepFile(sweepFile({ random: { n: 4, seed: 3, params: { [W]: { values: [GROWTH, PRESERVE] } } }, link: [{ [W]: GROWTH, 'sizing.params.maxPositionPct': 0.2 }] }));
    for (const variant of expandVariants(loaded)) expect([GROWTH, PRESERVE]).toContainEqual(variant.params[W]);
  });

  it('is shown as its JSON in a table cell', () => {
    expect(paramText(GROWTH)).toBe('{"return":0.6,"income":0.2,"portfolio":0.2}');
    expect(paramText([1, 2])).toBe('[1,2]');
    expect([paramText(0.1), paramText('x'), paramText(true), paramText(undefined)]).toEqual(['0.1', 'x', 'true', '']);
  });

  it('refuses null and what is not plain JSON, naming the grid path; "__proto__" stays a key the scenario refuses', () => {
    const nulled = goalsim(['validate', sweepFile({ grid: { [W]: [GROWTH, null] } })]);
    expect(nulled.code).toBe(2);
    expect(nulled.stderr).toContain(`grid.${W}[1]: must be a number, a string, true or false, or a JSON object or list (null sets nothing)`);
    const proto = sweepText(`{"name":"p","base":${JSON.stringify(resolve('scenarios/compare/dax-pipeline.json'))},"objective":"metrics.sharpe","grid":{"${W}":[{"__proto__":{"polluted":1},"return":1,"income":0,"portfolio":0}]}}`);
    const loaded = loadSweepFile(proto);
    const [variant] = expandVariants(loaded);
    expect(prepareVariant(loaded, variant as never)).toMatchObject({ kind: 'failed', reason: expect.stringContaining('unknown key "__proto__"') });
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('runs: the weights column holds each vector as JSON', () => {
    const out = join(tempDir(), 'out');
    const run = goalsim(['sweep', sweepFile({ grid: { [W]: [GROWTH, PRESERVE] } }), '--workers', '1', '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    const rows = parse(readFileSync(join(out, 'results.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    expect(rows.sort((a, b) => Number(a['variant']) - Number(b['variant'])).map((r) => [r['status'], JSON.parse(r[W] ?? '') as unknown])).toEqual([
      ['ok', GROWTH],
      ['ok', PRESERVE],
    ]);
  }, 60_000);
});
