import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PriceSourceOptions } from '../src/data/source.js';

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
