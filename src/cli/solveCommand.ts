/**
 * `goalsim solve <solve.json> [--workers N] [--resume] [--out DIR]`: runs the search
 * (solve/runner), writes the folder and report, prints the choice.
 */
import { join } from 'node:path';
import cliProgress from 'cli-progress';
import { loadSolveFile } from '../solve/solveFile.js';
import { runSolve } from '../solve/runner.js';
import { solveResultJson, writeSolveFiles } from '../solve/folder.js';
import { solveSentence, writeSolveReport } from '../report/solveReport.js';
import { EXIT_FAILED, EXIT_OK } from './exit.js';
import { EXIT_INTERRUPTED } from './sweepCommand.js';
import { writeFormats, type TableFormat } from '../report/parquetCopies.js';

export interface SolveCommandOptions {
  /** Table formats: `csv`, or `csv` and `parquet` for Parquet copies (report/parquetCopies.ts). */
  readonly format?: readonly TableFormat[] | undefined;
  readonly file: string;
  readonly workers?: number | undefined;
  readonly out?: string | undefined;
  readonly resume: boolean;
  readonly cache: boolean;
  readonly pathTimeout?: number | undefined;
  readonly signal?: AbortSignal | undefined;
}

export async function solveCommand(options: SolveCommandOptions): Promise<number> {
  const loaded = loadSolveFile(options.file);
  const outDir = options.out ?? join('reports', `${loaded.solve.name}-solve`);
  const bar = process.stderr.isTTY ? new cliProgress.SingleBar({ format: '{stage} {bar} {value}/{total} paths | ETA {eta_formatted}', stream: process.stderr, hideCursor: true }, cliProgress.Presets.shades_classic) : undefined;
  const run = await runSolve({
    file: options.file,
    outDir,
    workers: options.workers,
    resume: options.resume,
    cache: options.cache,
    pathTimeoutSeconds: options.pathTimeout,
    signal: options.signal,
    onWarning: (message) => process.stderr.write(`${message}\n`),
    onProgress: (stage, done, total) => {
      if (done === 0) {
        bar?.stop();
        bar?.start(total, 0, { stage });
      } else bar?.update(done, { stage });
    },
  });
  bar?.stop();
  writeSolveFiles(outDir, loaded, run);
  writeSolveReport(outDir);
  await writeFormats(options.format, outDir);
  if (run.interrupted) {
    process.stderr.write(`goalsim: interrupted: what finished is in ${outDir}/runs.jsonl; --resume continues\n`);
    return EXIT_INTERRUPTED;
  }
  process.stdout.write(`${solveSentence(run.definition, solveResultJson(run))}\n\nwrote ${outDir}/ (report.html, candidates.csv, solve.json${run.choice === null ? '' : ', chosen.json'})\n`);
  return run.choice === null ? EXIT_FAILED : EXIT_OK;
}
