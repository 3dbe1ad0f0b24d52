/**
 * The pipeline's signal and market stages (README "Sizing engines", the seed system's multipliers). The
 * market regime is read from the symbol's own daily data: high volatility when the short sigma
 * is above `volatilityRatio` x the long one, else bull / bear when the close is more than
 * `trendBand` above / below its `trendLookback`-day average, else sideways.
 */
import type { PipelineParams } from './params.js';
import type { SizingRequest, VolatilityInput } from './types.js';

export type Regime = 'high_volatility' | 'bull' | 'bear' | 'sideways';

/** The seed's step function of signal confidence (highest step first), or the confidence itself. */
export function signalFactor(confidence: number, p: PipelineParams['signal']): number {
  if (p.method === 'linear') return confidence;
  for (const [atLeast, factor] of p.steps) if (confidence >= atLeast) return factor;
  return p.floor;
}

export function regimeOf(volatility: VolatilityInput | undefined, p: PipelineParams['market']): Regime {
  const short = volatility?.short ?? NaN;
  const long = volatility?.long ?? NaN;
  if (short > 0 && long > 0 && short > p.volatilityRatio * long) return 'high_volatility';
  const trend = volatility?.trend ?? NaN;
  if (trend > p.trendBand) return 'bull';
  if (trend < -p.trendBand) return 'bear';
  return 'sideways';
}

/** True outside [startHour, endHour) UTC of simulated time. */
export function offHours(time: number, p: PipelineParams['market']['offHours']): boolean {
  const hour = new Date(time).getUTCHours();
  return hour < p.startHour || hour >= p.endHour;
}

export interface MarketFactor {
  readonly factor: number;
  /** What set it, for the reasoning text. */
  readonly label: string;
}

export function marketFactor(request: SizingRequest, p: PipelineParams['market']): MarketFactor {
  if (p.method === 'volatility-ratio') {
    const short = request.volatility?.short ?? NaN;
    const long = request.volatility?.long ?? NaN;
    const factor = short > 0 && long > 0 ? Math.min(p.max, Math.max(p.min, long / short)) : 1;
    return { factor, label: 'volatility ratio' };
  }
  const regime = regimeOf(request.volatility, p);
  const byRegime = regime === 'high_volatility' ? p.highVolatility : regime === 'bull' ? p.bull : regime === 'bear' ? p.bear : p.sideways;
  const late = p.offHours.enabled && offHours(request.time, p.offHours);
  return { factor: byRegime * (late ? p.offHours.multiplier : 1), label: late ? `${regime}, off hours` : regime };
}
