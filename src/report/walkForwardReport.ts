/**
 * report.md and report.html of a walk-forward folder (README "Walk-forward"): what the
 * out-of-sample account kept of the in-sample figures, window by window, its equity against the
 * whole-period best's, and the parameters chosen over time. Rendered from the folder's files.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { paramText } from '../analysis/sweepResults.js';
import { UsageError } from '../errors.js';
import { writeTextFile } from '../io/fileWriter.js';
import { formatPercent, markdownTable, significant } from '../numeric/format.js';
import type { ParamValue } from '../scenario/variants.js';
import { WALK_FORWARD_FILES, type WalkForwardDefinition } from '../walkforward/definition.js';
import type { RunFigures, WalkForwardSummary } from '../walkforward/summary.js';
import { readWalkForward } from '../walkforward/folder.js';
import { chartBlock, COLORS, escapeHtml, htmlPage, htmlTable, type ChartSpec } from './html/page.js';

type Row = Record<string, string>;

export function isWalkForwardFolder(dir: string): boolean {
  return existsSync(join(dir, WALK_FORWARD_FILES.definition));
}

const short = (path: string): string => path.split('.').pop() ?? path;
const seconds = (day: string): number => Date.parse(day) / 1000;

/** The walk-forward in one paragraph of plain words, with its figures. */
export function walkForwardSentence(definition: WalkForwardDefinition, summary: WalkForwardSummary): string {
  const oos = summary.outOfSample;
  const windows = summary.windows.length;
  const profitable = summary.profitableWindows === null ? 'none' : String(Math.round(summary.profitableWindows * windows));
  const scheme = definition.anchored ? `on everything before it (anchored, at least ${definition.train})` : `on the ${definition.train} before it`;
  const whole = summary.wholePeriodBest;
  return [
    `Re-optimised every ${definition.step} ${scheme} and traded for the next ${definition.test}, ${windows} windows from ${definition.windows[0]?.testFirst ?? ''} to ${definition.windows[windows - 1]?.testLast ?? ''}:`,
    `the out-of-sample account's CAGR was ${formatPercent(oos.cagr)} (Sharpe ${significant(oos.sharpe, 3)}, t = ${significant(oos.tStatistic, 3)} over ${oos.days} days, max drawdown ${formatPercent(oos.maxDrawdown)}),`,
    `a walk-forward efficiency of ${significant(summary.efficiency.return, 3)} on the return and ${significant(summary.efficiency.objective, 3)} on the objective (${definition.objective.metric}); ${profitable} of ${windows} test windows were profitable.`,
    whole === null ? '' : `The variant best over the whole period (${variantText(whole.variant, whole.params, definition)}), chosen knowing all of it, had a CAGR of ${formatPercent(whole.cagr)} and a Sharpe ratio of ${significant(whole.sharpe, 3)}.`,
  ]
    .filter((part) => part !== '')
    .join(' ');
}

function variantText(variant: number, params: Readonly<Record<string, unknown>>, definition: WalkForwardDefinition): string {
  return `variant ${variant}: ${definition.params.map((p) => `${short(p)} ${paramText(params[p] as ParamValue | undefined)}`).join(', ')}`;
}

function goalCells(figures: RunFigures | null): string[] {
  const goals = figures?.goals;
  if (goals === null || goals === undefined) return ['–', '–', '–', '–'];
  return [String(goals.months), String(goals.monthsReturnGoalMet), String(goals.monthsIncomeGoalMet), goals.portfolioTargetReachedAt ?? 'not reached'];
}

function summaryRows(definition: WalkForwardDefinition, summary: WalkForwardSummary): string[][] {
  const stability = definition.params.map((p) => [`parameter stability: ${short(p)}`, significant(summary.stability[p] ?? null, 3)]);
  return [
    ['walk-forward efficiency (return: out-of-sample CAGR / mean in-sample CAGR)', significant(summary.efficiency.return, 3)],
    [`walk-forward efficiency (objective: ${definition.objective.metric}, comparable per period)`, significant(summary.efficiency.objective, 3)],
    ['profitable test windows', summary.profitableWindows === null ? '–' : formatPercent(summary.profitableWindows, 0)],
    ['out-of-sample Sharpe ratio (t-statistic)', `${significant(summary.outOfSample.sharpe, 3)} (${significant(summary.outOfSample.tStatistic, 3)})`],
    ['out-of-sample total return / CAGR / max drawdown', `${formatPercent(summary.outOfSample.totalReturn)} / ${formatPercent(summary.outOfSample.cagr)} / ${formatPercent(summary.outOfSample.maxDrawdown)}`],
    ['whole-period best: total return / CAGR / Sharpe', summary.wholePeriodBest === null ? '–' : `${formatPercent(summary.wholePeriodBest.totalReturn)} / ${formatPercent(summary.wholePeriodBest.cagr)} / ${significant(summary.wholePeriodBest.sharpe, 3)}`],
    ...stability,
  ];
}

function charts(definition: WalkForwardDefinition, summary: WalkForwardSummary, equity: Row[]): ChartSpec[] {
  const rows = summary.windows;
  // a step line over the test windows: each window's value held across it, the last repeated at its end
  const last = definition.windows[definition.windows.length - 1];
  const times = [...rows.map((r) => seconds(r.testFirst)), last === undefined ? 0 : seconds(last.testLast)];
  const stepValues = (values: readonly (number | null)[]): (number | null)[] => [...values, values[values.length - 1] ?? null];
  const objective: ChartSpec = {
    title: `${definition.objective.metric} of each window's pick: in sample (its train window) and out of sample (its test window, shown)`,
    x: times,
    series: [
      { label: 'in sample', values: stepValues(rows.map((r) => r.inSampleObjective)), color: COLORS[0], step: true },
      { label: 'out of sample', values: stepValues(rows.map((r) => r.outOfSampleObjective)), color: COLORS[1], step: true },
    ],
  };
  const equityChart: ChartSpec = {
    title: 'Equity: the out-of-sample account and the whole-period best (chosen knowing the whole period) over the same days',
    x: equity.map((r) => seconds(r['date'] ?? '')),
    series: [
      { label: 'out of sample', values: equity.map((r) => Number(r['out_of_sample'])), color: COLORS[0] },
      { label: 'whole-period best', values: equity.map((r) => (r['whole_period_best'] === '' ? null : Number(r['whole_period_best']))), color: COLORS[4] },
    ],
  };
  const numeric = definition.params.filter((p) => rows.every((r) => typeof r.params[p] === 'number'));
  const params: ChartSpec[] = numeric.map((p, k) => ({
    title: `Chosen ${p} over time (in force from each test window's start)`,
    x: times,
    series: [{ label: short(p), values: stepValues(rows.map((r) => r.params[p] as number)), color: COLORS[(k + 2) % COLORS.length] as string, step: true }],
    height: 160,
  }));
  return [objective, equityChart, ...params];
}

export function writeWalkForwardReport(dir: string): void {
  const folder = readWalkForward(dir);
  if (folder === undefined) throw new UsageError(`${dir}: not a walk-forward folder (no ${WALK_FORWARD_FILES.definition})`);
  const { definition, summary } = folder;
  const title = `goalsim walk-forward: ${definition.name}`;
  const windowsHeader = ['window', 'test', 'variant', ...definition.params.map(short), 'in sample', 'out of sample', 'test return', 'test Sharpe', 'months met (return / income)'];
  if (summary === null) {
    const text = 'The out-of-sample stage has not run: this folder holds a shard or an interrupted run of the train stage (merge the shards with goalsim merge, or --resume).';
    writeTextFile(join(dir, 'report.md'), `# ${title}\n\n${text}\n`);
    writeTextFile(join(dir, 'report.html'), htmlPage(title, `<h1>${escapeHtml(title)}</h1>\n<p>${escapeHtml(text)}</p>`));
    return;
  }
  const windowRows = summary.windows.map((w) => [
    String(w.index),
    `${w.testFirst} to ${w.testLast}`,
    `${w.variant}${w.carried ? ' (kept)' : ''}`,
    ...definition.params.map((p) => paramText(w.params[p])),
    significant(w.inSampleObjective),
    significant(w.outOfSampleObjective),
    formatPercent(w.outOfSampleReturn),
    significant(w.outOfSampleSharpe, 3),
    w.months === null ? '–' : `${w.monthsReturnGoalMet ?? '–'} / ${w.monthsIncomeGoalMet ?? '–'} of ${w.months}`,
  ]);
  const goalsHeader = ['account', 'months', 'monthly return goal met', 'monthly income goal met', 'portfolio target reached'];
  const goalsRows = [['out of sample (test windows)', ...goalCells(summary.outOfSample)], ['whole-period best (whole period, in sample)', ...goalCells(summary.wholePeriodBest)]];
  const sentence = walkForwardSentence(definition, summary);
  const figures = summaryRows(definition, summary);
  const equityPath = join(dir, WALK_FORWARD_FILES.equity);
  const equity = existsSync(equityPath) ? (parse(readFileSync(equityPath), { columns: true }) as Row[]) : [];
  const scheme = `train ${definition.train}, test ${definition.test}, step ${definition.step}, ${definition.anchored ? 'anchored' : 'rolling'}; ${definition.variants} variants; objective ${definition.objective.metric} (${definition.objective.direction})`;
  writeTextFile(
    join(dir, 'report.md'),
    [
      `# ${title}`,
      '',
      scheme + '.',
      '',
      `**${sentence}**`,
      '',
      markdownTable(['figure', 'value'], figures),
      '',
      '## Goals',
      markdownTable(goalsHeader, goalsRows),
      '',
      '## Windows',
      markdownTable(windowsHeader, windowRows),
      '',
      `The out-of-sample account's own report is in ${WALK_FORWARD_FILES.oos}/; the train runs are in ${WALK_FORWARD_FILES.train}/. The charts are in report.html.`,
      '',
    ].join('\n'),
  );
  writeTextFile(
    join(dir, 'report.html'),
    htmlPage(
      title,
      [
        `<h1>${escapeHtml(title)}</h1>`,
        `<p class="muted">${escapeHtml(scheme)}.</p>`,
        `<p><strong>${escapeHtml(sentence)}</strong></p>`,
        htmlTable(['figure', 'value'], figures),
        ...charts(definition, summary, equity).map((chart, i) => chartBlock(`walk-forward-${i}`, chart)),
        '<h2>Goals</h2>',
        htmlTable(goalsHeader, goalsRows, { numeric: [1, 2, 3] }),
        '<h2>Windows</h2>',
        htmlTable(windowsHeader, windowRows, { numeric: [0, 2] }),
        `<p class="muted">The out-of-sample account's own report: <a href="${WALK_FORWARD_FILES.oos}/report.html">${WALK_FORWARD_FILES.oos}/report.html</a>.</p>`,
      ].join('\n'),
    ),
  );
}
