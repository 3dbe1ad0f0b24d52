/** The buy-and-hold benchmark in a run folder: its own file, its column, its line in the charts. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, scenarioFromObject, writeRun } from '../../src/api.js';
import { tempDir } from '../helpers.js';

const scenario = scenarioFromObject({
  name: 'msft',
  data: [{ symbol: 'MSFT', path: 'data/msft-daily-2000-2001.csv', lotStep: '1' }],
  account: { currency: 'USD', initialCapital: '100000' },
  costs: { feeBps: 10, slippageBps: 5 },
  strategy: { name: 'sma-cross', params: { fast: 5, slow: 20 } },
  sizing: { engine: 'fixed-fraction', params: { fraction: 0.3 } },
  goals: { list: [{ type: 'monthly_return', target: 0.01 }] },
});

const chartsOf = (html: string) => [...html.matchAll(/<script type="application\/json" id="chart-\d+">(.*?)<\/script>/g)].map((m) => JSON.parse(m[1] ?? '{}') as { title: string; series: { label: string; values: (number | null)[] }[] });

describe('a run folder with its benchmark', () => {
  it('writes benchmark.csv, a buy-and-hold column and a buy-and-hold line in the equity and drawdown charts', async () => {
    const out = tempDir();
    const result = await run(scenario);
    await writeRun(result, out);
    const benchmark = readFileSync(join(out, 'benchmark.csv'), 'utf8').trim().split('\n');
    expect(benchmark[0]).toBe('timestamp,equity,cash,exposure,drawdown');
    expect(benchmark).toHaveLength(readFileSync(join(out, 'equity.csv'), 'utf8').trim().split('\n').length);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as { benchmark: { name: string; finalEquity: string; symbols: string[]; goals: { months: number } } };
    expect(summary.benchmark).toMatchObject({ name: 'buy-and-hold', symbols: ['MSFT'], finalEquity: result.benchmark?.finalEquity.toFixed() });
    expect(benchmark.at(-1)?.split(',')[1]).toBe(String(Number(result.benchmark?.finalEquity.toNumber().toPrecision(10))));
    const md = readFileSync(join(out, 'report.md'), 'utf8');
    expect(md).toContain('| metric | this run | buy-and-hold |');
    expect(md).toMatch(/\| months meeting the return goal \(1\.0%\) \| \d+ of 13 \| \d+ of 13 \|/);
    const [equity, drawdown] = chartsOf(readFileSync(join(out, 'report.html'), 'utf8'));
    expect(equity?.series.map((s) => s.label)).toEqual(['equity (USD)', 'buy-and-hold']);
    expect(equity?.series[1]?.values.at(-1)).toBeCloseTo(result.benchmark?.finalEquity.toNumber() ?? NaN, 2);
    expect(drawdown?.series.map((s) => s.label)).toEqual(['drawdown', 'buy-and-hold drawdown']);
    expect(Math.min(...(drawdown?.series[1]?.values as number[]))).toBeCloseTo(-(result.benchmark?.metrics.maxDrawdown ?? NaN), 6);
  });

  it("leaves no other run's benchmark.csv behind when a run without one is written to the folder", async () => {
    const out = tempDir();
    writeFileSync(join(out, 'benchmark.csv'), 'timestamp,equity,cash,exposure,drawdown\n2000-01-01T00:00:00Z,1,1,0,0\n');
    await writeRun(await run(scenario, { benchmark: false }), out);
    expect(existsSync(join(out, 'benchmark.csv'))).toBe(false);
    expect(readFileSync(join(out, 'report.md'), 'utf8')).toContain('| metric | value |');
  });
});
