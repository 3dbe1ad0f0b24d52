/**
 * What `goalsim run` does with a scenario, wherever it runs (in-process, or in the worker thread
 * of cli/runWorker.ts): run it into its folder and return the table to print.
 */
import { attributionOf } from '../analysis/attribution.js';
import { annualisationNote } from '../analysis/metrics.js';
import { defaultCacheDir } from '../data/cache.js';
import type { loadScenarioFile } from '../scenario/load.js';
import { loadScenarioData } from '../sim/loadData.js';
import { runScenario, staleBarsWarning, trackerCycleWarning } from '../sim/run.js';
import { runIntoFolder } from '../report/runFiles.js';
import { goalHeader, goalRowsOf, metricHeader, metricRows } from '../report/runReport.js';
import { buildSummary } from '../report/summary.js';
import type { RunResult } from '../sim/types.js';
import { alignedTable } from './table.js';

export function runSummaryTable(result: RunResult): string {
  const summary = buildSummary(result);
  const note = annualisationNote(summary.period.dailyReturns);
  const capital = `${result.initialCapital.toFixed(2)} ${result.currency}`;
  const rows = [['initial capital', capital, ...(summary.benchmark === undefined ? [] : [capital])], ...metricRows(summary)];
  const goals = goalRowsOf(summary);
  const goalTables = goals.compared.length === 0 ? '' : `\n\n${alignedTable(goalHeader(summary, 'goal outcome'), goals.compared)}\n\n${alignedTable(['the tracker', 'value'], goals.tracker)}`;
  return `${alignedTable(metricHeader(summary), rows)}${note === null ? '' : `\n* ${note}`}${goalTables}`;
}

/** Runs the scenario and writes its files; returns what to print. The result and its data end here. */
export async function runAndWriteFiles(resolved: ReturnType<typeof loadScenarioFile>, cache: boolean, outDir: string): Promise<string> {
  const data = await loadScenarioData(resolved, cache ? defaultCacheDir() : undefined);
  const costly = trackerCycleWarning(resolved, data);
  if (costly !== null) process.stderr.write(`warning: ${costly}\n`);
  const stale = staleBarsWarning(resolved, data);
  if (stale !== null) process.stderr.write(`warning: ${stale}\n`);
  const { result } = await runIntoFolder(outDir, (curveSink, benchmarkSink) => runScenario(resolved, data, { curveSink, benchmark: { curveSink: benchmarkSink } }));
  const warning = attributionOf(result.decisions).warning;
  if (warning !== null) process.stderr.write(`warning: ${warning}\n`);
  return `${result.name}: ${result.bars} bars, ${result.trades.length} trades, ${result.decisions.length} sizing decisions\n${runSummaryTable(result)}\n`;
}
