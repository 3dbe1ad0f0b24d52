/**
 * Reads a run folder back (summary.json and the CSVs), so that reports are rendered from the
 * files alone: `goalsim run` and `goalsim report <dir>` share this one path. The equity curve
 * is read into typed arrays (a run may have a million rows).
 */
import { existsSync, readFileSync } from 'node:fs';
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

/** equity.csv into columns, without building a million row objects. */
function readEquity(path: string): EquityColumns {
  const text = readFileSync(path, 'utf8');
  const lines = text.split('\n');
  let n = 0;
  for (let i = 1; i < lines.length; i++) if (lines[i] !== '') n++;
  const columns = { length: n, time: new Float64Array(n), equity: new Float64Array(n), drawdown: new Float64Array(n), exposure: new Float64Array(n) };
  let row = 0;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line === '') continue;
    const [timestamp, equity, , exposure, drawdown] = line.split(',');
    columns.time[row] = parseTimestamp(timestamp ?? '');
    columns.equity[row] = Number(equity);
    columns.exposure[row] = Number(exposure);
    columns.drawdown[row] = Number(drawdown);
    row++;
  }
  return columns;
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
