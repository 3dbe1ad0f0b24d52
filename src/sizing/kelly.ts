/**
 * Kelly fraction from closed-trade statistics (seed 001):
 * f = (W x AvgWin - L x AvgLoss) / AvgWin, AvgWin and AvgLoss positive magnitudes of per-trade
 * returns. Before `minTrades` closed trades the configured priors stand in. Computed on
 * decimals so that the source system's golden example (W 0.58, 0.021, 0.013 -> 0.32) is exact.
 */
import { Money, toFloat } from '../ledger/money.js';
import type { TradeStats } from './types.js';

export interface KellyInputs {
  readonly kellyCap: number;
  readonly minTrades: number;
  readonly priors: { readonly winRate: number; readonly avgWin: number; readonly avgLoss: number };
}

export interface KellyEstimate {
  /** Capped Kelly fraction; <= 0 means negative edge. */
  readonly fraction: InstanceType<typeof Money>;
  readonly raw: number;
  readonly winRate: number;
  readonly source: 'trades' | 'priors';
}

export function kellyEstimate(stats: TradeStats | undefined, params: KellyInputs): KellyEstimate {
  const useTrades = stats !== undefined && stats.trades >= params.minTrades && stats.avgWin > 0;
  const winRate = useTrades ? stats.winRate : params.priors.winRate;
  const avgWin = new Money(useTrades ? stats.avgWin : params.priors.avgWin);
  const avgLoss = new Money(useTrades ? stats.avgLoss : params.priors.avgLoss);
  const w = new Money(winRate);
  const raw = w.mul(avgWin).sub(Money.sub(1, w).mul(avgLoss)).div(avgWin);
  return { fraction: Money.min(raw, params.kellyCap), raw: toFloat(raw), winRate, source: useTrades ? 'trades' : 'priors' };
}
