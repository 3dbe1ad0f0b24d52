/**
 * `goalsim report <run-dir...> --compare --out DIR`: several runs side by side (for example the
 * four sizing engines on the same data): overlaid equity curves, a metrics table and goal
 * outcomes. Each curve is downsampled on its own; the chart's time axis is the union of the
 * chosen times, each run showing its last equity at or before every time.
 */
import { UsageError } from '../errors.js';
import { writeTextFile } from '../io/fileWriter.js';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { drawIndices, indexAtOrBefore } from './downsample.js';
import { chartBlock, COLORS, escapeHtml, htmlPage, htmlTable } from './html/page.js';
import { markdownTable } from '../numeric/format.js';
import { readRunFiles, type RunFiles } from './readRun.js';
import { goalRows, metricRows } from './runReport.js';


export async function writeComparisonReport(dirs: readonly string[], out: string): Promise<void> {
  const runs: RunFiles[] = [];
  for (const dir of dirs) runs.push(await readRunFiles(dir));
  // one axis and one table of money: runs in two currencies would be compared as if they were one
  const currencies = [...new Set(runs.map((run) => run.summary.currency))];
  if (currencies.length > 1) {
    throw new UsageError(`--compare: these runs are in ${currencies.join(' and ')} (${runs.map((run) => `${run.dir}: ${run.summary.currency}`).join(', ')}); their money cannot share an axis without exchange rates: compare runs of one currency`);
  }
  const times = new Set<number>();
  for (const run of runs) for (const i of drawIndices(run.equity.time, run.equity.equity, [], 1500)) times.add(run.equity.time[i] as number);
  const x = [...times].sort((a, b) => a - b);
  const series = runs.map((run, r) => ({
    label: run.summary.scenario,
    color: COLORS[r % COLORS.length] as string,
    values: x.map((t) => {
      const i = indexAtOrBefore(run.equity.time, t);
      return i < 0 ? null : (run.equity.equity[i] as number);
    }),
  }));
  const names = runs.map((run) => run.summary.scenario);
  const metrics = metricRows((runs[0] as RunFiles).summary).map(([label], row) => [label as string, ...runs.map((run) => metricRows(run.summary)[row]?.[1] ?? '')]);
  const goals = goalRows(runs[0] as RunFiles).map(([label], row) => [label as string, ...runs.map((run) => goalRows(run)[row]?.[1] ?? '')]);
  const title = `goalsim comparison: ${names.join(' vs ')}`;
  const md = markdownTable;
  mkdirSync(out, { recursive: true });
  writeTextFile(join(out, 'report.md'), [`# ${title}`, '', '## Metrics', md(['metric', ...names], metrics), ...(goals.length > 0 ? ['', '## Goals', md(['outcome', ...names], goals)] : []), '', 'Overlaid equity curves are in report.html.', ''].join('\n'));
  writeTextFile(
    join(out, 'report.html'),
    htmlPage(
      title,
      [
        `<h1>${escapeHtml(title)}</h1>`,
        `<p class="muted">${runs.map((run) => `${escapeHtml(run.summary.scenario)}: ${escapeHtml(run.dir)}`).join('<br>')}</p>`,
        '<h2>Equity</h2>',
        chartBlock('chart-0', { title: 'Equity, overlaid', x: x.map((t) => t / 1000), series, height: 320 }),
        '<h2>Metrics</h2>',
        htmlTable(['metric', ...names], metrics, { numeric: names.map((_, i) => i + 1) }),
        ...(goals.length > 0 ? ['<h2>Goals</h2>', htmlTable(['outcome', ...names], goals)] : []),
      ].join('\n'),
    ),
  );
}
