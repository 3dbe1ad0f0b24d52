/**
 * report.md and report.html of one run (README "Reports"), rendered from the run folder's files:
 * headline metrics and goal outcomes, equity and drawdown, each goal's progress against its
 * schedule (milestones marked), the tracker's risk with adjustments marked, the goal factor and
 * position size of every decision, and the monthly table.
 */
import type { SizingAttribution } from '../analysis/attribution.js';
import { ANNUALISED_METRICS, annualisationNote, METRIC_DISPLAY, metricText, type MetricKind } from '../analysis/metrics.js';
import { parseTimestamp } from '../data/timestamp.js';
import { drawIndices } from './downsample.js';
import { displayValue, formatFixed, formatPercent, markdownTable } from '../numeric/format.js';
import { chartBlock, COLORS, escapeHtml, htmlPage, htmlTable, monthGridSvg, shareBar, TARGET_COLOR, type ChartSpec } from './html/page.js';
import { monthlyTable, type MonthRow } from './monthly.js';
import type { RunFiles } from './readRun.js';
import type { RunSummary } from './summary.js';

const pct = formatPercent;
const num = formatFixed;
const seconds = (ms: number): number => ms / 1000;


/** The header of the metric tables: the run, and its buy-and-hold benchmark when one ran. */
export function metricHeader(summary: RunSummary): string[] {
  return summary.benchmark === undefined ? ['metric', 'value'] : ['metric', 'this run', summary.benchmark.name];
}

/** The metric rows of summary.json, as the run report and `goalsim run` show them: the benchmark's beside the run's. */
export function metricRows(summary: RunSummary): string[][] {
  const few = annualisationNote(summary.period.dailyReturns) !== null;
  const mark = (key: string, text: string): string => (few && ANNUALISED_METRICS.includes(key) && text !== '–' ? `${text} *` : text);
  const benchmark = summary.benchmark;
  const money = (text: string): string => `${Number(text).toFixed(2)} ${summary.currency}`;
  // a folder written before a metric existed shows a dash for it
  const cells = (metrics: Readonly<Record<string, number | null>>, key: string, kind: MetricKind): string => mark(key, metricText(metrics[key], kind));
  return [
    ['final equity', money(summary.finalEquity), ...(benchmark === undefined ? [] : [money(benchmark.finalEquity)])],
    ...METRIC_DISPLAY.map(({ key, label, kind }) => [label, cells(summary.metrics, key, kind), ...(benchmark === undefined ? [] : [cells(benchmark.metrics, key, kind)])]),
  ];
}

/** What a reader needs to read the metrics and the months right. */
function reportNotes(files: RunFiles): { metrics: string[]; months: string[] } {
  const note = annualisationNote(files.summary.period.dailyReturns);
  const g = files.summary.goals;
  const completed = ((g['alerts'] ?? {}) as Record<string, number>)['goal_completed'] ?? 0;
  const met = Number(g['monthsReturnGoalMet'] ?? 0) + Number(g['monthsIncomeGoalMet'] ?? 0);
  return {
    metrics: note === null ? [] : [`* ${note}.`],
    months: g['months'] === undefined ? [] : [
      `Income is the realised P&L of the month: net P&L of the trades closed in it, after fees; open positions count only when closed. A month meets a goal when its progress stands at 100 % or more at the month's end.${completed > met ? ` The ${completed} goal_completed alerts outnumber the ${met} months met: an alert fires when a goal is touched during the month, which a later loss in the month can undo.` : ''}`,
    ],
  };
}

/** Every goal outcome of a run folder, one value column (the comparison report sets runs side by side). */
export function goalRows(files: RunFiles): string[][] {
  const { compared, tracker } = goalRowsOf(files.summary);
  return [...compared.map((row) => row.slice(0, 2)), ...tracker];
}

/** What the tracker's risk per trade feeds: the engine's words, or that it sizes without it. */
function trackerRiskText(sizing: Readonly<Record<string, unknown>>): string {
  const feeds = sizing['trackerRisk'];
  if (typeof feeds === 'string') return feeds;
  // a folder written before engines said it: unknown
  const engine = typeof sizing['engine'] === 'string' ? sizing['engine'] : 'the engine';
  return feeds === null ? `nothing: ${engine} does not size from it` : '–';
}

/** Whether the engine sizes from the tracker's risk (true for a folder that does not say). */
function usesTrackerRisk(files: RunFiles): boolean {
  return files.summary.sizing['trackerRisk'] !== null;
}

/**
 * The goal outcomes of summary.json, as the run report and `goalsim run` show them: `compared`,
 * the months met and the target reached, with the benchmark's beside the run's when it ran; and
 * `tracker`, what only the run's tracker and engine did.
 */
export function goalRowsOf(summary: Pick<RunSummary, 'goals' | 'sizing' | 'benchmark'>): { compared: string[][]; tracker: string[][] } {
  const g = summary.goals;
  if (g['months'] === undefined) return { compared: [], tracker: [] };
  const targets = (g['targets'] ?? {}) as Readonly<Record<string, number>>;
  const alerts = Object.entries((g['alerts'] ?? {}) as Record<string, number>).map(([type, count]) => `${type} ${count}`).join(', ');
  const b = summary.benchmark?.goals;
  const row = (label: string, cell: (goals: Readonly<Record<string, unknown>>) => string): string[] => [label, cell(g), ...(b === undefined ? [] : [cell(b)])];
  const monthsMet = (key: string) => (goals: Readonly<Record<string, unknown>>) => `${displayValue(goals[key])} of ${displayValue(goals['months'])}`;
  return {
    compared: [
      row('months', (goals) => displayValue(goals['months'])),
      ...(targets['monthly_return'] === undefined ? [] : [row(`months meeting the return goal (${pct(targets['monthly_return'], 1)})`, monthsMet('monthsReturnGoalMet'))]),
      ...(targets['monthly_income'] === undefined ? [] : [row(`months meeting the income goal (${displayValue(targets['monthly_income'])})`, monthsMet('monthsIncomeGoalMet'))]),
      ...(targets['portfolio_value'] === undefined ? [] : [row(`portfolio target reached (${displayValue(targets['portfolio_value'])})`, (goals) => displayValue(goals['portfolioTargetReachedAt'] ?? 'no'))]),
    ],
    tracker: [
      ['risk adjustments', displayValue(g['riskAdjustments'])],
      ['milestones', displayValue(g['milestones'])],
      ['alerts', alerts === '' ? 'none' : alerts],
      ['risk per trade at the end', pct(g['finalRisk'])],
      ["the tracker's risk feeds", trackerRiskText(summary.sizing)],
      ...goalPnlRow(summary.sizing),
    ],
  };
}

/** The header of the goal tables: the run, and its benchmark when one ran. */
export function goalHeader(summary: Pick<RunSummary, 'benchmark'>, first = 'outcome'): string[] {
  return summary.benchmark === undefined ? [first, 'value'] : [first, 'this run', summary.benchmark.name];
}

/** The P&L the goal added (summary.json sizing.goalPnl): none for a folder written before it. */
function goalPnlRow(sizing: Readonly<Record<string, unknown>>): string[][] {
  const pnl = sizing['goalPnl'] as { amount: number | null; shareOfFinalEquity: number | null } | undefined;
  if (pnl === undefined || pnl.amount === null) return [];
  return [['P&L the goal added to the trades', `${pnl.amount.toFixed(2)} (${pct(pnl.shareOfFinalEquity)} of the final equity)`]];
}

function monthRows(months: readonly MonthRow[]): string[][] {
  const met = (value: boolean | null): string => (value === null ? '–' : value ? 'met' : 'missed');
  return months.map((m) => [m.month, pct(m.returnPct), m.income.toFixed(2), met(m.returnGoalMet), met(m.incomeGoalMet)]);
}

/** The benchmark's line in a curve chart, drawn in grey behind the run's. */
const BENCHMARK_COLOR = '#94a3b8';

function equityCharts(files: RunFiles): ChartSpec[] {
  const { equity } = files;
  // the benchmark ran on the same instants: one row per instant in both files; its turns are kept too
  const benchmark = files.benchmark !== undefined && files.benchmark.length === equity.length ? files.benchmark : undefined;
  const indices = drawIndices(equity.time, equity.equity, benchmark === undefined ? [] : drawIndices(benchmark.time, benchmark.equity));
  const x = indices.map((i) => seconds(equity.time[i] as number));
  const name = files.summary.benchmark?.name ?? 'benchmark';
  const line = (label: string, values: Float64Array, sign: number, color: string) => ({ label, values: indices.map((i) => sign * (values[i] as number)), color });
  const target = targetLine(files, indices.length, benchmark === undefined ? [equity.equity] : [equity.equity, benchmark.equity]);
  const title = benchmark === undefined ? 'Equity' : `Equity, with ${name} of the same symbols`;
  return [
    {
      title: `${title}${target.note}`,
      x,
      series: [line(`equity (${files.summary.currency})`, equity.equity, 1, COLORS[0] as string), ...(benchmark === undefined ? [] : [line(name, benchmark.equity, 1, BENCHMARK_COLOR)]), ...target.series],
    },
    {
      title: 'Drawdown from peak',
      x,
      percent: true,
      height: 180,
      series: [line('drawdown', equity.drawdown, -1, COLORS[1] as string), ...(benchmark === undefined ? [] : [line(`${name} drawdown`, benchmark.drawdown, -1, BENCHMARK_COLOR)])],
    },
  ];
}

/**
 * The portfolio goal's target as a flat line on an equity chart, when it lies within twice the
 * highest equity drawn; a target far above would flatten the curves to the floor, so the title
 * names it instead.
 */
export function targetLine(files: Pick<RunFiles, 'summary'>, points: number, drawn: readonly ArrayLike<number>[]): { series: { label: string; values: number[]; color: string }[]; note: string } {
  const target = ((files.summary.goals['targets'] ?? {}) as Record<string, number>)['portfolio_value'];
  if (target === undefined) return { series: [], note: '' };
  let highest = -Infinity;
  for (const values of drawn) for (let i = 0; i < values.length; i++) if ((values[i] as number) > highest) highest = values[i] as number;
  if (!(target <= 2 * highest)) return { series: [], note: ` (the portfolio target ${displayValue(target)} is above the chart)` };
  return { series: [{ label: `portfolio target (${displayValue(target)})`, values: Array.from({ length: points }, () => target), color: TARGET_COLOR }], note: '' };
}

/**
 * A monthly goal as one bar per month: where the month ended against its target (100 %), with
 * the target drawn. Years of a daily progress line that resets each month read as a sawtooth.
 */
function monthlyBars(goal: string, target: number | undefined, months: readonly MonthRow[], color: string): ChartSpec | null {
  if ((goal !== 'monthly_return' && goal !== 'monthly_income') || target === undefined || months.length === 0) return null;
  const x = months.map((m) => Date.UTC(Number(m.month.slice(0, 4)), Number(m.month.slice(5, 7)) - 1, 15) / 1000);
  const values = months.map((m) => (goal === 'monthly_return' ? m.returnPct : m.income) / target);
  return {
    title: `${goal}: where each month ended, against its target (100 %)`,
    x,
    percent: true,
    series: [
      { label: 'month end', values, color, bars: true },
      { label: 'target', values: months.map(() => 1), color: TARGET_COLOR },
    ],
  };
}

/** Each goal's progress: a monthly goal month by month (monthlyBars), the portfolio goal against its schedule with its milestones marked on the cycle rows they were reached at. */
function goalCharts(files: RunFiles, months: readonly MonthRow[]): ChartSpec[] {
  const targets = (files.summary.goals['targets'] ?? {}) as Record<string, number>;
  return [...files.progress].map(([goal, rows], g) => {
    const bars = monthlyBars(goal, targets[goal], months, COLORS[g % COLORS.length] as string);
    if (bars !== null) return bars;
    const { time, progress, expected } = rows;
    const markerAt = new Map<number, number>();
    for (const milestone of files.milestones.filter((m) => m.goal === goal)) {
      const i = time.indexOf(parseTimestamp(milestone.timestamp));
      if (i >= 0) markerAt.set(i, progress[i] as number);
    }
    const indices = drawIndices(time, progress, markerAt.keys());
    return {
      title: `${goal}: progress against schedule`,
      x: indices.map((i) => seconds(time[i] as number)),
      percent: true,
      series: [
        { label: 'progress', values: indices.map((i) => progress[i] as number), color: COLORS[g % COLORS.length] as string },
        { label: 'expected', values: indices.map((i) => expected[i] as number), color: '#94a3b8' },
        { label: 'milestones', values: indices.map((i) => markerAt.get(i) ?? null), color: '#f59e0b', points: true },
      ],
    };
  });
}

/** Adjustments a risk chart still marks one by one; beyond, the steps of its line are the marks. */
const RISK_MARKERS_MAX = 100;

/**
 * The tracker's risk per trade as a step line: only the cycles where it changed (and the last),
 * so hundreds of adjustments read as steps rather than a band of markers.
 */
function riskChart(files: RunFiles): ChartSpec | undefined {
  // every goal's rows carry the same risk: the first goal's are the cycles
  const first = files.progress.values().next();
  if (first.done === true) return undefined;
  const { time, risk } = first.value;
  const changes: number[] = [];
  for (let i = 0; i < risk.length; i++) if (i === 0 || i === risk.length - 1 || risk[i] !== risk[i - 1]) changes.push(i);
  const marked = files.adjustments.length <= RISK_MARKERS_MAX;
  const markerAt = new Map<number, number>();
  if (marked) {
    for (const adjustment of files.adjustments) markerAt.set(parseTimestamp(adjustment.timestamp), Number(adjustment.new));
  }
  return {
    title: marked ? "Tracker's risk per trade (adjustments marked)" : `Tracker's risk per trade (${files.adjustments.length} adjustments: each step is one)`,
    x: changes.map((i) => seconds(time[i] as number)),
    percent: true,
    series: [
      { label: 'risk per trade', values: changes.map((i) => risk[i] as number), color: COLORS[3] as string, step: true },
      ...(marked ? [{ label: 'adjustments', values: changes.map((i) => markerAt.get(time[i] as number) ?? null), color: '#f59e0b', points: true }] : []),
    ],
  };
}

/** Each monthly goal month by month: met or missed at the month's end, and by how much. */
function monthGrids(files: RunFiles, months: readonly MonthRow[]): string[] {
  const targets = (files.summary.goals['targets'] ?? {}) as Record<string, number>;
  const currency = files.summary.currency;
  const grids: string[] = [];
  const returnTarget = targets['monthly_return'];
  if (returnTarget !== undefined) {
    grids.push(monthGridSvg(`monthly_return: % of the ${pct(returnTarget, 1)} target`, months.map((m) => ({ month: m.month, progress: m.returnPct / returnTarget, met: m.returnGoalMet, detail: `return ${pct(m.returnPct)} against ${pct(returnTarget, 1)}` }))));
  }
  const incomeTarget = targets['monthly_income'];
  if (incomeTarget !== undefined) {
    grids.push(monthGridSvg(`monthly_income: % of the ${incomeTarget} ${currency} target`, months.map((m) => ({ month: m.month, progress: m.income / incomeTarget, met: m.incomeGoalMet, detail: `income ${m.income.toFixed(2)} ${currency} against ${incomeTarget}` }))));
  }
  return grids;
}

/** What set the sizes (summary.json sizing.attribution): per stage, decisions changed and bound. */
function attributionSection(attribution: SizingAttribution | undefined): { markdown: string[]; html: string[] } {
  if (attribution === undefined || attribution.traded === 0) return { markdown: [], html: [] };
  const header = ['stage', 'changed the value', 'set the size (binding)', 'share of entries bound'];
  const stages = Object.entries(attribution.stages).map(([stage, counts]) => ({ cells: [stage, String(counts.changed), String(counts.bound)], share: counts.bound / attribution.traded }));
  const rows = stages.map((stage) => [...stage.cells, `${(stage.share * 100).toFixed(1)}%`]);
  const goal = `The goal changed the final quantity of ${attribution.goalChanged} of ${attribution.traded} entries (${((attribution.goalChangedShare ?? 0) * 100).toFixed(1)}%). The final stage changes nearly every value by rounding it down to whole lot steps; it sets a size only when the cash, one lot or the minimum notional does.`;
  const warning = attribution.warning === null ? [] : [`Warning: ${attribution.warning}.`];
  const bars = stages.map((stage) => [...stage.cells, shareBar(stage.share)]);
  return {
    markdown: ['', '## What set the size', markdownTable(header, rows), '', goal, ...warning],
    html: ['<h2>What set the size</h2>', htmlTable(header, bars, { numeric: [1, 2], html: [3] }), `<p>${escapeHtml(goal)}</p>`, ...warning.map((w) => `<p class="missed">${escapeHtml(w)}</p>`)],
  };
}

function decisionCharts(files: RunFiles): ChartSpec[] {
  const { time, finalValue, goalFactor, goalEffect, length } = files.entries;
  if (length === 0) return [];
  const indices = drawIndices(time, finalValue);
  const x = indices.map((i) => seconds(time[i] as number));
  const orNull = (value: number): number | null => (Number.isNaN(value) ? null : value);
  const charts: ChartSpec[] = [{ title: 'Position size of each entry', x, series: [{ label: `final value (${files.summary.currency})`, values: indices.map((i) => finalValue[i] as number), color: COLORS[2] as string, points: true }] }];
  if (goalFactor.some((v) => !Number.isNaN(v))) {
    charts.push({ title: 'Goal factor of each entry', x, series: [{ label: 'goal factor', values: indices.map((i) => orNull(goalFactor[i] as number)), color: COLORS[4] as string, points: true }] });
  }
  if (goalEffect.some((v) => !Number.isNaN(v) && v !== 0)) {
    charts.push({ title: "The goal's effect on each entry's quantity (0: none, or a cap took it away)", x, percent: true, series: [{ label: 'goal effect', values: indices.map((i) => orNull(goalEffect[i] as number)), color: COLORS[5] as string, points: true }] });
  }
  return charts;
}

export async function buildRunReport(files: RunFiles): Promise<{ markdown: string; html: string }> {
  const s = files.summary;
  const months = monthlyTable(files);
  // the tracker's risk is charted only for an engine that sizes from it
  const risk = usesTrackerRisk(files) ? riskChart(files) : undefined;
  const charts = [...equityCharts(files), ...goalCharts(files, months), ...(risk === undefined ? [] : [risk]), ...decisionCharts(files)];
  const title = `goalsim run: ${s.scenario}`;
  const period = `${s.period.start} to ${s.period.end}, ${s.period.bars} bars, seed ${s.seed}, goalsim ${s.version}`;
  const monthHeader = ['month', 'return', `income (${s.currency})`, 'return goal', 'income goal'];
  const sizing = s.sizing as { decisions: number; skipped: number; goalFactor?: Record<string, number | null> };
  const factor = sizing.goalFactor;
  const sizingRows = [['decisions', String(sizing.decisions)], ['skipped', String(sizing.skipped)], ...(factor !== undefined && (factor['count'] ?? 0) > 0 ? [['goal factor min / median / max', `${num(factor['min'], 3)} / ${num(factor['median'], 3)} / ${num(factor['max'], 3)}`]] : [])];

  const md = markdownTable;
  const goals = goalRowsOf(s);
  const notes = reportNotes(files);
  const grids = monthGrids(files, months);
  const attribution = attributionSection((s.sizing as { attribution?: SizingAttribution }).attribution);
  const markdown = [
    `# ${title}`,
    '',
    period,
    '',
    '## Metrics',
    md(metricHeader(s), metricRows(s)),
    ...notes.metrics.map((n) => `\n${n}`),
    ...(goals.compared.length > 0 ? ['', '## Goals', md(goalHeader(s), goals.compared), '', md(['the tracker', 'value'], goals.tracker)] : []),
    '',
    '## Sizing',
    md(['', ''], sizingRows),
    ...attribution.markdown,
    '',
    '## Months',
    md(monthHeader, monthRows(months)),
    ...notes.months.map((n) => `\n${n}`),
    '',
    'Charts of equity, drawdown, goal progress, risk, goal factor and position sizes are in report.html.',
    '',
  ].join('\n');

  const body = [
    `<h1>${escapeHtml(title)}</h1>`,
    `<p class="muted">${escapeHtml(period)}</p>`,
    '<h2>Metrics</h2>',
    htmlTable(metricHeader(s), metricRows(s), { numeric: s.benchmark === undefined ? [1] : [1, 2] }),
    ...notes.metrics.map((n) => `<p class="muted">${escapeHtml(n)}</p>`),
    ...(goals.compared.length > 0 ? ['<h2>Goals</h2>', htmlTable(goalHeader(s), goals.compared), htmlTable(['the tracker', 'value'], goals.tracker)] : []),
    ...(grids.length > 0 ? ['<h2>Goals month by month</h2>', '<p class="muted">Each cell is a month at its end: the return, or the realised P&amp;L, as a percentage of the target. Green: met (dark green: twice over). Amber: a gain short of the target, deeper the nearer. Grey: flat (0: no position, or nothing realised). Red: a loss, darker the larger, darkest from -100 % of the target.</p>', ...grids] : []),
    '<h2>Charts</h2>',
    ...charts.map((chart, i) => chartBlock(`chart-${i}`, chart)),
    '<h2>Sizing</h2>',
    htmlTable(['', ''], sizingRows),
    ...attribution.html,
    '<h2>Months</h2>',
    htmlTable(monthHeader, monthRows(months), { numeric: [1, 2] }),
    ...notes.months.map((n) => `<p class="muted">${escapeHtml(n)}</p>`),
  ].join('\n');
  return { markdown, html: htmlPage(title, body) };
}
