import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import type { PriceSourceOptions } from '../src/data/source.js';
import type { EquityCurve } from '../src/sim/equityCurve.js';

/** A fresh temporary folder for one test. */
export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'goalsim-test-'));
}

/** A flat market: `weekdays` weekdays of close 100 from Wednesday 2020-01-01, in `dir`/flat.csv (a strategy never trades it). */
export function flatCloseCsv(dir: string, weekdays = 90): string {
  const rows = ['timestamp,close'];
  for (let d = 0, n = 0; n < weekdays; d++) {
    const day = new Date(Date.UTC(2020, 0, 1 + d));
    if (day.getUTCDay() === 0 || day.getUTCDay() === 6) continue;
    rows.push(`${day.toISOString().slice(0, 10)},100`);
    n++;
  }
  const path = join(dir, 'flat.csv');
  writeFileSync(path, `${rows.join('\n')}\n`);
  return path;
}

/** Writes `text` to `name` in a fresh temporary folder and returns the path. */
export function tempFile(name: string, text: string): string {
  const path = join(tempDir(), name);
  writeFileSync(path, text);
  return path;
}

export function barsSource(path: string, overrides: Partial<PriceSourceOptions> = {}): PriceSourceOptions {
  return { symbol: 'TEST', path, displayPath: 'bars.csv', format: 'generic', kind: 'bars', onBadRow: 'error', ...overrides };
}

const CLI = resolve('dist/cli/main.js');

/** Runs the built CLI with its own parsed-data cache; returns exit code and output. */
export function goalsim(args: string[], input?: string): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', input, env: { ...process.env, GOALSIM_CACHE_DIR: join(tempDir(), 'cache') } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The equity curve of a run that kept it (every run not given a curve sink). */
export function keptCurve(output: { readonly equityCurve: EquityCurve | undefined }): EquityCurve {
  if (output.equityCurve === undefined) throw new Error('the run handed its curve to a sink');
  return output.equityCurve;
}

/** Every file under `dir` (subfolders too) with its text, by path relative to `dir`: a folder compared byte for byte. */
export function folderBytes(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (at: string): void => {
    for (const name of readdirSync(at).sort()) {
      const path = join(at, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.set(relative(dir, path), readFileSync(path, 'utf8'));
    }
  };
  walk(dir);
  return files;
}
