/**
 * The goal tracker's tables as CSV (SPEC §5): goal_progress, goal_progress_history,
 * goal_adjustments, milestones, alerts.
 */
import { formatDate } from '../data/timestamp.js';
import type { GoalTracker } from '../goals/tracker.js';
import { rowsOf, type CsvTable } from './fileWriter.js';
import { formatFloat, formatTime } from './format.js';

const bool = (value: boolean | null): string => (value === null ? '' : value ? 'true' : 'false');

export function goalTables(tracker: GoalTracker | undefined): CsvTable[] {
  return [
    {
      file: 'goal_progress.csv',
      header: ['timestamp', 'goal', 'current', 'target', 'progress', 'expected', 'pace', 'status', 'on_track', 'portfolio_value', 'realized_pnl', 'unrealized_pnl', 'win_rate', 'sharpe', 'days_remaining', 'required_daily_return', 'risk'],
      rows: rowsOf(tracker?.progressRows ?? [], (r) => [
        formatTime(r.time), r.goal, formatFloat(r.current), formatFloat(r.target), formatFloat(r.progress), formatFloat(r.expected), formatFloat(r.pace), r.status,
        bool(r.status === 'achieved' || r.status === 'on_track'), formatFloat(r.portfolioValue), formatFloat(r.realizedPnl), formatFloat(r.unrealizedPnl),
        formatFloat(r.winRate), formatFloat(r.sharpe), r.daysRemaining === null ? '' : String(r.daysRemaining), formatFloat(r.requiredDailyReturn), formatFloat(r.risk),
      ]),
    },
    { file: 'goal_progress_history.csv', header: ['date', 'goal', 'actual', 'target', 'variance_pct', 'status'], rows: rowsOf(tracker?.historyRows ?? [], (r) => [formatDate(r.day), r.goal, formatFloat(r.actual), formatFloat(r.target), formatFloat(r.variancePct), r.status]) },
    { file: 'goal_adjustments.csv', header: ['timestamp', 'goal', 'type', 'previous', 'new', 'reason', 'status'], rows: rowsOf(tracker?.adjustments ?? [], (r) => [formatTime(r.time), r.goal, r.type, formatFloat(r.previous), formatFloat(r.next), r.reason, r.status]) },
    { file: 'milestones.csv', header: ['timestamp', 'goal', 'period', 'milestone', 'progress', 'action'], rows: rowsOf(tracker?.milestones ?? [], (r) => [formatTime(r.time), r.goal, r.period, formatFloat(r.milestone), formatFloat(r.progress), r.action]) },
    { file: 'alerts.csv', header: ['timestamp', 'type', 'goal', 'message'], rows: rowsOf(tracker?.alerts ?? [], (r) => [formatTime(r.time), r.type, r.goal, r.message]) },
  ];
}
