/**
 * The one definition of a run folder (README "Reports"): its file names, and for each CSV its columns in
 * order, each with the header name and how a record becomes its cell. The writer (runFiles.ts,
 * goalFiles.ts) writes rows from these columns and the reader (readRun.ts) types the rows it
 * reads by the same names, so a renamed or moved column cannot leave a reader behind.
 */
import { formatDate } from '../data/timestamp.js';
import type { AdjustmentRow, AlertRow, HistoryRow, MilestoneRow, ProgressRow } from '../goals/tables.js';
import type { Trade } from '../ledger/index.js';
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

/** One CSV column: its header name, and its cell for a record. */
export interface Column<Source> {
  readonly name: string;
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
  { name: 'timestamp', cell: ({ curve, i }) => formatTime(curve.time[i] as number) },
  { name: 'equity', cell: ({ curve, i }) => formatFloat(curve.equity[i]) },
  { name: 'cash', cell: ({ curve, i }) => formatFloat(curve.cash[i]) },
  { name: 'exposure', cell: ({ curve, i }) => formatFloat(curve.exposure[i]) },
  { name: 'drawdown', cell: ({ curve, i }) => formatFloat(curve.drawdown[i]) },
] as const satisfies readonly Column<CurveRow>[];

export const TRADE_COLUMNS = [
  { name: 'symbol', cell: (t) => t.symbol },
  { name: 'side', cell: (t) => t.direction },
  { name: 'entry_time', cell: (t) => formatTime(t.entryTime) },
  { name: 'entry_price', cell: (t) => formatDecimal(t.entryPrice) },
  { name: 'exit_time', cell: (t) => formatTime(t.exitTime) },
  { name: 'exit_price', cell: (t) => formatDecimal(t.exitPrice) },
  { name: 'quantity', cell: (t) => formatDecimal(t.quantity) },
  { name: 'fees', cell: (t) => formatDecimal(t.fees) },
  { name: 'pnl', cell: (t) => formatDecimal(t.pnl) },
  { name: 'exit_reason', cell: (t) => t.exitReason },
  // the part of the net P&L the goal added (analysis/goalPnl.ts); empty where no decision opened the trade
  { name: 'goal_pnl', cell: (t) => formatFloat(t.goalPnl) },
] as const satisfies readonly Column<TradeRow>[];

/** A trade as trades.csv writes it: with the P&L its goal added. */
export type TradeRow = Trade & { readonly goalPnl: number | null };

/** sizing_decisions.csv: these, then one `stage_<name>` column per stage any engine logged, then the tail. */
export const DECISION_LEAD_COLUMNS = [
  { name: 'time', cell: (r) => formatTime(r.time) },
  { name: 'symbol', cell: (r) => r.symbol },
  { name: 'signal', cell: (r) => r.signal },
  { name: 'direction', cell: (r) => r.direction },
  { name: 'price', cell: (r) => formatFloat(r.price) },
  { name: 'confidence', cell: (r) => formatFloat(r.confidence) },
  { name: 'stop_loss_pct', cell: (r) => formatFloat(r.stopLossPct) },
  { name: 'engine', cell: (r) => r.decision.engine },
] as const satisfies readonly Column<DecisionRecord>[];

export const DECISION_TAIL_COLUMNS = [
  { name: 'goal_factor', cell: (r) => formatFloat(r.decision.goalFactor) },
  { name: 'risk_pct', cell: (r) => formatFloat(r.decision.riskPct) },
  { name: 'risk_amount', cell: (r) => formatFloat(r.decision.riskAmount) },
  { name: 'kelly', cell: (r) => formatFloat(r.decision.kelly) },
  { name: 'final_value', cell: (r) => formatFloat(r.decision.finalValue) },
  { name: 'allocation', cell: (r) => formatFloat(r.decision.allocation) },
  { name: 'quantity', cell: (r) => formatDecimal(r.decision.units) },
  { name: 'binding', cell: (r) => r.decision.binding ?? 'none' },
  { name: 'goal_effect', cell: (r) => formatFloat(r.decision.goalEffect) },
  { name: 'skipped', cell: (r) => r.decision.skipped ?? '' },
  { name: 'reason', cell: (r) => r.decision.reasoning },
] as const satisfies readonly Column<DecisionRecord>[];

export const stageColumn = (stage: string): `stage_${string}` => `stage_${stage}`;

export function stageColumns(stages: readonly string[]): Column<DecisionRecord>[] {
  return stages.map((name) => ({ name: stageColumn(name), cell: (r) => formatFloat(r.decision.stages.find((stage) => stage.name === name)?.value) }));
}

const bool = (value: boolean | null): string => (value === null ? '' : value ? 'true' : 'false');

export const PROGRESS_COLUMNS = [
  { name: 'timestamp', cell: (r) => formatTime(r.time) },
  { name: 'goal', cell: (r) => r.goal },
  { name: 'current', cell: (r) => formatFloat(r.current) },
  { name: 'target', cell: (r) => formatFloat(r.target) },
  { name: 'progress', cell: (r) => formatFloat(r.progress) },
  // the source system's progress, current / target: the portfolio goal's progress counts the gain instead
  { name: 'current_over_target', cell: (r) => formatFloat(r.current / r.target) },
  { name: 'expected', cell: (r) => formatFloat(r.expected) },
  { name: 'pace', cell: (r) => formatFloat(r.pace) },
  { name: 'status', cell: (r) => r.status },
  { name: 'on_track', cell: (r) => bool(r.status === 'achieved' || r.status === 'on_track') },
  { name: 'portfolio_value', cell: (r) => formatFloat(r.portfolioValue) },
  { name: 'realized_pnl', cell: (r) => formatFloat(r.realizedPnl) },
  { name: 'unrealized_pnl', cell: (r) => formatFloat(r.unrealizedPnl) },
  { name: 'win_rate', cell: (r) => formatFloat(r.winRate) },
  { name: 'sharpe', cell: (r) => formatFloat(r.sharpe) },
  { name: 'days_remaining', cell: (r) => (r.daysRemaining === null ? '' : String(r.daysRemaining)) },
  { name: 'required_daily_return', cell: (r) => formatFloat(r.requiredDailyReturn) },
  { name: 'risk', cell: (r) => formatFloat(r.risk) },
] as const satisfies readonly Column<ProgressRow>[];

export const HISTORY_COLUMNS = [
  { name: 'date', cell: (r) => formatDate(r.day) },
  { name: 'goal', cell: (r) => r.goal },
  { name: 'actual', cell: (r) => formatFloat(r.actual) },
  { name: 'target', cell: (r) => formatFloat(r.target) },
  { name: 'variance_pct', cell: (r) => formatFloat(r.variancePct) },
  { name: 'status', cell: (r) => r.status },
] as const satisfies readonly Column<HistoryRow>[];

export const ADJUSTMENT_COLUMNS = [
  { name: 'timestamp', cell: (r) => formatTime(r.time) },
  { name: 'goal', cell: (r) => r.goal },
  { name: 'type', cell: (r) => r.type },
  { name: 'previous', cell: (r) => formatFloat(r.previous) },
  { name: 'new', cell: (r) => formatFloat(r.next) },
  { name: 'reason', cell: (r) => r.reason },
  { name: 'status', cell: (r) => r.status },
] as const satisfies readonly Column<AdjustmentRow>[];

export const MILESTONE_COLUMNS = [
  { name: 'timestamp', cell: (r) => formatTime(r.time) },
  { name: 'goal', cell: (r) => r.goal },
  { name: 'period', cell: (r) => r.period },
  { name: 'milestone', cell: (r) => formatFloat(r.milestone) },
  { name: 'progress', cell: (r) => formatFloat(r.progress) },
  { name: 'action', cell: (r) => r.action },
] as const satisfies readonly Column<MilestoneRow>[];

export const ALERT_COLUMNS = [
  { name: 'timestamp', cell: (r) => formatTime(r.time) },
  { name: 'type', cell: (r) => r.type },
  { name: 'goal', cell: (r) => r.goal },
  { name: 'message', cell: (r) => r.message },
] as const satisfies readonly Column<AlertRow>[];

export type TradeColumnName = (typeof TRADE_COLUMNS)[number]['name'];
export type DecisionColumnName = (typeof DECISION_LEAD_COLUMNS)[number]['name'] | (typeof DECISION_TAIL_COLUMNS)[number]['name'];
export type ProgressColumnName = (typeof PROGRESS_COLUMNS)[number]['name'];
export type AdjustmentCsvRow = RowOf<typeof ADJUSTMENT_COLUMNS>;
export type MilestoneCsvRow = RowOf<typeof MILESTONE_COLUMNS>;
