/**
 * `goalsim walk-forward` as a library call (README "Walk-forward"). Two stages:
 * 1. train: every variant of the sweep on every window's train period, and on the whole period,
 *    as one sweep job of the worker pool (folder `train/`: sharded, resumed and merged like any
 *    sweep);
 * 2. out of sample, once every train run is in: each window's pick (best by the sweep's
 *    objective, ties to the lowest variant id) run alone on its test period, and one continuous
 *    account trading the test periods with the picks taking over at each test start (`oos/`).
 * Both stages depend only on the definition and the recorded outcomes, so worker counts, shards
 * and resumes give the same bytes.
 */
import { join } from 'node:path';
import { formatDate, MS_PER_DAY } from '../data/timestamp.js';
import { ScenarioError, UsageError } from '../errors.js';
import { rankOutcomes } from '../analysis/sweepResults.js';
import { outcomeOf } from '../parallel/outcome.js';
import { runSweepJob, type SweepRun, type SweepRunOptions } from '../parallel/sweepRunner.js';
import type { VariantOutcome } from '../parallel/task.js';
import { runIntoFolder } from '../report/runFiles.js';
import { writeRunReport } from '../report/writeReports.js';
import { inputsFingerprint } from '../scenario/fingerprint.js';
import type { ResolvedScenario } from '../scenario/load.js';
import { baseScenarioOf, loadSweepFile, type LoadedSweep } from '../scenario/sweep.js';
import { expandVariants, prepareVariant, sweptPaths, type ParamValue, type Variant } from '../scenario/variants.js';
import { loadScenarioData, type ScenarioData } from '../sim/loadData.js';
import { runScenario } from '../sim/run.js';
import type { RunResult } from '../sim/types.js';
import { returnAt, seriesDays } from '../analysis/sweepAudit.js';
import { parseSpan, spanText, walkWindows, type WalkWindow, type WindowPlan } from './windows.js';
import { trainId, trainVariants, walkForwardDifference, wholePeriod, WALK_FORWARD_FILES, WALK_FORWARD_FORMAT, type WalkForwardDefinition, type WindowDates } from './definition.js';
import { readWalkForward, writeWalkForwardFiles, type EquityColumns } from './folder.js';
import { summariseWalkForward, type WalkForwardSummary, type WindowOutcome } from './summary.js';

export interface WalkForwardOptions extends Omit<SweepRunOptions, 'file' | 'outDir' | 'cscvBlocks'> {
  readonly file: string;
  readonly outDir: string;
  readonly train: string;
  readonly test: string;
  /** Default: the test length. */
  readonly step?: string | undefined;
  readonly anchored?: boolean | undefined;
  /** Told the windows before anything runs. */
  readonly onWindows?: ((definition: WalkForwardDefinition) => void) | undefined;
}

export interface WalkForwardRun {
  readonly definition: WalkForwardDefinition;
  readonly train: SweepRun;
  /** null for a shard or an interrupted run: the out-of-sample stage waits for every train run. */
  readonly summary: WalkForwardSummary | null;
}

/** Only these scenario paths can change at a window's start; the rest is one account's. */
const SWITCHABLE = ['sizing.', 'strategy.'];

export async function runWalkForward(options: WalkForwardOptions): Promise<WalkForwardRun> {
  const loaded = loadSweepFile(options.file);
  const params = sweptPaths(loaded);
  refuseFixedPaths(loaded, params);
  const base = baseScenarioOf(loaded);
  const data = await loadScenarioData(base, options.cacheDir);
  const variants = expandVariants(loaded);
  const definition = walkForwardDefinition(options, loaded, params, variants.length, base, data);
  if (options.resume === true) {
    const previous = readWalkForward(options.outDir)?.definition;
    const difference = previous === undefined ? null : walkForwardDifference(previous, definition);
    if (difference !== null) throw new UsageError(`${options.outDir} holds a different walk-forward (${difference}): choose another --out or drop --resume`);
  }
  options.onWindows?.(definition);
  const train = await runSweepJob(
    { loaded, variants: trainVariants(variants, definition), params: [...params, 'period.start', 'period.end'], audit: false },
    { ...options, outDir: join(options.outDir, WALK_FORWARD_FILES.train) },
  );
  const complete = train.scope.length === train.definition.variants.length && !train.interrupted && train.scope.every((v) => train.outcomes.has(v.id));
  if (!complete) {
    writeWalkForwardFiles(options.outDir, definition, null);
    return { definition, train, summary: null };
  }
  const summary = await finishWalkForward(loaded, definition, train.outcomes, options.outDir, data);
  return { definition, train, summary };
}

/**
 * The out-of-sample stage from the train outcomes: picks, test runs, the continuous account,
 * windows.csv and walkforward.json. A merge of shards calls it too.
 */
export async function finishWalkForward(loaded: LoadedSweep, definition: WalkForwardDefinition, outcomes: ReadonlyMap<number, VariantOutcome>, outDir: string, data: ScenarioData): Promise<WalkForwardSummary> {
  const variants = expandVariants(loaded);
  const windows: WindowOutcome[] = [];
  let previous: Variant | undefined;
  for (const window of definition.windows) {
    const best = bestOf(window.index, variants, outcomes, definition);
    const pick = best?.variant ?? previous;
    if (pick === undefined) throw new Error(`window ${window.index}: no variant ran in its train period (${window.trainFirst} to ${window.trainLast}); see ${WALK_FORWARD_FILES.train}/results.csv`);
    previous = pick;
    const resolved = prepared(loaded, pick, { 'period.start': window.testFirst, 'period.end': window.testLast, 'period.warmup': true });
    const test = outcomeOf(pick.id, await runScenario(resolved, data, { trackerRows: false }));
    windows.push({ window, pick, carried: best === undefined, inSample: best?.outcome ?? null, outOfSample: test, resolved });
  }
  const first = definition.windows[0] as WindowDates;
  const last = definition.windows[definition.windows.length - 1] as WindowDates;
  const accountScenario = prepared(loaded, (windows[0] as WindowOutcome).pick, { 'period.start': first.testFirst, 'period.end': last.testLast, 'period.warmup': true });
  const schedule = { from: windows.map((w) => Date.parse(w.window.testFirst)), scenarios: windows.map((w) => w.resolved) };
  const oosDir = join(outDir, WALK_FORWARD_FILES.oos);
  const { result: account } = await runIntoFolder(oosDir, (curveSink, benchmarkSink) => runScenario(accountScenario, data, { curveSink, benchmark: { curveSink: benchmarkSink }, schedule }));
  await writeRunReport(oosDir);
  const wholeBest = bestOf(wholePeriod(definition), variants, outcomes, definition);
  const summary = summariseWalkForward(definition, windows, account, wholeBest ?? null);
  writeWalkForwardFiles(outDir, definition, summary, equityColumns(account, wholeBest?.outcome));
  return summary;
}

/** The variant ranked first by the objective among the train runs of `block` (ties: lowest id), with its outcome. */
function bestOf(block: number, variants: readonly Variant[], outcomes: ReadonlyMap<number, VariantOutcome>, definition: WalkForwardDefinition): { variant: Variant; outcome: VariantOutcome } | undefined {
  const rows = rankOutcomes(variants.map((v) => ({ id: trainId(block, variants.length, v.id), params: v.params })), outcomes, definition.objective);
  const best = rows[0]?.rank === 1 ? rows[0] : undefined;
  return best === undefined ? undefined : { variant: variants[best.variant.id - trainId(block, variants.length, 0)] as Variant, outcome: best.outcome };
}

/**
 * The account's daily closes, and the whole-period best's daily returns compounded from the
 * account's initial capital over the same days (its first day's move included: it was already
 * trading then), so the two lines start together.
 */
function equityColumns(account: RunResult, wholeBest: VariantOutcome | undefined): EquityColumns {
  const { day: days, equity } = account.curveSummary.dailyCloses;
  const series = wholeBest?.series;
  const returns = new Map<number, number | null>();
  if (series !== undefined) seriesDays(series).forEach((day, i) => returns.set(day, returnAt(series, i)));
  let value = account.initialCapital.toNumber();
  const best = days.map((day) => {
    const r = returns.get(day);
    if (r === undefined || r === null) return null;
    value *= 1 + r;
    return value;
  });
  return { days, outOfSample: equity, wholePeriodBest: best };
}

/** The variant's scenario with `extra` paths set (a window's period); a variant that ran before cannot fail here. */
function prepared(loaded: LoadedSweep, variant: Variant, extra: Readonly<Record<string, ParamValue>>): ResolvedScenario {
  const ready = prepareVariant(loaded, { id: variant.id, params: { ...variant.params, ...extra } });
  if (ready.kind !== 'run') throw new Error(`variant ${variant.id}: ${ready.reason}`);
  return ready.resolved;
}

/** A swept path that cannot change in the middle of one account is an input error, named. */
function refuseFixedPaths(loaded: LoadedSweep, params: readonly string[]): void {
  const fixed = params.find((path) => !SWITCHABLE.some((prefix) => path.startsWith(prefix)));
  if (fixed !== undefined) {
    const where = fixed in loaded.sweep.grid ? `grid["${fixed}"]` : fixed in (loaded.sweep.link?.[0] ?? {}) ? `link[0]["${fixed}"]` : `random.params["${fixed}"]`;
    throw new ScenarioError(
      `a walk-forward changes the swept parameters at each test window's start within one account, and ${fixed} cannot change there (only sizing.* and strategy.* can); sweep it with goalsim sweep instead`,
      loaded.file,
      where,
    );
  }
  const drivers = new Set(
    expandVariants(loaded).flatMap((variant) => {
      const ready = prepareVariant(loaded, variant);
      if (ready.kind !== 'run') return [];
      const { scenario } = ready.resolved;
      return [String(scenario.tracker.driverGoal ?? (scenario.sizing.engine === 'goal-kelly' ? scenario.sizing.params.driverGoal : 'none'))];
    }),
  );
  if (drivers.size > 1) {
    throw new ScenarioError(`the variants drive the goal tracker from different goals (${[...drivers].join(', ')}: goal-kelly's driverGoal), which cannot change within one account; set tracker.driverGoal in the base scenario`, loaded.file, 'grid');
  }
}

function walkForwardDefinition(options: WalkForwardOptions, loaded: LoadedSweep, params: readonly string[], variants: number, base: ResolvedScenario, data: ScenarioData): WalkForwardDefinition {
  const test = parseSpan(options.test, '--test');
  const plan: WindowPlan = { train: parseSpan(options.train, '--train'), test, step: options.step === undefined ? test : parseSpan(options.step, '--step'), anchored: options.anchored === true };
  const { start, end } = periodOf(base, data);
  const windows = walkWindows(start, end, plan);
  return {
    format: WALK_FORWARD_FORMAT,
    name: loaded.sweep.name,
    sweepFile: options.file,
    objective: loaded.sweep.objective,
    params,
    variants,
    train: spanText(plan.train),
    test: spanText(plan.test),
    step: spanText(plan.step),
    anchored: plan.anchored,
    period: { first: formatDate(start), last: formatDate(end - 1) },
    windows: windows.map((w: WalkWindow) => ({ index: w.index, trainFirst: formatDate(w.trainStart), trainLast: formatDate(w.trainEnd - 1), testFirst: formatDate(w.testStart), testLast: formatDate(w.testEnd - 1) })),
    inputs: inputsFingerprint(loaded.baseRaw, loaded.baseFile, options.cacheDir),
  };
}

/** The UTC days the windows tile: from the first day with a bar in the base period to its last. */
function periodOf(base: ResolvedScenario, data: ScenarioData): { start: number; end: number } {
  let first = Infinity;
  let last = -Infinity;
  for (const bars of data.series) {
    for (let i = 0; i < bars.length; i++) {
      const t = bars.time[i] as number;
      if (t < base.periodStart || t >= base.periodEnd) continue;
      if (t < first) first = t;
      if (t > last) last = t;
    }
  }
  if (!Number.isFinite(first)) throw new UsageError(`${base.file}: the base scenario's period holds no bars`);
  return { start: Math.floor(first / MS_PER_DAY) * MS_PER_DAY, end: Math.min(Math.floor(last / MS_PER_DAY) * MS_PER_DAY + MS_PER_DAY, base.periodEnd) };
}
