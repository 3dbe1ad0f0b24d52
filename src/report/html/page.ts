/**
 * Self-contained HTML: uPlot's script and stylesheet are inlined from the package, chart data is
 * embedded as JSON, and nothing is fetched, so a report works offline and from a file.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { significant } from '../../numeric/format.js';

/** The goal's target line, in every chart that draws one. */
export const TARGET_COLOR = '#16a34a';

/** Series colours, in order. */
export const COLORS = ['#2563eb', '#dc2626', '#16a34a', '#9333ea', '#ea580c', '#0891b2', '#4b5563'] as const;

export interface SeriesSpec {
  readonly label: string;
  readonly values: readonly (number | null)[];
  readonly color: string;
  /** Markers only (no line). */
  readonly points?: boolean;
  /** A step line: each value holds until the next (a level that changes at events, such as risk). */
  readonly step?: boolean;
  /** Bars, one per x (a month's end figure). */
  readonly bars?: boolean;
}

export interface ChartSpec {
  readonly title: string;
  /** Epoch seconds (uPlot's time axis). */
  readonly x: readonly number[];
  readonly series: readonly SeriesSpec[];
  /** Format the y axis as percentages. */
  readonly percent?: boolean;
  /** Areas filled between two series (1-based: series[0] is 1), upper edge first. */
  readonly bands?: readonly { readonly upper: number; readonly lower: number; readonly fill: string }[];
  /** The x values are epoch seconds (default) or plain numbers. */
  readonly time?: boolean;
  /** A fixed y range (charts meant to be compared share one); otherwise fitted to the data. */
  readonly yRange?: readonly [number, number] | undefined;
  readonly height?: number;
}

const require = createRequire(import.meta.url);
let uplotAssets: { script: string; style: string } | undefined;

function assets(): { script: string; style: string } {
  uplotAssets ??= {
    script: readFileSync(require.resolve('uplot/dist/uPlot.iife.min.js'), 'utf8'),
    style: readFileSync(require.resolve('uplot/dist/uPlot.min.css'), 'utf8'),
  };
  return uplotAssets;
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** JSON that cannot close the surrounding script element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

export function chartBlock(id: string, chart: ChartSpec): string {
  return `<div class="chart" data-chart="${id}"></div>\n<script type="application/json" id="${id}">${scriptJson(chart)}</script>`;
}

export interface TableOptions {
  /** Columns to right-align (numbers). */
  readonly numeric?: readonly number[];
  /** Columns whose cells are markup made here (never user text). */
  readonly html?: readonly number[];
}

/** A horizontal bar for a share in [0, 1], with its percentage beside it: a chart that needs no script. */
export function shareBar(share: number): string {
  const width = Math.round(Math.max(0, Math.min(1, share)) * 240);
  return `<span class="bar" style="width:${width}px"></span>${escapeHtml(`${(share * 100).toFixed(1)}%`)}`;
}

export function htmlTable(header: readonly string[], rows: readonly (readonly string[])[], options: TableOptions = {}): string {
  const numeric = new Set(options.numeric ?? []);
  const html = new Set(options.html ?? []);
  const cell = (tag: string, text: string, c: number): string => `<${tag}${numeric.has(c) ? ' class="num"' : ''}>${html.has(c) && tag === 'td' ? text : escapeHtml(text)}</${tag}>`;
  return `<table><thead><tr>${header.map((h, c) => cell('th', h, c)).join('')}</tr></thead><tbody>${rows.map((row) => `<tr>${row.map((v, c) => cell('td', v, c)).join('')}</tr>`).join('')}</tbody></table>`;
}

// Draws every [data-chart] element with uPlot once the page has loaded.
const BOOTSTRAP = `
window.addEventListener('load', function () {
  var drawn = [];
  document.querySelectorAll('[data-chart]').forEach(function (el) {
    var spec = JSON.parse(document.getElementById(el.dataset.chart).textContent);
    // percent ticks with the decimals their spacing has (0.25 % steps: two), so that each reads as what it is
    var pct = function (u, vals, axisIdx, space, incr) {
      var step = incr * 100, digits = 0;
      while (digits < 6 && Math.abs(Math.round(step * Math.pow(10, digits)) - step * Math.pow(10, digits)) > 1e-6) digits++;
      return vals.map(function (v) { return v == null ? '' : (v * 100).toFixed(digits) + '%'; });
    };
    // every axis as wide as its widest label, so that no sign or leading digit is cut off
    var fit = function (u, values, axisIdx, cycle) {
      var axis = u.axes[axisIdx];
      if (cycle > 1) return axis._size;
      var widest = (values || []).reduce(function (a, v) { return String(v).length > a.length ? String(v) : a; }, '');
      u.ctx.font = axis.font[0];
      return Math.ceil(axis.ticks.size + axis.gap + u.ctx.measureText(widest).width / devicePixelRatio + 8);
    };
    var opts = {
      title: spec.title,
      width: Math.max(400, el.clientWidth || 900),
      height: spec.height || 240,
      scales: spec.yRange ? { x: { time: spec.time !== false }, y: { range: spec.yRange } } : { x: { time: spec.time !== false } },
      bands: (spec.bands || []).map(function (b) { return { series: [b.upper, b.lower], fill: b.fill }; }),
      series: [{}].concat(spec.series.map(function (s) {
        return {
          label: s.label, stroke: s.color, width: s.points ? 0 : 1.5, spanGaps: !s.bars,
          fill: s.bars ? s.color + '99' : undefined,
          paths: s.points ? function () { return null; } : s.bars ? uPlot.paths.bars({ size: [0.7, 24] }) : s.step ? uPlot.paths.stepped({ align: 1 }) : undefined,
          points: s.points ? { show: true, size: 8, fill: s.color, stroke: s.color } : { show: false },
        };
      })),
      axes: [{}, spec.percent ? { values: pct, size: fit } : { size: fit }],
    };
    var data = [spec.x].concat(spec.series.map(function (s) { return s.values; }));
    var chart = new uPlot(opts, data, el);
    (window.goalsimCharts = window.goalsimCharts || []).push(chart); // for the browser tests to read the axes
    drawn.push({ chart: chart, opts: opts, data: data, el: el, time: spec.time !== false });
  });
  // time charts share one y-axis width, so that their time axes line up down the page (an equity
  // chart's labels are wider than a drawdown's): each is drawn again at the widest one's, once
  // uPlot has sized the axes (after its first commit, a task later)
  setTimeout(function () {
    var widest = drawn.reduce(function (w, d) { return d.time ? Math.max(w, d.chart.axes[1]._size) : w; }, 0);
    drawn.forEach(function (d, i) {
      if (!d.time || d.chart.axes[1]._size === widest) return;
      d.chart.destroy();
      d.opts.axes[1].size = widest;
      window.goalsimCharts[i] = new uPlot(d.opts, d.data, d.el);
    });
    setTimeout(function () { document.body.dataset.chartsDrawn = String(document.querySelectorAll('.uplot').length); }, 0);
  }, 0);
});`;

const STYLE = `
body { font: 14px/1.45 system-ui, sans-serif; margin: 24px auto; max-width: 1100px; padding: 0 16px; color: #1d2430; }
h1 { font-size: 22px; } h2 { font-size: 17px; margin-top: 28px; border-bottom: 1px solid #dde3ea; padding-bottom: 4px; }
table { border-collapse: collapse; margin: 8px 0 16px; font-variant-numeric: tabular-nums; }
th, td { padding: 3px 10px; border-bottom: 1px solid #eef1f5; text-align: left; } th { background: #f5f7fa; }
td.num, th.num { text-align: right; } .chart { margin: 12px 0 20px; } .muted { color: #6b7685; }
.met { color: #1a7f37; } .missed { color: #b42318; } svg text { font: 11px system-ui, sans-serif; }
.bar { display: inline-block; height: 10px; background: #2563eb; vertical-align: middle; margin-right: 6px; }`;

export function htmlPage(title: string, body: string): string {
  const { script, style } = assets();
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${style}${STYLE}</style>
<script>${script}</script>
<script>${BOOTSTRAP}</script>
</head><body>
${body}
</body></html>
`;
}

export interface MonthCell {
  /** YYYY-MM. */
  readonly month: string;
  /** Progress at the month's end as a share of the target (1 = met exactly), or null when unknown. */
  readonly progress: number | null;
  readonly met: boolean | null;
  /** What the cell's tooltip says. */
  readonly detail: string;
}

/** The colours of a month cell, by what the month did against its goal. */
export const MONTH_COLORS = {
  unknown: '#ffffff',
  flat: '#d4d4d8',
  metTwice: '#15803d',
  met: '#4ade80',
} as const;

const mix = (from: readonly [number, number, number], to: readonly [number, number, number], t: number): string => `rgb(${from.map((c, i) => Math.round(c + ((to[i] as number) - c) * t)).join(',')})`;

/**
 * A month's fill, diverging around 0: a loss in reds (darker the larger, darkest at -100 % of
 * the target and beyond), a flat month (0: no position, or nothing realised) in neutral grey, a
 * gain short of the target in ambers (deeper the nearer), a month that met it in green (dark at
 * twice the target).
 */
export function monthFill(progress: number | null, met: boolean | null): string {
  if (met === null || progress === null) return MONTH_COLORS.unknown;
  if (met) return progress >= 2 ? MONTH_COLORS.metTwice : MONTH_COLORS.met;
  if (progress === 0) return MONTH_COLORS.flat;
  if (progress < 0) return mix([254, 202, 202], [153, 27, 27], Math.min(1, -progress));
  return mix([254, 243, 199], [245, 158, 11], Math.min(1, progress));
}

/** True when a cell of this fill needs white text. */
function darkMonth(progress: number | null, met: boolean | null): boolean {
  if (met === true) return (progress ?? 0) >= 2;
  return met === false && progress !== null && progress < -0.5;
}

/**
 * A goal month by month as a calendar: one row per year, one cell per month, coloured by how the
 * month ended against its target (monthFill), with a legend. Ten years are 120 cells that read
 * at a glance, where a daily line is a sawtooth.
 */
export function monthGridSvg(title: string, cells: readonly MonthCell[]): string {
  if (cells.length === 0) return '';
  const years = [...new Set(cells.map((c) => c.month.slice(0, 4)))].sort();
  const [size, left, top] = [34, 48, 34];
  const rects = cells.map((c) => {
    const row = years.indexOf(c.month.slice(0, 4));
    const col = Number(c.month.slice(5, 7)) - 1;
    const [x, y] = [left + col * size, top + row * size];
    const label = c.progress === null ? '' : `${Math.round(c.progress * 100)}`;
    const ink = darkMonth(c.progress, c.met) ? '#fff' : '#1d2430';
    return `<rect x="${x}" y="${y}" width="${size - 2}" height="${size - 2}" fill="${monthFill(c.progress, c.met)}" stroke="#e2e8f0"><title>${escapeHtml(`${c.month}: ${c.detail}`)}</title></rect><text x="${x + size / 2 - 1}" y="${y + size / 2 + 4}" text-anchor="middle" fill="${ink}">${escapeHtml(label)}</text>`;
  });
  const monthLabels = ['J', 'F', 'M', 'A', 'M', 'J', 'J', 'A', 'S', 'O', 'N', 'D'].map((m, i) => `<text x="${left + i * size + size / 2 - 1}" y="${top - 6}" text-anchor="middle">${m}</text>`);
  const yearLabels = years.map((year, row) => `<text x="${left - 8}" y="${top + row * size + size / 2 + 4}" text-anchor="end">${year}</text>`);
  const legendTop = top + years.length * size + 10;
  // each swatch as wide as its label (about 6.5 px a character at the report's 11 px)
  let x = left;
  const legend = [
    [monthFill(-1, false), 'loss, -100 %'],
    [monthFill(-0.2, false), 'loss'],
    [MONTH_COLORS.flat, 'flat'],
    [monthFill(0.5, false), 'short'],
    [MONTH_COLORS.met, 'met'],
    [MONTH_COLORS.metTwice, 'twice'],
  ].map(([fill, text]) => {
    const at = x;
    x += 16 + (text as string).length * 6.5 + 12;
    return `<g class="legend"><rect class="legend" x="${at}" y="${legendTop}" width="12" height="12" fill="${fill}" stroke="#cbd5e1"/><text x="${at + 16}" y="${legendTop + 10}">${escapeHtml(text as string)}</text></g>`;
  });
  const height = legendTop + 22;
  return `<svg class="month-grid" xmlns="http://www.w3.org/2000/svg" width="${Math.max(left + 12 * size + 20, x + 20)}" height="${height}" role="img" aria-label="${escapeHtml(title)}">
<text x="${left}" y="12">${escapeHtml(title)}</text>
${monthLabels.join('')}${yearLabels.join('')}
${rects.join('\n')}
${legend.join('')}
</svg>`;
}

/** A heat map as inline SVG: one cell per (x, y), coloured from low (light) to high (dark). */
export function heatmapSvg(xs: readonly string[], ys: readonly string[], value: (x: string, y: string) => number | null, labels: { x: string; y: string; value: string }): string {
  const cell = 64;
  const left = 90;
  const top = 30;
  const values = xs.flatMap((x) => ys.map((y) => value(x, y))).filter((v): v is number => v !== null);
  const [min, max] = [Math.min(...values), Math.max(...values)];
  const shade = (v: number): string => {
    const t = max > min ? (v - min) / (max - min) : 0.5;
    const mix = (a: number, b: number): number => Math.round(a + (b - a) * t);
    return `rgb(${mix(237, 8)},${mix(248, 81)},${mix(251, 156)})`;
  };
  const rects = ys.flatMap((y, row) =>
    xs.map((x, col) => {
      const v = value(x, y);
      const [cx, cy] = [left + col * cell, top + row * cell];
      const fill = v === null ? '#f0f0f0' : shade(v);
      const text = v === null ? '–' : significant(v);
      const ink = v !== null && max > min && (v - min) / (max - min) > 0.55 ? '#fff' : '#1d2430';
      return `<rect x="${cx}" y="${cy}" width="${cell - 2}" height="${cell - 2}" fill="${fill}"><title>${escapeHtml(`${labels.x}=${x}, ${labels.y}=${y}: ${text}`)}</title></rect><text x="${cx + cell / 2 - 1}" y="${cy + cell / 2 + 4}" text-anchor="middle" fill="${ink}">${escapeHtml(text)}</text>`;
    }),
  );
  const xTicks = xs.map((x, col) => `<text x="${left + col * cell + cell / 2 - 1}" y="${top + ys.length * cell + 16}" text-anchor="middle">${escapeHtml(x)}</text>`);
  const yTicks = ys.map((y, row) => `<text x="${left - 8}" y="${top + row * cell + cell / 2 + 4}" text-anchor="end">${escapeHtml(y)}</text>`);
  // the colour scale: the gradient the cells are shaded on, with its ends and middle labelled
  const scaleLeft = left + xs.length * cell + 24;
  const scaleHeight = ys.length * cell - 2;
  const stops = [0, 0.5, 1].map((t) => `<stop offset="${t}" stop-color="${shade(min + (max - min) * (1 - t))}"/>`).join('');
  const scaleLabels = values.length === 0 ? '' : [max, (min + max) / 2, min].map((v, i) => `<text x="${scaleLeft + 22}" y="${top + (i * scaleHeight) / 2 + (i === 0 ? 10 : i === 2 ? 0 : 4)}">${escapeHtml(significant(v))}</text>`).join('');
  const scale = values.length === 0 ? '' : `<defs><linearGradient id="heat-scale" x1="0" y1="0" x2="0" y2="1">${stops}</linearGradient></defs><rect class="heat-scale" x="${scaleLeft}" y="${top}" width="16" height="${scaleHeight}" fill="url(#heat-scale)" stroke="#dde3ea"><title>${escapeHtml(`${labels.value}: ${significant(min)} (light) to ${significant(max)} (dark)`)}</title></rect>${scaleLabels}`;
  const width = Math.max(scaleLeft + 110, 620); // room for the title and the scale's labels
  const height = top + ys.length * cell + 40;
  return `<svg class="heatmap" xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" role="img" aria-label="${escapeHtml(`${labels.value} by ${labels.x} and ${labels.y}`)}">
<text x="${left}" y="16">${escapeHtml(`${labels.value} (mean) by ${labels.x} (x) and ${labels.y} (y)`)}</text>
${rects.join('\n')}
${xTicks.join('')}${yTicks.join('')}
${scale}
</svg>`;
}

export interface ScatterPoint {
  readonly x: number;
  readonly y: number;
  /** Index into the legend's groups (colour). */
  readonly group: number;
  readonly label: string;
  /** Drawn larger, ringed: the point the chart is about. */
  readonly highlight?: boolean;
}

/**
 * A scatter plot as inline SVG: points coloured by group, optional vertical limit lines (dashed),
 * axes with five ticks each. For points that share no x (uPlot wants one x per column).
 */
export function scatterSvg(title: string, points: readonly ScatterPoint[], options: { readonly x: string; readonly y: string; readonly groups: readonly string[]; readonly xLimits?: readonly { readonly at: number; readonly label: string }[]; readonly percent?: { readonly x?: boolean; readonly y?: boolean } }): string {
  const [width, height, left, top, right, bottom] = [760, 300, 64, 34, 20, 44];
  const xs = [...points.map((p) => p.x), ...(options.xLimits ?? []).map((l) => l.at)];
  const ys = points.map((p) => p.y);
  const span = (values: number[], percent: boolean): [number, number] => {
    const [low, high] = values.length === 0 ? [0, 1] : [Math.min(...values), Math.max(...values)];
    const pad = high > low ? (high - low) * 0.05 : Math.max(Math.abs(high) * 0.05, 0.01);
    // a probability's axis stays within [0, 1]
    return percent ? [Math.max(0, low - pad), Math.min(1, high + pad)] : [low - pad, high + pad];
  };
  const xPercent = options.percent?.x === true;
  const yPercent = options.percent?.y === true;
  const [x0, x1] = span(xs, xPercent);
  const [y0, y1] = span(ys, yPercent);
  const px = (x: number): number => left + ((x - x0) / (x1 - x0)) * (width - left - right);
  const py = (y: number): number => height - bottom - ((y - y0) / (y1 - y0)) * (height - top - bottom);
  const text = (v: number, percent: boolean): string => (percent ? `${significant(v * 100, 3)}%` : significant(v, 3));
  const ticks = (low: number, high: number): number[] => Array.from({ length: 5 }, (_, i) => low + ((high - low) * i) / 4);
  const axes = [
    `<line x1="${left}" y1="${height - bottom}" x2="${width - right}" y2="${height - bottom}" stroke="#94a3b8"/>`,
    `<line x1="${left}" y1="${top}" x2="${left}" y2="${height - bottom}" stroke="#94a3b8"/>`,
    ...ticks(x0, x1).map((v) => `<text x="${px(v).toFixed(1)}" y="${height - bottom + 16}" text-anchor="middle">${escapeHtml(text(v, xPercent))}</text>`),
    ...ticks(y0, y1).map((v) => `<text x="${left - 6}" y="${(py(v) + 4).toFixed(1)}" text-anchor="end">${escapeHtml(text(v, yPercent))}</text>`),
    `<text x="${(left + width - right) / 2}" y="${height - 6}" text-anchor="middle">${escapeHtml(options.x)}</text>`,
    `<text x="12" y="${(top + height - bottom) / 2}" text-anchor="middle" transform="rotate(-90 12 ${(top + height - bottom) / 2})">${escapeHtml(options.y)}</text>`,
  ];
  const limits = (options.xLimits ?? []).map((l) => `<line class="limit" x1="${px(l.at).toFixed(1)}" y1="${top}" x2="${px(l.at).toFixed(1)}" y2="${height - bottom}" stroke="#dc2626" stroke-dasharray="5 4"><title>${escapeHtml(l.label)}</title></line><text x="${(px(l.at) + 4).toFixed(1)}" y="${top + 12}" fill="#dc2626">${escapeHtml(l.label)}</text>`);
  const dots = [...points].sort((a, b) => Number(a.highlight === true) - Number(b.highlight === true)).map((p) => {
    const colour = COLORS[p.group % COLORS.length] as string;
    const ring = p.highlight === true ? ` stroke="#111827" stroke-width="2.5"` : '';
    return `<circle class="point" cx="${px(p.x).toFixed(1)}" cy="${py(p.y).toFixed(1)}" r="${p.highlight === true ? 7 : 4}" fill="${colour}" fill-opacity="0.8"${ring}><title>${escapeHtml(p.label)}</title></circle>`;
  });
  const legend = options.groups.map((g, i) => `<circle cx="${left + 8 + i * 150}" cy="${top - 8}" r="4" fill="${COLORS[i % COLORS.length] as string}"/><text x="${left + 16 + i * 150}" y="${top - 4}">${escapeHtml(g)}</text>`);
  return `<svg class="scatter" xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" role="img" aria-label="${escapeHtml(title)}">
<text x="${left}" y="14" font-weight="600">${escapeHtml(title)}</text>
${axes.join('')}${limits.join('')}
${dots.join('\n')}
${legend.join('')}
</svg>`;
}
