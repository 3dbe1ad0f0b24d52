/**
 * Sweeps end to end through the CLI: results independent of the worker count, shards that merge
 * into the whole, and failing variants (bad data, a throwing strategy, a strategy that calls
 * process.exit) recorded while the others finish.
 */
import { variantBars, workersFor } from '../../src/parallel/pool.js';
import type { VariantTask } from '../../src/parallel/task.js';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { goalsim, tempDir } from '../helpers.js';

const FILES = ['results.csv', 'variants.jsonl', 'marginals.csv', 'summary.json', 'sweep.json', 'daily_returns.csv', 'monthly_goals.csv', 'audit.json'];
const read = (dir: string, file: string): string => readFileSync(join(dir, file), 'utf8');
const csvRows = (dir: string, file: string): string[][] => (parse(read(dir, file)) as string[][]).slice(1);

/** A small sweep (12 variants, ~0.1 s each) on MSFT over two goal-factor thresholds and a seeded random fraction of them. */
function smallSweep(): string {
  const dir = tempDir();
  writeFileSync(
    join(dir, 'base.json'),
    JSON.stringify({
      name: 'sweep-base',
      data: [{ symbol: 'MSFT', path: resolve('data/msft-daily-2000-2001.csv'), lotStep: '1' }],
      account: { currency: 'USD', initialCapital: '100000' },
      strategy: { name: 'sma-cross', params: { fast: 5, slow: 20, stopLossPct: 0.05 } },
      sizing: { engine: 'pipeline', params: { base: { method: 'volatility', k: 4 }, maxPositionPct: 0.3 } },
      goals: { preset: 'seed-001' },
      tracker: { intervalMinutes: 1440 },
    }),
  );
  const file = join(dir, 'sweep.json');
  writeFileSync(
    file,
    JSON.stringify({
      name: 'small',
      base: 'base.json',
      grid: { 'sizing.params.goalFactor.thresholds.atRisk': [0.6, 0.7, 0.8], 'sizing.params.goalFactor.thresholds.critical': [0.4, 0.5, 0.65] },
      random: { n: 3, seed: 42, params: { 'sizing.params.maxPositionPct': { min: 0.1, max: 0.4 } } },
      constraints: ['sizing.params.goalFactor.thresholds.critical < sizing.params.goalFactor.thresholds.atRisk'],
      objective: 'metrics.totalReturn',
    }),
  );
  return file;
}

describe('goalsim sweep', () => {
  const file = smallSweep();
  const one = join(tempDir(), 'one');
  const two = join(tempDir(), 'two');
  const runOne = goalsim(['sweep', file, '--workers', '1', '--out', one]);
  const runTwo = goalsim(['sweep', file, '--workers', '2', '--bars-per-worker', '0', '--out', two]);

  it('writes byte-identical result files with 1 and with 2 workers', () => {
    expect(runOne.code, runOne.stderr).toBe(0);
    expect(runTwo.code, runTwo.stderr).toBe(0);
    for (const name of FILES) expect(read(two, name), name).toBe(read(one, name));
  });

  it('audits the ranking: the returns and goal flags of every variant that ran, DSR and PBO, in the files, the report and the terminal', () => {
    const returns = csvRows(one, 'daily_returns.csv');
    const header = (parse(read(one, 'daily_returns.csv')) as string[][])[0];
    // the 11 variants that ran (variant 2 was skipped), in id order
    expect(header).toEqual(['date', ...[0, 1, 3, 4, 5, 6, 7, 8, 9, 10, 11].map((id) => `variant_${id}`)]);
    expect(returns.length).toBeGreaterThan(200);
    expect(csvRows(one, 'monthly_goals.csv').every((row) => row[1] === 'monthly_return' || row[1] === 'monthly_income')).toBe(true);
    const audit = JSON.parse(read(one, 'audit.json')) as { variants: number; days: number; pbo: { splits: number; pbo: number }; sentence: string };
    expect([audit.variants, audit.days, audit.pbo.splits]).toEqual([11, returns.length, 12_870]);
    const summary = JSON.parse(read(one, 'summary.json')) as { audit: { sentence: string; pbo: { pbo: number } } };
    expect(summary.audit.pbo.pbo).toBe(audit.pbo.pbo);
    expect(runOne.stdout).toContain(`audit: ${audit.sentence}`);
    expect(read(one, 'report.md')).toContain(`**${audit.sentence}**`);
    expect(read(one, 'report.html')).toContain('logits of the in-sample best');
  });

  it('ranks by the objective with a stable tie-break and lists skipped combinations', () => {
    const rows = csvRows(one, 'results.csv');
    expect(rows).toHaveLength(12);
    const skipped = rows.filter((row) => row[2] === 'skipped');
    expect(skipped.map((row) => row[1]), 'critical 0.65 is not below atRisk 0.6').toEqual(['2']);
    const ranked = rows.filter((row) => row[0] !== '');
    const objectives = ranked.map((row) => Number(row[6]));
    expect(objectives).toEqual([...objectives].sort((a, b) => b - a));
    const summary = JSON.parse(read(one, 'summary.json')) as { randomSeed: number; counts: Record<string, number> };
    expect(summary.randomSeed).toBe(42);
    expect(summary.counts).toMatchObject({ variants: 12, ok: 11, skipped: 1, failed: 0 });
  });

  it('writes marginals for every swept parameter', () => {
    const lines = read(one, 'marginals.csv').trim().split('\n');
    expect(lines[0]).toBe('parameter,value,count,mean_objective,best_variant,best_objective');
    const atRisk = lines.filter((line) => line.startsWith('sizing.params.goalFactor.thresholds.atRisk,'));
    expect(atRisk.map((line) => line.split(',')[1])).toEqual(['0.6', '0.7', '0.8']);
    // 0.6 pairs only with critical 0.4 and 0.5 (0.65 is skipped): 2 variants
    expect(atRisk[0]?.split(',')[2]).toBe('2');
  });

  it('rebuilds exactly the unsharded results from shards', () => {
    const shards = [1, 2, 3].map((i) => {
      const out = join(tempDir(), `shard-${i}`);
      expect(goalsim(['sweep', file, '--workers', '1', '--shard', `${i}/3`, '--out', out]).code).toBe(0);
      return out;
    });
    const merged = join(tempDir(), 'merged');
    expect(goalsim(['merge', ...shards, '--out', merged]).code).toBe(0);
    for (const name of FILES) expect(read(merged, name), name).toBe(read(one, name));
    expect(read(shards[0] as string, 'variants.jsonl').trim().split('\n').map((line) => (JSON.parse(line) as { id: number }).id)).toEqual([0, 3, 6, 9]);
  });

  it('resumes after a torn last record: drops it with a note, runs that variant again, ends like the whole run', () => {
    const out = join(tempDir(), 'torn');
    expect(goalsim(['sweep', file, '--workers', '1', '--shard', '1/2', '--out', out]).code, 'the first shard runs').toBe(0);
    const log = join(out, 'variants.jsonl');
    const whole = readFileSync(log, 'utf8');
    writeFileSync(log, whole.slice(0, whole.length - 30)); // the last append cut short, as by a full disk
    const resumed = goalsim(['sweep', file, '--workers', '1', '--out', out, '--resume']);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stderr).toMatch(/variants\.jsonl:\d+: dropped an incomplete last record \(\d+ bytes\); its variant runs again/);
    for (const name of FILES) if (name !== 'variants.jsonl') expect(read(out, name), name).toBe(read(one, name));
    const corrupt = join(tempDir(), 'corrupt');
    expect(goalsim(['sweep', file, '--workers', '1', '--shard', '1/2', '--out', corrupt]).code, 'the first shard runs').toBe(0);
    const lines = readFileSync(join(corrupt, 'variants.jsonl'), 'utf8').split('\n');
    lines[1] = '{"id": 3, "status": "o';
    writeFileSync(join(corrupt, 'variants.jsonl'), lines.join('\n'));
    const refused = goalsim(['sweep', file, '--workers', '1', '--out', corrupt, '--resume']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/variants\.jsonl:2: a corrupt record/);
  });

  it('resumes: variants already in the folder are not run again', () => {
    const out = join(tempDir(), 'resume');
    expect(goalsim(['sweep', file, '--workers', '1', '--shard', '1/2', '--out', out]).code, 'the first shard runs').toBe(0);
    const resumed = goalsim(['sweep', file, '--workers', '1', '--out', out, '--resume']);
    expect(resumed.code).toBe(0);
    expect(read(out, 'results.csv')).toBe(read(one, 'results.csv'));
  });
});

describe('failure isolation', () => {
  it('records bad data, a throwing strategy and a process.exit as failed variants; the others finish', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'bad.csv'), 'timestamp,close\n2020-01-01,10\n2020-01-02,-3\n');
    writeFileSync(
      join(dir, 'strategy.mjs'),
      [
        'export function createStrategy(params) {',
        '  return { onBar(ctx) {',
        "    if (ctx.bars.length === 30 && params.mode === 'throw') throw new Error('strategy bug on bar 30');",
        "    if (ctx.bars.length === 30 && params.mode === 'exit') process.exit(3);",
        "    return ctx.bars.length === 10 ? [{ side: 'buy', confidence: 1, stopLossPct: NaN, takeProfitPct: NaN }] : [];",
        '  } };',
        '}',
      ].join('\n'),
    );
    writeFileSync(
      join(dir, 'base.json'),
      JSON.stringify({
        name: 'isolation',
        data: [{ symbol: 'MSFT', path: resolve('data/msft-daily-2000-2001.csv') }],
        account: { initialCapital: '10000' },
        strategy: { name: 'module', module: 'strategy.mjs', params: { mode: 'ok' } },
        sizing: { engine: 'fixed-fraction' },
      }),
    );
    writeFileSync(
      join(dir, 'sweep.json'),
      JSON.stringify({ name: 'isolation', base: 'base.json', grid: { 'strategy.params.mode': ['ok', 'throw', 'exit', 'ok2'], 'data.0.path': [resolve('data/msft-daily-2000-2001.csv'), 'bad.csv'] }, objective: 'metrics.totalReturn' }),
    );
    const out = join(dir, 'out');
    const run = goalsim(['sweep', join(dir, 'sweep.json'), '--workers', '2', '--bars-per-worker', '0', '--out', out]);
    expect(run.code, 'failed variants make the exit code 1').toBe(1);
    const rows = csvRows(out, 'results.csv');
    const byId = new Map(rows.map((row) => [row[1], row]));
    expect(byId.get('0')?.[2], 'mode ok on good data').toBe('ok');
    expect(byId.get('6')?.[2], 'mode ok2 on good data').toBe('ok');
    expect(byId.get('2')?.at(-1)).toBe('strategy bug on bar 30');
    expect(byId.get('4')?.at(-1)).toBe('the variant called process.exit(3)');
    for (const id of ['1', '3', '5', '7']) expect(byId.get(id)?.at(-1), `variant ${id} reads bad.csv`).toMatch(/bad\.csv:3: column "close" is -3, but prices must be > 0/);
  });
});

describe('a runaway variant', () => {
  it('is stopped at --variant-timeout and recorded with its error; the others finish and the files are written', () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'strategy.mjs'),
      ['export function createStrategy(params) {', '  return { onBar(ctx) {', "    if (params.mode === 'hang' && ctx.bars.length === 20) for (;;) {}", '    return [];', '  } };', '}'].join('\n'),
    );
    writeFileSync(join(dir, 'base.json'), JSON.stringify({ name: 'runaway', data: [{ symbol: 'MSFT', path: resolve('data/msft-daily-2000-2001.csv') }], account: { initialCapital: '10000' }, strategy: { name: 'module', module: 'strategy.mjs', params: { mode: 'ok' } }, sizing: { engine: 'fixed-fraction' } }));
    writeFileSync(join(dir, 'sweep.json'), JSON.stringify({ name: 'runaway', base: 'base.json', grid: { 'strategy.params.mode': ['ok', 'hang', 'ok2', 'ok3'] }, objective: 'metrics.totalReturn' }));
    const out = join(dir, 'out');
    const run = goalsim(['sweep', join(dir, 'sweep.json'), '--workers', '2', '--bars-per-worker', '0', '--variant-timeout', '3', '--out', out]);
    expect(run.code, 'the stopped variant makes the exit code 1').toBe(1);
    const byId = new Map(csvRows(out, 'results.csv').map((row) => [row[1], row]));
    expect(byId.get('1')?.at(-1)).toBe('ran longer than the 3 s timeout: stopped');
    for (const id of ['0', '2', '3']) expect(byId.get(id)?.[2], `variant ${id} finished`).toBe('ok');
    expect(goalsim(['sweep', '--help']).stdout).toMatch(/--variant-timeout[\s\S]*default: 900/);
  });
});

describe('a user module that kills the process', () => {
  it('ends the sweep, and --resume picks up every variant that had finished', () => {
    const dir = tempDir();
    const marker = join(dir, 'killed-once');
    writeFileSync(
      join(dir, 'strategy.mjs'),
      [
        "import { existsSync, writeFileSync } from 'node:fs';",
        'export function createStrategy(params) {',
        '  return { onBar(ctx) {',
        `    if (params.mode === 'kill' && ctx.bars.length === 20 && !existsSync(${JSON.stringify(marker)})) { writeFileSync(${JSON.stringify(marker)}, ''); process.kill(process.pid, 'SIGKILL'); }`,
        '    return [];',
        '  } };',
        '}',
      ].join('\n'),
    );
    writeFileSync(join(dir, 'base.json'), JSON.stringify({ name: 'killed', data: [{ symbol: 'MSFT', path: resolve('data/msft-daily-2000-2001.csv') }], account: { initialCapital: '10000' }, strategy: { name: 'module', module: 'strategy.mjs', params: { mode: 'ok' } }, sizing: { engine: 'fixed-fraction' } }));
    writeFileSync(join(dir, 'sweep.json'), JSON.stringify({ name: 'killed', base: 'base.json', grid: { 'strategy.params.mode': ['ok', 'ok2', 'kill', 'ok3'] }, objective: 'metrics.totalReturn' }));
    const out = join(dir, 'out');
    const killed = goalsim(['sweep', join(dir, 'sweep.json'), '--workers', '1', '--out', out]);
    expect(killed.code, 'the whole process was killed').toBeNull();
    const finished = readFileSync(join(out, 'variants.jsonl'), 'utf8').trim().split('\n').map((line) => (JSON.parse(line) as { id: number }).id);
    expect(finished, 'the variants before the kill are on disk').toEqual([0, 1]);
    const resumed = goalsim(['sweep', join(dir, 'sweep.json'), '--workers', '1', '--out', out, '--resume']);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(csvRows(out, 'results.csv').map((row) => row[2]), 'all four finished').toEqual(['ok', 'ok', 'ok', 'ok']);
  });
});

describe('validation of sweep files', () => {
  it('names the file and JSON path', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'sweep.json'), JSON.stringify({ name: 'x', base: 'nope.json', grid: {}, objective: 'metrics.luck' }));
    const run = goalsim(['validate', join(dir, 'sweep.json')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/sweep\.json: objective: must be one of/);
  });

  it('reports a variant that does not validate with its path', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'sweep.json'), JSON.stringify({ name: 'x', base: resolve('scenarios/demo.json'), grid: { 'costs.feeBps': [5, -1] }, objective: 'metrics.sharpe' }));
    const run = goalsim(['validate', join(dir, 'sweep.json')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/sweep\.json variant 1: costs\.feeBps: /);
  });

  it('accepts every shipped scenario and sweep', () => {
    const run = goalsim(['validate', 'scenarios/demo.json', 'scenarios/compare/dax-pipeline.json', 'scenarios/ci/msft-pipeline.json', 'scenarios/sweeps/goal-thresholds.json']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/ok scenarios\/sweeps\/goal-thresholds\.json: sweep of 27 variants/);
  });
});

describe('Ctrl-C', () => {
  it('stops scheduling, writes what finished and exits 130', async () => {
    const { spawn } = await import('node:child_process');
    const out = join(tempDir(), 'interrupted');
    // 27 DAX variants take several seconds on one worker: interrupt after the first results
    const child = spawn(process.execPath, [resolve('dist/cli/main.js'), 'sweep', 'scenarios/sweeps/goal-thresholds.json', '--workers', '1', '--out', out], { stdio: ['ignore', 'pipe', 'pipe'] });
    const log = join(out, 'variants.jsonl');
    const started = Date.now();
    while (Date.now() - started < 30_000) {
      await new Promise((r) => setTimeout(r, 100));
      try {
        if (read(out, 'variants.jsonl').trim().split('\n').length >= 2) break;
      } catch {
        // not written yet
      }
    }
    child.kill('SIGINT');
    const code = await new Promise<number | null>((r) => child.on('exit', r));
    expect(code).toBe(130);
    const summary = JSON.parse(read(out, 'summary.json')) as { interrupted: boolean; counts: { ok: number; notRun: number } };
    expect(summary.interrupted).toBe(true);
    expect(summary.counts.ok).toBeGreaterThanOrEqual(2);
    expect(summary.counts.notRun, 'the rest were not scheduled').toBeGreaterThan(0);
    expect(readFileSync(log, 'utf8').trim().split('\n')).toHaveLength(summary.counts.ok);
  });
});

describe('shared data', () => {
  it('workers never read the CSV: it is deleted once the main thread has loaded it', async () => {
    const { copyFileSync, rmSync } = await import('node:fs');
    const { runSweep } = await import('../../src/parallel/sweepRunner.js');
    const dir = tempDir();
    const csv = join(dir, 'msft.csv');
    copyFileSync('data/msft-daily-2000-2001.csv', csv);
    writeFileSync(join(dir, 'base.json'), JSON.stringify({ name: 'shared', data: [{ symbol: 'MSFT', path: 'msft.csv' }], account: { initialCapital: '10000' }, strategy: { name: 'sma-cross' }, sizing: { engine: 'fixed-fraction' } }));
    writeFileSync(join(dir, 'sweep.json'), JSON.stringify({ name: 'shared', base: 'base.json', grid: { 'sizing.params.fraction': [0.1, 0.2, 0.3, 0.4] }, objective: 'metrics.sharpe' }));
    const run = await runSweep({
      file: join(dir, 'sweep.json'),
      outDir: join(dir, 'out'),
      workers: 2,
      onProgress: (done) => {
        if (done === 0) rmSync(csv); // every task is queued with its SharedArrayBuffers by now
      },
    });
    expect([...run.outcomes.values()].map((o) => o.status)).toEqual(['ok', 'ok', 'ok', 'ok']);
  });
});

describe('pool size', () => {
  it('is what a sweep reports it started: one for work too small for two, else as many as asked', async () => {
    const { runSweep } = await import('../../src/parallel/sweepRunner.js');
    const dir = tempDir();
    writeFileSync(join(dir, 'base.json'), JSON.stringify({ name: 'pool', data: [{ symbol: 'MSFT', path: resolve('data/msft-daily-2000-2001.csv') }], account: { initialCapital: '10000' }, strategy: { name: 'sma-cross' }, sizing: { engine: 'fixed-fraction' } }));
    writeFileSync(join(dir, 'sweep.json'), JSON.stringify({ name: 'pool', base: 'base.json', grid: { 'sizing.params.fraction': [0.1, 0.2, 0.3, 0.4] }, objective: 'metrics.sharpe' }));
    const sized = await runSweep({ file: join(dir, 'sweep.json'), outDir: join(dir, 'sized'), workers: 2 });
    const forced = await runSweep({ file: join(dir, 'sweep.json'), outDir: join(dir, 'forced'), workers: 2, barsPerWorker: 0 });
    expect(sized.workersStarted, '4 variants of 249 bars: one worker').toBe(1);
    expect(forced.workersStarted, '--bars-per-worker 0: as many as asked').toBe(2);
    expect(read(join(dir, 'forced'), 'results.csv')).toBe(read(join(dir, 'sized'), 'results.csv'));
  });

  const task = (bars: number) => ({ id: 0, series: [{ symbol: 'A', length: bars, buffer: new SharedArrayBuffer(8) }] }) as unknown as VariantTask;
  it('starts a further worker only for each 1M bars of work, never more than asked or than tasks', () => {
    expect(workersFor(Array.from({ length: 64 }, () => variantBars(task(5_000))), 2), '64 x 5,000 = 320k bars: one worker').toBe(1);
    expect(workersFor(Array.from({ length: 16 }, () => variantBars(task(250_000))), 2), '16 x 250k = 4M bars: two').toBe(2);
    expect(workersFor(Array.from({ length: 16 }, () => variantBars(task(250_000))), 8), 'four at most for 4M bars').toBe(4);
    expect(workersFor([variantBars(task(50_000_000))], 4), 'one task: one worker').toBe(1);
    expect(workersFor(Array.from({ length: 64 }, () => variantBars(task(5_000))), 2, 0), '0: as many as asked').toBe(2);
  });
});
