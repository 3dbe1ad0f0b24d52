/**
 * report.md and report.html of an odds folder, rendered from odds.json alone (so `goalsim
 * report` re-renders them byte for byte): the odds per engine with their intervals, the paired
 * differences, a fan chart of equity per engine and the time-to-target curve.
 */
import { join } from 'node:path';
import { readOddsFile, type OddsFile } from '../odds/oddsFolder.js';
import type { EngineOdds, MonthlyGoalOdds, PairedProbability, Probability } from '../odds/summary.js';
import type { Interval, PairedDifference } from '../odds/stats.js';
import { writeTextFile } from '../io/fileWriter.js';
import { formatPercent, markdownTable } from '../numeric/format.js';
import { chartBlock, COLORS, escapeHtml, htmlPage, htmlTable, TARGET_COLOR, type ChartSpec } from './html/page.js';

/** What each figure counts, in its name: a monthly goal's figure is a share of months, the others a share of paths. */
const LABELS: Readonly<Record<PairedProbability, string>> = {
  monthlyReturn: 'share of months meeting the return goal',
  monthlyIncome: 'share of months meeting the income goal',
  portfolioTarget: 'share of paths reaching the target by its date',
  drawdownBreach: 'share of paths beyond the drawdown limit',
  ruin: 'share of paths ruined',
};

const interval = (i: Interval | null): string => (i === null ? '' : ` [${formatPercent(i.low, 1)}, ${formatPercent(i.high, 1)}]`);
const withInterval = (p: Probability | null): string => (p === null || p.probability === null ? '–' : `${formatPercent(p.probability, 1)}${interval(p.interval)}`);
const money = (value: number | null): string => (value === null ? '–' : value.toLocaleString('en-US', { maximumFractionDigits: 0 }));
const days = (value: number | null): string => (value === null ? '–' : value.toFixed(0));
/** The median days to the target with the paths it rests on: a median of 4 paths says little. */
const daysWithCount = (target: { readonly daysToTarget: { readonly p50: number | null }; readonly reached?: number }, paths: number): string =>
  target.daysToTarget.p50 === null ? '–' : `${days(target.daysToTarget.p50)} (${target.reached ?? '?'} of ${paths} paths)`;

/** The history's percentile beyond which the paths are not like the history. */
const HISTORY_TAIL = 0.05;

/**
 * A warning per arm whose history (path 0) lies outside the 5-95 % range of the paths' final
 * equity or Sharpe ratio, with the likely cause and the option to try.
 */
export function historyWarnings(file: OddsFile): string[] {
  const warnings: string[] = [];
  for (const odds of file.results.engines) {
    for (const [key, label] of [['finalEquity', 'final equity'], ['sharpe', 'Sharpe ratio']] as const) {
      const p = odds.history?.[key];
      if (p === null || p === undefined || (p >= HISTORY_TAIL && p <= 1 - HISTORY_TAIL)) continue;
      const side = p > 1 - HISTORY_TAIL ? 'above' : 'below';
      warnings.push(`${odds.engine}: the history's ${label} is at the ${(p * 100).toFixed(0)}th percentile of the paths, ${side} nearly all of them: the resampled paths lack something the strategy ${side === 'above' ? 'lives on' : 'suffers from'} (trends or regimes longer than the ${file.block.meanLength.toFixed(1)}-bar blocks, or volatility clustering); try a longer --block (e.g. ${Math.max(20, Math.ceil(file.block.meanLength * 4))}) and compare`);
    }
  }
  return warnings;
}

function probabilityOf(odds: EngineOdds, key: PairedProbability): Probability | null {
  return odds[key];
}

/** The probabilities this run has (a goal the scenario lacks has none). */
function presentKeys(file: OddsFile): PairedProbability[] {
  const first = file.results.engines[0];
  return (['monthlyReturn', 'monthlyIncome', 'portfolioTarget', 'drawdownBreach', 'ruin'] as const).filter((key) => first !== undefined && probabilityOf(first, key) !== null);
}

function oddsTable(file: OddsFile): { header: string[]; rows: string[][] } {
  const keys = presentKeys(file);
  const header = ['engine', 'paths', 'mean exposure p50', ...keys.map((key) => LABELS[key]), 'median days to target', 'final equity p5 / p50 / p95', 'CAGR p50', 'Sharpe p50'];
  const rows = file.results.engines.map((odds) => [
    odds.engine,
    odds.failed === 0 ? String(odds.paths) : `${odds.paths} (${odds.failed} failed)`,
    formatPercent(odds.meanExposure?.p50, 1),
    ...keys.map((key) => withInterval(probabilityOf(odds, key))),
    odds.portfolioTarget === null ? '–' : daysWithCount(odds.portfolioTarget, odds.paths),
    `${money(odds.finalEquity.p5)} / ${money(odds.finalEquity.p50)} / ${money(odds.finalEquity.p95)}`,
    formatPercent(odds.cagr.p50, 1),
    odds.sharpe.p50 === null ? '–' : odds.sharpe.p50.toFixed(2),
  ]);
  return { header, rows };
}

function pairsTable(file: OddsFile): { header: string[]; rows: string[][] } {
  const keys = presentKeys(file);
  const header = ['engines (a − b)', ...keys.map((key) => `Δ ${LABELS[key]}`)];
  const rows = file.results.pairs.map((pair) => [
    `${pair.a} − ${pair.b}`,
    ...keys.map((key) => signedPercent(pair.differences[key])),
  ]);
  return { header, rows };
}

const signedPercent = (d: PairedDifference | undefined): string => (d === undefined || !Number.isFinite(d.difference) ? '–' : `${d.difference > 0 ? '+' : ''}${formatPercent(d.difference, 1)}${d.interval === null ? '' : ` [${formatPercent(d.interval.low, 1)}, ${formatPercent(d.interval.high, 1)}]`}`);
const signedMoney = (d: PairedDifference | null): string => (d === null || !Number.isFinite(d.difference) ? '–' : `${d.difference > 0 ? '+' : ''}${money(d.difference)}${d.interval === null ? '' : ` [${money(d.interval.low)}, ${money(d.interval.high)}]`}`);

/** Each goal-aware arm against its goal-off twin: what the goal changed, probability by probability. */
function goalEffectTable(file: OddsFile): { header: string[]; rows: string[][] } {
  const keys = presentKeys(file);
  const header = ['arm − its goal-off twin', 'Δ mean exposure', ...keys.map((key) => `Δ ${LABELS[key]}`), `Δ mean final equity (${file.currency})`];
  const rows = (file.results.goalEffects ?? []).map((effect) => [`${effect.arm} − ${effect.twin}`, signedPercent(effect.meanExposure ?? undefined), ...keys.map((key) => signedPercent(effect.differences[key])), signedMoney(effect.finalEquity)]);
  return { header, rows };
}

const MATCH_LABEL = { exposure: 'mean exposure', volatility: 'volatility' } as const;

/** The matched value of each baseline, one line each; none without --match. */
function matchLines(file: OddsFile): string[] {
  const m = file.match;
  if (m === null || m === undefined) return [];
  const label = MATCH_LABEL[m.by];
  return [
    `Risk-matched by ${label}: each baseline's size was set by bisection on the history so that its ${label} equals ${m.reference}'s ${formatPercent(m.target, 2)} within ${formatPercent(m.tolerance, 0)}, and that value was used on every path.`,
    ...m.arms.map((a) => `${a.arm}: ${a.path} ${a.configured} → ${Number(a.value.toPrecision(4))} (${label} ${formatPercent(a.figure, 2)} on the history, ${a.runs} runs)`),
    ...(m.unmatched.length === 0 ? [] : [`Not matched: ${m.unmatched.join(', ')} (goal-aware arms, twins, the benchmark, or engines without a size parameter).`]),
  ];
}

const GOAL_WORDS: Readonly<Record<'monthlyReturn' | 'monthlyIncome' | 'portfolioTarget', (file: OddsFile) => string>> = {
  monthlyReturn: (file) => `the share of months meeting the return goal (${formatPercent(file.goals.find((g) => g.type === 'monthly_return')?.target, 1)} a month)`,
  monthlyIncome: (file) => `the share of months meeting the income goal (${money(file.goals.find((g) => g.type === 'monthly_income')?.target ?? null)} ${file.currency} a month)`,
  portfolioTarget: () => 'the probability of reaching the portfolio target',
};

/** `+0.4 points [-0.2, +1.0]`: a paired difference of probabilities in percentage points. */
function points(d: PairedDifference | undefined, sign = 1): string {
  if (d === undefined || !Number.isFinite(d.difference)) return 'an unknown amount';
  const p = (x: number): string => `${x * sign > 0 ? '+' : ''}${(x * sign * 100).toFixed(1)}`;
  const interval = d.interval === null ? '' : ` [${[p(d.interval.low), p(d.interval.high)].sort((a, b) => Number(a) - Number(b)).join(', ')}]`;
  return `${p(d.difference)} points${interval}`;
}

/**
 * The answer in one sentence: the reference arm's goal effect against its twin and against each
 * matched baseline, saying at what risk it compares them. Null without a goal-aware arm.
 */
export function oddsHeadline(file: OddsFile): string | null {
  const effects = file.results.goalEffects ?? [];
  const key = (['monthlyReturn', 'monthlyIncome', 'portfolioTarget'] as const).find((k) => effects[0]?.differences[k] !== undefined);
  if (effects.length === 0 || key === undefined) return null;
  const reference = file.match?.reference ?? (effects[0] as (typeof effects)[number]).arm;
  const effect = effects.find((e) => e.arm === reference) ?? (effects[0] as (typeof effects)[number]);
  const against = (file.match?.arms ?? []).map((a) => {
    const pair = file.results.pairs.find((p) => (p.a === effect.arm && p.b === a.arm) || (p.a === a.arm && p.b === effect.arm));
    const sign = pair?.a === effect.arm ? 1 : -1;
    return `${points(pair?.differences[key], sign)} against ${a.arm} at ${a.path.split('.').at(-1) ?? a.path} ${Number(a.value.toPrecision(3))}`;
  });
  const m = file.match;
  const prefix = m === null || m === undefined ? `Not risk-matched (compare the mean exposure column before reading a difference as skill): ` : `At ${effect.arm}'s ${MATCH_LABEL[m.by]} of ${formatPercent(m.target, 1)} on the history, `;
  return `${prefix}${effect.arm}'s goal changes ${GOAL_WORDS[key](file)} by ${points(effect.differences[key])} against its goal-off twin${against.length === 0 ? '' : `, and by ${against.join(', ')}`}; it changes the mean exposure by ${points(effect.meanExposure ?? undefined)} against the twin.${benchmarkClause(file, effect.arm, key)}`;
}

/** The benchmark beside the reference arm, at its own exposure: what holding the symbols gave. */
function benchmarkClause(file: OddsFile, reference: string, key: 'monthlyReturn' | 'monthlyIncome' | 'portfolioTarget'): string {
  const name = file.engines.find((e) => e.benchmark !== undefined)?.engine;
  const benchmark = file.results.engines.find((e) => e.engine === name);
  const arm = file.results.engines.find((e) => e.engine === reference);
  if (benchmark === undefined || arm === undefined) return '';
  const share = (odds: Probability | null): string => (odds?.probability == null ? 'unknown' : `${formatPercent(odds.probability, 1)}${odds.interval === null ? '' : ` [${formatPercent(odds.interval.low, 1)}, ${formatPercent(odds.interval.high, 1)}]`}`);
  const [what, of] = key === 'portfolioTarget' ? ['reaches the target on', 'of the paths'] : ['meets it in', 'of the months'];
  return ` For scale: ${benchmark.engine} of the same symbols, at a median mean exposure of ${formatPercent(benchmark.meanExposure.p50, 0)}, ${what} ${share(benchmark[key])} ${of} (${reference}: ${share(arm[key])} at ${formatPercent(arm.meanExposure.p50, 1)}).`;
}

function distributionLine(name: string, odds: MonthlyGoalOdds | null): string | null {
  if (odds === null) return null;
  const cells = odds.monthsMetDistribution.map((paths, months) => (paths === 0 ? null : `${months}: ${paths}`)).filter((c): c is string => c !== null);
  return `${name}: ${cells.join(', ')}`;
}

function assumptions(file: OddsFile): string[] {
  const b = file.block;
  return [
    `Each path re-runs the whole scenario (strategy, goal tracker, sizing engine, ledger) on prices resampled from the period's history: a stationary bootstrap of the per-instant log returns with mean block length ${b.meanLength.toFixed(2)} bars (${b.requested === 'auto' ? 'chosen by the Politis-White rule with the Patton-Politis-White correction' : 'given'}), the same instants drawn for every symbol. Path 0 is the history itself. Every engine runs on the same paths, so the differences between engines are paired.`,
    'The bootstrap assumes the returns are stationary (the period\'s volatility and drift stand for the future) and keeps only short-range dependence (within blocks); regimes longer than the blocks, and moves the history never had, are not in the paths.',
    'A monthly goal\'s probability is the mean share of months met per path, its interval the Wilson interval over paths (conservative for a share). The portfolio target counts when reached by its target date, or by the end when it has none. A drawdown breach is a maximum drawdown above account.maxDrawdownPct; ruin is equity below the ruin share of the initial capital at any instant. Intervals are 95 %.',
  ];
}

function armLabel(file: OddsFile, e: OddsFile['engines'][number]): string {
  const twin = e.twinOf === undefined ? '' : `, the goal-off twin of ${e.twinOf}`;
  const matched = file.match?.arms.find((a) => a.arm === e.engine);
  if (e.benchmark !== undefined) return `${e.engine} (the benchmark: every symbol bought in equal weights at its first bar and held, same costs)`;
  const origin = matched !== undefined ? `${matched.path} matched to ${file.match?.reference}'s ${MATCH_LABEL[file.match?.by ?? 'exposure']}` : e.defaults === true ? 'its defaults' : JSON.stringify(e.sizing) === JSON.stringify(file.scenarioSizing) ? "the scenario's sizing" : 'as configured';
  return `${e.engine} (${origin}${twin})`;
}

function header(file: OddsFile): string {
  const engines = file.engines.map((e) => armLabel(file, e)).join(', ');
  return `${file.counts.finished} of ${file.paths} paths${file.counts.notRun > 0 ? ` (${file.counts.notRun} not run)` : ''}, seed "${file.seed}", ${file.instants} instants from ${file.firstTime.slice(0, 10)} to ${file.lastTime.slice(0, 10)}, ruin below ${formatPercent(file.ruin, 0)} of ${file.initialCapital} ${file.currency}, drawdown limit ${formatPercent(file.maxDrawdownPct, 0)}. Engines: ${engines}; each engine's parameters are in odds.json.`;
}

const GOAL_EFFECT_NOTE = "Each goal-aware arm against its goal-off twin: the same engine with the goals' influence removed (pipeline: the goal factor at 1; goal-kelly: the base risk instead of the tracker's goal-adjusted risk, drawdown protection kept), on the same paths. The difference is what the goal did, at whatever change in size it made: compare the final equity and drawdown columns before reading a higher probability as skill.";

function markdown(file: OddsFile): string {
  const odds = oddsTable(file);
  const pairs = pairsTable(file);
  const effects = goalEffectTable(file);
  const distributions = file.results.engines.flatMap((e) => [distributionLine(`${e.engine}, months the return goal was met (months: paths)`, e.monthlyReturn), distributionLine(`${e.engine}, months the income goal was met (months: paths)`, e.monthlyIncome)]).filter((l): l is string => l !== null);
  const headline = oddsHeadline(file);
  const matched = matchLines(file);
  const warnings = historyWarnings(file);
  return [
    `# goalsim odds: ${file.name}`,
    '',
    ...(headline === null ? [] : [`**${headline}**`, '']),
    ...warnings.map((w) => `> warning: ${w}\n`),
    header(file),
    '',
    ...(matched.length === 0 ? [] : [...matched.map((l) => `- ${l}`), '']),
    '## Odds per engine',
    markdownTable(odds.header, odds.rows),
    '',
    ...(effects.rows.length === 0 ? [] : ['## The goal effect', GOAL_EFFECT_NOTE, '', markdownTable(effects.header, effects.rows), '']),
    ...(pairs.rows.length === 0 ? [] : ['## Paired differences', markdownTable(pairs.header, pairs.rows), '']),
    ...(distributions.length === 0 ? [] : ['## Months met per path', ...distributions.map((l) => `- ${l}`), '']),
    '## What this assumes',
    ...assumptions(file).flatMap((p) => [p, '']),
    'The fan charts and the time-to-target curve are in report.html.',
    '',
  ].join('\n');
}

/** One row per engine and probability: a bar to the estimate, a whisker over its interval. */
function intervalBarsSvg(file: OddsFile): string {
  const keys = presentKeys(file);
  const rows = keys.flatMap((key) => file.results.engines.map((odds, e) => ({ key, engine: odds.engine, e, p: probabilityOf(odds, key) })));
  // the left margin holds "share of paths reaching the target by its date" beside the first arm
  const [left, width, rowHeight, top] = [400, 420, 18, 24];
  const x = (share: number): number => left + Math.max(0, Math.min(1, share)) * width;
  const body = rows.map((row, i) => {
    const y = top + i * rowHeight + Math.floor(i / file.results.engines.length) * 8;
    const color = COLORS[row.e % COLORS.length] as string;
    const label = `<text x="${left - 8}" y="${y + 12}" text-anchor="end">${escapeHtml(`${row.e === 0 ? LABELS[row.key] : ''}  ${row.engine}`)}</text>`;
    if (row.p === null || row.p.probability === null) return `${label}<text x="${left + 4}" y="${y + 12}">–</text>`;
    const p = row.p.probability;
    const bar = `<rect x="${left}" y="${y + 3}" width="${(x(p) - left).toFixed(1)}" height="10" fill="${color}" opacity="0.75"><title>${escapeHtml(`${row.engine}: ${withInterval(row.p)}`)}</title></rect>`;
    const i95 = row.p.interval;
    const whisker = i95 === null ? '' : `<line x1="${x(i95.low).toFixed(1)}" x2="${x(i95.high).toFixed(1)}" y1="${y + 8}" y2="${y + 8}" stroke="#1d2430"/><line x1="${x(i95.low).toFixed(1)}" x2="${x(i95.low).toFixed(1)}" y1="${y + 4}" y2="${y + 12}" stroke="#1d2430"/><line x1="${x(i95.high).toFixed(1)}" x2="${x(i95.high).toFixed(1)}" y1="${y + 4}" y2="${y + 12}" stroke="#1d2430"/>`;
    return `${label}${bar}${whisker}<text x="${left + width + 8}" y="${y + 12}">${escapeHtml(formatPercent(p, 1))}</text>`;
  });
  const height = top + rows.length * rowHeight + keys.length * 8 + 24;
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((t) => `<line x1="${x(t)}" x2="${x(t)}" y1="${top - 4}" y2="${height - 22}" stroke="#dde3ea"/><text x="${x(t)}" y="${height - 8}" text-anchor="middle">${t * 100}%</text>`);
  return `<svg class="odds-bars" xmlns="http://www.w3.org/2000/svg" width="${left + width + 70}" height="${height}" role="img" aria-label="probabilities with 95% intervals per engine">
<text x="${left}" y="14">probability per engine, with its 95 % interval</text>
${ticks.join('')}
${body.join('\n')}
</svg>`;
}

const seconds = (iso: string): number => Date.parse(iso) / 1000;

/** One y range for every fan chart, so that the engines' fans compare at a glance. */
function fanRange(file: OddsFile): [number, number] | undefined {
  const target = fanTarget(file);
  const values = [...file.results.fan.flatMap((fan) => [...fan.bands.p5, ...fan.bands.p95, ...(fan.history ?? [])]), ...(target === null ? [] : [target])].filter((v): v is number => v !== null && Number.isFinite(v));
  if (values.length === 0) return undefined;
  const [low, high] = [Math.min(...values), Math.max(...values)];
  const pad = (high - low) * 0.04 || Math.abs(high) * 0.01 || 1;
  return [low - pad, high + pad];
}

/**
 * The portfolio target, when the fans can show it: within twice the highest p95, else null (a
 * target far above would squash every fan to the floor; the headline table has its odds).
 */
function fanTarget(file: OddsFile): number | null {
  const target = file.goals.find((goal) => goal.type === 'portfolio_value')?.target;
  const highest = Math.max(...file.results.fan.flatMap((fan) => fan.bands.p95.filter((v): v is number => v !== null)));
  return target !== undefined && target <= 2 * highest ? target : null;
}

function fanChart(file: OddsFile, e: number, range: [number, number] | undefined): ChartSpec {
  const fan = file.results.fan[e];
  const color = COLORS[e % COLORS.length] as string;
  const bands = fan?.bands;
  const target = fanTarget(file);
  const points = file.fanTimes.length;
  return {
    title: `${fan?.engine ?? ''}: equity quantiles over the paths, and the history itself (${file.currency})`,
    x: file.fanTimes.map(seconds),
    series: [
      { label: 'p95', values: bands?.p95 ?? [], color: `${color}55` },
      { label: 'p75', values: bands?.p75 ?? [], color: `${color}99` },
      { label: 'median', values: bands?.p50 ?? [], color },
      { label: 'p25', values: bands?.p25 ?? [], color: `${color}99` },
      { label: 'p5', values: bands?.p5 ?? [], color: `${color}55` },
      ...(fan?.history === null || fan?.history === undefined ? [] : [{ label: 'history (path 0)', values: fan.history, color: '#111827' }]),
      ...(target === null ? [] : [{ label: `portfolio target (${target})`, values: Array.from({ length: points }, () => target), color: TARGET_COLOR }]),
    ],
    bands: [
      { upper: 1, lower: 5, fill: `${color}1a` },
      { upper: 2, lower: 4, fill: `${color}33` },
    ],
    height: 260,
    yRange: range,
  };
}

function targetCurve(file: OddsFile): ChartSpec | null {
  const engines = file.results.engines.filter((odds) => odds.portfolioTarget !== null);
  const first = engines[0]?.portfolioTarget;
  if (first === undefined || first === null) return null;
  return {
    title: 'share of paths that have reached the portfolio target, by month',
    x: first.reachedByMonth.map((m) => Date.UTC(Number(m.month.slice(0, 4)), Number(m.month.slice(5, 7)) - 1, 1) / 1000),
    series: engines.map((odds) => ({ label: odds.engine, values: odds.portfolioTarget?.reachedByMonth.map((m) => m.share) ?? [], color: COLORS[file.results.engines.indexOf(odds) % COLORS.length] as string })),
    percent: true,
    height: 240,
  };
}

function html(file: OddsFile): string {
  const title = `goalsim odds: ${file.name}`;
  const odds = oddsTable(file);
  const pairs = pairsTable(file);
  const effects = goalEffectTable(file);
  const headline = oddsHeadline(file);
  const matched = matchLines(file);
  const curve = targetCurve(file);
  const numeric = odds.header.map((_, c) => c).filter((c) => c > 0);
  const range = fanRange(file);
  return htmlPage(
    title,
    [
      `<h1>${escapeHtml(title)}</h1>`,
      ...(headline === null ? [] : [`<p><strong>${escapeHtml(headline)}</strong></p>`]),
      ...historyWarnings(file).map((w) => `<p class="warning">warning: ${escapeHtml(w)}</p>`),
      `<p class="muted">${escapeHtml(header(file))}</p>`,
      ...(matched.length === 0 ? [] : [`<ul>${matched.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>`]),
      '<h2>Odds per engine</h2>',
      htmlTable(odds.header, odds.rows, { numeric }),
      intervalBarsSvg(file),
      ...(effects.rows.length === 0 ? [] : ['<h2>The goal effect</h2>', `<p class="muted">${escapeHtml(GOAL_EFFECT_NOTE)}</p>`, htmlTable(effects.header, effects.rows, { numeric: effects.header.map((_, c) => c).filter((c) => c > 0) })]),
      ...(pairs.rows.length === 0 ? [] : ['<h2>Paired differences</h2>', '<p class="muted">a − b over the paths both engines finished, with a 95 % interval from the paired differences: an interval that excludes 0 is a difference the paths\' luck does not explain.</p>', htmlTable(pairs.header, pairs.rows, { numeric: pairs.header.map((_, c) => c).filter((c) => c > 0) })]),
      '<h2>Equity fan per engine</h2>',
      '<p class="muted">The median path, the 25-75 % band (dark) and the 5-95 % band (light) of equity at each instant, on one scale for every engine.</p>',
      ...file.results.fan.map((_, e) => chartBlock(`fan-${e}`, fanChart(file, e, range))),
      ...(curve === null ? [] : ['<h2>Time to the portfolio target</h2>', chartBlock('target-curve', curve)]),
      '<h2>What this assumes</h2>',
      ...assumptions(file).map((p) => `<p>${escapeHtml(p)}</p>`),
    ].join('\n'),
  );
}

export function writeOddsReport(dir: string): void {
  const file = readOddsFile(dir);
  writeTextFile(join(dir, 'report.md'), markdown(file));
  writeTextFile(join(dir, 'report.html'), html(file));
}

/** The odds table as the CLI prints it. */
export function oddsTableText(dir: string): { header: string[]; rows: string[][]; goalEffects: { header: string[]; rows: string[][] }; headline: string | null; matched: string[]; warnings: string[] } {
  const file = readOddsFile(dir);
  return { ...oddsTable(file), goalEffects: goalEffectTable(file), headline: oddsHeadline(file), matched: matchLines(file), warnings: historyWarnings(file) };
}
