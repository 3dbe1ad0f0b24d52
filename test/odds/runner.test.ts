import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ScenarioError, UsageError } from '../../src/errors.js';
import { politisWhiteBlockLength } from '../../src/odds/blockLength.js';
import type { ReturnHistory } from '../../src/odds/bootstrap.js';
import { autoBlockLength, checkOddsOptions, DEFAULT_ODDS_ENGINES, fanInstants, runOdds, scenarioForEngine } from '../../src/odds/oddsRunner.js';
import { loadScenarioFile } from '../../src/scenario/load.js';
import { tempDir } from '../helpers.js';

// runOdds runs its paths on the worker pool from the built dist/ (as npm test builds it first);
// what these tests check is the runner itself, in this process
const DEMO = resolve('scenarios/demo.json');
const valid = { paths: 10, block: 'auto' as const, engines: ['pipeline', 'fixed-fraction'], ruin: 0.5 };

describe('odds options', () => {
  it.each([
    [{ paths: 0 }, '--paths 0: give a whole number of paths, at least 1 (e.g. --paths 1000)'],
    [{ paths: 2.5 }, '--paths 2.5: give a whole number'],
    [{ block: 0.99 }, '--block 0.99: a mean block length is at least 1 bar; or use --block auto'],
    [{ block: Number.NaN }, '--block (not a number)'],
    [{ block: Number.POSITIVE_INFINITY }, '--block Infinity'],
    [{ engines: [] }, '--engines: name at least one of'],
    [{ engines: ['kelly-ish'] }, '--engines: unknown engine "kelly-ish"; the engines are'],
    [{ engines: ['pipeline', 'pipeline'] }, '--engines: each engine once (pipeline,pipeline)'],
    [{ ruin: 0 }, '--ruin 0: a share of the initial capital between 0 and 1 (e.g. 0.5)'],
    [{ ruin: 1 }, '--ruin 1:'],
  ])('refuses %o', (change, message) => {
    expect(() => checkOddsOptions({ ...valid, ...change })).toThrow(UsageError);
    expect(() => checkOddsOptions({ ...valid, ...change })).toThrow(message);
  });

  it('accepts whole paths, a block of 1 or more, known engines and a ruin inside (0, 1)', () => {
    expect(() => checkOddsOptions({ ...valid, paths: 1, block: 1, ruin: 0.99 })).not.toThrow();
    expect(() => checkOddsOptions({ ...valid, ruin: undefined, engines: [...DEFAULT_ODDS_ENGINES] })).not.toThrow();
  });
});

describe('the scenario per engine', () => {
  const resolved = loadScenarioFile(DEMO);

  it("keeps the scenario's own sizing for its engine and gives the others their defaults", () => {
    expect(scenarioForEngine(resolved, 'fixed-fraction').scenario.sizing).toEqual(resolved.scenario.sizing);
    const pipeline = scenarioForEngine(resolved, 'pipeline').scenario;
    expect(pipeline.sizing.engine).toBe('pipeline');
    expect(pipeline.strategy).toEqual(resolved.scenario.strategy);
  });

  it('refuses a module engine it has no module for', () => {
    expect(() => scenarioForEngine(resolved, 'module')).toThrow('--engines module: a user sizing module runs only as the scenario\'s own sizing');
  });
});

describe('the automatic block length', () => {
  const history = (series: number[][]): ReturnHistory => ({
    instants: new Float64Array(0),
    barAt: [],
    logReturns: series.map((s) => Float64Array.from([0, ...s])),
    instantOf: series.map((s) => Int32Array.from({ length: s.length + 1 }, (_, i) => i)),
  });
  const ar = (phi: number, n: number): number[] => {
    const out: number[] = [];
    let x = 0;
    let state = 7;
    for (let i = 0; i < n; i++) {
      state = (state * 48271) % 2147483647;
      x = phi * x + (state / 2147483647 - 0.5);
      out.push(x);
    }
    return out;
  };

  it("is the median of the symbols' lengths over their own returns, first return left out", () => {
    const [a, b, c] = [ar(0.2, 400), ar(0.6, 400), ar(0.9, 400)];
    const lengths = [a, b, c].map((s) => politisWhiteBlockLength(s));
    expect(new Set(lengths).size).toBe(3);
    expect(autoBlockLength(history([a, b, c])).returns).toBe([...lengths].sort((x, y) => x - y)[1]);
    expect(autoBlockLength(history([a, c])).returns).toBeCloseTo(((lengths[0] as number) + (lengths[2] as number)) / 2, 12);
    expect(autoBlockLength(history([b])).returns).toBe(lengths[1]);
  });

  it('keeps volatility clustering: the larger of the returns\' and the squared returns\' length', () => {
    // returns without linear dependence but with volatility in long calm and wild spells: the
    // signs alternate at random, the size follows a slow regime
    let state = 11;
    const draw = (): number => ((state = (state * 48271) % 2147483647) / 2147483647);
    const clustered = Array.from({ length: 2000 }, (_, i) => (draw() < 0.5 ? -1 : 1) * (Math.floor(i / 100) % 2 === 0 ? 0.002 : 0.03) * (0.5 + draw()));
    const block = autoBlockLength(history([clustered]));
    // the signs carry no dependence, the sizes a lot: the squares ask for blocks several times longer
    expect(block.squaredReturns).toBeGreaterThan(3 * block.returns);
    expect(block.squaredReturns).toBe(politisWhiteBlockLength(clustered.map((x) => x * x)));
    expect(block.length).toBe(block.squaredReturns);
    const plain = autoBlockLength(history([ar(0.6, 400)]));
    expect(plain.length).toBe(Math.max(plain.returns, plain.squaredReturns));
  });
});

describe('fan instants', () => {
  it('keep every instant up to 200, else 200 spread evenly with the first and the last', () => {
    expect(fanInstants(3)).toEqual([0, 1, 2]);
    expect(fanInstants(200)).toHaveLength(200);
    const spread = fanInstants(1000);
    expect(spread).toHaveLength(200);
    expect([spread[0], spread[1], spread[199]]).toEqual([0, 5, 999]);
  });
});

describe('runOdds', () => {
  it('runs the paths of its scope, tells the block length and progress, and writes the folder', async () => {
    const out = tempDir();
    const blocks: [number, string | number][] = [];
    const progress: [number, number][] = [];
    const run = await runOdds({ file: DEMO, outDir: out, paths: 4, block: 'auto', engines: ['fixed-fraction', 'pipeline'], workers: 1, cache: false, shard: '1/2', onBlockLength: (b, r) => blocks.push([b, r]), onProgress: (d, t) => progress.push([d, t]) });
    expect(run.scope).toEqual([0, 2]);
    expect([...run.records.keys()].sort((a, b) => a - b)).toEqual([0, 2]);
    expect(run.interrupted).toBe(false);
    expect(blocks).toEqual([[run.definition.block.meanLength, 'auto']]);
    expect(run.definition.block.meanLength).toBeGreaterThanOrEqual(1);
    expect(progress).toEqual([[0, 2], [1, 2], [2, 2]]);
    // the goal-aware pipeline runs with its goal-off twin, recorded as such
    expect(run.definition.engines.map((e) => [e.engine, e.twinOf, e.defaults])).toEqual([['fixed-fraction', undefined, undefined], ['pipeline', undefined, true], ['pipeline:goal-off', 'pipeline', true], ['buy-and-hold', undefined, undefined]]);
    expect(run.definition.engines[2]?.sizing).toMatchObject({ params: { goalFactor: { enabled: false } } });
    expect(run.definition.seed).toBe('1'); // the scenario's
    expect(run.definition.instants).toBe(249);
    expect(run.definition.fanTimes).toHaveLength(200);
    expect([run.definition.fanTimes[0], run.definition.fanTimes.at(-1)]).toEqual([run.definition.firstTime, run.definition.lastTime]);
    const file = JSON.parse(readFileSync(join(out, 'odds.json'), 'utf8')) as { shard: string; counts: { paths: number; finished: number } };
    expect([file.shard, file.counts.paths, file.counts.finished]).toEqual(['1/2', 2, 2]);
    expect(readFileSync(join(out, 'paths.jsonl'), 'utf8').trim().split('\n')).toHaveLength(2);
  }, 60_000);

  it('resumes the same odds without running what is done, and refuses other odds', async () => {
    const out = tempDir();
    const options = { file: DEMO, outDir: out, paths: 3, block: 2, engines: ['fixed-fraction'], workers: 1, cache: false, seed: 'x' } as const;
    const first = await runOdds(options);
    let ran = 0;
    const again = await runOdds({ ...options, resume: true, onProgress: (d) => (ran = d) });
    expect(ran).toBe(0);
    expect([...again.records.values()]).toEqual([...first.records.values()]);
    // fewer paths of the same odds keep the first ones
    expect([...(await runOdds({ ...options, paths: 2, resume: true })).records.keys()].sort((a, b) => a - b)).toEqual([0, 1]);
    await expect(runOdds({ ...options, seed: 'y', resume: true })).rejects.toThrow(`${out} holds the odds of a different run (its seed differs): choose another --out or drop --resume`);
    // without --resume the folder is written anew
    expect(existsSync(join(out, 'odds.json'))).toBe(true);
  }, 60_000);

  it('refuses no workers and a period without bars', async () => {
    await expect(runOdds({ file: DEMO, outDir: tempDir(), paths: 1, block: 1, engines: ['fixed-fraction'], workers: 0 })).rejects.toThrow('--workers must be at least 1');
    const empty = join(tempDir(), 'empty.json');
    const scenario = JSON.parse(readFileSync(DEMO, 'utf8')) as { data: { path: string }[]; period: unknown };
    scenario.data[0] = { ...scenario.data[0], path: resolve('data/msft-daily-2000-2001.csv') };
    scenario.period = { start: '2010-01-01', end: '2010-12-31' };
    writeFileSync(empty, JSON.stringify(scenario));
    await expect(runOdds({ file: empty, outDir: tempDir(), paths: 1, block: 1, engines: ['fixed-fraction'], workers: 1, cache: false })).rejects.toThrow(ScenarioError);
  }, 60_000);
});
