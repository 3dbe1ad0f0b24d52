/**
 * One odds run end to end, as a library call: load the scenario's data once, choose the block
 * length, run every path of the scope (a shard, less those already on disk when resuming) with
 * every engine on the worker pool, and write the odds folder. Paths are independent and seeded
 * by their number, so the folder is the same whatever the workers, shards or resumes.
 */
import { mkdirSync } from 'node:fs';
import { appendRecord, syncToDisk } from '../io/recordLog.js';
import { inputsFingerprint, type InputsFingerprint } from '../scenario/fingerprint.js';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { defaultCacheDir } from '../data/cache.js';
import { allocateBarSeries, shareBarSeries, type BarSeries } from '../data/series.js';
import { ScenarioError, UsageError } from '../errors.js';
import { armsFromEngines, resolveArms, type Arm, type ArmInput } from './arms.js';
import { matchArms, type MatchBy } from './match.js';
import { pricePlacesOf } from '../ledger/index.js';
import { runTasks, shownNumber, timeoutMs } from '../parallel/pool.js';
import { inShard, parseShard, type Shard } from '../parallel/shard.js';
import { loadScenarioFile, type ResolvedScenario } from '../scenario/load.js';
import { ENGINE_NAMES } from '../scenario/schema.js';
import { loadScenarioData } from '../sim/loadData.js';
import { noBarsMessage, sliceSeries } from '../sim/run.js';
import { politisWhiteBlockLength } from './blockLength.js';
import { returnHistory, type ReturnHistory } from './bootstrap.js';
import { oddsDefinitionOf, readPathRecords, readOddsDefinition, oddsDifference, writeOddsFiles, type OddsDefinition } from './oddsFolder.js';
import { failedFigures, type OddsSetup, type OddsTask, type PathRecord } from './pathRun.js';

export const DEFAULT_ODDS_ENGINES = ['pipeline', 'goal-kelly', 'fixed-fraction', 'fixed-risk'] as const;
/** Fan chart resolution: equity is sampled at this many instants at most. */
const FAN_POINTS = 200;

export interface OddsOptions {
  readonly file: string;
  readonly outDir: string;
  readonly paths: number;
  /** 'auto' (Politis-White) or a mean block length in bars (>= 1). */
  readonly block: 'auto' | number;
  /** Arms by engine name (see arms.ts); ignored when `arms` is given. */
  readonly engines: readonly string[];
  /** Arms with a full sizing each, as `--arms` gives them. */
  readonly arms?: readonly ArmInput[] | undefined;
  /** Where the arms came from, for messages (a file, or `--arms`). */
  readonly armsSource?: string | undefined;
  /** Run each goal-aware arm's goal-off twin as well (default true). */
  readonly twins?: boolean | undefined;
  /** Run the buy-and-hold benchmark as the last arm (default true). */
  readonly benchmark?: boolean | undefined;
  /** Match each baseline arm's size to the reference arm's on the history (see match.ts). */
  readonly match?: MatchBy | undefined;
  /** The reference arm of the match (default: the first goal-aware arm). */
  readonly matchTo?: string | undefined;
  /** Default: the scenario's seed. */
  readonly seed?: string | undefined;
  readonly ruin?: number | undefined;
  readonly workers?: number | undefined;
  /** A further worker starts only for each this many bars of work (default BARS_PER_WORKER; 0: always `workers`). */
  readonly barsPerWorker?: number | undefined;
  readonly shard?: string | undefined;
  readonly resume?: boolean | undefined;
  readonly cache?: boolean | undefined;
  readonly pathTimeoutSeconds?: number | undefined;
  readonly signal?: AbortSignal | undefined;
  /** Told the block length once it is chosen, before any path runs. */
  readonly onBlockLength?: ((meanBlock: number, requested: 'auto' | number, auto: AutoBlock | undefined) => void) | undefined;
  readonly onProgress?: ((done: number, total: number) => void) | undefined;
  /** Told what a resume had to drop (the CLI prints it on stderr). */
  readonly onWarning?: ((message: string) => void) | undefined;
}

export interface OddsRun {
  readonly definition: OddsDefinition;
  readonly records: ReadonlyMap<number, PathRecord>;
  readonly scope: readonly number[];
  readonly interrupted: boolean;
}

/** The usage errors of the options, each one line naming the option and the fix. */
export function checkOddsOptions(options: Pick<OddsOptions, 'paths' | 'block' | 'engines' | 'ruin' | 'arms'>): void {
  if (!Number.isInteger(options.paths) || options.paths < 1) throw new UsageError(`--paths ${shownNumber(options.paths)}: give a whole number of paths, at least 1 (e.g. --paths 1000)`);
  if (options.block !== 'auto' && !(Number.isFinite(options.block) && options.block >= 1)) throw new UsageError(`--block ${shownNumber(options.block)}: a mean block length is at least 1 bar; or use --block auto`);
  if (options.ruin !== undefined && !(options.ruin > 0 && options.ruin < 1)) throw new UsageError(`--ruin ${shownNumber(options.ruin)}: a share of the initial capital between 0 and 1 (e.g. 0.5)`);
  if (options.arms !== undefined) return;
  if (options.engines.length === 0) throw new UsageError(`--engines: name at least one of ${ENGINE_NAMES.join(', ')}`);
  for (const engine of options.engines) if (!ENGINE_NAMES.includes(engine)) throw new UsageError(`--engines: unknown engine "${engine}"; the engines are ${ENGINE_NAMES.join(', ')}`);
  if (new Set(options.engines).size !== options.engines.length) throw new UsageError(`--engines: each engine once (${options.engines.join(',')})`);
}

/**
 * The scenario as engine `engine` runs it: the scenario's own sizing when it names that engine,
 * otherwise the engine's defaults. Validated again, since a rule may tie sizing to the strategy.
 */
export function scenarioForEngine(resolved: ResolvedScenario, engine: string): ResolvedScenario {
  return (resolveArms(resolved, armsFromEngines(resolved, [engine]), { twins: false, source: '--engines' })[0] as Arm).resolved;
}

/** The automatic block length, and what it was chosen from. */
export interface AutoBlock {
  /** The mean block length used: the larger of the two below. */
  readonly length: number;
  /** The median over symbols of the Politis-White length of the returns, and of the squared returns. */
  readonly returns: number;
  readonly squaredReturns: number;
}

const median = (values: number[]): number => {
  values.sort((a, b) => a - b);
  const middle = values.length >> 1;
  return values.length % 2 === 1 ? (values[middle] as number) : ((values[middle - 1] as number) + (values[middle] as number)) / 2;
};

/**
 * Mean block length: the Politis-White length of each symbol's returns over its own bars, and of
 * their squares, each the median over symbols; the larger of the two. Returns with no linear
 * dependence can still cluster in volatility (large moves follow large moves), which only the
 * squares show: one-bar blocks would shuffle it away.
 */
export function autoBlockLength(history: ReturnHistory): AutoBlock {
  const own = history.logReturns.map((returns, s) => Array.from((history.instantOf[s] as Int32Array).slice(1), (k) => returns[k] as number));
  const returns = median(own.map(politisWhiteBlockLength));
  const squaredReturns = median(own.map((r) => politisWhiteBlockLength(r.map((x) => x * x))));
  return { length: Math.max(returns, squaredReturns), returns, squaredReturns };
}

/** The period's bars in a compact shared buffer of their own, so workers see exactly the period. */
export function periodCopy(bars: BarSeries, start: number, end: number): BarSeries {
  const slice = sliceSeries(bars, start, end);
  const copy = allocateBarSeries(slice.symbol, slice.length);
  for (const column of ['time', 'open', 'high', 'low', 'close', 'volume'] as const) copy[column].set(slice[column]);
  return copy;
}

/** What an odds run has prepared before any path runs: the arms, the period's bars, the block length, and the setup every path shares. */
export interface PreparedOdds {
  readonly resolved: ResolvedScenario;
  readonly arms: readonly Arm[];
  readonly match: OddsDefinition['match'];
  readonly history: ReturnHistory;
  readonly auto: AutoBlock | undefined;
  readonly setup: OddsSetup;
  readonly fingerprint: InputsFingerprint;
}

/** Loads the scenario and its data, resolves and matches the arms, and chooses the block length (told to onBlockLength). */
export async function prepareOdds(options: OddsOptions): Promise<PreparedOdds> {
  const resolved = loadScenarioFile(options.file);
  const inputs = options.arms ?? armsFromEngines(resolved, options.engines);
  const arms = resolveArms(resolved, inputs, { twins: options.twins !== false, benchmark: options.benchmark !== false, source: options.arms === undefined ? '--engines' : (options.armsSource ?? '--arms') });
  const data = await loadScenarioData(resolved, options.cache === false ? undefined : defaultCacheDir());
  const series = data.series.map((bars) => periodCopy(bars, resolved.periodStart, resolved.periodEnd));
  if (series.every((bars) => bars.length === 0)) throw new ScenarioError(`holds no bars: ${noBarsMessage(data.series)}`, resolved.file, 'period');
  const pricePlaces = data.series.map(pricePlacesOf);
  const matched = options.match === undefined ? undefined : await matchArms(arms, { series, signals: data.signals, skippedRows: data.skippedRows, pricePlaces }, options.match, options.matchTo);
  const engines = (matched?.arms ?? arms).map((arm) => ({ engine: arm.name, resolved: arm.resolved }));
  const history = returnHistory(series);
  const auto = options.block === 'auto' ? autoBlockLength(history) : undefined;
  const meanBlock = auto?.length ?? (options.block as number);
  options.onBlockLength?.(meanBlock, options.block, auto);
  const seed = options.seed ?? String(resolved.scenario.seed);
  const fanIndices = fanInstants(history.instants.length);
  const fingerprint = inputsFingerprint(resolved.scenario, resolved.file, options.cache === false ? undefined : defaultCacheDir());
  const setup: OddsSetup = { seed, meanBlock, engines, series: series.map(shareBarSeries), pricePlaces, signals: data.signals, skippedRows: data.skippedRows, fanInstants: fanIndices };
  return { resolved, arms: matched?.arms ?? arms, match: matched?.match ?? null, history, auto, setup, fingerprint };
}

export async function runOdds(options: OddsOptions): Promise<OddsRun> {
  checkOddsOptions(options);
  const taskTimeoutMs = timeoutMs('--path-timeout', options.pathTimeoutSeconds);
  const shard: Shard | undefined = options.shard === undefined ? undefined : parseShard(options.shard);
  const workers = options.workers ?? availableParallelism();
  if (!(workers >= 1)) throw new UsageError('--workers must be at least 1');
  const { resolved, arms, match, history, auto, setup, fingerprint } = await prepareOdds(options);
  const { seed, meanBlock, engines, fanInstants: fanIndices } = setup;
  const definition = oddsDefinitionOf({ options, resolved, arms, match, seed, meanBlock, auto, instants: history.instants, fanIndices, inputs: fingerprint });

  const outDir = options.outDir;
  const records = new Map<number, PathRecord>();
  if (options.resume === true) {
    const previous = readOddsDefinition(outDir);
    const difference = previous === undefined ? null : oddsDifference(previous, definition);
    if (difference !== null) throw new UsageError(`${outDir} holds the odds of a different run (${difference}): choose another --out or drop --resume`);
    for (const record of readPathRecords(outDir, options.onWarning)) if (record.path < definition.paths) records.set(record.path, record);
  }
  const scope = Array.from({ length: definition.paths }, (_, path) => path).filter((path) => inShard(path, shard));
  const todo = scope.filter((path) => !records.has(path));
  mkdirSync(outDir, { recursive: true });
  // the definition is on disk before the first record, marked interrupted until the end: a run
  // killed before it finished is then refused by --resume with other options (arms, --match,
  // seed...), instead of mixing their paths; the log is rewritten from what was kept, so a torn
  // last line is gone before anything is appended after it
  await writeOddsFiles(outDir, definition, records, { shard: shard === undefined ? null : `${shard.index}/${shard.count}`, interrupted: true, scope });
  const log = join(outDir, 'paths.jsonl');
  const tasks: OddsTask[] = todo.map((path) => ({ path, setup }));
  let done = 0;
  options.onProgress?.(0, tasks.length);
  await runTasks(tasks, {
    script: 'odds/worker.js',
    workers,
    barsPerWorker: options.barsPerWorker,
    barsOf: () => history.instants.length * engines.length,
    failed: (task, reason) => ({ path: task.path, seed: `${seed}:${task.path}`, engines: engines.map(({ engine }) => failedFigures(engine, reason)) }),
    taskTimeoutMs,
    signal: options.signal,
    onOutcome: (record) => {
      records.set(record.path, record);
      appendRecord(log, record); // incremental, so --resume survives a crash
      options.onProgress?.(++done, tasks.length);
    },
  });
  syncToDisk(log); // what finished is on disk before the files are written from it
  const interrupted = options.signal?.aborted === true;
  await writeOddsFiles(outDir, definition, records, { shard: shard === undefined ? null : `${shard.index}/${shard.count}`, interrupted, scope });
  return { definition, records, scope, interrupted };
}

/** Indices of the instants the fan chart samples: evenly spread, first and last included. */
export function fanInstants(count: number): number[] {
  if (count <= FAN_POINTS) return Array.from({ length: count }, (_, i) => i);
  return Array.from({ length: FAN_POINTS }, (_, i) => Math.round((i * (count - 1)) / (FAN_POINTS - 1)));
}
