/**
 * Win rate, average win and loss (positive magnitudes of per-trade returns) and a per-trade
 * Sharpe ratio over the last `window` closed trades, or those closed in the last `window.days`
 * days of simulated time before `time` (the seed system's 30 days).
 */
import { MS_PER_DAY } from '../data/timestamp.js';
import type { Trade } from '../ledger/index.js';
import type { TradeStats, TradeWindow } from '../sizing/types.js';

function firstInWindow(trades: readonly Trade[], window: TradeWindow, time: number): number {
  if (typeof window === 'number') return Math.max(0, trades.length - window);
  const since = time - window.days * MS_PER_DAY;
  let first = trades.length;
  while (first > 0 && (trades[first - 1] as Trade).exitTime >= since) first--;
  return first;
}

export function tradeStatsOf(trades: readonly Trade[], window: TradeWindow, time = Infinity): TradeStats {
  const recent = trades.slice(firstInWindow(trades, window, time));
  const returns = recent.map((trade) => trade.returnPct);
  const wins = returns.filter((r) => r > 0);
  const losses = returns.filter((r) => r <= 0);
  const mean = (values: readonly number[]): number => (values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length);
  const average = mean(returns);
  const variance = returns.length < 2 ? 0 : returns.reduce((sum, r) => sum + (r - average) ** 2, 0) / (returns.length - 1);
  return {
    trades: recent.length,
    winRate: recent.length === 0 ? 0 : wins.length / recent.length,
    avgWin: mean(wins),
    avgLoss: Math.abs(mean(losses)),
    sharpe: variance > 0 ? average / Math.sqrt(variance) : 0,
  };
}
