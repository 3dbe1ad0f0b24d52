/**
 * Win rate, average win and loss (positive magnitudes of per-trade returns) and a per-trade
 * Sharpe ratio over the last `window` closed trades.
 */
import type { Trade } from '../ledger/index.js';
import type { TradeStats } from '../sizing/types.js';

export function tradeStatsOf(trades: readonly Trade[], window: number): TradeStats {
  const recent = trades.slice(Math.max(0, trades.length - window));
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
