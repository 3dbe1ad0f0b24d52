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
import { ADJUSTMENT_COLUMNS, DECISION_LEAD_COLUMNS, DECISION_TAIL_COLUMNS, EQUITY_COLUMNS, MILESTONE_COLUMNS, PROGRESS_COLUMNS, RUN_FILES, TRADE_COLUMNS, type AdjustmentCsvRow, type DecisionCsvRow, type MilestoneCsvRow, type ProgressCsvRow, type TradeCsvRow } from './runFolder.js';
import type { RunSummary } from './summary.js';

export interface EquityColumns {
  readonly length: number;
  readonly time: Float64Array;
  readonly equity: Float64Array;
  readonly drawdown: Float64Array;
  readonly exposure: Float64Array;
}

export interface RunFiles {
  readonly dir: string;
  readonly summary: RunSummary & { readonly goals: Record<string, unknown> };
  readonly equity: EquityColumns;
  readonly trades: readonly TradeCsvRow[];
  readonly decisions: readonly DecisionCsvRow[];
  readonly progress: readonly ProgressCsvRow[];
  readonly adjustments: readonly AdjustmentCsvRow[];
  readonly milestones: readonly MilestoneCsvRow[];
}

/** Names of the columns a file must have, or the error naming the first one it lacks. */
function checkHeader(path: string, header: readonly string[], columns: readonly { readonly name: string }[]): void {
  const missing = columns.find((column) => !header.includes(column.name));
  if (missing !== undefined) throw new UsageError(`${path}: no column "${missing.name}" (the header is ${header.join(',').slice(0, 200)}); was the folder written by another goalsim version? Run the scenario again`);
}

/** A CSV's rows by column name; the file must have every column of `columns` (a missing file has no rows). */
function readRows<Row>(path: string, ...columnSets: readonly (readonly { readonly name: string }[])[]): Row[] {
  if (!existsSync(path)) return [];
  const rows = parse(readFileSync(path), { columns: (header: string[]) => {
    for (const columns of columnSets) checkHeader(path, header, columns);
    return header;
  }, skip_empty_lines: true }) as Row[];
  return rows;
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
  let at: { time: number; equity: number; exposure: number; drawdown: number } | undefined;
  forEachLine(path, (line) => {
    if (at === undefined) {
      const header = line.split(',');
      checkHeader(path, header, EQUITY_COLUMNS);
      at = { time: header.indexOf('timestamp'), equity: header.indexOf('equity'), exposure: header.indexOf('exposure'), drawdown: header.indexOf('drawdown') };
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
    const cells = line.split(',');
    const row = columns.length++;
    columns.time[row] = parseTimestamp(cells[at.time] ?? '');
    columns.equity[row] = Number(cells[at.equity]);
    columns.exposure[row] = Number(cells[at.exposure]);
    columns.drawdown[row] = Number(cells[at.drawdown]);
  });
  const n = columns.length;
  return { length: n, time: columns.time.subarray(0, n), equity: columns.equity.subarray(0, n), drawdown: columns.drawdown.subarray(0, n), exposure: columns.exposure.subarray(0, n) };
}

export function isRunFolder(dir: string): boolean {
  return existsSync(join(dir, RUN_FILES.summary)) && existsSync(join(dir, RUN_FILES.equity));
}

export function readRunFiles(dir: string): RunFiles {
  if (!isRunFolder(dir)) throw new UsageError(`${dir}: not a run folder (needs ${RUN_FILES.summary} and ${RUN_FILES.equity})`);
  const file = (name: string): string => join(dir, name);
  return {
    dir,
    summary: JSON.parse(readFileSync(file(RUN_FILES.summary), 'utf8')) as RunFiles['summary'],
    equity: readEquity(file(RUN_FILES.equity)),
    trades: readRows(file(RUN_FILES.trades), TRADE_COLUMNS),
    decisions: readRows(file(RUN_FILES.decisions), DECISION_LEAD_COLUMNS, DECISION_TAIL_COLUMNS),
    progress: readRows(file(RUN_FILES.progress), PROGRESS_COLUMNS),
    adjustments: readRows(file(RUN_FILES.adjustments), ADJUSTMENT_COLUMNS),
    milestones: readRows(file(RUN_FILES.milestones), MILESTONE_COLUMNS),
  };
}
