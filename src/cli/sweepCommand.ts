/**
 * `goalsim sweep <file> [--workers N] [--out DIR] [--shard i/n] [--resume]`: expands the
 * sweep, loads every data source once, runs the variants on a worker pool, and writes the
 * ranked results. Ctrl-C stops scheduling, keeps what finished, exits 130.
 */
import { appendFileSync, mkdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import cliProgress from 'cli-progress';
import { defaultCacheDir } from '../data/cache.js';
import { UsageError } from '../errors.js';
import { failedOutcome, inShard, parseShard, runTasks, SharedDataLoader, type Shard, type VariantOutcome, type VariantTask } from '../parallel/index.js';
import { readOutcomes, readSweepDefinition, SWEEP_FORMAT, writeSweepFiles, type SweepDefinition } from '../report/sweepFiles.js';
import { loadSweepFile } from '../scenario/sweep.js';
import { expandVariants, prepareVariant, sweptPaths } from '../scenario/variants.js';
import { EXIT_FAILED, EXIT_OK } from './exit.js';
import { printSweepTables } from './sweepTables.js';

export const EXIT_INTERRUPTED = 130;

export interface SweepOptions {
  readonly file: string;
  readonly workers?: number | undefined;
  readonly out?: string | undefined;
  readonly shard?: string | undefined;
  readonly resume: boolean;
  readonly cache: boolean;
  /** Aborts scheduling (Ctrl-C); the CLI wires SIGINT to it. */
  readonly signal?: AbortSignal | undefined;
}

function sameVariants(a: SweepDefinition, b: SweepDefinition): boolean {
  return JSON.stringify(a.variants) === JSON.stringify(b.variants) && JSON.stringify(a.objective) === JSON.stringify(b.objective);
}

export async function sweepCommand(options: SweepOptions): Promise<number> {
  const loaded = loadSweepFile(options.file);
  const shard: Shard | undefined = options.shard === undefined ? undefined : parseShard(options.shard);
  const workers = options.workers ?? availableParallelism();
  if (!(workers >= 1)) throw new UsageError('--workers must be at least 1');
  const variants = expandVariants(loaded);
  const definition: SweepDefinition = {
    format: SWEEP_FORMAT,
    name: loaded.sweep.name,
    base: loaded.sweep.base,
    objective: loaded.sweep.objective,
    constraints: loaded.sweep.constraints,
    params: sweptPaths(loaded),
    randomSeed: loaded.sweep.random?.seed ?? null,
    variants,
  };
  const outDir = options.out ?? join('reports', loaded.sweep.name);
  const outcomes = new Map<number, VariantOutcome>();
  if (options.resume) {
    const previous = readSweepDefinition(outDir);
    if (previous !== undefined && !sameVariants(previous, definition)) throw new UsageError(`${outDir} holds the results of a different sweep: choose another --out or drop --resume`);
    for (const [id, outcome] of readOutcomes(outDir)) outcomes.set(id, outcome);
  }
  const scope = variants.filter((variant) => inShard(variant.id, shard));
  const todo = scope.filter((variant) => !outcomes.has(variant.id));
  mkdirSync(outDir, { recursive: true });
  const log = join(outDir, 'variants.jsonl');
  const record = (outcome: VariantOutcome): void => {
    outcomes.set(outcome.id, outcome);
    appendFileSync(log, `${JSON.stringify(outcome)}\n`); // incremental, so --resume survives a crash
  };

  const loader = new SharedDataLoader(options.cache ? defaultCacheDir() : undefined);
  const tasks: VariantTask[] = [];
  for (const variant of todo) {
    const prepared = prepareVariant(loaded, variant);
    if (prepared.kind !== 'run') {
      record(failedOutcome(variant.id, prepared.kind, prepared.reason));
      continue;
    }
    const inputs = await loader.inputsFor(prepared.resolved);
    if (!inputs.ok) record(failedOutcome(variant.id, 'failed', inputs.error));
    else tasks.push({ id: variant.id, resolved: prepared.resolved, series: inputs.series, signals: inputs.signals, skippedRows: inputs.skippedRows });
  }

  const bar = process.stderr.isTTY ? new cliProgress.SingleBar({ format: 'sweep {bar} {value}/{total} variants | {rate}/s | ETA {eta_formatted}', stream: process.stderr, hideCursor: true }, cliProgress.Presets.shades_classic) : undefined;
  const started = performance.now();
  bar?.start(tasks.length, 0, { rate: '0.0' });
  let done = 0;
  await runTasks(tasks, {
    workers,
    signal: options.signal,
    onOutcome: (outcome) => {
      record(outcome);
      done++;
      bar?.update(done, { rate: (done / ((performance.now() - started) / 1000)).toFixed(1) });
    },
  });
  bar?.stop();
  const interrupted = options.signal?.aborted === true;
  const { rows, marginals } = await writeSweepFiles(outDir, definition, outcomes, { shard: shard === undefined ? null : `${shard.index}/${shard.count}`, interrupted, scope });
  printSweepTables(rows, marginals, definition, outDir);
  if (interrupted) {
    process.stderr.write(`goalsim: interrupted: ${outcomes.size} of ${scope.length} variants finished and were written; --resume continues\n`);
    return EXIT_INTERRUPTED;
  }
  return [...outcomes.values()].some((o) => o.status === 'failed') ? EXIT_FAILED : EXIT_OK;
}
