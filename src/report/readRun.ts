/**
 * Reads a run folder back (summary.json and the CSVs), so that reports are rendered from the
 * files alone: `goalsim run` and `goalsim report <dir>` share this one path. The equity curve
 * is read into typed arrays (a run may have a million rows).
 */
import { closeSync, existsSync, openSync, readFileSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { parseTimestamp } from '../data/timestamp.js';
import { UsageError } from '../errors.js';
import type { RunSummary } from './summary.js';

export interface EquityColumns {
  readonly length: number;
  readonly time: Float64Array;
  readonly equity: Float64Array;
  readonly drawdown: Float64Array;
  readonly exposure: Float64Array;
}

export type CsvRow = Readonly<Record<string, string>>;

export interface RunFiles {
  readonly dir: string;
  readonly summary: RunSummary & { readonly goals: Record<string, unknown> };
  readonly equity: EquityColumns;
  readonly trades: readonly CsvRow[];
  readonly decisions: readonly CsvRow[];
  readonly progress: readonly CsvRow[];
  readonly adjustments: readonly CsvRow[];
  readonly milestones: readonly CsvRow[];
}

function readRows(path: string): CsvRow[] {
  if (!existsSync(path)) return [];
  return parse(readFileSync(path), { columns: true, skip_empty_lines: true }) as CsvRow[];
}

/** Calls `onLine` with every non-empty line of a file, read in 1 MB blocks: no whole-file string. */
function forEachLine(path: string, onLine: (line: string) => void): void {
  const fd = openSync(path, 'r');
  try {
    const block = Buffer.alloc(1 << 20);
    let carry = '';
    for (let read = readSync(fd, block); read > 0; read = readSync(fd, block)) {
      const lines = (carry + block.toString('utf8', 0, read)).split('\n');
      carry = lines.pop() ?? '';
      for (const line of lines) if (line !== '') onLine(line);
    }
    if (carry !== '') onLine(carry);
  } finally {
    closeSync(fd);
  }
}

/** equity.csv into growing columns, line by line: a run may have tens of millions of rows. */
function readEquity(path: string): EquityColumns {
  let capacity = 1 << 16;
  let columns = { length: 0, time: new Float64Array(capacity), equity: new Float64Array(capacity), drawdown: new Float64Array(capacity), exposure: new Float64Array(capacity) };
  let header = true;
  forEachLine(path, (line) => {
    if (header) {
      header = false;
      return;
    }
    if (columns.length === capacity) {
      capacity *= 2;
      const grow = (column: Float64Array<ArrayBuffer>): Float64Array<ArrayBuffer> => {
        const grown = new Float64Array(capacity);
        grown.set(column);
        return grown;
      };
      columns = { length: columns.length, time: grow(columns.time), equity: grow(columns.equity), drawdown: grow(columns.drawdown), exposure: grow(columns.exposure) };
    }
    const [timestamp, equity, , exposure, drawdown] = line.split(',');
    const row = columns.length++;
    columns.time[row] = parseTimestamp(timestamp ?? '');
    columns.equity[row] = Number(equity);
    columns.exposure[row] = Number(exposure);
    columns.drawdown[row] = Number(drawdown);
  });
  const n = columns.length;
  return { length: n, time: columns.time.subarray(0, n), equity: columns.equity.subarray(0, n), drawdown: columns.drawdown.subarray(0, n), exposure: columns.exposure.subarray(0, n) };
}

export function isRunFolder(dir: string): boolean {
  return existsSync(join(dir, 'summary.json')) && existsSync(join(dir, 'equity.csv'));
}

export function readRunFiles(dir: string): RunFiles {
  if (!isRunFolder(dir)) throw new UsageError(`${dir}: not a run folder (needs summary.json and equity.csv)`);
  return {
    dir,
    summary: JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8')) as RunFiles['summary'],
    equity: readEquity(join(dir, 'equity.csv')),
    trades: readRows(join(dir, 'trades.csv')),
    decisions: readRows(join(dir, 'sizing_decisions.csv')),
    progress: readRows(join(dir, 'goal_progress.csv')),
    adjustments: readRows(join(dir, 'goal_adjustments.csv')),
    milestones: readRows(join(dir, 'milestones.csv')),
  };
}
