/**
 * The goal tracker's tables as CSV (SPEC §5): goal_progress, goal_progress_history,
 * goal_adjustments, milestones, alerts.
 */
import type { GoalTracker } from '../goals/tracker.js';
import { formatFloat, formatTime, toCsv } from './format.js';

const bool = (value: boolean | null): string => (value === null ? '' : value ? 'true' : 'false');

export function goalFiles(tracker: GoalTracker | undefined): [string, string][] {
  const rows = {
    progress: tracker?.progressRows ?? [],
    history: tracker?.historyRows ?? [],
    adjustments: tracker?.adjustments ?? [],
    milestones: tracker?.milestones ?? [],
    alerts: tracker?.alerts ?? [],
  };
  return [
    [
      'goal_progress.csv',
      toCsv(
        ['timestamp', 'goal', 'current', 'target', 'progress', 'expected', 'pace', 'status', 'on_track', 'portfolio_value', 'realized_pnl', 'unrealized_pnl', 'win_rate', 'sharpe', 'days_remaining', 'required_daily_return', 'risk'],
        rows.progress.map((r) => [
          formatTime(r.time), r.goal, formatFloat(r.current), formatFloat(r.target), formatFloat(r.progress), formatFloat(r.expected), formatFloat(r.pace), r.status,
          bool(r.status === 'achieved' || r.status === 'on_track'), formatFloat(r.portfolioValue), formatFloat(r.realizedPnl), formatFloat(r.unrealizedPnl),
          formatFloat(r.winRate), formatFloat(r.sharpe), r.daysRemaining === null ? '' : String(r.daysRemaining), formatFloat(r.requiredDailyReturn), formatFloat(r.risk),
        ]),
      ),
    ],
    ['goal_progress_history.csv', toCsv(['date', 'goal', 'actual', 'target', 'variance_pct', 'status'], rows.history.map((r) => [r.date, r.goal, formatFloat(r.actual), formatFloat(r.target), formatFloat(r.variancePct), r.status]))],
    ['goal_adjustments.csv', toCsv(['timestamp', 'goal', 'type', 'previous', 'new', 'reason', 'status'], rows.adjustments.map((r) => [formatTime(r.time), r.goal, r.type, formatFloat(r.previous), formatFloat(r.next), r.reason, r.status]))],
    ['milestones.csv', toCsv(['timestamp', 'goal', 'period', 'milestone', 'progress', 'action'], rows.milestones.map((r) => [formatTime(r.time), r.goal, r.period, formatFloat(r.milestone), formatFloat(r.progress), r.action]))],
    ['alerts.csv', toCsv(['timestamp', 'type', 'goal', 'message'], rows.alerts.map((r) => [formatTime(r.time), r.type, r.goal, r.message]))],
  ];
}
