/**
 * The odds output folder, its one definition: odds.json (the run's definition and its odds),
 * paths.jsonl (one record per path, appended as paths finish: what --resume and merge read),
 * paths.csv (one row per path and engine), fan.csv (equity quantile bands per engine), and the
 * reports rendered from odds.json. Everything but paths.jsonl is written from the definition and
 * the records alone, so merged shards give the bytes of the unsharded run.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseTimestamp } from '../data/timestamp.js';
import { UsageError } from '../errors.js';
import type { GoalType } from '../goals/types.js';
import { rowsOf, writeCsvFile, writeTextFile } from '../io/fileWriter.js';
import type { ColumnType, ColumnTypes } from '../io/parquetFile.js';
import { formatFloat, formatTime } from '../numeric/format.js';
import type { ResolvedScenario } from '../scenario/load.js';
import type { ScenarioSizing } from '../scenario/schema.js';
import { VERSION } from '../version.js';
import { readRecords } from '../io/recordLog.js';
import { fingerprintDifference, type InputsFingerprint } from '../scenario/fingerprint.js';
import { armRecord, type Arm } from './arms.js';
import type { Match } from './match.js';
import type { EnginePathFigures, PathRecord } from './pathRun.js';
import { QUANTILE_NAMES } from './stats.js';
import { oddsResults, pathValues, type OddsFrame, type OddsResults } from './summary.js';

export const ODDS_FORMAT = 'goalsim-odds-v1';
export const BLOCK_RULE = 'stationary bootstrap (Politis & Romano 1994); auto: Politis-White (2004) with the Patton-Politis-White (2009) correction, median over symbols, the larger of the returns\' and the squared returns\' length';

/** What was run: everything a path's result depends on. Two runs with equal definitions have equal paths. */
export interface OddsDefinition {
  readonly format: typeof ODDS_FORMAT;
  readonly name: string;
  readonly scenario: string;
  readonly seed: string;
  readonly paths: number;
  readonly block: { readonly requested: 'auto' | number; readonly meanLength: number; readonly rule: string; readonly fromReturns?: number; readonly fromSquaredReturns?: number };
  /** The arms, each with its resolved sizing; a twin names the arm it is the goal-off twin of. */
  readonly engines: readonly ReturnType<typeof armRecord>[];
  /** The sizing the scenario file names (its engine keeps these parameters; the others run with their defaults). */
  readonly scenarioSizing: ScenarioSizing;
  /** The risk matching of the baseline arms, or null when they ran as configured. */
  readonly match: Match | null;
  readonly ruin: number;
  readonly maxDrawdownPct: number;
  readonly initialCapital: string;
  readonly currency: string;
  readonly goals: readonly { readonly type: GoalType; readonly target: number; readonly targetDate: string | null }[];
  readonly firstTime: string;
  readonly lastTime: string;
  readonly instants: number;
  readonly fanTimes: readonly string[];
  readonly monthStarts: readonly string[];
  /** The scenario's content and its data files' (absent in folders written before it). */
  readonly inputs?: InputsFingerprint | undefined;
}

export interface OddsFile extends OddsDefinition {
  readonly version: string;
  readonly shard: string | null;
  readonly interrupted: boolean;
  readonly counts: { readonly paths: number; readonly finished: number; readonly withErrors: number; readonly notRun: number };
  readonly results: OddsResults;
}

export const DEFAULT_RUIN = 0.5;

export function oddsDefinitionOf(input: {
  readonly options: { readonly paths: number; readonly block: 'auto' | number; readonly ruin?: number | undefined; readonly file: string };
  readonly resolved: ResolvedScenario;
  readonly arms: readonly Arm[];
  readonly match: Match | null;
  readonly seed: string;
  readonly meanBlock: number;
  readonly auto?: { readonly returns: number; readonly squaredReturns: number } | undefined;
  readonly instants: Float64Array;
  readonly fanIndices: readonly number[];
  readonly inputs: InputsFingerprint;
}): OddsDefinition {
  const { scenario, goals } = input.resolved;
  const first = input.instants[0] as number;
  const last = input.instants[input.instants.length - 1] as number;
  return {
    format: ODDS_FORMAT,
    name: scenario.name,
    scenario: input.options.file,
    seed: input.seed,
    paths: input.options.paths,
    block: { requested: input.options.block, meanLength: input.meanBlock, rule: BLOCK_RULE, ...(input.auto === undefined ? {} : { fromReturns: input.auto.returns, fromSquaredReturns: input.auto.squaredReturns }) },
    engines: input.arms.map(armRecord),
    scenarioSizing: scenario.sizing,
    match: input.match,
    ruin: input.options.ruin ?? DEFAULT_RUIN,
    maxDrawdownPct: scenario.account.maxDrawdownPct,
    initialCapital: scenario.account.initialCapital,
    currency: scenario.account.currency,
    goals: goals.map((goal) => ({ type: goal.type, target: goal.target, targetDate: goal.targetDate === undefined ? null : formatTime(goal.targetDate) })),
    firstTime: formatTime(first),
    lastTime: formatTime(last),
    instants: input.instants.length,
    fanTimes: input.fanIndices.map((i) => formatTime(input.instants[i] as number)),
    monthStarts: monthStarts(first, last).map(formatTime),
    inputs: input.inputs,
  };
}

/** The first instant of each UTC calendar month from `first` to `last`. */
export function monthStarts(first: number, last: number): number[] {
  const starts: number[] = [];
  const date = new Date(first);
  let month = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
  while (month <= last) {
    starts.push(month);
    const d = new Date(month);
    month = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
  }
  return starts;
}

const DEFINITION_KEYS = ['format', 'name', 'scenario', 'seed', 'paths', 'block', 'engines', 'scenarioSizing', 'match', 'ruin', 'maxDrawdownPct', 'initialCapital', 'currency', 'goals', 'firstTime', 'lastTime', 'instants', 'fanTimes', 'monthStarts', 'inputs'] as const;

/** The definition part of an odds.json. */
export function definitionPart(file: OddsDefinition): OddsDefinition {
  return Object.fromEntries(DEFINITION_KEYS.map((key) => [key, file[key]])) as unknown as OddsDefinition;
}

/**
 * Why a folder's paths are not this run's, or null when they are: equal in everything that
 * decides a path's result (the scenario file may be named differently, the count of paths differ).
 */
export function oddsDifference(folder: OddsDefinition, now: OddsDefinition): string | null {
  const inputs = fingerprintDifference(folder.inputs, now.inputs ?? { scenario: '', data: {} });
  if (inputs !== null) return inputs;
  const differs = DEFINITION_KEYS.filter((key) => key !== 'scenario' && key !== 'paths' && JSON.stringify(folder[key]) !== JSON.stringify(now[key]));
  return differs.length === 0 ? null : `its ${differs.join(', ')} differ${differs.length === 1 ? 's' : ''}`;
}

export function frameOf(definition: OddsDefinition): OddsFrame {
  const portfolio = definition.goals.find((goal) => goal.type === 'portfolio_value');
  return {
    engines: definition.engines.map((e) => e.engine),
    goalTypes: definition.goals.map((goal) => goal.type),
    initialCapital: Number(definition.initialCapital),
    firstTime: parseTimestamp(definition.firstTime),
    targetDate: portfolio?.targetDate == null ? null : parseTimestamp(portfolio.targetDate),
    maxDrawdownPct: definition.maxDrawdownPct,
    ruin: definition.ruin,
    fanTimes: definition.fanTimes.map(parseTimestamp),
    monthStarts: definition.monthStarts.map(parseTimestamp),
    twins: definition.engines.flatMap((e, twin) => {
      const arm = definition.engines.findIndex((other) => other.engine === e.twinOf);
      return e.twinOf === undefined || arm < 0 ? [] : [{ arm, twin }];
    }),
  };
}

export function isOddsFolder(dir: string): boolean {
  return existsSync(join(dir, 'odds.json')) && existsSync(join(dir, 'paths.jsonl'));
}

export function readOddsFile(dir: string): OddsFile {
  const path = join(dir, 'odds.json');
  if (!existsSync(path)) throw new UsageError(`${dir}: no odds.json, not an odds folder`);
  const file = JSON.parse(readFileSync(path, 'utf8')) as { format?: unknown };
  if (file.format !== ODDS_FORMAT) throw new UsageError(`${path}: format "${String(file.format)}" is not ${ODDS_FORMAT}`);
  return file as OddsFile;
}

export function readOddsDefinition(dir: string): OddsDefinition | undefined {
  return existsSync(join(dir, 'odds.json')) ? definitionPart(readOddsFile(dir)) : undefined;
}

/** The records in paths.jsonl (see parallel/recordLog: a torn last line is dropped and its path runs again). */
export function readPathRecords(dir: string, onDropped?: (message: string) => void): PathRecord[] {
  return readRecords<PathRecord>(join(dir, 'paths.jsonl'), 'path', onDropped);
}

export interface OddsWriteOptions {
  readonly shard: string | null;
  readonly interrupted: boolean;
  /** Paths of this run's scope (all, or a shard's). */
  readonly scope: readonly number[];
}

/** paths.csv's columns in order, with their types in a Parquet copy; pathRow gives the cells in this order. */
const PATH_COLUMNS = [
  { name: 'path', type: 'int' },
  { name: 'seed', type: 'string' },
  { name: 'engine', type: 'string' },
  { name: 'final_equity', type: 'decimal' },
  { name: 'min_equity', type: 'double' },
  { name: 'max_drawdown', type: 'double' },
  { name: 'cagr', type: 'double' },
  { name: 'sharpe', type: 'double' },
  { name: 'mean_exposure', type: 'double' },
  { name: 'months', type: 'int' },
  { name: 'months_return_goal_met', type: 'int' },
  { name: 'months_income_goal_met', type: 'int' },
  { name: 'target_reached_at', type: 'timestamp' },
  { name: 'drawdown_breach', type: 'double' },
  { name: 'ruined', type: 'double' },
  { name: 'error', type: 'string' },
] as const satisfies readonly { readonly name: string; readonly type: ColumnType }[];

const FAN_LEAD = [
  { name: 'time', type: 'timestamp' },
  { name: 'engine', type: 'string' },
] as const satisfies readonly { readonly name: string; readonly type: ColumnType }[];

/** The odds folder's tables with their column types (report/parquetCopies.ts); the quantile columns are doubles. */
export const ODDS_TABLES: readonly (readonly [string, ColumnTypes])[] = [
  ['paths.csv', (name) => PATH_COLUMNS.find((c) => c.name === name)?.type],
  ['fan.csv', (name) => FAN_LEAD.find((c) => c.name === name)?.type ?? 'double'],
];

function pathRow(frame: OddsFrame, record: PathRecord, f: EnginePathFigures): string[] {
  const values = pathValues(frame, f);
  const flag = (value: number | undefined): string => (f.error === null && value !== undefined ? String(value) : '');
  const count = (value: number | null): string => (value === null ? '' : String(value));
  return [
    String(record.path),
    record.seed,
    f.engine,
    f.finalEquity ?? '',
    formatFloat(f.minEquity),
    formatFloat(f.maxDrawdown),
    formatFloat(f.cagr),
    formatFloat(f.sharpe),
    formatFloat(f.meanExposure ?? null),
    count(f.months),
    count(f.monthsReturnGoalMet),
    count(f.monthsIncomeGoalMet),
    f.targetReachedAt === null ? '' : formatTime(f.targetReachedAt),
    flag(values.drawdownBreach),
    flag(values.ruin),
    f.error ?? '',
  ];
}

/** Writes odds.json, paths.jsonl (ordered), paths.csv and fan.csv; returns what odds.json holds. */
export async function writeOddsFiles(dir: string, definition: OddsDefinition, records: ReadonlyMap<number, PathRecord>, options: OddsWriteOptions): Promise<OddsFile> {
  mkdirSync(dir, { recursive: true });
  const ordered = [...records.values()].sort((a, b) => a.path - b.path);
  const frame = frameOf(definition);
  const results = oddsResults(frame, ordered);
  const file: OddsFile = {
    ...definition,
    version: VERSION,
    shard: options.shard,
    interrupted: options.interrupted,
    counts: {
      paths: options.scope.length,
      finished: ordered.length,
      withErrors: ordered.filter((record) => record.engines.some((f) => f.error !== null)).length,
      notRun: options.scope.filter((path) => !records.has(path)).length,
    },
    results,
  };
  writeTextFile(join(dir, 'paths.jsonl'), ordered.map((record) => `${JSON.stringify(record)}\n`).join(''));
  writeCsvFile(join(dir, 'paths.csv'), { file: 'paths.csv', header: PATH_COLUMNS.map((c) => c.name), rows: (function* () {
    for (const record of ordered) for (const f of record.engines) yield pathRow(frame, record, f);
  })() });
  const fanRows = results.fan.flatMap((fan) => definition.fanTimes.map((time, i) => [time, fan.engine, ...QUANTILE_NAMES.map((q) => formatFloat(fan.bands[q][i]))]));
  writeCsvFile(join(dir, 'fan.csv'), { file: 'fan.csv', header: [...FAN_LEAD.map((c) => c.name), ...QUANTILE_NAMES], rows: rowsOf(fanRows, (row) => row) });
  writeTextFile(join(dir, 'odds.json'), `${JSON.stringify(file, null, 1)}\n`);
  return file;
}
