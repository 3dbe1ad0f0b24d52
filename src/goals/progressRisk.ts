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

export function riskBand(progress: number, expected: number): RiskBand {
  const gap = new Money(expected).sub(new Money(progress));
  const ahead = gap.neg();
  if (gap.gt('0.20')) return { multiplier: '1.5', cap: '0.05', label: 'far behind schedule' };
  if (gap.gt('0.10')) return { multiplier: '1.3', cap: '0.04', label: 'behind schedule' };
  if (gap.gt(0)) return { multiplier: '1.1', cap: '0.03', label: 'slightly behind schedule' };
  if (ahead.gt('0.30')) return { multiplier: '0.70', cap: null, label: 'well ahead of schedule' };
  if (ahead.gte('0.15')) return { multiplier: '0.85', cap: null, label: 'ahead of schedule' };
  return { multiplier: '1', cap: null, label: 'on schedule' };
}

/** Risk per trade as an exact decimal. */
export function progressRiskDecimal(base: number, progress: number, expected: number): InstanceType<typeof Money> {
  const band = riskBand(progress, expected);
  const risk = new Money(base).mul(band.multiplier);
  return band.cap === null ? risk : Money.min(risk, band.cap);
}

export function progressRisk(base: number, progress: number, expected: number): number {
  return progressRiskDecimal(base, progress, expected).toNumber();
}
