import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { goalsim, tempDir } from '../helpers.js';

describe('run reports', () => {
  const out = join(tempDir(), 'dax');
  const run = goalsim(['run', 'scenarios/compare/dax-pipeline.json', '--out', out]);

  it('are written by run and re-rendered byte for byte from the files alone', () => {
    expect(run.code, run.stderr).toBe(0);
    const [html, md] = [readFileSync(join(out, 'report.html'), 'utf8'), readFileSync(join(out, 'report.md'), 'utf8')];
    expect(goalsim(['report', out]).code).toBe(0);
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toBe(html);
    expect(readFileSync(join(out, 'report.md'), 'utf8')).toBe(md);
  });

  it('are self-contained: no external script, stylesheet or image', () => {
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=|<img[^>]+src=|url\(\s*['"]?https?:/);
    expect(html).toContain('uPlot');
    expect(statSync(join(out, 'report.html')).size).toBeLessThan(2_000_000);
  });

  it('show monthly returns that agree with the tracker (computed independently: from equity.csv vs the simulation)', () => {
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as { goals: { byMonth: { month: string; return: number }[] } };
    const md = readFileSync(join(out, 'report.md'), 'utf8');
    const rows = new Map([...md.matchAll(/^\| (\d{4}-\d{2}) \| (-?[\d.]+)% \|/gm)].map((m) => [m[1], Number(m[2])]));
    expect(rows.size).toBe(summary.goals.byMonth.length);
    for (const month of summary.goals.byMonth) expect(rows.get(month.month), month.month).toBeCloseTo(month.return * 100, 2);
  });
});

describe('what a report says about its own figures', () => {
  it('marks metrics annualised from fewer than 60 daily returns, in the CLI and the report', () => {
    const dir = tempDir();
    const scenario = JSON.parse(readFileSync('scenarios/compare/dax-pipeline.json', 'utf8')) as Record<string, unknown> & { data: { path: string }[] };
    // one month: March 1995 has 23 trading days, so 22 daily returns
    scenario['period'] = { start: '1995-03-01', end: '1995-03-31' };
    scenario.data[0] = { ...scenario.data[0], path: join(process.cwd(), 'data/dax-daily-close-1991-1998.csv') } as { path: string };
    writeFileSync(join(dir, 'month.json'), JSON.stringify(scenario));
    const run = goalsim(['run', join(dir, 'month.json'), '--out', join(dir, 'out')]);
    expect(run.code).toBe(0);
    // the run's column and its buy-and-hold benchmark's, both marked
    expect(run.stdout).toMatch(/CAGR\s+-?\d+\.\d+% \*\s+-?\d+\.\d+% \*\n/);
    // a Calmar without a drawdown is a dash, never marked
    expect(run.stdout).toMatch(/Calmar\s+(-?\d+\.\d+ \*|–)\s+(-?\d+\.\d+ \*|–)\n/);
    expect(run.stdout).toContain('* annualised from 22 daily returns (fewer than 60): read with care');
    const md = readFileSync(join(dir, 'out', 'report.md'), 'utf8');
    expect(md).toMatch(/\| CAGR \| -?\d+\.\d+% \* \| -?\d+\.\d+% \* \|/);
    expect(md).toContain('* annualised from 22 daily returns (fewer than 60): read with care.');
    expect(md).toContain('Income is the realised P&L of the month');
    // seven years are not marked
    const full = goalsim(['run', 'scenarios/compare/dax-pipeline.json', '--out', join(dir, 'full')]);
    expect(full.stdout).not.toContain('annualised from');
    expect(full.stdout).toMatch(/CAGR\s+\d+\.\d+%\s+\d+\.\d+%\n/);
  });
});

describe('goals that read at a glance', () => {
  it('draws each monthly goal month by month and the risk as a step line of its changes', () => {
    const out = tempDir();
    // goal-kelly sizes from the tracker's risk, so its report charts it
    expect(goalsim(['run', 'scenarios/compare/dax-goal-kelly.json', '--out', out]).code).toBe(0);
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as { goals: { months: number; monthsReturnGoalMet: number; monthsIncomeGoalMet: number } };
    const grids = html.split('<svg class="month-grid"').slice(1).map((svg) => svg.slice(0, svg.indexOf('</svg>')));
    expect(grids.length, 'monthly_return and monthly_income').toBe(2);
    const green = (svg: string): number => (svg.match(/<rect x=[^>]*fill="#(4ade80|15803d)"/g) ?? []).length;
    for (const svg of grids) expect((svg.match(/<rect x=/g) ?? []).length, 'one cell per month').toBe(summary.goals.months);
    for (const svg of grids) expect((svg.match(/<rect class="legend"/g) ?? []).length, 'a legend of six swatches').toBe(6);
    // the monthly table counts a month met at its end, as the tracker does
    expect(green(grids[0] ?? '')).toBe(summary.goals.monthsReturnGoalMet);
    expect(green(grids[1] ?? '')).toBe(summary.goals.monthsIncomeGoalMet);
    const charts = [...html.matchAll(/<script type="application\/json" id="chart-\d+">(.*?)<\/script>/g)].map((m) => JSON.parse(m[1] ?? '{}') as { title: string; series: { step?: boolean; bars?: boolean; label: string; values: number[] }[] });
    // a monthly goal as one bar per month, where the month ended against the target, not a sawtooth
    const monthly = charts.find((c) => c.title.startsWith('monthly_return: where each month ended'));
    expect(monthly?.series.map((series) => [series.label, series.bars === true, series.values.length])).toEqual([
      ['month end', true, summary.goals.months],
      ['target', false, summary.goals.months],
    ]);
    const monthTable = html.slice(html.indexOf('<h2>Months</h2>'));
    const firstReturn = Number((/<td class="num">(-?[\d.]+)%<\/td>/.exec(monthTable) ?? [])[1]) / 100;
    expect(monthly?.series[0]?.values[0]).toBeCloseTo(firstReturn / 0.1, 3);
    expect(charts.some((c) => c.title.startsWith('monthly_return: progress against schedule'))).toBe(false);
    const risk = charts.find((c) => c.title.startsWith("Tracker's risk"));
    expect(risk?.series[0]?.step).toBe(true);
    const values = risk?.series[0]?.values ?? [];
    // only where the risk changed (and the last cycle): no two neighbours alike but at the end
    expect(values.slice(1, -1).every((v, i) => v !== values[i])).toBe(true);
    expect(risk?.title, 'hundreds of adjustments: the steps are the marks').toMatch(/^Tracker's risk per trade \(\d+ adjustments: each step is one\)$/);
    expect(readFileSync(join(out, 'report.md'), 'utf8')).toMatch(/\| the tracker's risk feeds \| the risk amount: equity x the risk per trade/);
  });

  it("leaves the tracker's risk out of the charts of an engine that does not size from it, and says so", () => {
    const out = tempDir();
    const run = goalsim(['run', 'scenarios/compare/dax-fixed-risk.json', '--out', out]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/the tracker's risk feeds\s+nothing: fixed-risk does not size from it/);
    expect(run.stdout).toMatch(/months meeting the return goal \(10\.0%\)\s+\d+ of \d+/);
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).not.toMatch(/Tracker's risk per trade/);
    expect(JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')).sizing).toMatchObject({ engine: 'fixed-risk', trackerRisk: null });
  });
});
