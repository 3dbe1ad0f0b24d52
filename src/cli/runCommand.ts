/** `goalsim run <scenario> [--out DIR]`: one scenario, its report folder, a summary table. */
import { join } from 'node:path';
import { attributionOf } from '../analysis/attribution.js';
import { ANNUALISED_METRICS, annualisationNote, dailyReturns, METRIC_DISPLAY, metricText } from '../analysis/metrics.js';
import { defaultCacheDir } from '../data/cache.js';
import { loadScenarioFile } from '../scenario/load.js';
import { loadScenarioData } from '../sim/loadData.js';
import { runScenario } from '../sim/run.js';
import { runIntoFolder } from '../report/runFiles.js';
import { goalRowsOf } from '../report/runReport.js';
import { buildSummary } from '../report/summary.js';
import { writeRunReport } from '../report/writeReports.js';
import type { RunResult } from '../sim/types.js';
import { alignedTable } from './table.js';

export interface RunCommandOptions {
  readonly scenario: string;
  readonly out?: string | undefined;
  readonly cache: boolean;
}

export function runSummaryTable(result: RunResult): string {
  const m = result.metrics;
  const note = annualisationNote(dailyReturns(result.curveSummary).length);
  const mark = (text: string): string => (note !== null && text !== '' ? `${text} *` : text);
  const rows: [string, string][] = [
    ['initial capital', `${result.initialCapital.toFixed(2)} ${result.currency}`],
    ['final equity', `${result.finalEquity.toFixed(2)} ${result.currency}`],
    ...METRIC_DISPLAY.map(({ key, label, kind }): [string, string] => {
      const text = metricText(m[key], kind, '');
      return [label, ANNUALISED_METRICS.includes(key) ? mark(text) : text];
    }),
  ];
  const summary = buildSummary(result);
  const goals = goalRowsOf(summary.goals, summary.sizing);
  return `${alignedTable(['metric', 'value'], rows)}${note === null ? '' : `\n* ${note}`}${goals.length === 0 ? '' : `\n\n${alignedTable(['goal outcome', 'value'], goals)}`}`;
}

/** Runs the scenario and writes its files; returns what to print. The result and its data end here. */
async function runAndWriteFiles(resolved: ReturnType<typeof loadScenarioFile>, cache: boolean, outDir: string): Promise<string> {
  const data = await loadScenarioData(resolved, cache ? defaultCacheDir() : undefined);
  const { result } = await runIntoFolder(outDir, (curveSink) => runScenario(resolved, data, { curveSink }));
  const warning = attributionOf(result.decisions).warning;
  if (warning !== null) process.stderr.write(`warning: ${warning}\n`);
  return `${result.name}: ${result.bars} bars, ${result.trades.length} trades, ${result.decisions.length} sizing decisions\n${runSummaryTable(result)}\n`;
}

export async function runCommand(options: RunCommandOptions): Promise<number> {
  const resolved = loadScenarioFile(options.scenario);
  const outDir = options.out ?? join('reports', resolved.scenario.name);
  const printout = await runAndWriteFiles(resolved, options.cache, outDir);
  // the report is rendered from the files alone, so the run's memory is free for it
  await writeRunReport(outDir);
  process.stdout.write(`${printout}report: ${outDir}\n`);
  return 0;
}
