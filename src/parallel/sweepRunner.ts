/**
 * One sweep end to end, as a library call: expand the variants (or a shard of them), skip
 * those already in the output folder when resuming, load every distinct data source once,
 * run the rest on the worker pool, and write the output folder.
 */
import { appendRecord, syncToDisk } from '../io/recordLog.js';
import { availableParallelism } from 'node:os';
import type { MarginalRow } from '../analysis/marginals.js';
import type { RankedRow } from '../analysis/sweepResults.js';
import { ScenarioError, UsageError } from '../errors.js';
import { writeSweepFiles } from '../report/sweepFiles.js';
import { readOutcomes, readSweepDefinition, SWEEP_FORMAT, sweepDifference, VARIANT_LOG_FILE, type SweepDefinition } from './sweepState.js';
import { inputsFingerprint } from '../scenario/fingerprint.js';
import { DEFAULT_CSCV_BLOCKS, type SweepAudit } from '../analysis/sweepAudit.js';
import { loadSweepFile, type LoadedSweep } from '../scenario/sweep.js';
import { expandVariants, prepareVariant, sweptPaths, type PreparedVariant, type Variant } from '../scenario/variants.js';
import { failedOutcome } from './outcome.js';
import { runTasks, timeoutMs, VARIANT_POOL } from './pool.js';
import { inShard, parseShard, type Shard } from './shard.js';
import { SharedDataLoader } from './sharedData.js';
import type { VariantOutcome, VariantTask } from './task.js';
import { join } from 'node:path';

export interface SweepRunOptions {
  readonly file: string;
  readonly outDir: string;
  readonly workers?: number | undefined;
  /** A variant running longer than this many seconds is stopped and recorded as failed. */
  readonly variantTimeoutSeconds?: number | undefined;
  /** A further worker starts only for each this many bars of work (default BARS_PER_WORKER; 0: always `workers`). */
  readonly barsPerWorker?: number | undefined;
  readonly shard?: string | undefined;
  readonly resume?: boolean | undefined;
  readonly cacheDir?: string | undefined;
  /** Blocks of the audit's cross-validation: even, at least 4 (default 16). */
  readonly cscvBlocks?: number | undefined;
  /** Aborts scheduling (Ctrl-C): finished variants are kept and written. */
  readonly signal?: AbortSignal | undefined;
  /** Told what a resume had to drop or repair (the CLI prints it on stderr). */
  readonly onWarning?: ((message: string) => void) | undefined;
  /** Called once the tasks are known, then after each finished task. */
  readonly onProgress?: ((done: number, total: number) => void) | undefined;
}

export interface SweepRun {
  readonly definition: SweepDefinition;
  readonly outcomes: ReadonlyMap<number, VariantOutcome>;
  readonly scope: readonly Variant[];
  readonly rows: RankedRow[];
  readonly marginals: MarginalRow[];
  readonly interrupted: boolean;
  /** The overfitting audit of the variants that ran (null with fewer than 2). */
  readonly audit: SweepAudit | null;
  /** Workers the pool started: at most `workers`, and no more than the variants' bars pay for. */
  readonly workersStarted: number;
}

/** The variants a sweep job runs: a sweep file's grid and samples, or a walk-forward's windows of them. */
export interface SweepJob {
  readonly loaded: LoadedSweep;
  readonly variants: readonly Variant[];
  /** The scenario paths the variants set, as results.csv's parameter columns. */
  readonly params: readonly string[];
  /** Audit the variants against each other (false when they do not share a period). */
  readonly audit: boolean;
}

export async function runSweep(options: SweepRunOptions): Promise<SweepRun> {
  const loaded = loadSweepFile(options.file);
  return runSweepJob({ loaded, variants: expandVariants(loaded), params: sweptPaths(loaded), audit: true }, options);
}

export async function runSweepJob(job: SweepJob, options: Omit<SweepRunOptions, 'file'>): Promise<SweepRun> {
  const { loaded, variants } = job;
  const shard: Shard | undefined = options.shard === undefined ? undefined : parseShard(options.shard);
  const workers = options.workers ?? availableParallelism();
  if (!(workers >= 1)) throw new UsageError('--workers must be at least 1');
  const taskTimeoutMs = timeoutMs('--variant-timeout', options.variantTimeoutSeconds);
  const cscvBlocks = options.cscvBlocks ?? DEFAULT_CSCV_BLOCKS;
  if (!(Number.isInteger(cscvBlocks) && cscvBlocks >= 4 && cscvBlocks % 2 === 0)) throw new UsageError(`--cscv-blocks ${options.cscvBlocks}: an even number of blocks, at least 4 (default ${DEFAULT_CSCV_BLOCKS})`);
  const definition: SweepDefinition = {
    format: SWEEP_FORMAT,
    name: loaded.sweep.name,
    base: loaded.sweep.base,
    objective: loaded.sweep.objective,
    constraints: loaded.sweep.constraints,
    params: job.params,
    randomSeed: loaded.sweep.random?.seed ?? null,
    heatmap: loaded.sweep.heatmap,
    variants,
    cscvBlocks,
    inputs: inputsFingerprint(loaded.baseRaw, loaded.baseFile, options.cacheDir),
    ...(job.audit ? {} : { audit: false as const }),
  };
  const outDir = options.outDir;
  const outcomes = new Map<number, VariantOutcome>();
  if (options.resume === true) {
    const previous = readSweepDefinition(outDir);
    const difference = previous === undefined ? null : sweepDifference(previous, definition);
    if (difference !== null) throw new UsageError(`${outDir} holds the results of a different sweep (${difference}): choose another --out or drop --resume`);
    for (const [id, outcome] of readOutcomes(outDir, options.onWarning)) outcomes.set(id, outcome);
  }
  const scope = variants.filter((variant) => inShard(variant.id, shard));
  const todo = scope.filter((variant) => !outcomes.has(variant.id));
  const prepared = todo.map((variant) => prepareVariant(loaded, variant));
  // a sweep of which no variant can run is an input error, as `goalsim validate` says, not a run
  // whose every variant fails
  const firstInvalid = prepared.find((p) => p.kind === 'failed') as (PreparedVariant & { readonly kind: 'failed' }) | undefined;
  if (todo.length === scope.length && firstInvalid !== undefined && prepared.every((p) => p.kind !== 'run')) {
    const more = prepared.length > 1 ? ` (and ${prepared.length - 1} more variants fail or break a constraint)` : '';
    throw new ScenarioError(`no variant of the sweep can run: ${firstInvalid.reason}${more}`, loaded.file, '', 'goalsim validate lists every variant\'s problem; the options a sweep sets are in docs/reference.md');
  }
  const shardName = shard === undefined ? null : `${shard.index}/${shard.count}`;
  // the definition is on disk before the first record, marked interrupted until the end, so a
  // run killed before it finished is refused by --resume with another definition instead of
  // mixing results; the log is rewritten from what was kept, so a torn last line is gone
  // before anything is appended after it
  await writeSweepFiles(outDir, definition, outcomes, { shard: shardName, interrupted: true, scope });
  const log = join(outDir, VARIANT_LOG_FILE);
  const record = (outcome: VariantOutcome): void => {
    outcomes.set(outcome.id, outcome);
    appendRecord(log, outcome); // incremental, so --resume survives a crash
  };

  const loader = new SharedDataLoader(options.cacheDir);
  const tasks: VariantTask[] = [];
  for (const variant of prepared) {
    if (variant.kind !== 'run') {
      record(failedOutcome(variant.variant.id, variant.kind, variant.reason));
      continue;
    }
    const inputs = await loader.inputsFor(variant.resolved);
    if (!inputs.ok) record(failedOutcome(variant.variant.id, 'failed', inputs.error));
    else tasks.push({ id: variant.variant.id, resolved: variant.resolved, series: inputs.series, signals: inputs.signals, skippedRows: inputs.skippedRows, staleBars: inputs.staleBars });
  }
  let done = 0;
  options.onProgress?.(0, tasks.length);
  const workersStarted = await runTasks(tasks, {
    ...VARIANT_POOL,
    workers,
    barsPerWorker: options.barsPerWorker,
    taskTimeoutMs,
    signal: options.signal,
    onOutcome: (outcome) => {
      record(outcome);
      options.onProgress?.(++done, tasks.length);
    },
  });
  syncToDisk(log); // what finished is on disk before the files are written from it
  const interrupted = options.signal?.aborted === true;
  const { rows, marginals, audit } = await writeSweepFiles(outDir, definition, outcomes, { shard: shardName, interrupted, scope });
  return { definition, outcomes, scope, rows, marginals, interrupted, audit, workersStarted };
}
