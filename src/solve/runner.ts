/**
 * `goalsim solve` as a library call (README "Solve"): a seeded design over the space and a
 * refinement round around its incumbent, successive halving over growing counts of the paths
 * `goalsim odds` would draw (every candidate on the same paths), then the choice and the
 * runner-up confirmed on fresh paths. Every (candidate, path) run is appended to runs.jsonl as
 * it ends; the search is a function of the definition and those records, so workers and resumes
 * give the same folder.
 */
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import seedrandom from 'seedrandom';
import { defaultCacheDir } from '../data/cache.js';
import { ScenarioError, UsageError } from '../errors.js';
import { appendRecord, readRecords, syncToDisk } from '../io/recordLog.js';
import { writeTextFile } from '../io/fileWriter.js';
import { pricePlacesOf } from '../ledger/index.js';
import { returnHistory } from '../odds/bootstrap.js';
import { monthStarts } from '../odds/oddsFolder.js';
import { autoBlockLength, periodCopy } from '../odds/oddsRunner.js';
import { failedFigures, type EnginePathFigures, type OddsSetup, type OddsTask, type PathRecord } from '../odds/pathRun.js';
import { oddsResults, type EngineOdds, type OddsFrame, type Probability } from '../odds/summary.js';
import { runTasks, timeoutMs } from '../parallel/pool.js';
import { inputsFingerprint, fingerprintDifference, type InputsFingerprint } from '../scenario/fingerprint.js';
import type { ResolvedScenario } from '../scenario/load.js';
import { prepareVariant, type ParamValue } from '../scenario/variants.js';
import { baseScenarioOf } from '../scenario/sweep.js';
import { shareBarSeries } from '../data/series.js';
import { loadScenarioData } from '../sim/loadData.js';
import { noBarsMessage } from '../sim/run.js';
import { dimensionsOf, latinHypercube, neighbours, paramsAt, type Dimension } from './design.js';
import { byPromise, choose, halve, isFeasible, type CandidateEstimate, type ConstraintEstimate } from './halving.js';
import { loadSolveFile, type LoadedSolve, type Solve, type SolveGoal } from './solveFile.js';

export const SOLVE_FORMAT = 'goalsim-solve-v1';
export const SOLVE_FILES = { definition: 'solve.json', log: 'runs.jsonl', candidates: 'candidates.csv', chosen: 'chosen.json' } as const;

export interface SolveOptions {
  readonly file: string;
  readonly outDir: string;
  readonly workers?: number | undefined;
  readonly resume?: boolean | undefined;
  readonly cache?: boolean | undefined;
  readonly pathTimeoutSeconds?: number | undefined;
  readonly signal?: AbortSignal | undefined;
  readonly onProgress?: ((stage: string, done: number, total: number) => void) | undefined;
  readonly onWarning?: ((message: string) => void) | undefined;
}

/** What a solve folder is the result of; a resume compares it. */
export interface SolveDefinition {
  readonly format: typeof SOLVE_FORMAT;
  readonly name: string;
  readonly solve: Solve;
  readonly seed: string;
  readonly meanBlock: number;
  /** The base account's drawdown limit: a breach for every candidate. */
  readonly maxDrawdownPct: number;
  readonly inputs: InputsFingerprint;
}

export interface Candidate {
  readonly id: number;
  readonly origin: 'design' | 'refinement';
  readonly params: Readonly<Record<string, ParamValue>>;
  /** Parameters the candidate's engine does not take, left out. */
  readonly leftOut: readonly string[];
  readonly resolved: ResolvedScenario | null;
  readonly error: string | null;
}

export interface CandidateResult {
  readonly candidate: Candidate;
  /** 1-based rung last run, 0 for a candidate that could not run. */
  readonly rung: number;
  readonly paths: number;
  readonly estimate: CandidateEstimate;
  readonly odds: EngineOdds | null;
  readonly feasible: boolean;
  readonly droppedAt: number | null;
  readonly reason: string | null;
  /** Paths whose run threw, and the first error: the candidate's other paths still count. */
  readonly failedPaths: number;
  readonly firstError: string | null;
}

export interface Confirmation {
  readonly candidate: number;
  readonly paths: number;
  readonly estimate: CandidateEstimate;
  readonly odds: EngineOdds;
}

export interface SolveRun {
  readonly definition: SolveDefinition;
  readonly rungs: readonly number[];
  readonly budgetUsed: number;
  readonly results: readonly CandidateResult[];
  readonly choice: CandidateResult | null;
  readonly runnerUp: CandidateResult | null;
  readonly confirmation: readonly Confirmation[];
  readonly interrupted: boolean;
}

type Stage = 'search' | 'confirm';
interface LogRecord {
  readonly stage: Stage;
  readonly path: number;
  readonly engines: readonly EnginePathFigures[];
}

const nameOf = (id: number): string => `c${id}`;
const idOf = (name: string): number => Number(name.slice(1));

export async function runSolve(options: SolveOptions): Promise<SolveRun> {
  const loaded = loadSolveFile(options.file);
  const { solve } = loaded;
  const taskTimeoutMs = timeoutMs('--path-timeout', options.pathTimeoutSeconds);
  const workers = options.workers ?? availableParallelism();
  if (!(workers >= 1)) throw new UsageError('--workers must be at least 1');
  const base = baseScenarioOf(loaded.sweep);
  const goalTypes = base.goals.map((goal) => goal.type);
  if (!goalTypes.includes(solve.maximize)) throw new ScenarioError(`the base scenario has no ${solve.maximize} goal (it has ${goalTypes.join(', ') || 'none'})`, loaded.file, 'maximize');
  const cacheDir = options.cache === false ? undefined : defaultCacheDir();
  const data = await loadScenarioData(base, cacheDir);
  const series = data.series.map((bars) => periodCopy(bars, base.periodStart, base.periodEnd));
  if (series.every((bars) => bars.length === 0)) throw new ScenarioError(`holds no bars: ${noBarsMessage(data.series)}`, base.file, 'period');
  const history = returnHistory(series);
  const meanBlock = solve.paths.block === 'auto' ? autoBlockLength(history).length : solve.paths.block;
  const definition: SolveDefinition = { format: SOLVE_FORMAT, name: solve.name, solve, seed: solve.paths.seed ?? String(base.scenario.seed), meanBlock, maxDrawdownPct: base.scenario.account.maxDrawdownPct, inputs: inputsFingerprint(loaded.sweep.baseRaw, loaded.sweep.baseFile, cacheDir) };

  const outDir = options.outDir;
  const logPath = join(outDir, SOLVE_FILES.log);
  const figures = new Map<string, EnginePathFigures>();
  const key = (stage: Stage, id: number, path: number): string => `${stage}:${id}:${path}`;
  if (options.resume === true) {
    const previous = readSolveDefinition(outDir);
    const difference = previous === undefined ? null : solveDifference(previous, definition);
    if (difference !== null) throw new UsageError(`${outDir} holds a different solve (${difference}): choose another --out or drop --resume`);
    for (const record of readRecords<LogRecord>(logPath, 'run', options.onWarning)) for (const f of record.engines) figures.set(key(record.stage, idOf(f.engine), record.path), f);
  } else {
    rmSync(logPath, { force: true });
  }
  mkdirSync(outDir, { recursive: true });
  // the definition is on disk before the first record, so a killed run is resumed only by the same solve
  writeTextFile(join(outDir, SOLVE_FILES.definition), `${JSON.stringify({ definition, result: null }, null, 1)}\n`);
  /** The log rewritten from what is kept, in a fixed order (records are appended as runs end). */
  const rewriteLog = (): void => writeTextFile(logPath, groupRecords(figures).map((r) => `${JSON.stringify(r)}\n`).join(''));
  // before anything is appended, so a torn last line is gone first
  rewriteLog();

  const sharedSeries = series.map(shareBarSeries);
  const pricePlaces = data.series.map(pricePlacesOf);
  const candidates: Candidate[] = [];
  const frame = solveFrame(base, history.instants, solve);
  let interrupted = false;

  /** Runs every (candidate, path) of `ids` x [from, to) not yet recorded. */
  const runStage = async (stage: Stage, ids: readonly number[], from: number, to: number): Promise<void> => {
    const seed = stage === 'search' ? definition.seed : `${definition.seed}/confirm`;
    const tasks: OddsTask[] = [];
    for (let path = from; path < to; path++) {
      const missing = ids.filter((id) => !figures.has(key(stage, id, path)));
      if (missing.length === 0) continue;
      const engines = missing.map((id) => ({ engine: nameOf(id), resolved: candidates[id]?.resolved as ResolvedScenario }));
      const setup: OddsSetup = { seed, meanBlock, engines, series: sharedSeries, pricePlaces, signals: data.signals, skippedRows: data.skippedRows, fanInstants: [] };
      tasks.push({ path, setup });
    }
    let done = 0;
    options.onProgress?.(stage, 0, tasks.length);
    await runTasks(tasks, {
      script: 'odds/worker.js',
      workers,
      barsOf: (task) => history.instants.length * task.setup.engines.length,
      failed: (task, reason) => ({ path: task.path, seed: `${seed}:${task.path}`, engines: task.setup.engines.map(({ engine }) => failedFigures(engine, reason)) }),
      taskTimeoutMs,
      signal: options.signal,
      onOutcome: (record: PathRecord) => {
        const line: LogRecord = { stage, path: record.path, engines: record.engines };
        for (const f of record.engines) figures.set(key(stage, idOf(f.engine), record.path), f);
        appendRecord(logPath, line);
        options.onProgress?.(stage, ++done, tasks.length);
      },
    });
    if (options.signal?.aborted === true) interrupted = true;
  };

  const estimateOf = (stage: Stage, id: number, from: number, to: number): { estimate: CandidateEstimate; odds: EngineOdds | null } => {
    const records: PathRecord[] = [];
    for (let path = from; path < to; path++) {
      const f = figures.get(key(stage, id, path));
      if (f !== undefined) records.push({ path, seed: '', engines: [f] });
    }
    if (records.length === 0) return { estimate: { id, objective: null, constraints: constraintEstimates(solve, null) }, odds: null };
    const odds = oddsResults({ ...frame, engines: [nameOf(id)] }, records).engines[0] as EngineOdds;
    return { estimate: { id, objective: goalProbability(odds, solve.maximize).probability, constraints: constraintEstimates(solve, odds) }, odds };
  };

  // the design, then its rung-0 incumbent's neighbours, all on the first rung's paths
  const dimensions = dimensionsOf(solve.space);
  const design = latinHypercube(dimensions.length, solve.candidates, seedrandom(`${solve.seed}:design`));
  const seen = new Set<string>();
  const add = (point: readonly number[], origin: Candidate['origin']): number => {
    const candidate = prepareCandidate(loaded, candidates.length, dimensions, point, origin);
    candidates.push(candidate);
    seen.add(JSON.stringify(candidate.params));
    return candidate.id;
  };
  for (const point of design) add(point, 'design');
  const budget = solve.budget;
  const runnable = (ids: readonly number[]): number[] => ids.filter((id) => candidates[id]?.resolved !== null);
  const rungs: number[] = [];
  let spent = 0;
  let active = runnable(candidates.map((c) => c.id));
  const dropped = new Map<number, { rung: number; reason: string }>();
  const lastRung = new Map<number, number>();
  const cannotRun = (id: number): string => candidates[id]?.error ?? 'cannot run';
  for (const id of candidates.map((c) => c.id)) if (candidates[id]?.resolved === null) dropped.set(id, { rung: 0, reason: cannotRun(id) });
  const first = Math.min(solve.rungs[0] as number, Math.floor(budget / Math.max(1, active.length)));
  if (first < 2) throw new UsageError(`${options.file}: budget ${budget} cannot give the ${active.length} runnable candidates of the design 2 paths each; raise "budget" or lower "candidates"`);
  await runStage('search', active, 0, first);
  spent += active.length * first;
  // refinement: the neighbours of the rung-0 incumbent, one stratum away, on the same paths
  const incumbent = active.map((id) => estimateOf('search', id, 0, first).estimate).sort(byPromise)[0];
  if (incumbent !== undefined && !interrupted) {
    const point = design[incumbent.id] as number[];
    const added = neighbours(dimensions, point, 1 / solve.candidates)
      .filter((p) => !seen.has(JSON.stringify(paramsAt(dimensions, p))))
      .map((p) => add(p, 'refinement'));
    const refinement = runnable(added).slice(0, Math.max(0, Math.floor((budget - spent) / first)));
    for (const id of added) if (!refinement.includes(id) && !dropped.has(id)) dropped.set(id, { rung: 0, reason: candidates[id]?.resolved === null ? cannotRun(id) : 'over the budget' });
    await runStage('search', refinement, 0, first);
    spent += refinement.length * first;
    active = [...active, ...refinement];
  }
  rungs.push(first);
  for (const id of active) lastRung.set(id, 1);
  for (let k = 1; k < solve.rungs.length && !interrupted; k++) {
    const decision = halve(active.map((id) => estimateOf('search', id, 0, rungs[k - 1] as number).estimate), solve.eta);
    const affordable = (rungs[k - 1] as number) + Math.floor((budget - spent) / Math.max(1, decision.kept.length));
    const to = Math.min(solve.rungs[k] as number, affordable);
    if (to <= (rungs[k - 1] as number)) break;
    for (const [id, reason] of decision.dropped) dropped.set(id, { rung: k, reason });
    active = [...decision.kept];
    await runStage('search', active, rungs[k - 1] as number, to);
    spent += active.length * (to - (rungs[k - 1] as number));
    rungs.push(to);
    for (const id of active) lastRung.set(id, k + 1);
  }
  const finalPaths = rungs[rungs.length - 1] as number;
  const results: CandidateResult[] = candidates.map((candidate) => {
    const rung = lastRung.get(candidate.id) ?? 0;
    const paths = rung === 0 ? 0 : (rungs[rung - 1] as number);
    const { estimate, odds } = estimateOf('search', candidate.id, 0, paths);
    const stop = dropped.get(candidate.id);
    const errors: string[] = [];
    for (let path = 0; path < paths; path++) {
      const error = figures.get(key('search', candidate.id, path))?.error;
      if (error !== undefined && error !== null) errors.push(`path ${path}: ${error}`);
    }
    return { candidate, rung, paths, estimate, odds, feasible: rung > 0 && isFeasible(estimate), droppedAt: stop?.rung ?? null, reason: stop?.reason ?? null, failedPaths: errors.length, firstError: errors[0] ?? null };
  });
  const finalists = results.filter((r) => active.includes(r.candidate.id) && r.paths === finalPaths);
  const chosen = choose(finalists.map((r) => r.estimate));
  const choice = chosen.choice === null ? null : (results[chosen.choice.id] as CandidateResult);
  const runnerUp = chosen.runnerUp === null ? null : (results[chosen.runnerUp.id] as CandidateResult);
  const confirmPaths = solve.confirmPaths ?? finalPaths;
  const confirmed = [choice, runnerUp].flatMap((r) => (r === null ? [] : [r.candidate.id]));
  if (!interrupted && confirmed.length > 0) await runStage('confirm', confirmed, 1, confirmPaths + 1);
  const confirmation = interrupted
    ? []
    : confirmed.map((id) => {
        const { estimate, odds } = estimateOf('confirm', id, 1, confirmPaths + 1);
        return { candidate: id, paths: confirmPaths, estimate, odds: odds as EngineOdds };
      });
  syncToDisk(logPath);
  // at the end too, so the folder is the same bytes whatever the workers
  if (!interrupted) rewriteLog();
  return { definition, rungs, budgetUsed: spent, results, choice, runnerUp, confirmation, interrupted };
}

/** The records of the log grouped by stage and path, search first, paths and candidates ascending. */
function groupRecords(figures: ReadonlyMap<string, EnginePathFigures>): LogRecord[] {
  const groups = new Map<string, LogRecord & { engines: EnginePathFigures[] }>();
  for (const [k, f] of figures) {
    const [stage, , path] = k.split(':') as [Stage, string, string];
    const group = `${stage}:${path}`;
    const existing = groups.get(group) ?? { stage, path: Number(path), engines: [] };
    existing.engines.push(f);
    groups.set(group, existing);
  }
  const stageOrder = (stage: Stage): number => (stage === 'search' ? 0 : 1);
  const records = [...groups.values()].sort((a, b) => stageOrder(a.stage) - stageOrder(b.stage) || a.path - b.path);
  for (const record of records) record.engines.sort((a, b) => idOf(a.engine) - idOf(b.engine));
  return records;
}

/** The probability the solve maximises, from a candidate's odds. */
export function goalProbability(odds: EngineOdds, goal: SolveGoal): Probability {
  const p = goal === 'monthly_return' ? odds.monthlyReturn : goal === 'monthly_income' ? odds.monthlyIncome : odds.portfolioTarget;
  return p ?? { probability: null, interval: null, paths: 0 };
}

function constraintEstimates(solve: Solve, odds: EngineOdds | null): ConstraintEstimate[] {
  return solve.subjectTo.map((c): ConstraintEstimate => {
    if ('max' in c) {
      const p = odds === null ? null : odds[c.metric as 'drawdownBreach' | 'ruin'];
      return { metric: c.metric, bound: 'max', limit: c.max, value: p?.probability ?? null, low: p?.interval?.low ?? null, high: p?.interval?.high ?? null };
    }
    const quantile = c.metric.split('.')[1] as 'p5' | 'p25' | 'p50' | 'p75' | 'p95';
    const value = odds === null ? null : odds.finalEquity[quantile];
    return { metric: c.metric, bound: 'min', limit: c.min, value: value === undefined || value === null || !Number.isFinite(value) ? null : value, low: null, high: null };
  });
}

/** The odds frame of the base scenario; the drawdown limit is the base account's, for every candidate. */
function solveFrame(base: ResolvedScenario, instants: Float64Array, solve: Solve): OddsFrame {
  const first = instants[0] as number;
  const last = instants[instants.length - 1] as number;
  const target = base.goals.find((goal) => goal.type === 'portfolio_value');
  return {
    engines: [],
    goalTypes: base.goals.map((goal) => goal.type),
    initialCapital: Number(base.scenario.account.initialCapital),
    firstTime: first,
    targetDate: target?.targetDate ?? null,
    maxDrawdownPct: base.scenario.account.maxDrawdownPct,
    ruin: solve.paths.ruin,
    fanTimes: [],
    monthStarts: monthStarts(first, last),
  };
}

/**
 * A candidate's scenario: the base with its parameters set (a candidate of another engine than
 * the base's starts from that engine's defaults); a parameter its engine (or strategy) does not
 * take is left out and named, so engines with different parameters share one
 * space. A candidate that still does not validate, or breaks a constraint, cannot run.
 */
export function prepareCandidate(loaded: LoadedSolve, id: number, dimensions: readonly Dimension[], point: readonly number[], origin: Candidate['origin']): Candidate {
  const params: Record<string, ParamValue> = paramsAt(dimensions, point);
  const leftOut: string[] = [];
  const sweep = { ...loaded.sweep, baseRaw: candidateBase(loaded, params) };
  for (;;) {
    const ready = prepareVariant(sweep, { id, params });
    if (ready.kind === 'run') return { id, origin, params, leftOut, resolved: ready.resolved, error: null };
    const unknown = Object.keys(params).find((path) => {
      const parent = path.slice(0, path.lastIndexOf('.'));
      const leaf = path.slice(path.lastIndexOf('.') + 1);
      return ready.reason.includes(`${parent}: unknown key "${leaf}"`);
    });
    if (unknown === undefined) return { id, origin, params, leftOut, resolved: null, error: ready.reason };
    leftOut.push(unknown);
    delete params[unknown];
  }
}

/**
 * The base scenario a candidate's parameters are set on: the base itself, or for another engine
 * than the base's, the base with that engine at its defaults (as in goalsim odds: the base's
 * sizing parameters are its own engine's).
 */
export function candidateBase(loaded: LoadedSolve, params: Readonly<Record<string, ParamValue>>): Record<string, unknown> {
  const base = loaded.sweep.baseRaw;
  const engine = params['sizing.engine'];
  const sizing = base['sizing'] as { engine?: unknown } | undefined;
  return engine === undefined || engine === sizing?.engine ? base : { ...base, sizing: { engine } };
}

/** The definition in a folder's solve.json, or undefined when it has none. */
export function readSolveDefinition(dir: string): SolveDefinition | undefined {
  const path = join(dir, SOLVE_FILES.definition);
  if (!existsSync(path)) return undefined;
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as { definition?: SolveDefinition };
  if (parsed.definition?.format !== SOLVE_FORMAT) throw new UsageError(`${path}: not a goalsim solve definition`);
  return parsed.definition;
}

/** Why a folder's solve is not this one, or null when it is. */
export function solveDifference(folder: SolveDefinition, now: SolveDefinition): string | null {
  const inputs = fingerprintDifference(folder.inputs, now.inputs);
  if (inputs !== null) return inputs;
  for (const k of ['solve', 'seed', 'meanBlock'] as const) if (JSON.stringify(folder[k]) !== JSON.stringify(now[k])) return `its ${k} differs`;
  return null;
}
