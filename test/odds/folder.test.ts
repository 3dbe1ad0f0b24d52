import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { shareBarSeries } from '../../src/data/series.js';
import { mergeOddsFolders } from '../../src/odds/mergeOdds.js';
import { definitionPart, frameOf, isOddsFolder, oddsDefinitionOf, readOddsDefinition, readOddsFile, readPathRecords, oddsDifference, writeOddsFiles, type OddsDefinition } from '../../src/odds/oddsFolder.js';
import { scenarioForEngine } from '../../src/odds/oddsRunner.js';
import { failedFigures, pathSeries, runPath, type EnginePathFigures, type OddsSetup, type PathRecord } from '../../src/odds/pathRun.js';
import { pricePlacesOf } from '../../src/ledger/index.js';
import { loadScenarioFile, type ResolvedScenario } from '../../src/scenario/load.js';
import { inputsFingerprint } from '../../src/scenario/fingerprint.js';
import { loadScenarioData } from '../../src/sim/loadData.js';
import { runScenario } from '../../src/sim/run.js';
import { tempDir } from '../helpers.js';

const DEMO = 'scenarios/demo.json';
const DAY = 86_400_000;

function definitionFor(resolved: ResolvedScenario, overrides: { paths?: number; seed?: string; block?: 'auto' | number } = {}): OddsDefinition {
  const instants = Float64Array.from({ length: 70 }, (_, i) => Date.UTC(2020, 0, 30) + i * DAY); // 2020-01-30 .. 2020-04-08
  return oddsDefinitionOf({
    options: { paths: overrides.paths ?? 3, block: overrides.block ?? 'auto', file: DEMO },
    resolved,
    arms: [
      { name: 'fixed-fraction', resolved, twinOf: null, defaults: false },
      { name: 'pipeline', resolved: scenarioForEngine(resolved, 'pipeline'), twinOf: null, defaults: true },
    ],
    match: null,
    seed: overrides.seed ?? '1',
    meanBlock: 1.5,
    instants,
    fanIndices: [0, 35, 69],
    inputs: inputsFingerprint(resolved.scenario, resolved.file),
  });
}

const figures = (engine: string, finalEquity: string, overrides: Partial<EnginePathFigures> = {}): EnginePathFigures => ({
  engine, error: null, finalEquity, minEquity: 40_000, maxDrawdown: 0.2, cagr: 0.1, sharpe: 0.5, meanExposure: 0.25, months: 3, monthsReturnGoalMet: 1, monthsIncomeGoalMet: 0, targetReachedAt: Date.UTC(2020, 2, 3), fan: [100_000, 101_000, 102_000], ...overrides,
});
const recordOf = (path: number): PathRecord => ({ path, seed: `1:${path}`, engines: [figures('fixed-fraction', `${100_000 + path}`), path === 1 ? failedFigures('pipeline', 'boom, "quoted"') : figures('pipeline', `${99_000 + path}`, { targetReachedAt: null })] });

type Row = Record<string, string>;
const csv = (dir: string, file: string): Row[] => parse(readFileSync(join(dir, file)), { columns: true }) as Row[];

describe('the odds definition', () => {
  const resolved = loadScenarioFile(DEMO);
  // built in each test: mutation testing counts a test's own work only
  const definitionNow = (): OddsDefinition => definitionFor(resolved);

  it('records what decides a path: engines with their sizing, goals, calendar, fan and month starts', () => {
    const definition = definitionNow();
    expect(definition).toMatchObject({ format: 'goalsim-odds-v1', name: 'demo', scenario: DEMO, seed: '1', paths: 3, ruin: 0.5, initialCapital: '100000', currency: 'USD', instants: 70 });
    expect(definition.block).toMatchObject({ requested: 'auto', meanLength: 1.5 });
    expect(definition.engines.map((e) => [e.engine, e.sizing.engine, e.defaults])).toEqual([['fixed-fraction', 'fixed-fraction', undefined], ['pipeline', 'pipeline', true]]);
    expect(definition.scenarioSizing).toEqual(resolved.scenario.sizing);
    expect([definition.firstTime, definition.lastTime]).toEqual(['2020-01-30T00:00:00Z', '2020-04-08T00:00:00Z']);
    expect(definition.fanTimes).toEqual(['2020-01-30T00:00:00Z', '2020-03-05T00:00:00Z', '2020-04-08T00:00:00Z']);
    // the month of the first instant, then every month that starts by the last
    expect(definition.monthStarts).toEqual(['2020-01-01T00:00:00Z', '2020-02-01T00:00:00Z', '2020-03-01T00:00:00Z', '2020-04-01T00:00:00Z']);
    expect(definition.goals.map((g) => g.type)).toEqual(resolved.goals.map((g) => g.type));
    expect(definitionFor(resolved, { block: 4 }).block.requested).toBe(4);
  });

  it('is the same odds when only the file name or the path count differ, and not otherwise', () => {
    const definition = definitionNow();
    expect(oddsDifference(definition, { ...definition, scenario: 'elsewhere.json', paths: 99 })).toBeNull();
    expect(oddsDifference(definition, definitionFor(resolved, { seed: '2' }))).toBe('its seed differs');
    expect(oddsDifference(definition, { ...definition, ruin: 0.4, currency: 'EUR' })).toBe('its ruin, currency differ');
    // the scenario's content and its data's, named
    const inputs = definition.inputs ?? { scenario: '', data: {} };
    expect(oddsDifference(definition, { ...definition, inputs: { ...inputs, scenario: 'other' } })).toBe("the scenario's content differs");
    expect(oddsDifference(definition, { ...definition, inputs: { ...inputs, data: { '../data/msft-daily-2000-2001.csv': 'other' } } })).toBe('the content of data file "../data/msft-daily-2000-2001.csv" differs');
    expect(oddsDifference({ ...definition, inputs: undefined }, definition)).toBe('the folder does not record its inputs (written before goalsim checked them)');
    expect(definitionPart({ ...definition, extra: 1 } as OddsDefinition)).toEqual(definition);
  });

  it('gives the summary its frame in epoch ms', () => {
    const definition = definitionNow();
    const frame = frameOf(definition);
    expect(frame.engines).toEqual(['fixed-fraction', 'pipeline']);
    expect(frame.initialCapital).toBe(100_000);
    expect(frame.firstTime).toBe(Date.UTC(2020, 0, 30));
    expect(frame.fanTimes).toEqual([Date.UTC(2020, 0, 30), Date.UTC(2020, 2, 5), Date.UTC(2020, 3, 8)]);
    expect(frame.monthStarts[1]).toBe(Date.UTC(2020, 1, 1));
    const portfolio = definition.goals.find((g) => g.type === 'portfolio_value');
    expect(frame.targetDate).toBe(portfolio?.targetDate == null ? null : Date.parse(portfolio.targetDate));
    expect(frameOf({ ...definition, goals: [] }).targetDate).toBeNull();
    // a twin names its arm; the frame pairs them by index, and a twin of an arm not run pairs nothing
    expect(frame.twins).toEqual([]);
    const twinned = { ...definition, engines: [...definition.engines, { ...(definition.engines[1] as OddsDefinition['engines'][number]), engine: 'pipeline:goal-off', twinOf: 'pipeline' }] };
    expect(frameOf(twinned).twins).toEqual([{ arm: 1, twin: 2 }]);
    expect(frameOf({ ...twinned, engines: twinned.engines.map((e) => (e.twinOf === undefined ? e : { ...e, twinOf: 'gone' })) }).twins).toEqual([]);
  });
});

describe('the odds folder', () => {
  const resolved = loadScenarioFile(DEMO);
  // built in each test: mutation testing counts a test's own work only
  const definitionNow = (): OddsDefinition => definitionFor(resolved);

  it('writes odds.json, paths.jsonl, paths.csv and fan.csv from the definition and the records', async () => {
    const definition = definitionNow();
    const dir = tempDir();
    const records = new Map([2, 0, 1].map((p) => [p, recordOf(p)]));
    const file = await writeOddsFiles(dir, definition, records, { shard: '1/2', interrupted: true, scope: [0, 1, 2, 3] });
    expect(file.counts).toEqual({ paths: 4, finished: 3, withErrors: 1, notRun: 1 });
    expect([file.shard, file.interrupted]).toEqual(['1/2', true]);
    expect(isOddsFolder(dir)).toBe(true);
    expect(readOddsFile(dir)).toEqual(JSON.parse(JSON.stringify(file)));
    expect(readOddsDefinition(dir)).toEqual(definition);
    // the log is rewritten in path order
    expect(readPathRecords(dir).map((r) => r.path)).toEqual([0, 1, 2]);
    const rows = csv(dir, 'paths.csv');
    expect(rows.map((r) => `${r['path']} ${r['engine']}`)).toEqual(['0 fixed-fraction', '0 pipeline', '1 fixed-fraction', '1 pipeline', '2 fixed-fraction', '2 pipeline']);
    expect(rows[0]).toEqual({ path: '0', seed: '1:0', engine: 'fixed-fraction', final_equity: '100000', min_equity: '40000', max_drawdown: '0.2', cagr: '0.1', sharpe: '0.5', mean_exposure: '0.25', months: '3', months_return_goal_met: '1', months_income_goal_met: '0', target_reached_at: '2020-03-03T00:00:00Z', drawdown_breach: '1', ruined: '1', error: '' });
    // a failed engine-path has empty figures and flags, and its error
    expect(rows[3]).toMatchObject({ final_equity: '', mean_exposure: '', months: '', target_reached_at: '', drawdown_breach: '', ruined: '', error: 'boom, "quoted"' });
    const fan = csv(dir, 'fan.csv');
    expect(fan).toHaveLength(6);
    expect(fan[1]).toEqual({ time: '2020-03-05T00:00:00Z', engine: 'fixed-fraction', p5: '101000', p25: '101000', p50: '101000', p75: '101000', p95: '101000' });
    expect(file.results.engines.map((e) => [e.engine, e.paths, e.failed])).toEqual([['fixed-fraction', 3, 0], ['pipeline', 2, 1]]);
  });

  it('refuses a folder without odds.json or with another format', async () => {
    const definition = definitionNow();
    const dir = tempDir();
    expect(() => readOddsFile(dir)).toThrow(`${dir}: no odds.json, not an odds folder`);
    expect(readOddsDefinition(dir)).toBeUndefined();
    expect(isOddsFolder(dir)).toBe(false);
    const other = tempDir();
    await writeOddsFiles(other, { ...definition, format: 'goalsim-odds-v0' as 'goalsim-odds-v1' }, new Map(), { shard: null, interrupted: false, scope: [] });
    expect(() => readOddsFile(other)).toThrow(`${join(other, 'odds.json')}: format "goalsim-odds-v0" is not goalsim-odds-v1`);
  });

  it('merges shards into the bytes of the unsharded folder, and refuses shards of other odds', async () => {
    const definition = definitionNow();
    const [whole, a, b, merged] = [tempDir(), tempDir(), tempDir(), tempDir()];
    const all = new Map([0, 1, 2].map((p) => [p, recordOf(p)]));
    await writeOddsFiles(whole, definition, all, { shard: null, interrupted: false, scope: [0, 1, 2] });
    await writeOddsFiles(a, definition, new Map([[0, recordOf(0)], [2, recordOf(2)]]), { shard: '1/2', interrupted: false, scope: [0, 2] });
    await writeOddsFiles(b, definition, new Map([[1, recordOf(1)]]), { shard: '2/2', interrupted: false, scope: [1] });
    const result = await mergeOddsFolders([a, b], merged);
    expect(result.missing).toEqual([]);
    for (const file of ['odds.json', 'paths.jsonl', 'paths.csv', 'fan.csv']) expect(readFileSync(join(merged, file), 'utf8'), file).toBe(readFileSync(join(whole, file), 'utf8'));
    // one shard alone: the other's paths are missing
    expect((await mergeOddsFolders([a], tempDir())).missing).toEqual([1]);
    const other = tempDir();
    await writeOddsFiles(other, definitionFor(resolved, { seed: '9' }), new Map(), { shard: null, interrupted: false, scope: [] });
    await expect(mergeOddsFolders([a, other], tempDir())).rejects.toThrow(`${other} holds different odds than ${a}`);
    const longer = tempDir();
    await writeOddsFiles(longer, definitionFor(resolved, { paths: 5 }), new Map(), { shard: null, interrupted: false, scope: [] });
    await expect(mergeOddsFolders([a, longer], tempDir())).rejects.toThrow('holds different odds');
    await expect(mergeOddsFolders([], tempDir())).rejects.toThrow('name at least one shard folder');
  });
});

describe('one path', async () => {
  const resolved = loadScenarioFile(DEMO);
  const data = await loadScenarioData(resolved);
  const engines = [{ engine: 'fixed-fraction', resolved }, { engine: 'pipeline', resolved: scenarioForEngine(resolved, 'pipeline') }];
  const setup: OddsSetup = { seed: '7', meanBlock: 3, engines, series: data.series.map(shareBarSeries), pricePlaces: data.series.map(pricePlacesOf), signals: data.signals, skippedRows: data.skippedRows, fanInstants: [0, 100, 100_000] };

  it('path 0 is the history: the figures of a plain run of each engine', async () => {
    const record = await runPath({ path: 0, setup });
    expect([record.path, record.seed]).toEqual([0, '7:0']);
    for (const [e, { engine, resolved: scenario }] of engines.entries()) {
      const result = await runScenario(scenario, data);
      const f = record.engines[e] as EnginePathFigures;
      expect(f.engine).toBe(engine);
      expect(f.error).toBeNull();
      expect(f.finalEquity).toBe(result.finalEquity.toFixed());
      expect(f.maxDrawdown).toBe(result.metrics.maxDrawdown);
      expect(f.sharpe).toBe(result.metrics.sharpe);
      expect(f.cagr).toBe(result.metrics.cagr);
      expect(f.minEquity).toBe(result.curveSummary.minEquity);
      expect(f.meanExposure).toBe(result.metrics.meanExposure);
      expect([f.months, f.monthsReturnGoalMet, f.monthsIncomeGoalMet]).toEqual([result.goalTables?.counts.months, result.goalTables?.counts.monthsReturnGoalMet, result.goalTables?.counts.monthsIncomeGoalMet]);
      expect(f.targetReachedAt).toBe(result.goalTables?.portfolioTargetReachedAt ?? null);
      // the fan samples equity at its instants, the last beyond the curve at its end, to 10 digits
      const curve = result.equityCurve;
      expect(f.fan).toEqual([curve?.equity[0], curve?.equity[100], curve?.equity[(curve?.length ?? 0) - 1]].map((v) => Number((v as number).toPrecision(10))));
    }
  });

  it('another path resamples the history the same way every time', () => {
    const history = pathSeries(setup, 0);
    expect(Array.from(history[0]?.close ?? [])).toEqual(Array.from(data.series[0]?.close ?? []));
    const one = pathSeries(setup, 1);
    expect(Array.from(one[0]?.close ?? [])).toEqual(Array.from(pathSeries(setup, 1)[0]?.close ?? []));
    expect(Array.from(one[0]?.close ?? [])).not.toEqual(Array.from(history[0]?.close ?? []));
    expect(Array.from(one[0]?.close ?? [])).not.toEqual(Array.from(pathSeries(setup, 2)[0]?.close ?? []));
    expect(Array.from(one[0]?.time ?? [])).toEqual(Array.from(history[0]?.time ?? []));
  });

  it('leaves the goal figures empty for a scenario without goals', async () => {
    const plain = { ...resolved, goals: [] };
    const record = await runPath({ path: 0, setup: { ...setup, engines: [{ engine: 'fixed-fraction', resolved: plain }] } });
    const f = record.engines[0] as EnginePathFigures;
    expect([f.months, f.monthsReturnGoalMet, f.monthsIncomeGoalMet, f.targetReachedAt]).toEqual([null, null, null, null]);
    expect(f.finalEquity).toBe((await runScenario(plain, data)).finalEquity.toFixed());
  });

  it('records an engine whose run throws with its error, and runs the others', async () => {
    const broken = { engine: 'broken', resolved: { ...resolved, scenario: { ...resolved.scenario, strategy: { name: 'no-such-strategy', params: {} } } } as unknown as ResolvedScenario };
    const record = await runPath({ path: 0, setup: { ...setup, engines: [broken, engines[0] as (typeof engines)[number]] } });
    expect(record.engines[0]?.error).toEqual(expect.any(String));
    expect(record.engines[0]).toEqual(failedFigures('broken', record.engines[0]?.error as string));
    expect(record.engines[1]?.error).toBeNull();
  });
});
