/// <reference lib="dom" />
/**
 * Opens the run, sweep, odds, walk-forward and comparison reports in real headless Chromium (Debian's, driven by
 * playwright-core): every chart must draw (canvas pixels or SVG cells), with no console errors
 * and no network requests. Screenshots go to reports/screenshots/.
 */
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { goalsim, tempDir } from '../helpers.js';

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const SHOTS = resolve('reports/screenshots');
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install chromium (or set CHROMIUM_PATH)`);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
  mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => browser?.close());

interface AxisCheck {
  readonly title: string;
  /** The plot area's left edge, in CSS px: equal for every time chart of a page. */
  readonly plotLeft: number;
  readonly time: boolean;
  readonly labels: readonly string[];
  /** Width the axis was given, and what its widest label needs (text, tick and gap), in CSS px. */
  readonly size: number;
  readonly needed: number;
}

interface PageCheck {
  readonly errors: string[];
  readonly requests: string[];
  readonly charts: number;
  readonly blankCharts: number;
  readonly heatmapCells: number;
  readonly heatScale: number;
  readonly intervalBars: number;
  readonly yAxes: readonly AxisCheck[];
}

async function open(file: string, shot: string): Promise<PageCheck> {
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  const errors: string[] = [];
  const requests: string[] = [];
  const url = pathToFileURL(file).href;
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('request', (request) => {
    if (request.url() !== url && !request.url().startsWith('data:')) requests.push(request.url());
  });
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => document.body.dataset['chartsDrawn'] !== undefined);
  const check = await page.evaluate(() => {
    const canvases = Array.from(document.querySelectorAll('.uplot canvas')) as HTMLCanvasElement[];
    const blank = canvases.filter((canvas) => {
      const data = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data;
      if (data === undefined) return true;
      for (let i = 3; i < data.length; i += 4) if ((data[i] as number) > 0) return false;
      return true;
    }).length;
    interface Axis { _values: string[] | null; _size: number; font: string[]; ticks: { size: number }; gap: number }
    const charts = ((window as unknown as { goalsimCharts?: { root: HTMLElement; axes: Axis[]; ctx: CanvasRenderingContext2D; bbox: { left: number }; scales: { x: { time: boolean } } }[] }).goalsimCharts ?? []);
    const yAxes = charts.map((u) => {
      const axis = u.axes[1] as Axis;
      const labels = axis._values ?? [];
      u.ctx.font = axis.font[0] as string;
      const widest = Math.max(0, ...labels.map((label) => u.ctx.measureText(label).width / devicePixelRatio));
      return { title: u.root.querySelector('.u-title')?.textContent ?? '', labels, size: axis._size, needed: widest + axis.ticks.size + axis.gap, plotLeft: u.bbox.left / devicePixelRatio, time: u.scales.x.time };
    });
    return { charts: canvases.length, blankCharts: blank, heatmapCells: document.querySelectorAll('svg.heatmap rect:not(.heat-scale)').length, heatScale: document.querySelectorAll('svg.heatmap rect.heat-scale').length, intervalBars: document.querySelectorAll('svg.odds-bars rect').length, yAxes };
  });
  await page.screenshot({ path: join(SHOTS, shot), fullPage: true });
  await page.close();
  return { errors, requests, ...check };
}

describe('reports in headless Chromium', () => {
  const work = tempDir();
  const runs = ['pipeline', 'fixed-risk'].map((engine) => {
    const out = join(work, engine);
    const run = goalsim(['run', `scenarios/compare/dax-${engine}.json`, '--out', out]);
    if (run.code !== 0) throw new Error(run.stderr);
    return out;
  });

  it('run report: every chart draws, no console errors, no network', async () => {
    const check = await open(join(runs[0] as string, 'report.html'), 'run-report.png');
    expect(check.errors).toEqual([]);
    expect(check.requests, 'the report must work offline').toEqual([]);
    // equity, drawdown, three goals, position sizes, goal factor, the goal's effect on quantities;
    // no risk chart: the pipeline does not size from the tracker's risk
    expect(check.charts).toBe(8);
    expect(check.blankCharts).toBe(0);
    // the time charts' plot areas start at one x, so that their time axes line up
    const lefts = check.yAxes.filter((axis) => axis.time).map((axis) => axis.plotLeft);
    expect(lefts.length).toBe(8);
    expect(new Set(lefts).size, lefts.join(' ')).toBe(1);
  });

  it('run report: every y axis fits its labels, negative values keep their sign, no two ticks read the same', async () => {
    const check = await open(join(runs[1] as string, 'report.html'), 'run-report-fixed-risk.png');
    expect(check.yAxes.length, 'fixed-risk has no goal factor: two charts fewer than the pipeline run').toBe(6);
    for (const axis of check.yAxes) {
      expect(axis.size, `${axis.title}: axis ${axis.size} px for labels needing ${axis.needed.toFixed(1)} px`).toBeGreaterThanOrEqual(axis.needed);
      expect(new Set(axis.labels).size, `${axis.title}: ${axis.labels.join(' ')}`).toBe(axis.labels.length);
    }
    // drawdown is drawn below zero, and fixed-risk's monthly return falls behind its schedule below zero: both keep the minus sign
    for (const title of [/^Drawdown/, /^monthly_return/]) {
      const axis = check.yAxes.find((a) => title.test(a.title));
      expect(axis?.labels.some((label) => /^-\d/.test(label)), `${String(title)}: ${axis?.labels.join(' ')}`).toBe(true);
    }
  });

  it('odds report: a fan per engine, the time-to-target curve and the interval bars draw', async () => {
    const out = join(work, 'odds');
    expect(goalsim(['odds', 'scenarios/odds/dax-goals.json', '--paths', '40', '--workers', '2', '--out', out]).code).toBe(0);
    const check = await open(join(out, 'report.html'), 'odds-report.png');
    expect(check.errors).toEqual([]);
    expect(check.requests).toEqual([]);
    // the four engines, the goal-off twins of the two goal-aware ones and buy-and-hold
    expect(check.charts, 'seven fans and the time-to-target curve').toBe(8);
    expect(check.blankCharts).toBe(0);
    expect(check.intervalBars, 'five probabilities x seven arms').toBe(35);
    const fans = check.yAxes.slice(0, 7);
    expect(new Set(fans.map((axis) => axis.labels.join(' '))).size, 'the fans share one y scale').toBe(1);
  });

  it('sweep report: the heat map and the ranking render', async () => {
    const out = join(work, 'sweep');
    expect(goalsim(['sweep', 'scenarios/sweeps/goal-thresholds.json', '--workers', '2', '--out', out]).code).toBe(0);
    const check = await open(join(out, 'report.html'), 'sweep-report.png');
    expect(check.errors).toEqual([]);
    expect(check.requests).toEqual([]);
    expect(check.heatmapCells, '3 ahead values x 3 onTrackMin values').toBe(9);
    expect(check.heatScale, 'a colour scale beside the cells').toBe(1);
    // 27 thresholds within 0.004 of one another: inside one Sharpe ratio's standard error
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toMatch(/one Sharpe ratio measured over these 7\.1 years has a standard error of about 0\.3\d, so the whole range lies inside one standard error and the colours show noise\./);
    expect(check.charts, "the audit's logit histogram and out-of-sample scatter").toBe(2);
    expect(check.blankCharts).toBe(0);
    const md = readFileSync(join(out, 'report.md'), 'utf8');
    const lines = md.split('\n');
    const column = (lines.find((line) => line.startsWith('| rank |')) ?? '').split('|').map((cell) => cell.trim()).indexOf('objective');
    expect(column).toBeGreaterThan(0);
    const objectives = lines.filter((line) => /^\| \d+ \|/.test(line)).map((line) => line.split('|')[column]?.trim() ?? '');
    expect(objectives.length).toBeGreaterThan(0);
    for (const cell of objectives) expect(cell.replace(/^-|\.|^0\.0*/g, '').length, `${cell}: 4 significant digits at most`).toBeLessThanOrEqual(4);
  });

  it('walk-forward report: the per-window objective, the equity against the whole-period best and the chosen parameters draw', async () => {
    const out = join(work, 'walk-forward');
    expect(goalsim(['walk-forward', 'scenarios/sweeps/goal-thresholds.json', '--train', '36m', '--test', '6m', '--workers', '2', '--out', out]).code).toBe(0);
    const check = await open(join(out, 'report.html'), 'walk-forward-report.png');
    expect(check.errors).toEqual([]);
    expect(check.requests).toEqual([]);
    expect(check.charts, 'objective per window, equity, and one chart per swept threshold (3)').toBe(5);
    expect(check.blankCharts).toBe(0);
    for (const axis of check.yAxes) expect(axis.size, `${axis.title}: axis ${axis.size} px for labels needing ${axis.needed.toFixed(1)} px`).toBeGreaterThanOrEqual(axis.needed);
    const oos = await open(join(out, 'oos', 'report.html'), 'walk-forward-oos-report.png');
    expect(oos.errors).toEqual([]);
    expect(oos.blankCharts).toBe(0);
  });

  it('comparison report: the overlaid equity chart draws', async () => {
    const out = join(work, 'compare');
    expect(goalsim(['report', ...runs, '--compare', '--out', out]).code).toBe(0);
    const check = await open(join(out, 'report.html'), 'comparison-report.png');
    expect(check.errors).toEqual([]);
    expect(check.requests).toEqual([]);
    expect(check.charts).toBe(1);
    expect(check.blankCharts).toBe(0);
    expect(statSync(join(out, 'report.html')).size).toBeLessThan(2_000_000);
  });
});
