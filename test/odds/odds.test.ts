import { appendFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { runOdds, scenarioForEngine } from '../../src/odds/oddsRunner.js';
import { readOddsFile } from '../../src/odds/oddsFolder.js';
import { loadScenarioFile } from '../../src/scenario/load.js';
import { loadScenarioData } from '../../src/sim/loadData.js';
import { runScenario } from '../../src/sim/run.js';
import { BENCHMARK_NAME, buyAndHoldScenario } from '../../src/sim/benchmark.js';
import { goalsim, tempDir } from '../helpers.js';

const DAX = resolve('scenarios/compare/dax-pipeline.json');
const ENGINES = ['pipeline', 'goal-kelly', 'fixed-fraction', 'fixed-risk'];

type Row = Record<string, string>;
const csv = (dir: string, file: string): Row[] => parse(readFileSync(join(dir, file)), { columns: true }) as Row[];
const folderBytes = (dir: string): Record<string, string> => Object.fromEntries(readdirSync(dir).sort().map((file) => [file, readFileSync(join(dir, file), 'utf8')]));

describe('path 0', () => {
  it("is the history: every engine's figures equal a plain run of the scenario", async () => {
    const out = tempDir();
    await runOdds({ file: DAX, outDir: out, paths: 3, block: 'auto', engines: ENGINES, workers: 1, cache: false, twins: false });
    const rows = csv(out, 'paths.csv').filter((row) => row['path'] === '0');
    // the benchmark comes last unless it is left out
    expect(rows.map((row) => row['engine'])).toEqual([...ENGINES, BENCHMARK_NAME]);
    const resolved = loadScenarioFile(DAX);
    const data = await loadScenarioData(resolved);
    for (const row of rows) {
      const engine = row['engine'] as string;
      // the plain run keeps every tracker row, as `goalsim run` does; the odds keep only the outcome
      const result = await runScenario(engine === BENCHMARK_NAME ? buyAndHoldScenario(resolved) : scenarioForEngine(resolved, engine), data);
      const counts = result.goalTables?.counts;
      expect(row['final_equity'], engine).toBe(result.finalEquity.toFixed());
      expect(Number(row['max_drawdown']), engine).toBeCloseTo(result.metrics.maxDrawdown, 9);
      expect(Number(row['cagr']), engine).toBeCloseTo(result.metrics.cagr as number, 9);
      expect(Number(row['sharpe']), engine).toBeCloseTo(result.metrics.sharpe as number, 9);
      expect(row['months'], engine).toBe(String(counts?.months));
      expect(row['months_return_goal_met'], engine).toBe(String(counts?.monthsReturnGoalMet));
      expect(row['months_income_goal_met'], engine).toBe(String(counts?.monthsIncomeGoalMet));
      expect(row['error'], engine).toBe('');
    }
    // and `goalsim run` itself, for the scenario's own engine
    const runDir = tempDir();
    expect(goalsim(['run', DAX, '--out', runDir]).code).toBe(0);
    const summary = JSON.parse(readFileSync(join(runDir, 'summary.json'), 'utf8')) as { finalEquity: string; benchmark: { finalEquity: string } };
    expect(rows[0]?.['final_equity']).toBe(summary.finalEquity);
    // the odds' benchmark arm is the run's benchmark
    expect(rows.at(-1)?.['final_equity']).toBe(summary.benchmark.finalEquity);
    // the other paths are not the history
    expect(csv(out, 'paths.csv').filter((row) => row['path'] === '1' && row['engine'] === 'pipeline')[0]?.['final_equity']).not.toBe(summary.finalEquity);
  }, 60_000);
});

/** Standard normal CDF (Abramowitz & Stegun 7.1.26, |error| < 1.5e-7). */
function normalCdf(x: number): number {
  const t = 1 / (1 + (0.3275911 * Math.abs(x)) / Math.SQRT2);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-(x * x) / 2);
  return x >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
}

describe('a lognormal world', () => {
  it('P(final equity > K) at 4,000 paths brackets the lognormal probability, for three K', async () => {
    // 251 daily bars whose log returns are i.i.d. normal (mean 0.0004, sd 0.01, drawn once with a
    // fixed generator), open = previous close. Buy and hold: one buy signal on the first bar,
    // sized with fixed-fraction 1.0 (fills at the next open, which is the first close), no costs.
    // Final equity = capital x exp(S), S the sum of the 250 resampled returns. With a block
    // length of 1 the bootstrap draws those returns independently from the history's 250, so S
    // is (by the CLT, to well under the interval) normal with mean 250 m and variance 250 v,
    // m and v the history's mean and (1/n) variance: P(final > K) = 1 - Phi((ln(K/C) - 250 m) / sqrt(250 v)).
    const dir = tempDir();
    let state = 42;
    const uniform = (): number => {
      state = (state * 1103515245 + 12345) % 2147483648; // a fixed LCG: the history is part of the test
      return (state + 0.5) / 2147483648;
    };
    const returns = Array.from({ length: 250 }, () => 0.0004 + 0.01 * Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform()));
    const lines = ['timestamp,open,high,low,close,volume'];
    let close = 100;
    const closes = [close];
    const day = (i: number): string => new Date(Date.UTC(2021, 0, 4) + i * 86_400_000).toISOString().slice(0, 10);
    lines.push(`${day(0)},100,100,100,100,1000`);
    returns.forEach((r, i) => {
      const open = close;
      close = Math.round(open * Math.exp(r) * 1e6) / 1e6;
      closes.push(close);
      lines.push(`${day(i + 1)},${open},${Math.max(open, close)},${Math.min(open, close)},${close},1000`);
    });
    writeFileSync(join(dir, 'bars.csv'), `${lines.join('\n')}\n`);
    writeFileSync(join(dir, 'signals.csv'), `timestamp,symbol,side,confidence,stop_loss_pct\n${day(0)},SYN,buy,1,0.99\n`);
    writeFileSync(
      join(dir, 'scenario.json'),
      JSON.stringify({
        name: 'lognormal',
        data: [{ symbol: 'SYN', path: 'bars.csv', lotStep: '0.000001', minNotional: '0' }, { kind: 'signals', path: 'signals.csv' }],
        account: { initialCapital: '100000' },
        costs: { feeBps: 0, slippageBps: 0 },
        strategy: { name: 'signals' },
        sizing: { engine: 'fixed-fraction', params: { fraction: 1 } },
        seed: 7,
      }),
    );
    const out = join(dir, 'out');
    await runOdds({ file: join(dir, 'scenario.json'), outDir: out, paths: 4000, block: 1, engines: ['fixed-fraction'], workers: 2, cache: false });
    const all = csv(out, 'paths.csv');
    expect(all.every((row) => row['error'] === '')).toBe(true);
    // this scenario is buy and hold itself: the benchmark arm ends every path where it does
    const rows = all.filter((row) => row['engine'] === 'fixed-fraction');
    const benchmark = all.filter((row) => row['engine'] === BENCHMARK_NAME);
    expect(rows.length).toBe(4000);
    expect(benchmark.map((row) => row['final_equity'])).toEqual(rows.map((row) => row['final_equity']));
    const history = closes.slice(1).map((c, i) => Math.log(c / (closes[i] as number)));
    const m = history.reduce((a, b) => a + b, 0) / history.length;
    const v = history.reduce((a, r) => a + (r - m) ** 2, 0) / history.length;
    const finals = rows.map((row) => Number(row['final_equity']));
    for (const z of [-1, 0, 1]) {
      const K = 100_000 * Math.exp(250 * m + z * Math.sqrt(250 * v));
      const lognormal = 1 - normalCdf((Math.log(K / 100_000) - 250 * m) / Math.sqrt(250 * v));
      const share = finals.filter((f) => f > K).length / finals.length;
      // Wilson 95 % interval of the share at n = 4000
      const n = 4000;
      const zz = 1.959963984540054 ** 2;
      const center = (share + zz / (2 * n)) / (1 + zz / n);
      const half = (Math.sqrt(zz) * Math.sqrt((share * (1 - share)) / n + zz / (4 * n * n))) / (1 + zz / n);
      expect(lognormal, `K at ${z} sd: share ${share}`).toBeGreaterThan(center - half);
      expect(lognormal, `K at ${z} sd: share ${share}`).toBeLessThan(center + half);
    }
  }, 120_000);
});

describe('the odds folder', () => {
  it('is byte-identical on 1 and 2 workers, from three shards merged, and when re-rendered', () => {
    const dir = tempDir();
    const args = (out: string, ...more: string[]): string[] => ['odds', DAX, '--paths', '12', '--engines', 'pipeline,fixed-risk', '--seed', 'same', '--bars-per-worker', '0', '--out', out, ...more];
    expect(goalsim(args(join(dir, 'one'), '--workers', '1')).code).toBe(0);
    expect(goalsim(args(join(dir, 'two'), '--workers', '2')).code).toBe(0);
    for (const i of [1, 2, 3]) expect(goalsim(args(join(dir, `shard-${i}`), '--workers', '2', '--shard', `${i}/3`)).code).toBe(0);
    expect(readOddsFile(join(dir, 'shard-2')).counts.paths, 'paths 1, 4, 7, 10').toBe(4);
    const merged = goalsim(['merge', join(dir, 'shard-1'), join(dir, 'shard-2'), join(dir, 'shard-3'), '--out', join(dir, 'merged')]);
    expect(merged.code, merged.stderr).toBe(0);
    const one = folderBytes(join(dir, 'one'));
    expect(Object.keys(one)).toEqual(['fan.csv', 'odds.json', 'paths.csv', 'paths.jsonl', 'report.html', 'report.md']);
    expect(folderBytes(join(dir, 'two'))).toEqual(one);
    expect(folderBytes(join(dir, 'merged'))).toEqual(one);
    expect(goalsim(['report', join(dir, 'one')]).code).toBe(0);
    expect(folderBytes(join(dir, 'one'))).toEqual(one);
    expect(one['report.md']).toContain('## Odds per engine');
    expect(one['report.html']).toContain('data-chart="fan-1"');
  }, 120_000);

  it('resumes: a run extended from 4 to 8 paths, its log torn, computes only the new ones and equals a fresh run', async () => {
    const dir = tempDir();
    const options = { file: DAX, block: 'auto' as const, engines: ['fixed-risk'], workers: 1, cache: false, seed: 'r' };
    await runOdds({ ...options, outDir: join(dir, 'resumed'), paths: 4 });
    // a crash mid-append leaves a torn last line: dropped with a warning, and its path runs again
    appendFileSync(join(dir, 'resumed', 'paths.jsonl'), '{"path":5,"seed":"r:5","engi');
    let computed = -1;
    const warnings: string[] = [];
    await runOdds({ ...options, outDir: join(dir, 'resumed'), paths: 8, resume: true, onProgress: (_done, total) => (computed = total), onWarning: (m) => warnings.push(m) });
    expect(computed).toBe(4);
    expect(warnings).toEqual([expect.stringMatching(/paths\.jsonl:5: dropped an incomplete last record \(\d+ bytes\); its path runs again/)]);
    await runOdds({ ...options, outDir: join(dir, 'fresh'), paths: 8 });
    expect(folderBytes(join(dir, 'resumed'))).toEqual(folderBytes(join(dir, 'fresh')));
  }, 60_000);
});

describe('a path that fails', () => {
  it('is recorded with its error; the other paths finish; exit 1', () => {
    const dir = tempDir();
    // throws when the second bar closes above the first: some resampled paths do, others do not
    writeFileSync(join(dir, 'strategy.mjs'), ['export function createStrategy() {', '  return { onBar(ctx) {', "    if (ctx.bars.length === 2 && ctx.bars.close(1) > ctx.bars.close(0)) throw new Error('up on day two');", '    return [];', '  } };', '}'].join('\n'));
    const scenario = JSON.parse(readFileSync(DAX, 'utf8')) as Record<string, unknown> & { data: { path: string }[] };
    scenario['strategy'] = { name: 'module', module: 'strategy.mjs' };
    scenario.data[0] = { ...scenario.data[0], path: resolve('data/dax-daily-close-1991-1998.csv') } as { path: string };
    writeFileSync(join(dir, 'scenario.json'), JSON.stringify(scenario));
    const out = join(dir, 'out');
    const run = goalsim(['odds', join(dir, 'scenario.json'), '--paths', '16', '--engines', 'fixed-fraction', '--no-benchmark', '--out', out]);
    expect(run.code, run.stderr).toBe(1);
    const rows = csv(out, 'paths.csv');
    expect(rows.length).toBe(16);
    const failed = rows.filter((row) => row['error'] !== '');
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.length).toBeLessThan(16);
    expect(failed[0]?.['error']).toBe('up on day two');
    expect(failed[0]?.['final_equity']).toBe('');
    expect(readOddsFile(out).results.engines[0]?.paths).toBe(16 - failed.length);
  }, 60_000);
});

describe('odds usage errors', () => {
  it.each([
    [['--paths', '0'], /--paths 0: give a whole number of paths, at least 1/],
    [['--block', '0.5'], /--block 0\.5: a mean block length is at least 1 bar; or use --block auto/],
    [['--block', 'long'], /--block "long": give auto or a mean block length in bars/],
    [['--engines', 'pipeline,martingale'], /--engines: unknown engine "martingale"; the engines are fixed-fraction, fixed-risk, kelly, pipeline, goal-kelly/],
    [['--ruin', '1.5'], /--ruin 1\.5: a share of the initial capital between 0 and 1/],
    [['--arms', 'no-such-arms.json'], /--arms no-such-arms\.json: no such file/],
    [['--arms', '[{"name": "ff", "sizing": {"engine": "fixed-fraction", "params": {"fraction": 0}}}]'], /--arms: \[0\]: cannot size this scenario: sizing\.params\.fraction /],
  ])('%s exits 2 with one line naming the option', (extra, message) => {
    const run = goalsim(['odds', DAX, '--out', join(tempDir(), 'x'), ...extra]);
    expect(run.code).toBe(2);
    expect(run.stderr.split('\n')[0]).toMatch(message);
  });

  it('a scenario with no bars in its period exits 2 naming the period', () => {
    const dir = tempDir();
    const scenario = JSON.parse(readFileSync(DAX, 'utf8')) as Record<string, unknown> & { data: { path: string }[] };
    scenario['period'] = { start: '2005-01-01', end: '2006-01-01' };
    scenario.data[0] = { ...scenario.data[0], path: resolve('data/dax-daily-close-1991-1998.csv') } as { path: string };
    writeFileSync(join(dir, 'scenario.json'), JSON.stringify(scenario));
    const run = goalsim(['odds', join(dir, 'scenario.json'), '--out', join(dir, 'out')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/period: holds no bars: the data runs from 1991-/);
  });
});

describe('arms and the goal effect from the command line', () => {
  it('runs arms as configured with their twins, prints the goal effect, and skips twins on --no-twins', () => {
    const out = join(tempDir(), 'arms');
    const arms = '[{"name": "ff-15", "sizing": {"engine": "fixed-fraction", "params": {"fraction": 0.15}}}, {"name": "pipe", "sizing": {"engine": "pipeline", "params": {"maxPositionPct": 0.3}}}]';
    const run = goalsim(['odds', DAX, '--paths', '6', '--block', '3', '--arms', arms, '--workers', '1', '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    const file = readOddsFile(out);
    expect(file.engines.map((e) => e.engine)).toEqual(['ff-15', 'pipe', 'pipe:goal-off', 'buy-and-hold']);
    // the benchmark is recorded with its own strategy and equal weights
    expect(file.engines.at(-1)).toMatchObject({ benchmark: { name: 'buy-and-hold' }, sizing: { engine: 'fixed-fraction', params: { fraction: 1 } } });
    expect(file.engines[0]?.sizing).toEqual({ engine: 'fixed-fraction', params: { fraction: 0.15 } });
    expect(file.results.goalEffects.map((g) => [g.arm, g.twin])).toEqual([['pipe', 'pipe:goal-off']]);
    expect(run.stdout).toMatch(/goal effect: each arm against its goal-off twin/);
    expect(run.stdout).toMatch(/pipe − pipe:goal-off/);
    expect(readFileSync(join(out, 'report.md'), 'utf8')).toMatch(/## The goal effect[\s\S]*\| pipe − pipe:goal-off \|/);
    const plain = join(tempDir(), 'plain');
    expect(goalsim(['odds', DAX, '--paths', '2', '--block', '3', '--arms', arms, '--no-twins', '--no-benchmark', '--workers', '1', '--out', plain]).code).toBe(0);
    expect(readOddsFile(plain).engines.map((e) => e.engine)).toEqual(['ff-15', 'pipe']);
    expect(readOddsFile(plain).results.goalEffects).toEqual([]);
  }, 60_000);
});

describe('--match from the command line', () => {
  it('prints the matched values, labels the matched arms and leads the report with the matched sentence', () => {
    const out = join(tempDir(), 'matched');
    const run = goalsim(['odds', DAX, '--paths', '4', '--block', '3', '--engines', 'pipeline,fixed-fraction', '--match', 'exposure', '--workers', '1', '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Risk-matched by mean exposure: each baseline's size was set by bisection on the history/m);
    expect(run.stdout).toMatch(/^fixed-fraction: sizing\.params\.fraction 0\.1 → 0\.\d+ \(mean exposure \d+\.\d+% on the history, \d+ runs\)$/m);
    expect(run.stdout).toMatch(/^At pipeline's mean exposure of \d+\.\d% on the history, pipeline's goal changes/m);
    // the benchmark is not scaled, and the headline gives it for scale
    expect(run.stdout).toMatch(/^Not matched: pipeline:goal-off, buy-and-hold \(/m);
    expect(run.stdout).toMatch(/For scale: buy-and-hold of the same symbols, at a median mean exposure of \d+%, meets it in \d+\.\d% \[\d+\.\d%, \d+\.\d%\] of the months \(pipeline: /);
    const md = readFileSync(join(out, 'report.md'), 'utf8');
    expect(md).toMatch(/fixed-fraction \(sizing\.params\.fraction matched to pipeline's mean exposure\)/);
    expect(md).toMatch(/pipeline:goal-off \(as configured, the goal-off twin of pipeline\)/);
  }, 60_000);

  it('exits 2 on an unknown way of matching', () => {
    const run = goalsim(['odds', DAX, '--paths', '2', '--match', 'sharpe', '--out', join(tempDir(), 'x')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/match/);
  });
});

describe('odds that cannot mislead', () => {
  it("warns when the history lies outside the paths' 5-95 % range, and counts what a conditional figure rests on", () => {
    // 600 days of 60-day trends up and down (+-1 % a day, small noise): a breakout strategy rides
    // the history's trends, while one-bar blocks shuffle them into a driftless walk
    const dir = tempDir();
    let state = 5;
    const noise = (): number => ((state = (state * 48271) % 2147483647) / 2147483647 - 0.5) * 0.002;
    const lines = ['timestamp,close'];
    let close = 100;
    for (let i = 0; i < 600; i++) {
      close *= 1 + (Math.floor(i / 60) % 2 === 0 ? 0.01 : -0.01) + noise();
      lines.push(`${new Date(Date.UTC(2010, 0, 4) + i * 86_400_000).toISOString().slice(0, 10)},${close.toFixed(2)}`);
    }
    writeFileSync(join(dir, 'trend.csv'), `${lines.join('\n')}\n`);
    const scenario = {
      name: 'trend',
      data: [{ symbol: 'T', path: 'trend.csv', kind: 'close', lotStep: '0.001' }],
      account: { currency: 'EUR', initialCapital: '100000' },
      costs: { feeBps: 5 },
      strategy: { name: 'breakout', params: { entry: 20, exit: 10, stopLossPct: 0.05, confidence: 0.8 } },
      sizing: { engine: 'fixed-fraction', params: { fraction: 0.5 } },
      goals: { list: [{ type: 'portfolio_value', target: 150000 }] },
      tracker: { intervalMinutes: 1440 },
      seed: 1,
    };
    writeFileSync(join(dir, 'trend.json'), JSON.stringify(scenario));
    const out = join(dir, 'out');
    const run = goalsim(['odds', join(dir, 'trend.json'), '--paths', '60', '--block', '1', '--engines', 'fixed-fraction', '--workers', '1', '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    const history = readOddsFile(out).results.engines[0]?.history;
    expect(history?.sharpe).toBeGreaterThan(0.95);
    expect(run.stderr).toMatch(/warning: fixed-fraction: the history's Sharpe ratio is at the \d+th percentile of the paths, above nearly all of them: .*try a longer --block \(e\.g\. 20\)/);
    expect(readFileSync(join(out, 'report.md'), 'utf8')).toMatch(/> warning: fixed-fraction: the history's Sharpe ratio/);
    // the median days to the target says how many paths it rests on
    expect(run.stdout).toMatch(/\d+ \(\d+ of 60 paths\)|–/);
    const target = readOddsFile(out).results.engines[0]?.portfolioTarget;
    expect(target?.reached).toBe(Math.round((target?.probability ?? 0) * 60));
  }, 60_000);
});
