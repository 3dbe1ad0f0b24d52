/**
 * progressRisk (SPEC 2.4, seed 001 "adaptive risk management"): risk per trade from how far a
 * goal is behind (gap = expected - progress) or ahead (-gap) of schedule. Bands are compared on
 * exact decimals, so a gap of exactly 0.10 falls in the 0 < gap <= 0.10 band.
 */
import { Money } from '../ledger/money.js';

export interface RiskBand {
  readonly multiplier: string;
  /** Risk never exceeds this in the band; null when uncapped. */
  readonly cap: string | null;
  readonly label: string;
}

/** The gap thresholds of the bands (ahead = -gap). */
const EDGES = [0.2, 0.1, 0, -0.3, -0.15];

/**
 * expected - progress: in floats, unless it lies within 1e-12 of a band edge, where the float
 * difference could fall on the other side of the edge than the decimal one; there, exactly.
 */
function gapOf(progress: number, expected: number): number | InstanceType<typeof Money> {
  const gap = expected - progress;
  return EDGES.every((edge) => Math.abs(gap - edge) > 1e-12) ? gap : new Money(expected).sub(new Money(progress));
}

export function riskBand(progress: number, expected: number): RiskBand {
  const gap = gapOf(progress, expected);
  const above = (edge: number): boolean => (typeof gap === 'number' ? gap > edge : gap.gt(edge));
  const below = (edge: number): boolean => (typeof gap === 'number' ? gap < edge : gap.lt(edge));
  const atMost = (edge: number): boolean => (typeof gap === 'number' ? gap <= edge : gap.lte(edge));
  if (above(0.2)) return { multiplier: '1.5', cap: '0.05', label: 'far behind schedule' };
  if (above(0.1)) return { multiplier: '1.3', cap: '0.04', label: 'behind schedule' };
  if (above(0)) return { multiplier: '1.1', cap: '0.03', label: 'slightly behind schedule' };
  if (below(-0.3)) return { multiplier: '0.70', cap: null, label: 'well ahead of schedule' }; // ahead > 0.30
  if (atMost(-0.15)) return { multiplier: '0.85', cap: null, label: 'ahead of schedule' }; // ahead >= 0.15
  return { multiplier: '1', cap: null, label: 'on schedule' };
}

/** Risk per trade as an exact decimal. */
export function progressRiskDecimal(base: number, progress: number, expected: number): InstanceType<typeof Money> {
  const band = riskBand(progress, expected);
  const risk = new Money(base).mul(band.multiplier);
  return band.cap === null ? risk : Money.min(risk, band.cap);
}

/** Risk per trade of each (base, band): a tracker asks it every cycle with one base. */
const riskOfBand = new Map<string, number>();

export function progressRisk(base: number, progress: number, expected: number): number {
  const band = riskBand(progress, expected);
  const key = `${base}:${band.label}`;
  let risk = riskOfBand.get(key);
  if (risk === undefined) {
    const decimal = new Money(base).mul(band.multiplier);
    risk = (band.cap === null ? decimal : Money.min(decimal, band.cap)).toNumber();
    riskOfBand.set(key, risk);
  }
  return risk;
}
