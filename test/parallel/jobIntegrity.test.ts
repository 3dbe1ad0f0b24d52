/**
 * Nothing mixed: a sweep or odds folder records its definition and its inputs (the scenario's
 * content, its data files' content) before the first result, and --resume and merge refuse a
 * folder made from other ones, naming what differs. Nothing glued: a torn last record is cut
 * before the next one is appended, however often a run is interrupted.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runOdds } from '../../src/odds/oddsRunner.js';
import { runSweep } from '../../src/parallel/sweepRunner.js';
import { goalsim, tempDir } from '../helpers.js';

/** A sweep of `count` MSFT variants (9 by default) with a base whose fee and data file the test can change. */
function sweepFolder(count = 9): { dir: string; sweep: string; base: string; data: string } {
  const dir = tempDir();
  const data = join(dir, 'msft.csv');
  copyFileSync('data/msft-daily-2000-2001.csv', data);
  const base = join(dir, 'base.json');
  writeFileSync(
    base,
    JSON.stringify({
      name: 'base',
      data: [{ symbol: 'MSFT', path: 'msft.csv', lotStep: '1' }],
      account: { currency: 'USD', initialCapital: '100000' },
      costs: { feeBps: 5 },
      strategy: { name: 'sma-cross', params: { fast: 5, slow: 20 } },
      sizing: { engine: 'fixed-fraction', params: { fraction: 0.2 } },
    }),
  );
  const sweep = join(dir, 'sweep.json');
  writeFileSync(sweep, JSON.stringify({ name: 'fractions', base: 'base.json', grid: { 'sizing.params.fraction': Array.from({ length: count }, (_, i) => (i + 1) / (count + 1)) }, objective: 'metrics.totalReturn' }));
  return { dir, sweep, base, data };
}

const withFee = (base: string, feeBps: number): void => writeFileSync(base, JSON.stringify({ ...(JSON.parse(readFileSync(base, 'utf8')) as object), costs: { feeBps } }));

/** Runs the CLI and kills it (SIGKILL) once its record log holds `records` lines. */
async function killedAfter(args: string[], log: string, records: number): Promise<void> {
  const child = spawn(process.execPath, [resolve('dist/cli/main.js'), ...args], { stdio: 'ignore', env: { ...process.env, GOALSIM_CACHE_DIR: join(tempDir(), 'cache') } });
  const exited = new Promise<void>((done) => child.on('exit', () => done()));
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (existsSync(log) && readFileSync(log, 'utf8').split('\n').length > records) break;
    await new Promise((wait) => setTimeout(wait, 5));
  }
  child.kill('SIGKILL');
  await exited;
}

describe('a sweep folder made from other inputs', () => {
  it('is refused by --resume after a kill -9 with another grid, a changed base or changed data, naming what differs', async () => {
    // 200 variants, so that the kill lands long before the end even on a fast machine
    const { dir, sweep, base, data } = sweepFolder(200);
    const out = join(dir, 'out');
    await killedAfter(['sweep', sweep, '--workers', '1', '--out', out], join(out, 'variants.jsonl'), 2);
    expect(JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'))).toMatchObject({ interrupted: true });
    const other = join(dir, 'other.json');
    writeFileSync(other, JSON.stringify({ name: 'fractions', base: 'base.json', grid: { 'sizing.params.fraction': [0.15, 0.25] }, objective: 'metrics.totalReturn' }));
    await expect(runSweep({ file: other, outDir: out, workers: 1, resume: true })).rejects.toThrow(`${out} holds the results of a different sweep (its variants differ): choose another --out or drop --resume`);
    withFee(base, 500);
    await expect(runSweep({ file: sweep, outDir: out, workers: 1, resume: true })).rejects.toThrow("(the scenario's content differs)");
    withFee(base, 5);
    writeFileSync(data, readFileSync(data, 'utf8').replace('60.6250', '60.6251'));
    await expect(runSweep({ file: sweep, outDir: out, workers: 1, resume: true })).rejects.toThrow('(the content of data file "msft.csv" differs)');
    copyFileSync('data/msft-daily-2000-2001.csv', data);
    // the same inputs resume and end like a run that was never killed
    const resumed = await runSweep({ file: sweep, outDir: out, workers: 1, resume: true });
    const whole = await runSweep({ file: sweep, outDir: join(dir, 'whole'), workers: 1 });
    expect(resumed.interrupted).toBe(false);
    for (const file of ['results.csv', 'variants.jsonl', 'sweep.json', 'summary.json']) expect(readFileSync(join(out, file), 'utf8'), file).toBe(readFileSync(join(dir, 'whole', file), 'utf8'));
    expect(whole.outcomes.size).toBe(200);
  }, 120_000);

  it('is refused by merge: shards of a 5 bps and a 500 bps base', () => {
    const { dir, sweep, base } = sweepFolder();
    expect(goalsim(['sweep', sweep, '--workers', '1', '--shard', '1/2', '--out', join(dir, 'a')]).code).toBe(0);
    withFee(base, 500);
    expect(goalsim(['sweep', sweep, '--workers', '1', '--shard', '2/2', '--out', join(dir, 'b')]).code).toBe(0);
    const merged = goalsim(['merge', join(dir, 'a'), join(dir, 'b'), '--out', join(dir, 'merged')]);
    expect(merged.code).toBe(2);
    expect(merged.stderr).toContain(`${join(dir, 'b')} holds a different sweep than ${join(dir, 'a')} (the scenario's content differs)`);
    expect(existsSync(join(dir, 'merged', 'results.csv'))).toBe(false);
  }, 60_000);

  it('keeps every record whole when a run is cut short twice: the torn line goes before the next append', async () => {
    const { dir, sweep } = sweepFolder();
    const out = join(dir, 'out');
    const log = join(out, 'variants.jsonl');
    await runSweep({ file: sweep, outDir: out, workers: 1, shard: '1/3' });
    for (let cut = 0; cut < 2; cut++) {
      const text = readFileSync(log, 'utf8');
      writeFileSync(log, text.slice(0, text.length - 25)); // the last append cut short
      const controller = new AbortController();
      const warnings: string[] = [];
      // one more variant, then stop, as a second interruption would
      await runSweep({ file: sweep, outDir: out, workers: 1, resume: true, signal: controller.signal, onWarning: (w) => warnings.push(w), onProgress: (done) => done > 0 && controller.abort() });
      expect(warnings).toEqual([expect.stringMatching(/variants\.jsonl:\d+: dropped an incomplete last record \(\d+ bytes\); its variant runs again/)]);
      const lines = readFileSync(log, 'utf8').split('\n');
      expect(lines.pop()).toBe('');
      for (const line of lines) expect(() => JSON.parse(line), line).not.toThrow();
    }
    const finished = await runSweep({ file: sweep, outDir: out, workers: 1, resume: true });
    expect(finished.outcomes.size).toBe(9);
  }, 60_000);

  it('names the line to delete when a record before the last is corrupt', async () => {
    const { dir, sweep } = sweepFolder();
    const out = join(dir, 'out');
    await runSweep({ file: sweep, outDir: out, workers: 1, shard: '1/3' });
    const log = join(out, 'variants.jsonl');
    const lines = readFileSync(log, 'utf8').split('\n');
    lines[1] = '{"id": 3, "status": "o';
    writeFileSync(log, lines.join('\n'));
    await expect(runSweep({ file: sweep, outDir: out, workers: 1, resume: true })).rejects.toThrow(`${log}:2: a corrupt record`);
    await expect(runSweep({ file: sweep, outDir: out, workers: 1, resume: true })).rejects.toThrow('delete that line and --resume again: the other records are kept and its variant runs again');
  }, 60_000);
});

describe('an odds folder made from other inputs', () => {
  it('is refused by --resume when the scenario file changed under the same name', async () => {
    const { dir, base } = sweepFolder();
    const out = join(dir, 'odds');
    const options = { file: base, outDir: out, paths: 3, block: 5, engines: ['fixed-fraction'], workers: 1, cache: false, benchmark: false } as const;
    await runOdds(options);
    withFee(base, 500);
    await expect(runOdds({ ...options, resume: true })).rejects.toThrow(`${out} holds the odds of a different run (the scenario's content differs): choose another --out or drop --resume`);
    await expect(runOdds({ ...options, resume: true, seed: '99' })).rejects.toThrow("(the scenario's content differs)");
    withFee(base, 5);
    await expect(runOdds({ ...options, resume: true, seed: '99' })).rejects.toThrow('(its seed differs)');
  }, 60_000);
});
