/**
 * The pipeline's base stage (README "Sizing engines"). `seed` is the seed system's risk manager: a blend of a
 * volatility size, a quarter-Kelly size and a risk-parity size, each a share of the available
 * balance (cash not tied up in positions). The other methods are the earlier formulas, kept by
 * name: `risk-budget` (alias `volatility`) is equity x riskTolerance / (k x sigma); `kelly`,
 * `risk_parity` and `blend` as they were. Every sigma is the daily-return stdev over
 * `base.lookback` days (sim/dailyCloses.ts).
 */
import { toFloat } from '../ledger/index.js';
import type { KellyEstimate } from './kelly.js';
import type { PipelineParams } from './params.js';
import type { SizingRequest } from './types.js';

type SeedParams = PipelineParams['base']['seed'];

/** The three seed sizes and their blend, in account currency. */
export interface SeedBase {
  readonly volatility: number;
  readonly kelly: number;
  readonly risk_parity: number;
  readonly value: number;
  /** Where the Kelly f came from, and the fraction of balance it gave (clamp(0.25 f, 0, cap)). */
  readonly kellySource: 'trades' | 'placeholders' | 'fallback';
  readonly kellyFraction: number;
}

/** balance x riskPerTrade x clamp(target / sigma, min, max), x highMultiplier above highSigma, at most maxPct x balance. */
export function seedVolatilitySize(balance: number, riskPerTrade: number, sigma: number, p: SeedParams['volatility']): number {
  const scale = sigma > 0 ? Math.min(p.scaleMax, Math.max(p.scaleMin, p.target / sigma)) : 1; // no sigma yet: unscaled
  const calmed = sigma > p.highSigma ? p.highMultiplier : 1;
  return Math.min(balance * riskPerTrade * scale * calmed, balance * p.maxPct);
}

/**
 * balance x clamp(fraction x f, 0, cap) x strength, f = W - (1 - W) / R from the run's closed
 * trades once `minTrades` of them (with wins and losses) exist, the seed's placeholders before.
 */
export function seedKellySize(balance: number, strength: number, request: SizingRequest, minTrades: number, p: SeedParams['kelly']): { size: number; source: SeedBase['kellySource']; fraction: number } {
  const stats = request.tradeStats;
  const fromTrades = stats !== undefined && stats.trades >= minTrades && stats.avgWin > 0 && stats.avgLoss > 0;
  const winRate = fromTrades ? stats.winRate : p.winRate;
  const ratio = fromTrades ? stats.avgWin / stats.avgLoss : p.winLossRatio;
  const f = winRate - (1 - winRate) / ratio;
  if (!Number.isFinite(f)) return { size: balance * p.fallbackPct, source: 'fallback', fraction: p.fallbackPct };
  const fraction = Math.min(p.cap, Math.max(0, p.fraction * f));
  return { size: balance * fraction * strength, source: fromTrades ? 'trades' : 'placeholders', fraction };
}

/** balance x (portfolioVolatility / n) / sigma, n = open positions + 1, at most maxPct; fallbackPct without a sigma. */
export function seedRiskParitySize(balance: number, sigma: number, openPositions: number, p: SeedParams['riskParity']): number {
  if (!(sigma > 0)) return balance * p.fallbackPct;
  return Math.min((balance * (p.portfolioVolatility / (openPositions + 1))) / sigma, balance * p.maxPct);
}

/**
 * The available balance the seed's sizes are shares of: cash not tied up, short proceeds left out
 * (they secure the shorts), and never more than equity, so that a cap of x % of balance is at
 * most x % of equity whatever the cash.
 */
export function freeBalance(request: SizingRequest): number {
  return Math.max(0, Math.min(request.spendableCash ?? request.cash, request.equity));
}

export function seedBase(request: SizingRequest, params: PipelineParams): SeedBase {
  const p = params.base.seed;
  const balance = freeBalance(request);
  const sigma = request.volatility?.short ?? NaN;
  const volatility = seedVolatilitySize(balance, request.riskTolerance, sigma, p.volatility);
  const kelly = seedKellySize(balance, request.confidence, request, params.minTrades, p.kelly);
  const riskParity = seedRiskParitySize(balance, sigma, request.openPositions ?? 0, p.riskParity);
  const value = p.weights.volatility * volatility + p.weights.kelly * kelly.size + p.weights.risk_parity * riskParity;
  return { volatility, kelly: kelly.size, risk_parity: riskParity, value, kellySource: kelly.source, kellyFraction: kelly.fraction };
}

/** The earlier components: equity x risk / (k x sigma), equity x Kelly x kellyFraction, inverse-volatility weight. */
export interface LegacySizes {
  readonly volatility: number;
  readonly kelly: number;
  readonly risk_parity: number;
}

export function legacySizes(request: SizingRequest, params: PipelineParams, kelly: KellyEstimate): LegacySizes {
  const sigma = request.volatility?.short ?? NaN;
  const volatility = sigma > 0 ? (request.equity * request.riskTolerance) / (params.base.k * sigma) : NaN;
  const kellySize = request.equity * Math.max(0, toFloat(kelly.fraction)) * params.kellyFraction;
  const inverse = (request.portfolioVolatilities ?? [sigma]).filter((v) => v > 0).map((v) => 1 / v);
  const weight = sigma > 0 && inverse.length > 0 ? 1 / sigma / inverse.reduce((a, b) => a + b, 0) : NaN;
  return { volatility, kelly: kellySize, risk_parity: request.equity * params.maxGrossExposure * weight };
}

/** A legacy method's value, or a blend over the components that can be computed yet. */
export function legacyBase(sizes: LegacySizes, params: PipelineParams): number {
  const method = params.base.method;
  if (method === 'risk-budget' || method === 'volatility') return sizes.volatility;
  if (method === 'kelly' || method === 'risk_parity') return sizes[method];
  let total = 0;
  let weights = 0;
  for (const component of ['volatility', 'kelly', 'risk_parity'] as const) {
    const size = sizes[component];
    const weight = params.base.blendWeights[component];
    if (Number.isFinite(size) && weight > 0) {
      total += weight * size;
      weights += weight;
    }
  }
  return weights > 0 ? total / weights : NaN;
}
