/**
 * `goalsim walk-forward` end to end: each window's pick is its train period's sweep winner, a
 * sweep of noise keeps nothing out of sample, and the folder is the same bytes whatever the
 * workers, shards or resumes.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runSweep } from '../../src/parallel/sweepRunner.js';
import { runWalkForward } from '../../src/walkforward/runner.js';
import { folderBytes, goalsim, tempDir } from '../helpers.js';

const DAX_SWEEP = 'scenarios/sweeps/goal-thresholds.json';
const NOISE_SWEEP = 'test/walkforward/fixtures/noise-sweep.json';

/** Every file under `dir` with its bytes, by path. */

describe('walk-forward of the shipped DAX goal-threshold sweep', () => {
  it("picks, in each window, the winner of that window's train period swept on its own, and compares with the whole period's winner", async () => {
    const out = tempDir();
    const run = await runWalkForward({ file: DAX_SWEEP, outDir: out, train: '36m', test: '6m', workers: 2 });
    const summary = run.summary;
    if (summary === null) throw new Error('the walk-forward did not finish');
    expect(summary.windows).toHaveLength(8);
    const sweep = JSON.parse(readFileSync(DAX_SWEEP, 'utf8')) as Record<string, unknown>;
    const base = JSON.parse(readFileSync('scenarios/compare/dax-pipeline.json', 'utf8')) as { data: { path: string }[]; period: Record<string, unknown> };
    base.data = base.data.map((source) => ({ ...source, path: resolve('scenarios/compare', source.path) }));
    for (const window of [summary.windows[0], summary.windows[5]]) {
      if (window === undefined) throw new Error('missing window');
      const dir = tempDir();
      writeFileSync(join(dir, 'base.json'), JSON.stringify({ ...base, period: { start: window.trainFirst, end: window.trainLast, warmup: true } }));
      writeFileSync(join(dir, 'sweep.json'), JSON.stringify({ ...sweep, base: 'base.json' }));
      const alone = await runSweep({ file: join(dir, 'sweep.json'), outDir: join(dir, 'out'), workers: 1 });
      expect(alone.rows[0]?.rank).toBe(1);
      expect(window.variant).toBe(alone.rows[0]?.variant.id);
      expect(window.inSampleObjective).toBe(alone.rows[0]?.objective);
    }
    const whole = await runSweep({ file: DAX_SWEEP, outDir: join(tempDir(), 'whole'), workers: 2 });
    expect(summary.wholePeriodBest?.variant).toBe(whole.rows[0]?.variant.id);
    expect(summary.wholePeriodBest?.objective).toBe(whole.rows[0]?.objective);
    // the windows' test periods tile the account's period, and the account's months are theirs
    expect(summary.outOfSample.goals?.months).toBe(summary.windows.reduce((sum, w) => sum + (w.months ?? 0), 0));
    const windowsCsv = readFileSync(join(out, 'windows.csv'), 'utf8').trim().split('\n');
    expect(windowsCsv).toHaveLength(9);
    expect(windowsCsv[1]?.startsWith(`0,1991-07-01,1994-06-30,1994-07-01,1994-12-31,${summary.windows[0]?.variant},no,`)).toBe(true);
    const account = JSON.parse(readFileSync(join(out, 'oos', 'summary.json'), 'utf8')) as { period: { start: string; end: string } };
    expect(account.period.start.slice(0, 10)).toBe('1994-07-01');
    expect(account.period.end.slice(0, 10)).toBe('1998-06-30');
  }, 120_000);

  it('writes the same bytes with 1 or 2 workers, from three merged shards, and after a resume of a torn train log', () => {
    const args = ['walk-forward', DAX_SWEEP, '--train', '36m', '--test', '6m', '--no-cache'];
    const dir = tempDir();
    expect(goalsim([...args, '--workers', '1', '--out', join(dir, 'one')]).code).toBe(0);
    expect(goalsim([...args, '--workers', '2', '--out', join(dir, 'two')]).code).toBe(0);
    const reference = folderBytes(join(dir, 'one'));
    expect([...reference.keys()].sort()).toEqual(expect.arrayContaining(['walkforward.json', 'windows.csv', 'equity.csv', 'report.md', 'report.html', join('oos', 'summary.json'), join('oos', 'equity.csv'), join('train', 'variants.jsonl')]));
    expect(folderBytes(join(dir, 'two'))).toEqual(reference);
    for (const shard of ['1/3', '2/3', '3/3']) {
      const result = goalsim([...args, '--workers', '1', '--shard', shard, '--out', join(dir, `shard-${shard[0]}`)]);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('the out-of-sample stage runs when the shards are merged');
    }
    expect(goalsim(['merge', join(dir, 'shard-1'), join(dir, 'shard-2'), join(dir, 'shard-3'), '--out', join(dir, 'merged'), '--no-cache']).code).toBe(0);
    expect(folderBytes(join(dir, 'merged'))).toEqual(reference);
    // a run killed mid-way: 40 records kept, the 41st torn; --resume finishes it to the same bytes
    const log = join(dir, 'two', 'train', 'variants.jsonl');
    const lines = readFileSync(log, 'utf8').split('\n');
    writeFileSync(log, `${lines.slice(0, 40).join('\n')}\n${(lines[40] ?? '').slice(0, 25)}`);
    const resumed = goalsim([...args, '--workers', '2', '--resume', '--out', join(dir, 'two')]);
    expect(resumed.code).toBe(0);
    expect(folderBytes(join(dir, 'two'))).toEqual(reference);
  }, 180_000);

  it('refuses a resume into the folder of another walk-forward, naming what differs', () => {
    const dir = tempDir();
    const args = ['walk-forward', DAX_SWEEP, '--train', '36m', '--workers', '1', '--no-cache', '--out', dir];
    expect(goalsim([...args, '--test', '6m']).code).toBe(0);
    const other = goalsim([...args, '--test', '12m', '--resume']);
    expect(other.code).toBe(2);
    expect(other.stderr).toContain(`${dir} holds a different walk-forward (its test differs): choose another --out or drop --resume`);
  }, 60_000);
});

describe('walk-forward input errors', () => {
  it('refuses a swept path that cannot change within one account, naming it', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'sweep.json'), JSON.stringify({ name: 'risk', base: resolve('scenarios/compare/dax-pipeline.json'), grid: { 'account.riskTolerance': [0.01, 0.02] }, objective: { metric: 'metrics.sharpe', direction: 'max' } }));
    const result = goalsim(['walk-forward', join(dir, 'sweep.json'), '--train', '36m', '--test', '6m', '--out', join(dir, 'out')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('grid["account.riskTolerance"]');
    expect(result.stderr).toContain('account.riskTolerance cannot change there (only sizing.* and strategy.* can)');
  });

  it('refuses a period too short for one window with the figures, before anything runs', () => {
    const dir = tempDir();
    const result = goalsim(['walk-forward', DAX_SWEEP, '--train', '6y', '--test', '2y', '--out', join(dir, 'out')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('the period 1991-07-01 to 1998-08-14 (2602 days) is too short for one window: --train 6y and --test 2y need 2922 days');
    expect(() => readdirSync(join(dir, 'out'))).toThrow();
  });

  it.each([['--train', '36 months'], ['--test', '0m'], ['--step', '6']])('refuses %s %j as a length', (option, value) => {
    const lengths: Record<string, string> = { '--train': '36m', '--test': '6m', [option]: value };
    const args = ['walk-forward', DAX_SWEEP, ...Object.entries(lengths).flat(), '--out', join(tempDir(), 'out')];
    const result = goalsim(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${option} "${value}": a length such as 36m`);
  });
});

describe('walk-forward of noise', () => {
  /*
   * 40 variants that flip a coin each week, long or short, with no costs: nothing to learn.
   * Each window picks the best daily Sharpe of 40 over 3 years, an annualised Sharpe of about
   * E[max of 40 normals] / sqrt(3) = 2.16 / 1.73 = 1.25 in sample, of which nothing carries
   * over: each 1-year test window's Sharpe is about N(0, 1), so the mean over the 19 windows is
   * N(0, 1/sqrt(19) = 0.23) and the efficiency on the objective about N(0, 0.23 / 1.25 = 0.18).
   * |efficiency| < 0.75 is beyond 4 standard deviations of it, and far from the 1 of a pick
   * that keeps its in-sample Sharpe. Under noise the in-sample best's out-of-sample rank is
   * uniform, so PBO is near 0.5; 0.3 is the bound the audit's CSCV should clear.
   */
  it('keeps nothing out of sample: an efficiency near 0, and the audit calls the ranking noise', async () => {
    const run = await runWalkForward({ file: NOISE_SWEEP, outDir: tempDir(), train: '36m', test: '12m', workers: 2 });
    const summary = run.summary;
    if (summary === null) throw new Error('the walk-forward did not finish');
    expect(summary.windows).toHaveLength(18);
    const inSample = summary.windows.map((w) => w.inSampleObjective as number);
    expect(Math.min(...inSample)).toBeGreaterThan(0.5); // the best of 40 always looks good in sample
    expect(Math.abs(summary.efficiency.objective as number)).toBeLessThan(0.75);
    const audit = (await runSweep({ file: NOISE_SWEEP, outDir: tempDir(), workers: 2 })).audit;
    expect(audit?.pbo?.pbo).toBeGreaterThanOrEqual(0.3);
  }, 120_000);
});
