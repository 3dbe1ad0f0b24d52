import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { loadUserSizingEngine } from '../../src/sizing/userSizer.js';
import { createSmaCross } from '../../src/strategy/index.js';
import { checkSizingEngine, checkStrategy, ContractError } from '../../src/testing.js';
import { goalsim, tempDir } from '../helpers.js';

const DAX = JSON.parse(readFileSync('scenarios/compare/dax-fixed-fraction.json', 'utf8')) as Record<string, unknown> & { data: { path: string }[] };

/** A sizer that commits `share` of equity, as fixed-fraction does, and says which goal drives the tracker. */
const GOOD_SIZER = [
  'export function createSizer(params) {',
  '  return {',
  '    needs: { goals: true },',
  '    size(request) {',
  '      const value = request.equity * params.share;',
  "      return { value, stages: [{ name: 'share', value }], reasoning: `share ${params.share} of equity; driver ${request.goals?.driver ?? 'none'}` };",
  '    },',
  '  };',
  '}',
].join('\n');

function scenarioWith(dir: string, sizing: unknown): string {
  const scenario = { ...DAX, name: 'user-sizer', sizing, data: [{ ...DAX.data[0], path: resolve('data/dax-daily-close-1991-1998.csv') }] };
  writeFileSync(join(dir, 'scenario.json'), JSON.stringify(scenario));
  return join(dir, 'scenario.json');
}

describe('a sizing engine from a user module', () => {
  it('sizes a run with the request the built-in engines get, through the same final stage', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'sizer.mjs'), GOOD_SIZER);
    const user = goalsim(['run', scenarioWith(dir, { engine: 'module', module: 'sizer.mjs', params: { share: 0.2 } }), '--out', join(dir, 'user')]);
    expect(user.code, user.stderr).toBe(0);
    // the same sizes as fixed-fraction 20 %: the user's value goes through the same lot rounding and cash cap
    const builtIn = goalsim(['run', scenarioWith(dir, { engine: 'fixed-fraction', params: { fraction: 0.2 } }), '--out', join(dir, 'builtin')]);
    expect(builtIn.code).toBe(0);
    const summary = (name: string): { finalEquity: string } => JSON.parse(readFileSync(join(dir, name, 'summary.json'), 'utf8')) as { finalEquity: string };
    expect(summary('user').finalEquity).toBe(summary('builtin').finalEquity);
    const decisions = parse(readFileSync(join(dir, 'user', 'sizing_decisions.csv')), { columns: true }) as Record<string, string>[];
    expect(decisions[0]?.['engine']).toBe('module');
    expect(decisions[0]?.['stage_share'], 'its stages are logged').not.toBe('');
    expect(decisions[0]?.['reason'], 'it was given the goals').toMatch(/driver monthly_return/);
  });

  it('a module that cannot be loaded is an input error naming sizing.module', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'empty.mjs'), 'export const nothing = 1;\n');
    const run = goalsim(['run', scenarioWith(dir, { engine: 'module', module: 'empty.mjs' }), '--out', join(dir, 'out')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/sizing\.module: cannot use the sizing module: .*empty\.mjs: a sizing module must export createSizer\(params\)/);
  });
});

describe('goalsim/testing', () => {
  it("passes a user's well-behaved sizer and goalsim's strategies", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'sizer.mjs'), GOOD_SIZER);
    const engine = await loadUserSizingEngine(join(dir, 'sizer.mjs'), { share: 0.25 });
    expect(() => checkSizingEngine(engine, { maxPositionPct: 0.25 })).not.toThrow();
    expect(() => checkStrategy(() => createSmaCross({ fast: 5, slow: 20 }))).not.toThrow();
  });

  it('fails a sizer that returns nonsense or answers at random, naming what broke', () => {
    const nonsense = { size: (request: { equity: number }) => ({ value: request.equity > 1e6 ? Number.NaN : 1000 }) };
    expect(() => checkSizingEngine(nonsense)).toThrow(ContractError);
    expect(() => checkSizingEngine(nonsense)).toThrow(/size\(\) threw: the sizer: size\(\) returned value NaN/);
    let calls = 0;
    const moody = { size: () => ({ value: 1000 + (calls++ % 2) }) };
    expect(() => checkSizingEngine(moody)).toThrow(/the same request gave another decision/);
    const greedy = { size: (request: { equity: number }) => ({ value: request.equity }) };
    expect(() => checkSizingEngine(greedy, { maxPositionPct: 0.2 })).toThrow(/above maxPositionPct 0.2/);
  });

  it('fails a strategy that looks ahead or keeps state between instances', () => {
    const peeking = () => ({ onBar: (ctx: { bars: { length: number; close(i: number): number } }) => (ctx.bars.close(ctx.bars.length) > 0 ? [] : []) });
    expect(() => checkStrategy(peeking as never)).toThrow(/read a bar not yet known/);
    let shared = 0; // one counter for every instance: the second run starts where the first ended
    const leaky = () => ({ onBar: () => (++shared % 7 === 0 ? [{ side: 'buy' as const, confidence: 1, stopLossPct: Number.NaN, takeProfitPct: Number.NaN }] : []) });
    expect(() => checkStrategy(leaky)).toThrow(/gave other signals than the whole data/);
  });
});
