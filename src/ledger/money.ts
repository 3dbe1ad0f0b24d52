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

/** 10^0 .. 10^22, the powers of ten a float holds exactly, each an exact product of the last. */
const EXACT_POWERS_OF_TEN: number[] = [1];
while (EXACT_POWERS_OF_TEN.length < 23) EXACT_POWERS_OF_TEN.push((EXACT_POWERS_OF_TEN.at(-1) as number) * 10);

// decimal.js keeps a decimal's digits in base-1e7 words, most significant first (d), and the
// base-10 exponent of its leading digit (e); d is null for NaN and the infinities.

/** The first `count` digit words as one integer (exact while below 2^53). */
function wordsAsInteger(words: readonly number[], count: number): number {
  let integer = 0;
  for (let w = 0; w < count; w++) integer = integer * 1e7 + (words[w] as number);
  return integer;
}

/** The power of ten that scales the integer of the first `count` words to the decimal's value. */
function scaleOfWords(value: Money, count: number): number {
  return value.e - (decimalDigits(value.d[0] as number) + 7 * (count - 1)) + 1;
}

function decimalDigits(word: number): number {
  let digits = 1;
  while (digits < 7 && word >= (EXACT_POWERS_OF_TEN[digits] as number)) digits++;
  return digits;
}

/**
 * The float nearest to a decimal, equal to `toNumber()` but without its detour through a string
 * (which dominated the ledger's cost per fill). Decimals with at most 15-16 significant digits
 * and a moderate exponent take the exact fast path: an integer mantissa below 2^53 times or over
 * an exact power of ten is a single correctly rounded operation (Clinger). Others fall back.
 */
export function toFloat(value: Money): number {
  const words = value.d;
  if (words === null || words.length > 3) return value.toNumber();
  const mantissa = wordsAsInteger(words, words.length);
  const scale = scaleOfWords(value, words.length);
  if (mantissa > Number.MAX_SAFE_INTEGER || scale > 22 || scale < -22) return value.toNumber();
  return value.s * (scale >= 0 ? mantissa * (EXACT_POWERS_OF_TEN[scale] as number) : mantissa / (EXACT_POWERS_OF_TEN[-scale] as number));
}

/**
 * A float within a few parts in 1e14 of the decimal, from its leading 15 or more digits: for
 * comparisons that keep a wider margin, so long float-born decimals need no string detour.
 */
export function roughFloat(value: Money): number {
  const words = value.d;
  if (words === null) return value.toNumber();
  const used = Math.min(words.length, 3);
  const scale = scaleOfWords(value, used);
  if (scale > 280 || scale < -280) return value.toNumber(); // keep clear of overflow and subnormals
  const mantissa = wordsAsInteger(words, used);
  return value.s * (scale >= 0 ? mantissa * 10 ** scale : mantissa / 10 ** -scale);
}

/** Relative margin beyond which a comparison of rough floats cannot disagree with the exact one. */
const FLOAT_MARGIN = 1e-12;

/**
 * Exactly `value > limit`, where the limit is a float taken at its shortest decimal (as
 * `new Money(limit)` reads it). Clear cases are decided in floats; close ones exactly.
 */
export function exceeds(value: Money, limit: number): boolean {
  const rough = roughFloat(value);
  const margin = Math.abs(limit) * FLOAT_MARGIN;
  if (rough > limit + margin) return true;
  if (rough < limit - margin) return false;
  return value.gt(limit);
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
 * floor(value / price / step) x step, exactly.
 */
export function affordableUnits(value: Money, price: Money | number, step: Money): Money {
  return step.mul(affordableSteps(value, price, step).toString());
}

/**
 * How many whole lot steps `value` pays for at `price`: floor(value / price / step), exactly.
 * A float estimate decides when its cost and the next step's are clearly on either side of the
 * value (each float here is within a few parts in 1e14 of its decimal); near the boundary exact
 * decimal multiplications settle it, which still allocate far less than a 40-digit division.
 */
export function affordableSteps(value: Money | number, price: Money | number, step: Money): number | bigint {
  const valueFloat = typeof value === 'number' ? value : roughFloat(value);
  const stepCost = (typeof price === 'number' ? price : toFloat(price)) * toFloat(step);
  const estimate = Math.floor(valueFloat / stepCost);
  if (stepCost >= 1e-200 && estimate >= 0 && estimate <= 1e15 && estimate * stepCost < valueFloat * (1 - FLOAT_MARGIN) && (estimate + 1) * stepCost > valueFloat * (1 + FLOAT_MARGIN)) return estimate;
  // near the boundary the decimals decide; a float is its shortest decimal
  const exact = typeof value === 'number' ? new Money(value) : value;
  if (typeof price === 'number') price = new Money(price);
  if (!(estimate >= 0) || estimate > 1e15) return BigInt(exact.div(price).div(step).toDecimalPlaces(0, Decimal.ROUND_DOWN).toFixed()); // beyond float's exact integers
  let steps = estimate;
  while (steps > 0 && step.mul(steps).mul(price).gt(exact)) steps--;
  while (step.mul(steps + 1).mul(price).lte(exact)) steps++;
  return steps;
}
