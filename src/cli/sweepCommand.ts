/**
 * `goalsim sweep <file> [--workers N] [--out DIR] [--shard i/n] [--resume]`: runs the sweep
 * (parallel/sweepRunner), draws progress on a TTY, prints the ranked tables. Ctrl-C stops
 * scheduling, keeps what finished, exits 130.
 */
import { join } from 'node:path';
import cliProgress from 'cli-progress';
import { defaultCacheDir } from '../data/cache.js';
import { runSweep } from '../parallel/sweepRunner.js';
import { loadSweepFile, sweepWarnings } from '../scenario/sweep.js';
import { EXIT_FAILED, EXIT_OK } from './exit.js';
import { printAudit, printSweepTables } from './sweepTables.js';
import { writeSweepReport } from '../report/sweepReport.js';
import { writeFormats, type TableFormat } from '../report/parquetCopies.js';

export const EXIT_INTERRUPTED = 130;

export interface SweepOptions {
  /** Table formats: `csv`, or `csv` and `parquet` for Parquet copies (report/parquetCopies.ts). */
  readonly format?: readonly TableFormat[] | undefined;
  readonly file: string;
  readonly workers?: number | undefined;
  readonly barsPerWorker?: number | undefined;
  readonly variantTimeout?: number | undefined;
  readonly out?: string | undefined;
  readonly shard?: string | undefined;
  readonly resume: boolean;
  readonly cache: boolean;
  readonly cscvBlocks?: number | undefined;
  readonly signal?: AbortSignal | undefined;
}

export async function sweepCommand(options: SweepOptions): Promise<number> {
  const loaded = loadSweepFile(options.file);
  const outDir = options.out ?? join('reports', loaded.sweep.name);
  for (const warning of sweepWarnings(loaded.sweep)) process.stderr.write(`goalsim: warning: ${warning}\n`);
  const bar = process.stderr.isTTY ? new cliProgress.SingleBar({ format: 'sweep {bar} {value}/{total} variants | {rate}/s | ETA {eta_formatted}', stream: process.stderr, hideCursor: true }, cliProgress.Presets.shades_classic) : undefined;
  const started = performance.now();
  const run = await runSweep({
    file: options.file,
    outDir,
    workers: options.workers,
    barsPerWorker: options.barsPerWorker,
    variantTimeoutSeconds: options.variantTimeout,
    shard: options.shard,
    resume: options.resume,
    cscvBlocks: options.cscvBlocks,
    cacheDir: options.cache ? defaultCacheDir() : undefined,
    signal: options.signal,
    onWarning: (message) => process.stderr.write(`${message}\n`),
    onProgress: (done, total) => {
      if (done === 0) bar?.start(total, 0, { rate: '0.0' });
      else bar?.update(done, { rate: (done / ((performance.now() - started) / 1000)).toFixed(1) });
    },
  });
  bar?.stop();
  writeSweepReport(outDir);
  await writeFormats(options.format, outDir);
  printSweepTables(run.rows, run.marginals, run.definition, outDir);
  printAudit(run.audit);
  if (run.interrupted) {
    process.stderr.write(`goalsim: interrupted: ${run.outcomes.size} of ${run.scope.length} variants finished and were written; --resume continues\n`);
    return EXIT_INTERRUPTED;
  }
  return [...run.outcomes.values()].some((o) => o.status === 'failed') ? EXIT_FAILED : EXIT_OK;
}
