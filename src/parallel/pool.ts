/**
 * Runs tasks on a piscina pool: the sweep's variants and the odds command's paths. Each task's
 * outcome is reported as it completes; a task whose worker dies or runs past its timeout is
 * recorded as failed (through `failed`) and the pool replaces the worker. Aborting stops
 * scheduling: queued tasks are dropped, finished ones are kept.
 */
import { setMaxListeners } from 'node:events';
import { Piscina } from 'piscina';
import { failedOutcome } from './outcome.js';
import type { VariantOutcome, VariantTask } from './task.js';
import { workerScript } from './workerScript.js';
import { UsageError } from '../errors.js';

export interface PoolOptions<Task, Outcome> {
  readonly workers: number;
  /** The built worker module, relative to src/ (e.g. 'parallel/worker.js'). */
  readonly script: string;
  /** Bars of simulation a task costs, to decide how many workers pay for themselves. */
  readonly barsOf: (task: Task) => number;
  /** The outcome recorded for a task that could not finish (worker died, timeout). */
  readonly failed: (task: Task, reason: string) => Outcome;
  readonly barsPerWorker?: number | undefined;
  /** A task running longer is stopped (its worker terminated) and recorded as failed. */
  readonly taskTimeoutMs?: number | undefined;
  readonly signal?: AbortSignal | undefined;
  readonly onOutcome: (outcome: Outcome) => void;
}


/** A numeric option as the user gave it: text that is no number reaches us as NaN, which says nothing. */
export function shownNumber(value: number | string | undefined): string {
  return typeof value === 'number' && Number.isNaN(value) ? '(not a number)' : String(value);
}

/**
 * A task timeout given in seconds (`--variant-timeout`, `--path-timeout`) as milliseconds: a
 * finite number of seconds > 0, or a usage error naming the option (0 would fail every task).
 */
export function timeoutMs(option: string, seconds: number | undefined): number | undefined {
  if (seconds === undefined) return undefined;
  if (!(Number.isFinite(seconds) && seconds > 0)) throw new UsageError(`${option} ${shownNumber(seconds)}: give the seconds a task may run, a number > 0 (default 900)`);
  return seconds * 1000;
}

/**
 * Bars a worker should have to simulate before it is worth starting: a worker's start-up
 * (imports, then compiling the engine in its own isolate while the others compete for the
 * cores) costs about what 1M bars of simulation do. 64 variants of 5,000 bars ran in 0.37 s on
 * one worker and 0.47 s on two.
 */
export const BARS_PER_WORKER = 1_000_000;

/**
 * Young generation of each worker's heap. A run allocates short-lived objects at a high rate
 * (decisions, tracker evaluations, trade records); V8's default young generation (16 MB
 * semi-spaces) then scavenges so often that two workers spend their time collecting and
 * competing for the cores with each other's GC helpers. 1,000 DAX odds paths x 4 engines on
 * 2 workers: 14.0 s by default, 12.9 s at 48 MB, 9.95 s at 96 MB, 9.2 s at 192 MB (RSS 306,
 * 370, 500 MB). GOALSIM_YOUNG_MB overrides it.
 */
export const WORKER_YOUNG_GENERATION_MB = 96;

/** At most `requested` workers, and no more than the work pays for (results never depend on it). */
export function workersFor(taskBars: readonly number[], requested: number, barsPerWorker = BARS_PER_WORKER): number {
  if (!(barsPerWorker > 0)) return Math.max(1, Math.min(requested, taskBars.length));
  const bars = taskBars.reduce((sum, n) => sum + n, 0);
  return Math.max(1, Math.min(requested, taskBars.length, Math.floor(bars / barsPerWorker)));
}

/** Bars a sweep variant simulates (all of its series, before the period is applied). */
export const variantBars = (task: VariantTask): number => task.series.reduce((n, series) => n + series.length, 0);

/** The sweep's pool settings: its worker module and its failed outcome. */
export const VARIANT_POOL = { script: 'parallel/worker.js', barsOf: variantBars, failed: (task: VariantTask, reason: string): VariantOutcome => failedOutcome(task.id, 'failed', reason) } as const;

/** Runs every task; resolves to the number of workers started (see workersFor). */
export async function runTasks<Task, Outcome>(tasks: readonly Task[], options: PoolOptions<Task, Outcome>): Promise<number> {
  if (tasks.length === 0) return 0;
  // piscina listens to the signal once per queued task
  if (options.signal !== undefined) setMaxListeners(tasks.length + 10, options.signal);
  const workers = workersFor(tasks.map(options.barsOf), options.workers, options.barsPerWorker);
  const pool = new Piscina<Task, Outcome>({
    filename: workerScript(options.script),
    minThreads: workers,
    maxThreads: workers,
    idleTimeout: 1000,
    resourceLimits: { maxYoungGenerationSizeMb: Number(process.env['GOALSIM_YOUNG_MB'] ?? WORKER_YOUNG_GENERATION_MB) },
  });
  // as many tasks in flight as workers, so that a task's timeout runs from its start, not from
  // when it was queued
  let next = 0;
  const aborted = (): boolean => options.signal?.aborted === true;
  const lane = async (): Promise<void> => {
    while (next < tasks.length && !aborted()) {
      const task = tasks[next++] as Task;
      const timeout = options.taskTimeoutMs === undefined ? undefined : AbortSignal.timeout(options.taskTimeoutMs);
      const signals = [options.signal, timeout].filter((s): s is AbortSignal => s !== undefined);
      try {
        options.onOutcome(await pool.run(task, { signal: signals.length === 0 ? null : AbortSignal.any(signals) }));
      } catch (error) {
        if (aborted()) return;
        const reason = timeout?.aborted === true ? `ran longer than the ${(options.taskTimeoutMs as number) / 1000} s timeout: stopped` : `worker failed: ${error instanceof Error ? error.message : String(error)}`;
        options.onOutcome(options.failed(task, reason));
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: workers }, lane));
  } finally {
    await pool.destroy();
  }
  return workers;
}
