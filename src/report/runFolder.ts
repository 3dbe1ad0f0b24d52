/**
 * The one definition of a run folder (README "Reports"): its file names, and for each CSV its columns in
 * order, each with the header name and how a record becomes its cell. The writer (runFiles.ts,
 * goalFiles.ts) writes rows from these columns and the reader (readRun.ts) types the rows it
 * reads by the same names, so a renamed or moved column cannot leave a reader behind.
 */
import { formatDate } from '../data/timestamp.js';
import type { AdjustmentRow, AlertRow, HistoryRow, MilestoneRow, ProgressRow } from '../goals/tables.js';
import type { Trade } from '../ledger/index.js';
import type { ColumnType } from '../io/parquetFile.js';
import { formatDecimal, formatFloat, formatTime } from '../numeric/format.js';
import type { EquityCurve } from '../sim/equityCurve.js';
import type { DecisionRecord } from '../sim/types.js';

export const RUN_FILES = {
  summary: 'summary.json',
  equity: 'equity.csv',
  // the buy-and-hold benchmark's curve, in equity.csv's columns (sim/benchmark.ts)
  benchmark: 'benchmark.csv',
  trades: 'trades.csv',
  decisions: 'sizing_decisions.csv',
  progress: 'goal_progress.csv',
  history: 'goal_progress_history.csv',
  adjustments: 'goal_adjustments.csv',
  milestones: 'milestones.csv',
  alerts: 'alerts.csv',
} as const;

/** One column: its header name, its type in a Parquet copy (io/parquetFile.ts), and its CSV cell for a record. */
export interface Column<Source> {
  readonly name: string;
  readonly type: ColumnType;
  readonly cell: (source: Source) => string;
}

/** A row read back: every column of the definition by its name. */
export type RowOf<Columns extends readonly { readonly name: string }[]> = Readonly<Record<Columns[number]['name'], string>>;

export const headerOf = (columns: readonly Column<never>[]): string[] => columns.map((column) => column.name);

export function cellsOf<Source>(columns: readonly Column<Source>[], source: Source): string[] {
  return columns.map((column) => column.cell(source));
}

/** A row of the equity curve: the curve and the row's index (one cursor reused for every row). */
export interface CurveRow {
  curve: EquityCurve;
  i: number;
}

export const EQUITY_COLUMNS = [
  { name: 'timestamp', type: 'timestamp', cell: ({ curve, i }) => formatTime(curve.time[i] as number) },
  { name: 'equity', type: 'double', cell: ({ curve, i }) => formatFloat(curve.equity[i]) },
  { name: 'cash', type: 'double', cell: ({ curve, i }) => formatFloat(curve.cash[i]) },
  { name: 'exposure', type: 'double', cell: ({ curve, i }) => formatFloat(curve.exposure[i]) },
  { name: 'drawdown', type: 'double', cell: ({ curve, i }) => formatFloat(curve.drawdown[i]) },
] as const satisfies readonly Column<CurveRow>[];

export const TRADE_COLUMNS = [
  { name: 'symbol', type: 'string', cell: (t) => t.symbol },
  { name: 'side', type: 'string', cell: (t) => t.direction },
  { name: 'entry_time', type: 'timestamp', cell: (t) => formatTime(t.entryTime) },
  { name: 'entry_price', type: 'decimal', cell: (t) => formatDecimal(t.entryPrice) },
  { name: 'exit_time', type: 'timestamp', cell: (t) => formatTime(t.exitTime) },
  { name: 'exit_price', type: 'decimal', cell: (t) => formatDecimal(t.exitPrice) },
  { name: 'quantity', type: 'decimal', cell: (t) => formatDecimal(t.quantity) },
  { name: 'fees', type: 'decimal', cell: (t) => formatDecimal(t.fees) },
  { name: 'pnl', type: 'decimal', cell: (t) => formatDecimal(t.pnl) },
  { name: 'exit_reason', type: 'string', cell: (t) => t.exitReason },
  // the part of the net P&L the goal added (analysis/goalPnl.ts); empty where no decision opened the trade
  { name: 'goal_pnl', type: 'double', cell: (t) => formatFloat(t.goalPnl) },
] as const satisfies readonly Column<TradeRow>[];

/** A trade as trades.csv writes it: with the P&L its goal added. */
export type TradeRow = Trade & { readonly goalPnl: number | null };

/** sizing_decisions.csv: these, then one `stage_<name>` column per stage any engine logged, then the tail. */
export const DECISION_LEAD_COLUMNS = [
  { name: 'time', type: 'timestamp', cell: (r) => formatTime(r.time) },
  { name: 'symbol', type: 'string', cell: (r) => r.symbol },
  { name: 'signal', type: 'string', cell: (r) => r.signal },
  { name: 'direction', type: 'string', cell: (r) => r.direction },
  { name: 'price', type: 'double', cell: (r) => formatFloat(r.price) },
  { name: 'confidence', type: 'double', cell: (r) => formatFloat(r.confidence) },
  { name: 'stop_loss_pct', type: 'double', cell: (r) => formatFloat(r.stopLossPct) },
  { name: 'engine', type: 'string', cell: (r) => r.decision.engine },
] as const satisfies readonly Column<DecisionRecord>[];

export const DECISION_TAIL_COLUMNS = [
  { name: 'goal_factor', type: 'double', cell: (r) => formatFloat(r.decision.goalFactor) },
  { name: 'risk_pct', type: 'double', cell: (r) => formatFloat(r.decision.riskPct) },
  { name: 'risk_amount', type: 'double', cell: (r) => formatFloat(r.decision.riskAmount) },
  { name: 'kelly', type: 'double', cell: (r) => formatFloat(r.decision.kelly) },
  { name: 'final_value', type: 'double', cell: (r) => formatFloat(r.decision.finalValue) },
  { name: 'allocation', type: 'double', cell: (r) => formatFloat(r.decision.allocation) },
  { name: 'quantity', type: 'decimal', cell: (r) => formatDecimal(r.decision.units) },
  { name: 'binding', type: 'string', cell: (r) => r.decision.binding ?? 'none' },
  { name: 'goal_effect', type: 'double', cell: (r) => formatFloat(r.decision.goalEffect) },
  { name: 'skipped', type: 'string', cell: (r) => r.decision.skipped ?? '' },
  { name: 'reason', type: 'string', cell: (r) => r.decision.reasoning },
] as const satisfies readonly Column<DecisionRecord>[];

export const stageColumn = (stage: string): `stage_${string}` => `stage_${stage}`;

export function stageColumns(stages: readonly string[]): Column<DecisionRecord>[] {
  return stages.map((name) => ({ name: stageColumn(name), type: 'double', cell: (r) => formatFloat(r.decision.stages.find((stage) => stage.name === name)?.value) }));
}

const bool = (value: boolean | null): string => (value === null ? '' : value ? 'true' : 'false');

export const PROGRESS_COLUMNS = [
  { name: 'timestamp', type: 'timestamp', cell: (r) => formatTime(r.time) },
  { name: 'goal', type: 'string', cell: (r) => r.goal },
  { name: 'current', type: 'double', cell: (r) => formatFloat(r.current) },
  { name: 'target', type: 'double', cell: (r) => formatFloat(r.target) },
  { name: 'progress', type: 'double', cell: (r) => formatFloat(r.progress) },
  // the source system's progress, current / target: the portfolio goal's progress counts the gain instead
  { name: 'current_over_target', type: 'double', cell: (r) => formatFloat(r.current / r.target) },
  { name: 'expected', type: 'double', cell: (r) => formatFloat(r.expected) },
  { name: 'pace', type: 'double', cell: (r) => formatFloat(r.pace) },
  { name: 'status', type: 'string', cell: (r) => r.status },
  { name: 'on_track', type: 'bool', cell: (r) => bool(r.status === 'achieved' || r.status === 'on_track') },
  { name: 'portfolio_value', type: 'double', cell: (r) => formatFloat(r.portfolioValue) },
  { name: 'realized_pnl', type: 'double', cell: (r) => formatFloat(r.realizedPnl) },
  { name: 'unrealized_pnl', type: 'double', cell: (r) => formatFloat(r.unrealizedPnl) },
  { name: 'win_rate', type: 'double', cell: (r) => formatFloat(r.winRate) },
  { name: 'sharpe', type: 'double', cell: (r) => formatFloat(r.sharpe) },
  { name: 'days_remaining', type: 'int', cell: (r) => (r.daysRemaining === null ? '' : String(r.daysRemaining)) },
  { name: 'required_daily_return', type: 'double', cell: (r) => formatFloat(r.requiredDailyReturn) },
  { name: 'risk', type: 'double', cell: (r) => formatFloat(r.risk) },
] as const satisfies readonly Column<ProgressRow>[];

export const HISTORY_COLUMNS = [
  { name: 'date', type: 'date', cell: (r) => formatDate(r.day) },
  { name: 'goal', type: 'string', cell: (r) => r.goal },
  { name: 'actual', type: 'double', cell: (r) => formatFloat(r.actual) },
  { name: 'target', type: 'double', cell: (r) => formatFloat(r.target) },
  { name: 'variance_pct', type: 'double', cell: (r) => formatFloat(r.variancePct) },
  { name: 'status', type: 'string', cell: (r) => r.status },
] as const satisfies readonly Column<HistoryRow>[];

export const ADJUSTMENT_COLUMNS = [
  { name: 'timestamp', type: 'timestamp', cell: (r) => formatTime(r.time) },
  { name: 'goal', type: 'string', cell: (r) => r.goal },
  { name: 'type', type: 'string', cell: (r) => r.type },
  { name: 'previous', type: 'double', cell: (r) => formatFloat(r.previous) },
  { name: 'new', type: 'double', cell: (r) => formatFloat(r.next) },
  { name: 'reason', type: 'string', cell: (r) => r.reason },
  { name: 'status', type: 'string', cell: (r) => r.status },
] as const satisfies readonly Column<AdjustmentRow>[];

export const MILESTONE_COLUMNS = [
  { name: 'timestamp', type: 'timestamp', cell: (r) => formatTime(r.time) },
  { name: 'goal', type: 'string', cell: (r) => r.goal },
  { name: 'period', type: 'string', cell: (r) => r.period },
  { name: 'milestone', type: 'double', cell: (r) => formatFloat(r.milestone) },
  { name: 'progress', type: 'double', cell: (r) => formatFloat(r.progress) },
  { name: 'action', type: 'string', cell: (r) => r.action },
] as const satisfies readonly Column<MilestoneRow>[];

export const ALERT_COLUMNS = [
  { name: 'timestamp', type: 'timestamp', cell: (r) => formatTime(r.time) },
  { name: 'type', type: 'string', cell: (r) => r.type },
  { name: 'goal', type: 'string', cell: (r) => r.goal },
  { name: 'message', type: 'string', cell: (r) => r.message },
] as const satisfies readonly Column<AlertRow>[];

export type TradeColumnName = (typeof TRADE_COLUMNS)[number]['name'];
export type DecisionColumnName = (typeof DECISION_LEAD_COLUMNS)[number]['name'] | (typeof DECISION_TAIL_COLUMNS)[number]['name'];
export type ProgressColumnName = (typeof PROGRESS_COLUMNS)[number]['name'];
export type AdjustmentCsvRow = RowOf<typeof ADJUSTMENT_COLUMNS>;
export type MilestoneCsvRow = RowOf<typeof MILESTONE_COLUMNS>;
