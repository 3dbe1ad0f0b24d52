/**
 * Parquet copies of a goalsim folder's tables (`--format csv,parquet`, or `goalsim parquet
 * <folder>` afterwards): every CSV table of a run, sweep, odds, walk-forward or solve folder
 * gets a `.parquet` beside it with typed columns (io/parquetFile.ts). The CSV files stay: the
 * HTML reports, --resume and merge read them. The folder's kind is read from the definition file
 * it holds; a walk-forward's train sweep and out-of-sample run are copied too.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { AUDIT_FILES } from '../analysis/sweepAudit.js';
import { METRIC_KEYS } from '../analysis/metrics.js';
import { UsageError } from '../errors.js';
import { writeParquetFromCsv, type ColumnType, type ColumnTypes } from '../io/parquetFile.js';
import { ODDS_TABLES } from '../odds/oddsFolder.js';
import { SOLVE_FILES } from '../solve/runner.js';
import { WALK_FORWARD_FILES } from '../walkforward/definition.js';
import { ADJUSTMENT_COLUMNS, ALERT_COLUMNS, DECISION_LEAD_COLUMNS, DECISION_TAIL_COLUMNS, EQUITY_COLUMNS, HISTORY_COLUMNS, MILESTONE_COLUMNS, PROGRESS_COLUMNS, RUN_FILES, TRADE_COLUMNS } from './runFolder.js';
import { SWEEP_DEFINITION_FILE } from '../parallel/sweepState.js';

/** The formats a command writes its tables in. */
export type TableFormat = 'csv' | 'parquet';

/** `--format`: `csv` (the default) or `csv,parquet`; Parquet alone is refused, since the reports read the CSV. */
export function parseFormats(text: string): readonly TableFormat[] {
  const formats = text.split(',').map((part) => part.trim());
  const known = new Set(['csv', 'parquet']);
  const unknown = formats.find((format) => !known.has(format));
  if (unknown !== undefined) throw new UsageError(`--format: "${unknown}" is not a format; write csv or csv,parquet`);
  if (!formats.includes('csv')) throw new UsageError('--format parquet: the CSV tables stay (the HTML report, --resume and merge read them); write --format csv,parquet to add Parquet copies');
  return [...new Set(formats)] as TableFormat[];
}

/** Declared types by name; any other name is left to inference (a sweep's parameter columns). */
const byName = (types: Readonly<Record<string, ColumnType>>): ColumnTypes => (name) => (Object.hasOwn(types, name) ? types[name] : undefined);

const fromColumns = (columns: readonly { readonly name: string; readonly type: ColumnType }[]): Record<string, ColumnType> => Object.fromEntries(columns.map((c) => [c.name, c.type]));

/** A run folder's tables, typed by the column lists that write them. */
const RUN_TABLES: readonly (readonly [string, ColumnTypes])[] = [
  [RUN_FILES.equity, byName(fromColumns(EQUITY_COLUMNS))],
  [RUN_FILES.benchmark, byName(fromColumns(EQUITY_COLUMNS))],
  [RUN_FILES.trades, byName(fromColumns(TRADE_COLUMNS))],
  // one stage_<name> column per stage an engine logged
  [RUN_FILES.decisions, (name) => byName(fromColumns([...DECISION_LEAD_COLUMNS, ...DECISION_TAIL_COLUMNS]))(name) ?? (name.startsWith('stage_') ? 'double' : undefined)],
  [RUN_FILES.progress, byName(fromColumns(PROGRESS_COLUMNS))],
  [RUN_FILES.history, byName(fromColumns(HISTORY_COLUMNS))],
  [RUN_FILES.adjustments, byName(fromColumns(ADJUSTMENT_COLUMNS))],
  [RUN_FILES.milestones, byName(fromColumns(MILESTONE_COLUMNS))],
  [RUN_FILES.alerts, byName(fromColumns(ALERT_COLUMNS))],
];

const SWEEP_TABLES: readonly (readonly [string, ColumnTypes])[] = [
  [
    'results.csv',
    byName({
      rank: 'int',
      variant: 'int',
      status: 'string',
      objective: 'double',
      finalEquity: 'decimal',
      ...Object.fromEntries(METRIC_KEYS.map((key) => [key, 'double' as const])),
      months: 'int',
      monthsReturnGoalMet: 'int',
      monthsIncomeGoalMet: 'int',
      portfolioTargetReachedAt: 'timestamp',
      riskAdjustments: 'int',
      milestones: 'int',
      error: 'string',
    }),
  ],
  ['marginals.csv', byName({ parameter: 'string', value: 'string', count: 'int', mean_objective: 'double', best_variant: 'int', best_objective: 'double' })],
  [AUDIT_FILES.returns, (name) => (name === 'date' ? 'date' : 'double')],
  [AUDIT_FILES.goals, (name) => (name === 'month' || name === 'goal' ? 'string' : 'int')],
];

const WALK_FORWARD_TABLES: readonly (readonly [string, ColumnTypes])[] = [
  [
    WALK_FORWARD_FILES.windows,
    byName({
      window: 'int',
      train_first: 'date',
      train_last: 'date',
      test_first: 'date',
      test_last: 'date',
      variant: 'int',
      carried: 'string',
      in_sample_objective: 'double',
      out_of_sample_objective: 'double',
      in_sample_cagr: 'double',
      out_of_sample_return: 'double',
      out_of_sample_sharpe: 'double',
      months: 'int',
      months_return_goal_met: 'int',
      months_income_goal_met: 'int',
    }),
  ],
  [WALK_FORWARD_FILES.equity, byName({ date: 'date', out_of_sample: 'double', whole_period_best: 'double' })],
];

/** Constraint columns (`<metric>`, `_low`, `_high`) are doubles; parameters are inferred. */
const SOLVE_TYPES = byName({ candidate: 'int', origin: 'string', rung: 'int', paths: 'int', left_out: 'string', p_goal: 'double', p_goal_low: 'double', p_goal_high: 'double', feasible: 'string', dropped_at_rung: 'int', reason: 'string', error: 'string' });

async function copyTables(dir: string, tables: readonly (readonly [string, ColumnTypes])[]): Promise<string[]> {
  const written: string[] = [];
  for (const [file, types] of tables) {
    const csv = join(dir, file);
    if (!existsSync(csv)) continue;
    const parquet = csv.replace(/\.csv$/, '.parquet');
    await writeParquetFromCsv(csv, parquet, types);
    written.push(parquet);
  }
  return written;
}

/** A command's `--format` carried out on its folder: Parquet copies when it asks for them. */
export async function writeFormats(formats: readonly TableFormat[] | undefined, dir: string): Promise<void> {
  if (formats?.includes('parquet') === true) await writeParquetCopies(dir);
}

/** Writes a Parquet copy of every table in the goalsim folder `dir`; returns the files written. */
export async function writeParquetCopies(dir: string): Promise<string[]> {
  if (existsSync(join(dir, 'odds.json'))) return copyTables(dir, ODDS_TABLES);
  if (existsSync(join(dir, WALK_FORWARD_FILES.definition))) {
    // a train shard has no out-of-sample folder yet
    const inner = [WALK_FORWARD_FILES.train, WALK_FORWARD_FILES.oos].map((sub) => join(dir, sub)).filter((sub) => existsSync(sub));
    const copies = await copyTables(dir, WALK_FORWARD_TABLES);
    for (const sub of inner) copies.push(...(await writeParquetCopies(sub)));
    return copies;
  }
  if (existsSync(join(dir, SOLVE_FILES.definition))) {
    return copyTables(dir, [[SOLVE_FILES.candidates, (name) => SOLVE_TYPES(name) ?? (/_(low|high)$/.test(name) ? 'double' : undefined)]]);
  }
  if (existsSync(join(dir, SWEEP_DEFINITION_FILE))) return copyTables(dir, SWEEP_TABLES);
  if (existsSync(join(dir, RUN_FILES.summary)) && existsSync(join(dir, RUN_FILES.equity))) return copyTables(dir, RUN_TABLES);
  throw new UsageError(`${dir}: not a goalsim folder (no odds.json, walkforward.json, solve.json, sweep.json, or summary.json with equity.csv)`);
}
