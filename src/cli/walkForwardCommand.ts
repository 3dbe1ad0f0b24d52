/**
 * `goalsim walk-forward <sweep> --train 36m --test 6m [--step 6m] [--anchored]`: lists the
 * windows, runs the train stage on the worker pool and the out-of-sample stage
 * (walkforward/runner), writes the report and prints the summary.
 */
import { join } from 'node:path';
import cliProgress from 'cli-progress';
import { defaultCacheDir } from '../data/cache.js';
import { loadSweepFile } from '../scenario/sweep.js';
import { writeWalkForwardReport, walkForwardSentence } from '../report/walkForwardReport.js';
import { runWalkForward } from '../walkforward/runner.js';
import type { WalkForwardDefinition } from '../walkforward/definition.js';
import type { WalkForwardSummary } from '../walkforward/summary.js';
import { EXIT_FAILED, EXIT_OK } from './exit.js';
import { EXIT_INTERRUPTED } from './sweepCommand.js';
import { alignedTable } from './table.js';
import { formatPercent, significant } from '../numeric/format.js';
import { writeFormats, type TableFormat } from '../report/parquetCopies.js';

export interface WalkForwardCommandOptions {
  /** Table formats: `csv`, or `csv` and `parquet` for Parquet copies (report/parquetCopies.ts). */
  readonly format?: readonly TableFormat[] | undefined;
  readonly file: string;
  readonly train: string;
  readonly test: string;
  readonly step?: string | undefined;
  readonly anchored: boolean;
  readonly workers?: number | undefined;
  readonly barsPerWorker?: number | undefined;
  readonly variantTimeout?: number | undefined;
  readonly out?: string | undefined;
  readonly shard?: string | undefined;
  readonly resume: boolean;
  readonly cache: boolean;
  readonly signal?: AbortSignal | undefined;
}

export function printWindows(definition: WalkForwardDefinition): void {
  process.stdout.write(`${definition.windows.length} windows (train ${definition.train}, test ${definition.test}, step ${definition.step}, ${definition.anchored ? 'anchored' : 'rolling'}) x ${definition.variants} variants, and the whole period:\n`);
  process.stdout.write(`${alignedTable(['window', 'train', 'test'], definition.windows.map((w) => [String(w.index), `${w.trainFirst} to ${w.trainLast}`, `${w.testFirst} to ${w.testLast}`]))}\n`);
}

export function printWalkForward(definition: WalkForwardDefinition, summary: WalkForwardSummary, outDir: string): void {
  const rows = summary.windows.map((w) => [String(w.index), w.testFirst, `${w.variant}${w.carried ? ' (kept)' : ''}`, significant(w.inSampleObjective), significant(w.outOfSampleObjective), formatPercent(w.outOfSampleReturn)]);
  process.stdout.write(`\n${alignedTable(['window', 'test from', 'variant', 'in sample', 'out of sample', 'test return'], rows)}\n\n${walkForwardSentence(definition, summary)}\n\nwrote ${outDir}/ (report.html, windows.csv, oos/, train/)\n`);
}

export async function walkForwardCommand(options: WalkForwardCommandOptions): Promise<number> {
  const outDir = options.out ?? join('reports', `${loadSweepFile(options.file).sweep.name}-walk-forward`);
  const bar = process.stderr.isTTY ? new cliProgress.SingleBar({ format: 'train {bar} {value}/{total} runs | ETA {eta_formatted}', stream: process.stderr, hideCursor: true }, cliProgress.Presets.shades_classic) : undefined;
  const run = await runWalkForward({
    file: options.file,
    outDir,
    train: options.train,
    test: options.test,
    step: options.step,
    anchored: options.anchored,
    workers: options.workers,
    barsPerWorker: options.barsPerWorker,
    variantTimeoutSeconds: options.variantTimeout,
    shard: options.shard,
    resume: options.resume,
    cacheDir: options.cache ? defaultCacheDir() : undefined,
    signal: options.signal,
    onWindows: printWindows,
    onWarning: (message) => process.stderr.write(`${message}\n`),
    onProgress: (done, total) => {
      if (done === 0) bar?.start(total, 0);
      else bar?.update(done);
    },
  });
  bar?.stop();
  writeWalkForwardReport(outDir);
  await writeFormats(options.format, outDir);
  const failed = [...run.train.outcomes.values()].filter((o) => o.status === 'failed').length;
  if (failed > 0) process.stderr.write(`goalsim: ${failed} train runs failed; see ${outDir}/train/results.csv\n`);
  if (run.train.interrupted) {
    process.stderr.write(`goalsim: interrupted: ${run.train.outcomes.size} of ${run.train.scope.length} train runs finished and were written; --resume continues\n`);
    return EXIT_INTERRUPTED;
  }
  if (run.summary === null) {
    process.stdout.write(`train shard ${options.shard ?? ''} written to ${outDir}/; the out-of-sample stage runs when the shards are merged (goalsim merge <shard folders> --out DIR)\n`);
    return failed > 0 ? EXIT_FAILED : EXIT_OK;
  }
  printWalkForward(run.definition, run.summary, outDir);
  return failed > 0 ? EXIT_FAILED : EXIT_OK;
}
