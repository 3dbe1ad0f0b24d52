/**
 * What every engine shares: the decision record and the last stage, value -> units, rounded
 * down to the lot step and skipped below the minimum notional. A long never sizes above the
 * available cash.
 */
import { affordableSteps, Amount, decimalPlaces, exceeds, fromFloat, Money, mul, toFloat, toNumber } from '../ledger/index.js';
import { Decision, type FinalSize, type Reasoning } from './decision.js';
import type { SizingDecision, SizingRequest, SizingStage } from './types.js';

type Decimal = InstanceType<typeof Money>;

export { reasoned, type FinalSize, type Reasoning, type ReasoningFact } from './decision.js';

export const NO_UNITS = Amount.ZERO;

/** An instrument's lot step or minimum notional as an exact amount, worked out once. */
const amounts = new WeakMap<Decimal, Amount>();
function amountOf(decimal: Decimal): Amount {
  let known = amounts.get(decimal);
  if (known === undefined) {
    known = Amount.of(decimal);
    amounts.set(decimal, known);
  }
  return known;
}

/** The last stage's value (a decimal, or a float taken at its shortest decimal) in units. */
export function finalSize(value: Decimal | number, request: SizingRequest): FinalSize {
  let capped = value;
  const cashCapped = request.direction === 'long' && (typeof capped === 'number' ? capped > request.cash : exceeds(capped, request.cash));
  if (cashCapped) capped = Math.max(0, request.cash);
  if (typeof capped === 'number' ? !(capped > 0 && capped < Infinity) : !capped.isFinite() || capped.lte(0)) return { units: NO_UNITS, finalValue: 0, skipped: 'size is zero', finalBound: cashCapped };
  if (request.lotStep === undefined) return { units: Amount.of(new Money(capped).div(request.price)), finalValue: typeof capped === 'number' ? capped : toFloat(capped), skipped: null, finalBound: cashCapped };
  const steps = affordableSteps(capped, request.price, request.lotStep);
  if (steps <= 0) return { units: NO_UNITS, finalValue: 0, skipped: `below one lot step (${request.lotStep.toFixed()})`, finalBound: true };
  const lot = amountOf(request.lotStep);
  const units = new Amount(mul(steps, lot.scaled), lot.scale);
  const pricePlaces = decimalPlaces(request.price);
  const notional = new Amount(mul(units.scaled, fromFloat(request.price, pricePlaces)), lot.scale + pricePlaces);
  if (request.minNotional !== undefined && notional.compare(amountOf(request.minNotional)) < 0) {
    return { units: NO_UNITS, finalValue: 0, skipped: `below min notional ${request.minNotional.toFixed()}`, finalBound: true };
  }
  return { units, finalValue: toNumber(notional.scaled, notional.scale), skipped: null, finalBound: cashCapped };
}

export interface DecisionParts {
  readonly goalFactor?: number | null;
  readonly riskPct: number;
  readonly riskAmount?: number | null;
  readonly kelly?: number | null;
  /** Set when an earlier stage already decided not to trade. */
  readonly skipped?: string | null;
  /** The stage whose cap or floor set the size (see bindingOf); by default the final stage's own. */
  readonly binding?: string | null;
  /** The goal's effect on the quantity (see goalEffectOf); 0 for engines without a goal stage. */
  readonly goalEffect?: number | null;
  /**
   * The engine's text function and this decision's facts ({@link reasoned}): what the built-in
   * engines give, so that a run keeps no function per decision. A function of the final size
   * works as well (a caller's own engine); a run keeps it as it is.
   */
  readonly reasoning: Reasoning | ((final: FinalSize) => string);
}

/** A stage as attribution sees it: the value before and after, and whether it is a cap or floor. */
export interface StageStep {
  readonly name: string;
  readonly before: number;
  readonly after: number;
  /** A clamp (cap or floor) rather than a multiplier. */
  readonly clamp: boolean;
}

/**
 * The stage whose cap or floor set the final size, or null: the final stage when it did (cash,
 * lot step, min notional), else the last stage that changed the value if it was a clamp. A
 * multiplier after a cap (the goal factor below 1) means no cap set the size.
 */
export function bindingOf(steps: readonly StageStep[], final: FinalSize): string | null {
  if (final.finalBound) return 'final';
  for (let i = steps.length - 1; i >= 0; i--) {
    const step = steps[i] as StageStep;
    if (step.after === step.before || (Number.isNaN(step.before) && i > 0)) continue;
    return step.clamp ? step.name : null;
  }
  return null;
}

/** Final quantity over the quantity with a goal factor of 1, minus 1; null when only the goal made a trade of it. */
export function goalEffectOf(final: FinalSize, neutral: FinalSize): number | null {
  const quantity = final.units.toNumber();
  const without = neutral.units.toNumber();
  if (without === 0) return quantity === 0 ? 0 : null;
  return quantity / without - 1;
}

/** Completes a decision from the stages so far: the last stage's value is sized into units (or was already). */
export function decide(engine: string, request: SizingRequest, stages: SizingStage[], last: Decimal | number | FinalSize, parts: DecisionParts): SizingDecision {
  const final: FinalSize =
    parts.skipped != null ? { units: NO_UNITS, finalValue: 0, skipped: parts.skipped, finalBound: false } : typeof last === 'object' && 'units' in last ? last : finalSize(last, request);
  stages.push({ name: 'final', value: final.finalValue });
  const traded = parts.skipped == null;
  return new Decision(
    {
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
      binding: parts.binding !== undefined && traded ? parts.binding : bindingOf([], final),
      goalEffect: parts.goalEffect !== undefined && traded ? parts.goalEffect : 0,
    },
    parts.reasoning,
    final,
  );
}

/** The most a new position may be worth: maxPositionPct x equity, and the room left under the gross and per-class caps. */
export function positionLimit(request: SizingRequest, maxPositionPct: number, maxGrossExposure: number, assetClassLimits: Readonly<Record<string, number>>): number {
  const equity = request.equity;
  let limit = Math.min(equity * maxPositionPct, Math.max(0, equity * maxGrossExposure - request.grossExposure));
  const classLimit = assetClassLimits[request.assetClass];
  if (classLimit !== undefined) limit = Math.min(limit, Math.max(0, equity * classLimit - (request.assetClassExposure[request.assetClass] ?? 0)));
  return limit;
}

/** A decimal value capped by {@link positionLimit}. */
export function capByLimits(value: Decimal, request: SizingRequest, maxPositionPct: number, maxGrossExposure: number, assetClassLimits: Readonly<Record<string, number>>): Decimal {
  const limit = positionLimit(request, maxPositionPct, maxGrossExposure, assetClassLimits);
  return exceeds(value, limit) ? new Money(limit) : value;
}

export function pct(fraction: number, digits = 2): string {
  return `${(fraction * 100).toFixed(digits)}%`;
}

export function amount(value: number): string {
  return value.toFixed(2);
}
