/**
 * `goalsim odds <scenario> [--paths N] [--block auto|N] [--engines a,b] [--seed S] [--workers N]
 * [--shard i/n] [--resume] [--out DIR]`: runs the odds (odds/oddsRunner), draws progress on a
 * TTY, writes the reports, prints the odds table. Ctrl-C stops scheduling, keeps what finished,
 * exits 130; a path with an error exits 1.
 */
import { join } from 'node:path';
import cliProgress from 'cli-progress';
import { UsageError } from '../errors.js';
import { armsSource, readArmsOption } from '../odds/arms.js';
import type { MatchBy } from '../odds/match.js';
import { runOdds } from '../odds/oddsRunner.js';
import type { PathRecord } from '../odds/pathRun.js';
import { oddsTableText, writeOddsReport } from '../report/oddsReport.js';
import { loadScenarioFile } from '../scenario/load.js';
import { EXIT_FAILED, EXIT_OK } from './exit.js';
import { EXIT_INTERRUPTED } from './sweepCommand.js';
import { alignedTable } from './table.js';
import { writeFormats, type TableFormat } from '../report/parquetCopies.js';

export interface OddsCommandOptions {
  /** Table formats: `csv`, or `csv` and `parquet` for Parquet copies (report/parquetCopies.ts). */
  readonly format?: readonly TableFormat[] | undefined;
  readonly scenario: string;
  readonly paths: number;
  readonly block: string;
  readonly engines: string;
  readonly arms?: string | undefined;
  readonly twins?: boolean | undefined;
  readonly benchmark?: boolean | undefined;
  readonly match?: MatchBy | undefined;
  readonly matchTo?: string | undefined;
  readonly seed?: string | undefined;
  readonly ruin?: number | undefined;
  readonly workers?: number | undefined;
  readonly barsPerWorker?: number | undefined;
  readonly shard?: string | undefined;
  readonly resume: boolean;
  readonly cache: boolean;
  readonly pathTimeout?: number | undefined;
  readonly out?: string | undefined;
  readonly signal?: AbortSignal | undefined;
}


/** `auto` or a positive number of bars. */
export function parseBlock(text: string): 'auto' | number {
  if (text === 'auto') return 'auto';
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value)) throw new UsageError(`--block "${text}": give auto or a mean block length in bars, at least 1 (e.g. --block 5)`);
  return value;
}

/** The odds table, its failed paths, and where the folder is. */
export function printOdds(dir: string, records: Iterable<PathRecord>): void {
  const out = (text: string): boolean => process.stdout.write(`${text}\n`);
  const { header, rows, goalEffects, headline, matched, warnings } = oddsTableText(dir);
  for (const line of matched) out(line);
  if (matched.length > 0) out('');
  out(alignedTable(header, rows));
  if (goalEffects.rows.length > 0) {
    out('');
    out('goal effect: each arm against its goal-off twin on the same paths (arm - twin, 95 % interval)');
    out(alignedTable(goalEffects.header, goalEffects.rows));
  }
  if (headline !== null) out(`\n${headline}`);
  for (const warning of warnings) process.stderr.write(`warning: ${warning}\n`);
  const failures = [...records].flatMap((record) => record.engines.filter((f) => f.error !== null).map((f) => [String(record.path), f.engine, f.error ?? '']));
  if (failures.length > 0) {
    out('');
    out(alignedTable(['path', 'engine', 'error'], failures.slice(0, 20)));
    if (failures.length > 20) out(`... and ${failures.length - 20} more in paths.csv`);
  }
  out(`odds: ${dir}`);
}

export async function oddsCommand(options: OddsCommandOptions): Promise<number> {
  const outDir = options.out ?? join('reports', `${loadScenarioFile(options.scenario).scenario.name}-odds`);
  const bar = process.stderr.isTTY ? new cliProgress.SingleBar({ format: 'odds {bar} {value}/{total} paths | {rate}/s | ETA {eta_formatted}', stream: process.stderr, hideCursor: true }, cliProgress.Presets.shades_classic) : undefined;
  const started = performance.now();
  const run = await runOdds({
    file: options.scenario,
    outDir,
    paths: options.paths,
    block: parseBlock(options.block),
    engines: options.engines.split(',').map((e) => e.trim()).filter((e) => e !== ''),
    arms: options.arms === undefined ? undefined : readArmsOption(options.arms),
    armsSource: options.arms === undefined ? undefined : armsSource(options.arms),
    twins: options.twins,
    benchmark: options.benchmark,
    match: options.match,
    matchTo: options.matchTo,
    seed: options.seed,
    ruin: options.ruin,
    workers: options.workers,
    barsPerWorker: options.barsPerWorker,
    shard: options.shard,
    resume: options.resume,
    cache: options.cache,
    pathTimeoutSeconds: options.pathTimeout,
    signal: options.signal,
    onWarning: (message) => process.stderr.write(`${message}\n`),
    onBlockLength: (meanBlock, _requested, auto) => process.stderr.write(`mean block length: ${meanBlock.toFixed(2)} bars (${auto === undefined ? 'given' : `Politis-White, auto: the larger of ${auto.returns.toFixed(2)} from the returns and ${auto.squaredReturns.toFixed(2)} from the squared returns`})\n`),
    onProgress: (done, total) => {
      if (done === 0) bar?.start(total, 0, { rate: '0.0' });
      else bar?.update(done, { rate: (done / ((performance.now() - started) / 1000)).toFixed(1) });
    },
  });
  bar?.stop();
  writeOddsReport(outDir);
  await writeFormats(options.format, outDir);
  printOdds(outDir, run.records.values());
  if (run.interrupted) {
    process.stderr.write(`goalsim: interrupted: ${run.records.size} of ${run.scope.length} paths finished and were written; --resume continues\n`);
    return EXIT_INTERRUPTED;
  }
  return [...run.records.values()].some((record) => record.engines.some((f) => f.error !== null)) ? EXIT_FAILED : EXIT_OK;
}
