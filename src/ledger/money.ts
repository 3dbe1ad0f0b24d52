/**
 * The one decimal module for ledger amounts. Every rounding names its mode; nothing else in
 * the code base constructs decimals with its own settings.
 */
import { Decimal } from 'decimal.js';

/** Ledger decimal: 40 significant digits, so products of prices and quantities stay exact. */
export const Money = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -40, toExpPos: 40 });
export type Money = InstanceType<typeof Money>;

export const ZERO: Money = new Money(0);

export function money(value: string | number | Money): Money {
  return new Money(value);
}

/** Decimal places of a power-of-ten step (1 -> 0, 0.0001 -> 4), or -1 for any other step. */
function powerOfTenPlaces(step: Money): number {
  const places = step.decimalPlaces();
  return step.eq(new Money(10).pow(-places)) ? places : -1;
}

const stepPlaces = new WeakMap<Money, number>();

/** Largest multiple of `step` that is <= quantity (toward zero for negatives). */
export function roundDownToStep(quantity: Money, step: Money): Money {
  if (step.isZero()) return quantity;
  let places = stepPlaces.get(step);
  if (places === undefined) {
    places = powerOfTenPlaces(step);
    stepPlaces.set(step, places);
  }
  // the usual lot steps (1, 0.01, 1e-8) need no division: truncate to their decimal places
  if (places >= 0) return quantity.toDecimalPlaces(places, Decimal.ROUND_DOWN);
  return quantity.div(step).toDecimalPlaces(0, Decimal.ROUND_DOWN).mul(step);
}

/**
 * The most units, in whole lot steps, whose cost at `price` does not exceed `value`:
 * floor(value / price / step) x step, exactly. A float estimate is corrected by exact decimal
 * multiplications, which allocate far less than a 40-digit decimal division.
 */
export function affordableUnits(value: Money, price: Money, step: Money): Money {
  const estimate = Math.floor(value.toNumber() / price.toNumber() / step.toNumber());
  if (!(estimate >= 0) || estimate > 1e15) return roundDownToStep(value.div(price), step); // beyond float's exact integers
  let steps = estimate;
  while (steps > 0 && step.mul(steps).mul(price).gt(value)) steps--;
  while (step.mul(steps + 1).mul(price).lte(value)) steps++;
  return step.mul(steps);
}
