import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { armRecord, armsFromEngines, readArmsOption, resolveArms, twinName } from '../../src/odds/arms.js';
import { loadScenarioFile } from '../../src/scenario/load.js';
import { tempDir } from '../helpers.js';

const resolved = loadScenarioFile('scenarios/odds/dax-goals.json'); // pipeline with maxPositionPct 0.3

describe('arms from --engines', () => {
  it("keep the scenario's own sizing for its engine, defaults for another, and add the goal-off twins", () => {
    const arms = resolveArms(resolved, armsFromEngines(resolved, ['pipeline', 'fixed-fraction', 'goal-kelly']), { twins: true, source: '--engines' });
    expect(arms.map((a) => [a.name, a.twinOf, a.defaults])).toEqual([
      ['pipeline', null, false],
      ['pipeline:goal-off', 'pipeline', false],
      ['fixed-fraction', null, true],
      ['goal-kelly', null, true],
      ['goal-kelly:goal-off', 'goal-kelly', true],
    ]);
    expect(arms[0]?.resolved.scenario.sizing).toEqual(resolved.scenario.sizing);
    const twin = arms[1]?.resolved.scenario.sizing as { params: { maxPositionPct: number; goalFactor: { enabled: boolean } } };
    expect([twin.params.maxPositionPct, twin.params.goalFactor.enabled]).toEqual([0.3, false]);
    expect(arms[4]?.resolved.scenario.sizing).toMatchObject({ params: { riskSource: 'base' } });
    expect(armRecord(arms[1] as (typeof arms)[number])).toEqual({ engine: 'pipeline:goal-off', sizing: twin, twinOf: 'pipeline' });
    expect(armRecord(arms[2] as (typeof arms)[number])).toMatchObject({ engine: 'fixed-fraction', defaults: true });
    expect(resolveArms(resolved, armsFromEngines(resolved, ['pipeline']), { twins: false, source: '--engines' })).toHaveLength(1);
  });

  it('end with the buy-and-hold benchmark when asked: equal weights, its own strategy, the scenario otherwise', () => {
    const europe = loadScenarioFile('scenarios/compare/europe-pipeline.json'); // four symbols
    const arms = resolveArms(europe, armsFromEngines(europe, ['fixed-fraction']), { twins: true, benchmark: true, source: '--engines' });
    expect(arms.map((a) => [a.name, a.benchmark])).toEqual([['fixed-fraction', undefined], ['buy-and-hold', true]]);
    const benchmark = (arms[1] as (typeof arms)[number]).resolved;
    expect(benchmark.scenario.strategy).toEqual({ name: 'buy-and-hold', params: {} });
    expect(benchmark.scenario.sizing).toEqual({ engine: 'fixed-fraction', params: { fraction: 0.25 } });
    expect([benchmark.scenario.costs, benchmark.scenario.account, benchmark.goals, benchmark.periodStart]).toEqual([europe.scenario.costs, europe.scenario.account, europe.goals, europe.periodStart]);
    expect(armRecord(arms[1] as (typeof arms)[number])).toMatchObject({ engine: 'buy-and-hold', benchmark: { name: 'buy-and-hold' } });
    // an arm of the user's may not take its name
    const taken = [{ name: 'buy-and-hold', sizing: { engine: 'fixed-fraction', params: { fraction: 0.5 } } }];
    expect(() => resolveArms(resolved, taken, { twins: true, benchmark: true, source: 'arms.json' })).toThrow('arms.json: the arm name "buy-and-hold" is the benchmark\'s; give your arm another name, or leave the benchmark out with --no-benchmark');
    expect(resolveArms(resolved, taken, { twins: true, benchmark: false, source: 'arms.json' }).map((a) => a.name)).toEqual(['buy-and-hold']);
  });

  it('refuse a module engine by name', () => {
    expect(() => armsFromEngines(resolved, ['module'])).toThrow('--engines module: a user sizing module runs only as the scenario\'s own sizing or as an arm of --arms');
  });
});

describe('arms from --arms', () => {
  const arms = [
    { name: 'ff-15', sizing: { engine: 'fixed-fraction', params: { fraction: 0.15 } } },
    { name: 'pipe', sizing: { engine: 'pipeline', params: { maxPositionPct: 0.2 } } },
  ];

  it('run every arm as configured, from a file or inline, with the goal-aware ones twinned', () => {
    const file = join(tempDir(), 'arms.json');
    writeFileSync(file, JSON.stringify(arms));
    for (const text of [file, JSON.stringify(arms)]) {
      const resolvedArms = resolveArms(resolved, readArmsOption(text), { twins: true, source: text });
      expect(resolvedArms.map((a) => a.name)).toEqual(['ff-15', 'pipe', twinName('pipe')]);
      expect(resolvedArms[0]?.resolved.scenario.sizing).toEqual({ engine: 'fixed-fraction', params: { fraction: 0.15 } });
      expect(resolvedArms.every((a) => !a.defaults)).toBe(true);
    }
  });

  it("resolve a module's path in a file against that file", () => {
    const dir = tempDir();
    const file = join(dir, 'arms.json');
    writeFileSync(file, JSON.stringify([{ name: 'mine', sizing: { engine: 'module', module: 'sizer.mjs' } }]));
    expect(readArmsOption(file)[0]?.sizing).toEqual({ engine: 'module', module: resolve(dir, 'sizer.mjs') });
  });

  it.each([
    ['[]', '--arms: give a non-empty array of arms'],
    ['{"name": "x"}', '--arms: give a non-empty array of arms'],
    ['[1]', '--arms: [0]: an arm is an object {"name", "sizing"}'],
    ['[{"name": "a", "sizing": {"engine": "fixed-fraction"}, "extra": 1}]', '--arms: [0]: unknown key "extra"'],
    ['[{"sizing": {"engine": "fixed-fraction"}}]', '--arms: [0].name: give the arm a name'],
    ['[not json', '--arms: not valid JSON'],
  ])('refuse %s', (text, message) => {
    expect(() => readArmsOption(text)).toThrow(message);
  });

  it('refuse a missing file, a bad sizing with its JSON path, a name used twice and a bad name', () => {
    expect(() => readArmsOption('no/such/arms.json')).toThrow('--arms no/such/arms.json: no such file');
    const bad = readArmsOption('[{"name": "ff", "sizing": {"engine": "fixed-fraction", "params": {"fraction": 2}}}]');
    expect(() => resolveArms(resolved, bad, { twins: true, source: '--arms' })).toThrow(/^--arms: \[0\]: cannot size this scenario: sizing\.params\.fraction /);
    const twice = readArmsOption(JSON.stringify([arms[0], arms[0]]));
    expect(() => resolveArms(resolved, twice, { twins: true, source: '--arms' })).toThrow('--arms: [1]: the arm name "ff-15" is used twice');
    // a twin's name is taken by the twin
    const clash = readArmsOption(JSON.stringify([arms[1], { ...arms[0], name: 'pipe:goal-off' }]));
    expect(() => resolveArms(resolved, clash, { twins: true, source: '--arms' })).toThrow('the arm name "pipe:goal-off" is used twice');
    for (const name of ['', 'a,b', 'x'.repeat(101)]) {
      expect(() => resolveArms(resolved, [{ name, sizing: arms[0]?.sizing }], { twins: true, source: '--arms' })).toThrow('an arm name has 1 to 100 characters');
    }
  });
});
