/**
 * The monthly table of a run, built with danfojs from its files: the month's return (its last
 * equity over the previous month's, the first month over the initial capital), its income
 * (net P&L of trades closed in it), and whether each monthly goal was met. The equity curve is
 * reduced to daily closes first, so a million-bar run stays a small table.
 */
import { dailyCloses } from '../analysis/metrics.js';
import { MS_PER_DAY } from '../data/timestamp.js';
import { parseTimestamp } from '../data/timestamp.js';
import type { RunFiles } from './readRun.js';

export interface MonthRow {
  readonly month: string;
  readonly returnPct: number;
  readonly income: number;
  readonly returnGoalMet: boolean | null;
  readonly incomeGoalMet: boolean | null;
}

const monthOf = (ms: number): string => new Date(ms).toISOString().slice(0, 7);

export async function monthlyTable(files: RunFiles): Promise<MonthRow[]> {
  const { equity } = files;
  if (equity.length === 0) return [];
  const dfd = await import('danfojs-node');
  const daily = dailyCloses({ length: equity.length, time: equity.time, equity: equity.equity, cash: equity.equity, exposure: equity.exposure, drawdown: equity.drawdown });
  const ends = dfd.toJSON(new dfd.DataFrame({ month: daily.day.map((d) => monthOf(d * MS_PER_DAY)), equity: daily.equity }).groupby(['month']).last()) as { month: string; equity: number }[];
  const trades = files.trades.map((t) => ({ month: monthOf(parseTimestamp(t['exit_time'] ?? '')), pnl: Number(t['pnl']) }));
  const incomes = trades.length === 0 ? [] : (dfd.toJSON(new dfd.DataFrame({ month: trades.map((t) => t.month), pnl: trades.map((t) => t.pnl) }).groupby(['month']).sum()) as { month: string; pnl_sum: number }[]);
  const incomeByMonth = new Map(incomes.map((row) => [row.month, row.pnl_sum]));
  const targets = (files.summary.goals['targets'] ?? {}) as Record<string, number>;
  let previous = Number(files.summary.initialCapital);
  return ends
    .sort((a, b) => (a.month < b.month ? -1 : 1))
    .map((row) => {
      const returnPct = row.equity / previous - 1;
      previous = row.equity;
      const income = incomeByMonth.get(row.month) ?? 0;
      const returnTarget = targets['monthly_return'];
      const incomeTarget = targets['monthly_income'];
      return {
        month: row.month,
        returnPct,
        income,
        returnGoalMet: returnTarget === undefined ? null : returnPct >= returnTarget,
        incomeGoalMet: incomeTarget === undefined ? null : income >= incomeTarget,
      };
    });
}
