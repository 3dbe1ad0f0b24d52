/**
 * progressRisk (README "Goals and the tracker"; seed 001 "adaptive risk management"): risk per trade from how far a
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

/** The bands, from far behind to on schedule; riskBand returns one of these objects. */
const BANDS: readonly RiskBand[] = [
  { multiplier: '1.5', cap: '0.05', label: 'far behind schedule' },
  { multiplier: '1.3', cap: '0.04', label: 'behind schedule' },
  { multiplier: '1.1', cap: '0.03', label: 'slightly behind schedule' },
  { multiplier: '0.70', cap: null, label: 'well ahead of schedule' }, // ahead > 0.30
  { multiplier: '0.85', cap: null, label: 'ahead of schedule' }, // ahead >= 0.15
  { multiplier: '1', cap: null, label: 'on schedule' },
];

/** The gap thresholds of the bands (ahead = -gap): 0.2, 0.1, 0, -0.3 and -0.15, as bandOfGap and nearAnEdge compare them. */

/** The band of a gap given as a float: the comparisons of bandOfExactGap, with no closure (a tracker asks every cycle). */
function bandOfGap(gap: number): number {
  if (gap > 0.2) return 0;
  if (gap > 0.1) return 1;
  if (gap > 0) return 2;
  if (gap < -0.3) return 3;
  if (gap <= -0.15) return 4;
  return 5;
}

/** The band of a gap given as an exact decimal. */
function bandOfExactGap(gap: InstanceType<typeof Money>): number {
  if (gap.gt(0.2)) return 0;
  if (gap.gt(0.1)) return 1;
  if (gap.gt(0)) return 2;
  if (gap.lt(-0.3)) return 3;
  if (gap.lte(-0.15)) return 4;
  return 5;
}

/** Within 1e-12 of a band edge, where the float gap could fall on the other side of it than the decimal one. */
const nearAnEdge = (gap: number): boolean =>
  Math.abs(gap - 0.2) <= 1e-12 || Math.abs(gap - 0.1) <= 1e-12 || Math.abs(gap) <= 1e-12 || Math.abs(gap + 0.3) <= 1e-12 || Math.abs(gap + 0.15) <= 1e-12;

/**
 * The band of gap = expected - progress: in floats, unless the gap lies within 1e-12 of a band
 * edge; there, on decimals. Small, so that a tracker's cycle compiles it inline.
 */
function bandIndex(progress: number, expected: number): number {
  const gap = expected - progress;
  return nearAnEdge(gap) ? decidedBand(progress, expected) : bandOfGap(gap);
}

/** The band of a gap near an edge, on decimals, remembered (a daily tracker starts every month at a gap of exactly 0). */
function decidedBand(progress: number, expected: number): number {
  const known = decidedBands.get(progress)?.get(expected);
  if (known !== undefined) return known;
  const band = bandOfExactGap(new Money(expected).sub(new Money(progress)));
  if (decidedBands.size > 10_000) decidedBands.clear(); // bounded
  let byExpected = decidedBands.get(progress);
  if (byExpected === undefined) decidedBands.set(progress, (byExpected = new Map()));
  byExpected.set(expected, band);
  return band;
}

const decidedBands = new Map<number, Map<number, number>>();

export function riskBand(progress: number, expected: number): RiskBand {
  return BANDS[bandIndex(progress, expected)] as RiskBand;
}

/** Risk per trade as an exact decimal. */
export function progressRiskDecimal(base: number, progress: number, expected: number): InstanceType<typeof Money> {
  const band = riskBand(progress, expected);
  const risk = new Money(base).mul(band.multiplier);
  return band.cap === null ? risk : Money.min(risk, band.cap);
}

/** Risk per trade of each band, per base: a tracker asks it every cycle with one base. */
const riskByBase = new Map<number, Float64Array>();

/**
 * The risk per trade of each band at `base`, indexed like riskBandIndex: a tracker keeps its own
 * table, so that its cycle looks up no map with a float key (which boxes the key every call).
 */
export function progressRiskTable(base: number): Float64Array {
  let risks = riskByBase.get(base);
  if (risks === undefined) {
    risks = Float64Array.from(BANDS, (b) => {
      const decimal = new Money(base).mul(b.multiplier);
      return (b.cap === null ? decimal : Money.min(decimal, b.cap)).toNumber();
    });
    if (riskByBase.size > 1000) riskByBase.clear();
    riskByBase.set(base, risks);
  }
  return risks;
}

/** The band progressRisk reads for a progress and its expected value: an index into progressRiskTable. */
export const riskBandIndex = bandIndex;

export function progressRisk(base: number, progress: number, expected: number): number {
  return progressRiskTable(base)[bandIndex(progress, expected)] as number;
}
