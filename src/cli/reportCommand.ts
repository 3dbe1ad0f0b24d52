/**
 * `goalsim report <dir...>`: re-renders report.md and report.html from a run, sweep or odds folder's
 * files alone; with --compare, several run folders side by side into --out.
 */
import { UsageError } from '../errors.js';
import { writeComparisonReport } from '../report/compareReport.js';
import { isRunFolder } from '../report/readRun.js';
import { isSweepFolder, writeSweepReport } from '../report/sweepReport.js';
import { writeRunReport } from '../report/writeReports.js';
import { EXIT_OK } from './exit.js';
import { isOddsFolder } from '../odds/oddsFolder.js';
import { writeOddsReport } from '../report/oddsReport.js';
import { isWalkForwardFolder, writeWalkForwardReport } from '../report/walkForwardReport.js';
import { isSolveFolder, writeSolveReport } from '../report/solveReport.js';

export interface ReportOptions {
  readonly dirs: readonly string[];
  readonly compare: boolean;
  readonly out?: string | undefined;
  readonly x?: string | undefined;
  readonly y?: string | undefined;
}

export async function reportCommand(options: ReportOptions): Promise<number> {
  if (options.compare) {
    if (options.out === undefined) throw new UsageError('--compare needs --out DIR for the comparison report');
    if (options.dirs.length < 2) throw new UsageError('--compare needs at least two run folders');
    await writeComparisonReport(options.dirs, options.out);
    process.stdout.write(`report: ${options.out}/report.html\n`);
    return EXIT_OK;
  }
  for (const dir of options.dirs) {
    if (isOddsFolder(dir)) writeOddsReport(dir);
    else if (isWalkForwardFolder(dir)) writeWalkForwardReport(dir);
    else if (isSolveFolder(dir)) writeSolveReport(dir);
    else if (isSweepFolder(dir)) writeSweepReport(dir, { x: options.x, y: options.y });
    else if (isRunFolder(dir)) await writeRunReport(dir);
    else throw new UsageError(`${dir}: not a run folder (summary.json, equity.csv), a sweep folder (sweep.json, results.csv) an odds folder (odds.json, paths.jsonl), a walk-forward folder (walkforward.json) or a solve folder (solve.json, candidates.csv)`);
    process.stdout.write(`report: ${dir}/report.html\n`);
  }
  return EXIT_OK;
}
