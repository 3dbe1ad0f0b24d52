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

/**
 * One pass for the sums and one for the variance, in the trades' order (the sums come out
 * bit for bit as a reduce over them would): a 30-day window of minute-bar trades holds hundreds,
 * and the five arrays a map-and-filter version made per decision were a run's largest garbage.
 */
export function tradeStatsOf(trades: readonly Trade[], window: TradeWindow, time = Infinity): TradeStats {
  const first = firstInWindow(trades, window, time);
  const count = trades.length - first;
  let sum = 0;
  let wins = 0;
  let winSum = 0;
  let losses = 0;
  let lossSum = 0;
  for (let i = first; i < trades.length; i++) {
    const r = (trades[i] as Trade).returnPct;
    sum += r;
    if (r > 0) {
      wins++;
      winSum += r;
    } else if (r <= 0) {
      losses++;
      lossSum += r;
    }
  }
  const average = count === 0 ? 0 : sum / count;
  let squares = 0;
  if (count >= 2) for (let i = first; i < trades.length; i++) squares += ((trades[i] as Trade).returnPct - average) ** 2;
  const variance = count < 2 ? 0 : squares / (count - 1);
  return {
    trades: count,
    winRate: count === 0 ? 0 : wins / count,
    avgWin: wins === 0 ? 0 : winSum / wins,
    avgLoss: Math.abs(losses === 0 ? 0 : lossSum / losses),
    sharpe: variance > 0 ? average / Math.sqrt(variance) : 0,
  };
}
