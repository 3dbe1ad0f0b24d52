/**
 * What every engine shares: the decision record and the last stage, value -> units, rounded
 * down to the lot step and skipped below the minimum notional. A long never sizes above the
 * available cash.
 */
import { affordableSteps, Amount, decimalPlaces, exceeds, fromFloat, Money, mul, toFloat, toNumber } from '../ledger/index.js';
import type { EngineName, SizingDecision, SizingRequest, SizingStage } from './types.js';

type Decimal = InstanceType<typeof Money>;

export const NO_UNITS = Amount.ZERO;

/** A lot step as an exact amount, worked out once per step. */
const lotAmounts = new WeakMap<Decimal, Amount>();
function lotAmountOf(step: Decimal): Amount {
  let lot = lotAmounts.get(step);
  if (lot === undefined) {
    lot = Amount.of(step);
    lotAmounts.set(step, lot);
  }
  return lot;
}

export interface FinalSize {
  readonly units: Amount;
  readonly finalValue: number;
  readonly skipped: string | null;
}

export function finalSize(value: Decimal, request: SizingRequest): FinalSize {
  let capped = value;
  if (request.direction === 'long' && exceeds(capped, request.cash)) capped = new Money(Math.max(0, request.cash));
  if (!capped.isFinite() || capped.lte(0)) return { units: NO_UNITS, finalValue: 0, skipped: 'size is zero' };
  const price = new Money(request.price);
  if (request.lotStep === undefined) return { units: Amount.of(capped.div(price)), finalValue: toFloat(capped), skipped: null };
  const steps = affordableSteps(capped, price, request.lotStep);
  if (steps <= 0) return { units: NO_UNITS, finalValue: 0, skipped: `below one lot step (${request.lotStep.toFixed()})` };
  const lot = lotAmountOf(request.lotStep);
  const units = new Amount(mul(steps, lot.scaled), lot.scale);
  const pricePlaces = decimalPlaces(request.price);
  const notional = new Amount(mul(units.scaled, fromFloat(request.price, pricePlaces)), lot.scale + pricePlaces);
  if (request.minNotional !== undefined && notional.compare(Amount.of(request.minNotional)) < 0) {
    return { units: NO_UNITS, finalValue: 0, skipped: `below min notional ${request.minNotional.toFixed()}` };
  }
  return { units, finalValue: toNumber(notional.scaled, notional.scale), skipped: null };
}

export interface DecisionParts {
  readonly goalFactor?: number | null;
  readonly riskPct: number;
  readonly riskAmount?: number | null;
  readonly kelly?: number | null;
  /** Set when an earlier stage already decided not to trade. */
  readonly skipped?: string | null;
  readonly reasoning: (final: FinalSize) => string;
}

/** Completes a decision from the stages so far; the last stage's value is sized into units. */
export function decide(engine: EngineName, request: SizingRequest, stages: SizingStage[], last: Decimal, parts: DecisionParts): SizingDecision {
  const final: FinalSize = parts.skipped != null ? { units: NO_UNITS, finalValue: 0, skipped: parts.skipped } : finalSize(last, request);
  stages.push({ name: 'final', value: final.finalValue });
  return {
    engine,
    stages,
    goalFactor: parts.goalFactor ?? null,
    riskPct: parts.riskPct,
    riskAmount: parts.riskAmount ?? null,
    finalValue: final.finalValue,
    allocation: request.equity > 0 ? final.finalValue / request.equity : 0,
    units: final.units,
    kelly: parts.kelly ?? null,
    skipped: final.skipped,
    reasoning: parts.reasoning(final),
  };
}

/** Clamp of a value to [min, max] x equity, then to the room left under gross and per-class caps. */
export function capByLimits(value: Decimal, request: SizingRequest, maxPositionPct: number, maxGrossExposure: number, assetClassLimits: Readonly<Record<string, number>>): Decimal {
  const equity = new Money(request.equity);
  let capped = Money.min(value, equity.mul(maxPositionPct));
  capped = Money.min(capped, Money.max(0, equity.mul(maxGrossExposure).sub(request.grossExposure)));
  const classLimit = assetClassLimits[request.assetClass];
  if (classLimit !== undefined) capped = Money.min(capped, Money.max(0, equity.mul(classLimit).sub(request.assetClassExposure[request.assetClass] ?? 0)));
  return capped;
}

export function pct(fraction: number, digits = 2): string {
  return `${(fraction * 100).toFixed(digits)}%`;
}

export function amount(value: number): string {
  return value.toFixed(2);
}
