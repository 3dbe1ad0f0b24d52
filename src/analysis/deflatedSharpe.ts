/**
 * The probabilistic and deflated Sharpe ratios of Bailey & Lopez de Prado (2012, 2014), with
 * their 2014 conventions: per-period (here daily) Sharpe ratios, T - 1 in the PSR's scale, and
 * the skewness and the non-excess kurtosis of the returns (population moments). The 2025 revision
 * (Lopez de Prado, Lipton & Zoonekynd) gives materially different numbers on short samples.
 */
import { normalCdf, normalQuantile } from './normal.js';

export const DSR_CONVENTION = 'Bailey & Lopez de Prado (2014): daily Sharpe ratios, T - 1, non-excess kurtosis';

/** Euler-Mascheroni constant. */
const EULER_GAMMA = 0.5772156649015329;

export interface ReturnMoments {
  /** Number of returns. */
  readonly count: number;
  /** Mean over the sample standard deviation (n - 1): goalsim's Sharpe ratio, not annualised. */
  readonly sharpe: number;
  /** Population skewness. */
  readonly skewness: number;
  /** Population kurtosis, not excess: 3 for a normal distribution. */
  readonly kurtosis: number;
}

export function returnMoments(returns: ArrayLike<number>): ReturnMoments {
  const n = returns.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += returns[i] as number;
  const mean = sum / n;
  let m2 = 0;
  let m3 = 0;
  let m4 = 0;
  for (let i = 0; i < n; i++) {
    const d = (returns[i] as number) - mean;
    const d2 = d * d;
    m2 += d2;
    m3 += d2 * d;
    m4 += d2 * d2;
  }
  const sampleSd = Math.sqrt(m2 / (n - 1));
  const variance = m2 / n;
  return { count: n, sharpe: mean / sampleSd, skewness: m3 / n / variance ** 1.5, kurtosis: m4 / n / (variance * variance) };
}

/** The variance term of the PSR: 1 - skewness x SR + (kurtosis - 1) / 4 x SR^2. */
function sharpeVarianceTerm(sharpe: number, skewness: number, kurtosis: number): number {
  return 1 - skewness * sharpe + ((kurtosis - 1) / 4) * sharpe * sharpe;
}

/** PSR(SR*): the probability that the true Sharpe ratio exceeds `benchmark`, given an estimate from `count` returns. */
export function probabilisticSharpe(sharpe: number, benchmark: number, count: number, skewness: number, kurtosis: number): number {
  return normalCdf(((sharpe - benchmark) * Math.sqrt(count - 1)) / Math.sqrt(sharpeVarianceTerm(sharpe, skewness, kurtosis)));
}

/** E[max] of `trials` independent standard normals, by the extreme-value approximation of the 2014 paper. */
export function expectedMaxNormal(trials: number): number {
  return (1 - EULER_GAMMA) * normalQuantile(1 - 1 / trials) + EULER_GAMMA * normalQuantile(1 - 1 / (trials * Math.E));
}

/** Returns needed for the estimate to exceed `benchmark` with probability `confidence`. */
export function minimumTrackRecord(sharpe: number, benchmark: number, skewness: number, kurtosis: number, confidence: number): number {
  return 1 + sharpeVarianceTerm(sharpe, skewness, kurtosis) * (normalQuantile(confidence) / (sharpe - benchmark)) ** 2;
}

export interface DeflatedSharpe {
  readonly trials: number;
  /** Sample variance of the trials' Sharpe ratios. */
  readonly trialsVariance: number;
  /** The Sharpe ratio the best of `trials` would show by luck alone: sqrt(variance) x E[max]. */
  readonly expectedMaxSharpe: number;
  /** PSR against that luck: the probability the winner's Sharpe ratio is not luck. */
  readonly deflated: number;
  /** PSR against 0. */
  readonly psr0: number;
  /** Returns needed for 95 % confidence that the true Sharpe ratio is above 0 (null when the Sharpe ratio is not). */
  readonly minTrackRecord: number | null;
}

/** The deflated Sharpe ratio of the winner (its moments) among the trials' Sharpe ratios. */
export function deflatedSharpe(winner: ReturnMoments, trialSharpes: readonly number[]): DeflatedSharpe {
  const trials = trialSharpes.length;
  const mean = trialSharpes.reduce((a, b) => a + b, 0) / trials;
  const trialsVariance = trialSharpes.reduce((a, b) => a + (b - mean) ** 2, 0) / (trials - 1);
  const expectedMaxSharpe = Math.sqrt(trialsVariance) * expectedMaxNormal(trials);
  const { sharpe, count, skewness, kurtosis } = winner;
  return {
    trials,
    trialsVariance,
    expectedMaxSharpe,
    deflated: probabilisticSharpe(sharpe, expectedMaxSharpe, count, skewness, kurtosis),
    psr0: probabilisticSharpe(sharpe, 0, count, skewness, kurtosis),
    minTrackRecord: sharpe > 0 ? minimumTrackRecord(sharpe, 0, skewness, kurtosis, 0.95) : null,
  };
}
