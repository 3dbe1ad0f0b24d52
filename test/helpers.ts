import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { PriceSourceOptions } from '../src/data/source.js';
import type { EquityCurve } from '../src/sim/equityCurve.js';

/** A fresh temporary folder for one test. */
export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'goalsim-test-'));
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
