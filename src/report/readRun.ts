/**
 * Reads a run folder back (summary.json and the CSVs), so that reports are rendered from the
 * files alone: `goalsim run` and `goalsim report <dir>` share this one path. The equity curve,
 * the trades, the entries and the goal progress are read into typed columns of the cells a
 * report draws (a run may have tens of millions of rows); only the small tables are row objects.
 */
import { closeSync, existsSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { parseTimestamp } from '../data/timestamp.js';
import { UsageError } from '../errors.js';
import { FloatColumn, forEachCsvRecord, missingColumnError, numberOrNaN } from './csvColumns.js';
import { ADJUSTMENT_COLUMNS, EQUITY_COLUMNS, MILESTONE_COLUMNS, RUN_FILES, type AdjustmentCsvRow, type DecisionColumnName, type MilestoneCsvRow, type ProgressColumnName, type TradeColumnName } from './runFolder.js';
import type { RunSummary } from './summary.js';

/** The equity curve as a report draws it (equity and drawdown over time). */
export interface EquityColumns {
  readonly length: number;
  readonly time: Float64Array;
  readonly equity: Float64Array;
  readonly drawdown: Float64Array;
}

/** The closed trades as a report reads them: exit time and net P&L. */
export interface TradeColumns {
  readonly length: number;
  readonly exitTime: Float64Array;
  readonly pnl: Float64Array;
}

/** The sizing decisions that became entries (not skipped); NaN where a cell is empty. */
export interface EntryColumns {
  readonly length: number;
  readonly time: Float64Array;
  readonly finalValue: Float64Array;
  readonly goalFactor: Float64Array;
  readonly goalEffect: Float64Array;
}

/** One goal's progress rows: cycle time, progress, expected progress and the risk after the cycle. */
export interface GoalProgressColumns {
  readonly time: Float64Array;
  readonly progress: Float64Array;
  readonly expected: Float64Array;
  readonly risk: Float64Array;
}

export interface RunFiles {
  readonly dir: string;
  readonly summary: RunSummary & { readonly goals: Record<string, unknown> };
  readonly equity: EquityColumns;
  /** The buy-and-hold benchmark's curve (benchmark.csv), on the same instants; undefined when the run has none. */
  readonly benchmark: EquityColumns | undefined;
  readonly trades: TradeColumns;
  readonly entries: EntryColumns;
  /** By goal, in the order the goals first appear. */
  readonly progress: ReadonlyMap<string, GoalProgressColumns>;
  readonly adjustments: readonly AdjustmentCsvRow[];
  readonly milestones: readonly MilestoneCsvRow[];
}

/** A small CSV's rows by column name; the file must have every column of `columns` (a missing file has no rows). */
function readRows<Row>(path: string, columns: readonly { readonly name: string }[]): Row[] {
  if (!existsSync(path)) return [];
  const required = columns.map((column) => column.name);
  return parse(readFileSync(path), {
    columns: (header: string[]) => {
      const error = missingColumnError(path, header, required);
      if (error !== undefined) throw error;
      return header;
    },
    skip_empty_lines: true,
  }) as Row[];
}

async function readTrades(path: string): Promise<TradeColumns> {
  const exitTime = new FloatColumn();
  const pnl = new FloatColumn();
  await forEachCsvRecord(path, ['exit_time', 'pnl'] satisfies TradeColumnName[], (cells, at) => {
    exitTime.push(parseTimestamp(cells[at.exit_time] ?? ''));
    pnl.push(Number(cells[at.pnl]));
  });
  return { length: exitTime.length, exitTime: exitTime.values(), pnl: pnl.values() };
}

async function readEntries(path: string): Promise<EntryColumns> {
  const [time, finalValue, goalFactor, goalEffect] = [new FloatColumn(), new FloatColumn(), new FloatColumn(), new FloatColumn()];
  await forEachCsvRecord(path, ['time', 'final_value', 'goal_factor', 'goal_effect', 'skipped'] satisfies DecisionColumnName[], (cells, at) => {
    if (cells[at.skipped] !== '') return;
    time.push(parseTimestamp(cells[at.time] ?? ''));
    finalValue.push(Number(cells[at.final_value]));
    goalFactor.push(numberOrNaN(cells[at.goal_factor]));
    goalEffect.push(numberOrNaN(cells[at.goal_effect]));
  });
  return { length: time.length, time: time.values(), finalValue: finalValue.values(), goalFactor: goalFactor.values(), goalEffect: goalEffect.values() };
}

async function readProgress(path: string): Promise<Map<string, GoalProgressColumns>> {
  const byGoal = new Map<string, { time: FloatColumn; progress: FloatColumn; expected: FloatColumn; risk: FloatColumn }>();
  await forEachCsvRecord(path, ['timestamp', 'goal', 'progress', 'expected', 'risk'] satisfies ProgressColumnName[], (cells, at) => {
    const goal = cells[at.goal] ?? '';
    let columns = byGoal.get(goal);
    if (columns === undefined) byGoal.set(goal, (columns = { time: new FloatColumn(), progress: new FloatColumn(), expected: new FloatColumn(), risk: new FloatColumn() }));
    columns.time.push(parseTimestamp(cells[at.timestamp] ?? ''));
    columns.progress.push(Number(cells[at.progress]));
    columns.expected.push(Number(cells[at.expected]));
    columns.risk.push(Number(cells[at.risk]));
  });
  return new Map([...byGoal].map(([goal, c]) => [goal, { time: c.time.values(), progress: c.progress.values(), expected: c.expected.values(), risk: c.risk.values() }]));
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

/**
 * equity.csv into columns, line by line: a run may have tens of millions of rows. `rows` is the
 * expected count (the run's bars, at least one per row), so that the columns need not double.
 */
function readEquity(path: string, rows: number): EquityColumns {
  const [time, equity, drawdown] = [new FloatColumn(rows), new FloatColumn(rows), new FloatColumn(rows)];
  let at: { time: number; equity: number; drawdown: number } | undefined;
  forEachLine(path, (line) => {
    if (at === undefined) {
      const header = line.split(',');
      const error = missingColumnError(path, header, EQUITY_COLUMNS.map((column) => column.name));
      if (error !== undefined) throw error;
      at = { time: header.indexOf('timestamp'), equity: header.indexOf('equity'), drawdown: header.indexOf('drawdown') };
      return;
    }
    const cells = line.split(',');
    time.push(parseTimestamp(cells[at.time] ?? ''));
    equity.push(Number(cells[at.equity]));
    drawdown.push(Number(cells[at.drawdown]));
  });
  return { length: time.length, time: time.values(), equity: equity.values(), drawdown: drawdown.values() };
}

export function isRunFolder(dir: string): boolean {
  return existsSync(join(dir, RUN_FILES.summary)) && existsSync(join(dir, RUN_FILES.equity));
}

export async function readRunFiles(dir: string): Promise<RunFiles> {
  if (!isRunFolder(dir)) throw new UsageError(`${dir}: not a run folder (needs ${RUN_FILES.summary} and ${RUN_FILES.equity})`);
  const file = (name: string): string => join(dir, name);
  const summary = JSON.parse(readFileSync(file(RUN_FILES.summary), 'utf8')) as RunFiles['summary'];
  // an equity row is at least 30 bytes: a summary that claims more bars than that is not trusted
  const rows = Math.min(Number(summary.period?.bars) || 0, Math.floor(statSync(file(RUN_FILES.equity)).size / 30));
  return {
    dir,
    summary,
    equity: readEquity(file(RUN_FILES.equity), rows),
    benchmark: existsSync(file(RUN_FILES.benchmark)) ? readEquity(file(RUN_FILES.benchmark), rows) : undefined,
    trades: await readTrades(file(RUN_FILES.trades)),
    entries: await readEntries(file(RUN_FILES.decisions)),
    progress: await readProgress(file(RUN_FILES.progress)),
    adjustments: readRows(file(RUN_FILES.adjustments), ADJUSTMENT_COLUMNS),
    milestones: readRows(file(RUN_FILES.milestones), MILESTONE_COLUMNS),
  };
}
