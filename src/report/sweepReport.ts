/**
 * report.md and report.html of a sweep folder: the ranked table, a heat map of the mean
 * objective over two chosen parameters, and the marginals. Rendered from the folder's files.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { UsageError } from '../errors.js';
import { chartBlock, COLORS, escapeHtml, heatmapSvg, htmlPage, htmlTable, type ChartSpec } from './html/page.js';
import { AUDIT_FILES, type PboFigures, type SweepAudit } from '../analysis/sweepAudit.js';
import { writeTextFile } from '../io/fileWriter.js';
import { markdownTable, significantCell } from '../numeric/format.js';
import { readSweepDefinition } from '../parallel/sweepState.js';

type Row = Record<string, string>;

export function isSweepFolder(dir: string): boolean {
  return existsSync(join(dir, 'sweep.json')) && existsSync(join(dir, 'results.csv'));
}

const short = (path: string): string => path.split('.').pop() ?? path;

export function writeSweepReport(dir: string, axes: { x?: string | undefined; y?: string | undefined } = {}): void {
  const definition = readSweepDefinition(dir);
  if (definition === undefined || !isSweepFolder(dir)) throw new UsageError(`${dir}: not a sweep folder (needs sweep.json and results.csv)`);
  const results = parse(readFileSync(join(dir, 'results.csv')), { columns: true }) as Row[];
  const marginals = existsSync(join(dir, 'marginals.csv')) ? (parse(readFileSync(join(dir, 'marginals.csv')), { columns: true }) as Row[]) : [];
  const x = axes.x ?? definition.heatmap?.x ?? definition.params[0];
  const y = axes.y ?? definition.heatmap?.y ?? definition.params[1];
  for (const axis of [x, y]) if (axis !== undefined && !definition.params.includes(axis)) throw new UsageError(`--x/--y: "${axis}" is not a swept parameter (${definition.params.join(', ')})`);
  const objective = `${definition.objective.metric} (${definition.objective.direction})`;
  const ranked = results.filter((row) => row['rank'] !== '');
  const header = ['rank', 'variant', ...definition.params.map(short), 'objective', 'trades', 'maxDrawdown', 'status'];
  // 4 significant digits here; results.csv keeps every digit
  const tableRows = results.slice(0, 50).map((row) => [row['rank'] ?? '', row['variant'] ?? '', ...definition.params.map((p) => row[p] ?? ''), significantCell(row['objective'] ?? ''), row['trades'] ?? '', significantCell(row['maxDrawdown'] ?? ''), row['status'] ?? '']);

  let heatmap = '';
  const values = (path: string): string[] => [...new Set(ranked.map((row) => row[path] ?? '').filter((v) => v !== ''))].sort((a, b) => Number(a) - Number(b) || (a < b ? -1 : 1));
  // an axis with one value draws one column or row: a table, not a map
  const flatAxis = [x, y].find((axis) => axis !== undefined && values(axis).length < 2);
  if (flatAxis !== undefined && ranked.length > 0) heatmap = `<p class="muted">${escapeHtml(`No heat map: ${short(flatAxis)} takes one value among the variants that ran.`)}</p>`;
  else if (x !== undefined && y !== undefined && x !== y) {
    const cell = (vx: string, vy: string): number | null => {
      const hits = ranked.filter((row) => row[x] === vx && row[y] === vy).map((row) => Number(row['objective']));
      return hits.length === 0 ? null : hits.reduce((a, b) => a + b, 0) / hits.length;
    };
    heatmap = heatmapSvg(values(x), values(y), cell, { x: short(x), y: short(y), value: definition.objective.metric });
  }
  const auditFile = join(dir, AUDIT_FILES.audit);
  const auditData = existsSync(auditFile) ? (JSON.parse(readFileSync(auditFile, 'utf8')) as SweepAudit) : undefined;
  const noise = definition.objective.metric === 'metrics.sharpe' && auditData !== undefined ? sharpeNoise(ranked.map((row) => Number(row['objective'])), auditData) : null;
  if (noise !== null && heatmap !== '') heatmap = `${heatmap}\n<p class="muted">${escapeHtml(noise)}</p>`;
  const marginalRows = marginals.map((m) => [short(m['parameter'] ?? ''), m['value'] ?? '', m['count'] ?? '', significantCell(m['mean_objective'] ?? ''), m['best_variant'] ?? '']);
  const summary = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8')) as { counts: Record<string, number> };
  const counts = Object.entries(summary.counts).map(([k, v]) => `${k} ${v}`).join(', ');
  const title = `goalsim sweep: ${definition.name}`;
  const md = markdownTable;
  const audit = auditData !== undefined ? auditSection(auditData) : { markdown: [], html: [] };
  writeTextFile(
    join(dir, 'report.md'),
    [`# ${title}`, '', `Objective ${objective}; ${counts}.`, ...(noise === null ? [] : ['', noise]), ...audit.markdown, '', '## Ranking', md(header, tableRows), '', '## Marginals', md(['parameter', 'value', 'count', 'mean objective', 'best variant'], marginalRows), '', 'The heat map and the audit charts are in report.html.', ''].join('\n'),
  );
  writeTextFile(
    join(dir, 'report.html'),
    htmlPage(
      title,
      [
        `<h1>${escapeHtml(title)}</h1>`,
        `<p class="muted">Objective ${escapeHtml(objective)}; ${escapeHtml(counts)}. Parameters: ${escapeHtml(definition.params.join(', '))}.</p>`,
        ...audit.html,
        ...(heatmap === '' ? [] : ['<h2>Heat map</h2>', heatmap]),
        '<h2>Ranking</h2>',
        htmlTable(header, tableRows, { numeric: [0, 1, header.length - 4, header.length - 3, header.length - 2] }),
        '<h2>Marginals</h2>',
        htmlTable(['parameter', 'value', 'count', 'mean objective', 'best variant'], marginalRows, { numeric: [2, 3, 4] }),
      ].join('\n'),
    ),
  );
}

/**
 * How the spread of annualised Sharpe ratios across the variants compares with the noise of one:
 * over T daily returns spanning Y years, an annualised Sharpe ratio SR has a standard error of
 * about sqrt(1/Y + SR^2/(2T)) (Lo 2002, i.i.d. returns). null without figures.
 */
export function sharpeNoise(objectives: readonly number[], audit: Pick<SweepAudit, 'days' | 'firstDay' | 'lastDay'>): string | null {
  const known = objectives.filter(Number.isFinite);
  const years = (Date.parse(audit.lastDay) - Date.parse(audit.firstDay)) / (365.25 * 86_400_000);
  if (known.length < 2 || !(years > 0) || !(audit.days > 1)) return null;
  const [low, high] = [Math.min(...known), Math.max(...known)];
  const middle = (low + high) / 2;
  const error = Math.sqrt(1 / years + (middle * middle) / (2 * audit.days));
  const range = high - low;
  const verdict = range < error ? 'so the whole range lies inside one standard error and the colours show noise' : `so the range is ${(range / error).toFixed(1)} standard errors wide`;
  return `The variants' Sharpe ratios span ${range.toPrecision(2)} (${low.toFixed(4)} to ${high.toFixed(4)}); one Sharpe ratio measured over these ${years.toFixed(1)} years has a standard error of about ${error.toFixed(2)}, ${verdict}.`;
}

const fixedOrDash = (value: number | null | undefined, digits: number): string => (value === null || value === undefined || !Number.isFinite(value) ? '–' : value.toFixed(digits));

/** The audit's table rows: DSR beside the winner's Sharpe ratio, and each PBO with its inputs. */
function auditRows(audit: SweepAudit): string[][] {
  const d = audit.deflatedSharpe;
  const pboRows = (figures: PboFigures | null, name: string): string[][] =>
    figures === null
      ? []
      : [
          [name, `${figures.pbo.toFixed(3)} (${figures.metric}; ${figures.splits} splits of ${figures.blocks} blocks over ${figures.periods} periods${figures.periodsDropped > 0 ? `, the first ${figures.periodsDropped} dropped` : ''})`],
          [`${name}: out-of-sample on in-sample, slope / R²`, `${fixedOrDash(figures.degradation.slope, 3)} / ${fixedOrDash(figures.degradation.r2, 3)}`],
          ...(figures.lossProbability === null ? [] : [[`${name}: probability of an out-of-sample loss`, figures.lossProbability.toFixed(3)]]),
        ];
  return [
    ['variants (trials) / days', `${audit.variants} / ${audit.days} (${audit.firstDay} to ${audit.lastDay})`],
    [`winner (variant ${audit.winner}): daily Sharpe ratio, skewness, kurtosis`, `${fixedOrDash(d.sharpe, 4)}, ${fixedOrDash(d.skewness, 2)}, ${fixedOrDash(d.kurtosis, 2)}`],
    ['Sharpe ratio the best of the trials shows by luck', fixedOrDash(d.expectedMaxSharpe, 4)],
    ['deflated Sharpe ratio (DSR)', fixedOrDash(d.deflated, 3)],
    ['probabilistic Sharpe ratio against 0 (PSR)', fixedOrDash(d.psr0, 3)],
    ['minimum track record for 95 % (days)', fixedOrDash(d.minTrackRecordDays, 0)],
    ...pboRows(audit.pbo, 'PBO'),
    ...pboRows(audit.goalPbo, 'goal PBO'),
  ];
}

/** The logits as a histogram (a step line of counts per bin) and the chosen variant's out-of-sample against in-sample metric. */
function auditCharts(figures: PboFigures, name: string): ChartSpec[] {
  const bins = 30;
  // every split at one logit (a tie): a unit-wide range around it
  const spread = Math.max(...figures.logits) > Math.min(...figures.logits);
  const low = Math.min(...figures.logits) - (spread ? 0 : 0.5);
  const high = Math.max(...figures.logits) + (spread ? 0 : 0.5);
  const width = (high - low) / bins;
  const counts = Array.from({ length: bins }, () => 0);
  for (const logit of figures.logits) {
    const bin = Math.min(bins - 1, Math.floor((logit - low) / width));
    counts[bin] = (counts[bin] as number) + 1;
  }
  const order = figures.inSample.map((_, k) => k).sort((a, b) => (figures.inSample[a] as number) - (figures.inSample[b] as number));
  const { slope, intercept } = figures.degradation;
  return [
    // bin edges, the last count repeated at the right edge so that the last bin has its width
    { title: `${name}: logits of the in-sample best's out-of-sample rank (left of 0: below the median)`, time: false, x: [...counts.map((_, b) => low + b * width), high], series: [{ label: 'splits', values: [...counts, counts[bins - 1] as number], color: COLORS[0] as string, step: true }] },
    {
      title: `${name}: the in-sample best, out of sample against in sample (${figures.metric})`,
      time: false,
      x: order.map((k) => figures.inSample[k] as number),
      series: [
        { label: 'splits', values: order.map((k) => figures.outOfSample[k] as number), color: COLORS[1] as string, points: true },
        { label: 'least squares', values: order.map((k) => intercept + slope * (figures.inSample[k] as number)), color: '#94a3b8' },
      ],
    },
  ];
}

/** The audit in the report: its sentence, its table and its charts. */
function auditSection(audit: SweepAudit): { markdown: string[]; html: string[] } {
  const rows = auditRows(audit);
  const charts = [...(audit.pbo === null ? [] : auditCharts(audit.pbo, 'PBO')), ...(audit.goalPbo === null ? [] : auditCharts(audit.goalPbo, 'goal PBO'))];
  const notes = [`Conventions: ${audit.convention}.`, ...audit.notes.map((n) => `${n[0]?.toUpperCase() ?? ''}${n.slice(1)}.`)];
  return {
    markdown: ['', '## Is the winner likely to hold?', '', `**${audit.sentence}**`, '', markdownTable(['figure', 'value'], rows), '', ...notes, 'The charts are in report.html.'],
    html: ['<h2>Is the winner likely to hold?</h2>', `<p><strong>${escapeHtml(audit.sentence)}</strong></p>`, htmlTable(['figure', 'value'], rows), ...notes.map((n) => `<p class="muted">${escapeHtml(n)}</p>`), ...charts.map((chart, i) => chartBlock(`audit-${i}`, chart))],
  };
}
