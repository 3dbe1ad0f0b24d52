/**
 * Exact scaled integers, the ledger's arithmetic (README "Simulation semantics"). An amount is an integer count of
 * 10^-scale. It is a float64 while its magnitude is at most 2^53 - 1, where every sum and
 * product of two such integers is either exact or detectably out of range, and a bigint beyond:
 * the checked fallback, taken per operation and narrowed back when the result fits again.
 * Nothing here rounds unless its name or argument says how.
 */
export type Scaled = number | bigint;

export type Rounding = 'half-even' | 'down' | 'floor';

const SAFE = Number.MAX_SAFE_INTEGER;
const SAFE_BIG = BigInt(SAFE);

/** 10^0 .. 10^22: the powers of ten a float64 holds exactly. */
const POW10: readonly number[] = Array.from({ length: 23 }, (_, n) => Number(`1e${n}`));
const POW10_BIG: bigint[] = [1n];

function bigPow10(n: number): bigint {
  while (POW10_BIG.length <= n) POW10_BIG.push((POW10_BIG.at(-1) as bigint) * 10n);
  return POW10_BIG[n] as bigint;
}

function big(value: Scaled): bigint {
  return typeof value === 'bigint' ? value : BigInt(value);
}

function narrow(value: bigint): Scaled {
  return value <= SAFE_BIG && value >= -SAFE_BIG ? Number(value) : value;
}

/** 10^n as a scaled integer (a float while exact and safe). */
export function pow10(n: number): Scaled {
  return n <= 15 ? (POW10[n] as number) : bigPow10(n);
}

export function add(a: Scaled, b: Scaled): Scaled {
  if (typeof a === 'number' && typeof b === 'number') {
    const sum = a + b;
    // both are safe integers: the float sum is exact unless it left the safe range
    if (sum <= SAFE && sum >= -SAFE) return sum;
  }
  return narrow(big(a) + big(b));
}

export function sub(a: Scaled, b: Scaled): Scaled {
  return add(a, -b);
}

export function mul(a: Scaled, b: Scaled): Scaled {
  if (typeof a === 'number' && typeof b === 'number') {
    const product = a * b;
    // rounding is monotonic: a true product beyond 2^53 - 1 can only round to 2^53 or more
    if (product <= SAFE && product >= -SAFE) return product;
  }
  return narrow(big(a) * big(b));
}

/** -1, 0 or 1; comparisons between a bigint and a number are exact in JavaScript. */
export function compare(a: Scaled, b: Scaled): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function sign(a: Scaled): number {
  return a < 0 ? -1 : a > 0 ? 1 : 0;
}

/** `value` at `places` more decimals: exact. */
export function scaleUp(value: Scaled, places: number): Scaled {
  return places === 0 ? value : mul(value, pow10(places));
}

/** `value` / 10^places rounded as named: half-even, toward zero (`down`) or toward -infinity. */
export function divPow10(value: Scaled, places: number, rounding: Rounding): Scaled {
  if (places === 0) return value;
  if (places < 0) return scaleUp(value, -places);
  if (typeof value === 'number' && places <= 22) {
    const divisor = POW10[places] as number;
    const remainder = value % divisor; // exact for floats
    const quotient = (value - remainder) / divisor; // an exact multiple, so an exact quotient
    return quotient + roundingStep(remainder, divisor, quotient, value, rounding) + 0;
  }
  const divisor = bigPow10(places);
  const v = big(value);
  const quotient = v / divisor;
  const remainder = v % divisor;
  const step = roundingStepBig(remainder, divisor, quotient, v, rounding);
  return narrow(quotient + step);
}

function roundingStep(remainder: number, divisor: number, quotient: number, value: number, rounding: Rounding): number {
  if (remainder === 0) return 0;
  if (rounding === 'down') return 0;
  if (rounding === 'floor') return value < 0 ? -1 : 0;
  const twice = Math.abs(remainder) * 2;
  if (twice < divisor || (twice === divisor && quotient % 2 === 0)) return 0;
  return value < 0 ? -1 : 1;
}

function roundingStepBig(remainder: bigint, divisor: bigint, quotient: bigint, value: bigint, rounding: Rounding): bigint {
  if (remainder === 0n || rounding === 'down') return 0n;
  if (rounding === 'floor') return value < 0n ? -1n : 0n;
  const twice = (remainder < 0n ? -remainder : remainder) * 2n;
  if (twice < divisor || (twice === divisor && quotient % 2n === 0n)) return 0n;
  return value < 0n ? -1n : 1n;
}

/** `value` moved from scale `from` to scale `to`; going coarser rounds as named. */
export function rescale(value: Scaled, from: number, to: number, rounding: Rounding = 'half-even'): Scaled {
  return to >= from ? scaleUp(value, to - from) : divPow10(value, from - to, rounding);
}

/** The float nearest to value x 10^-scale. */
export function toNumber(value: Scaled, scale: number): number {
  if (typeof value === 'number' && scale <= 22 && scale >= 0) return scale === 0 ? value : value / (POW10[scale] as number); // one correctly rounded division
  return Number(format(value, scale));
}

/** The exact decimal text, without trailing zeros (as decimal.js `toFixed()`). */
export function format(value: Scaled, scale: number): string {
  const negative = value < 0;
  let digits = (negative ? -value : value).toString();
  if (scale <= 0) return `${negative && digits !== '0' ? '-' : ''}${digits}${'0'.repeat(-scale)}`;
  if (digits.length <= scale) digits = '0'.repeat(scale - digits.length + 1) + digits;
  const whole = digits.slice(0, digits.length - scale);
  const fraction = digits.slice(digits.length - scale).replace(/0+$/, '');
  const text = fraction === '' ? whole : `${whole}.${fraction}`;
  return negative && text !== '0' ? `-${text}` : text;
}

/** The decimal text with exactly `places` decimals, rounded half-even. */
export function formatPlaces(value: Scaled, scale: number, places: number): string {
  const rounded = rescale(value, scale, places, 'half-even');
  const text = format(rounded, places);
  if (places <= 0) return text;
  const point = text.indexOf('.');
  const decimals = point < 0 ? 0 : text.length - point - 1;
  return `${text}${point < 0 ? '.' : ''}${'0'.repeat(places - decimals)}`;
}

const DECIMAL_TEXT = /^([+-]?)(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i;

/** Decimal text (digits, optional fraction and exponent) as an integer at `scale`, exactly. */
export function parseScaled(text: string, scale: number): Scaled {
  const match = DECIMAL_TEXT.exec(text.trim());
  if (match === null || (match[2] === '' && (match[3] ?? '') === '')) throw new RangeError(`not a decimal number: ${text.slice(0, 200)}`);
  const [, signText, whole = '', fraction = '', exponentText = '0'] = match;
  const exponent = Number(exponentText);
  let digits = `${whole}${fraction}`.replace(/^0+(?=\d)/, '');
  // digits x 10^(exponent - fraction.length) = result x 10^-scale
  const shift = scale + exponent - fraction.length;
  if (shift < 0) {
    const dropped = digits.slice(Math.max(0, digits.length + shift));
    if (/[^0]/.test(dropped)) throw new RangeError(`${text.slice(0, 200)} has more than ${scale} decimals`);
    digits = digits.slice(0, Math.max(0, digits.length + shift)) || '0';
  } else digits += '0'.repeat(shift);
  const value = narrow(BigInt(digits));
  return signText === '-' ? sub(0, value) : value;
}

/**
 * Decimal places of the shortest text that reads back as `x` (what decimal.js and String()
 * take a float to mean), or `from` when that is more. The first p at which round(x 10^p) / 10^p
 * is x again is that text's: below 1e15 the rounding can pick no other integer.
 */
export function decimalPlaces(x: number, from = 0): number {
  if (!Number.isFinite(x)) throw notFinite(x);
  const magnitude = Math.abs(x);
  for (let places = from; places <= 22; places++) {
    const scaled = magnitude * (POW10[places] as number);
    if (scaled >= 1e15) break;
    if (Math.round(scaled) / (POW10[places] as number) === magnitude) return places;
  }
  return placesOfText(String(magnitude));
}

function placesOfText(text: string): number {
  const match = DECIMAL_TEXT.exec(text);
  if (match === null) throw new RangeError(`not a decimal number: ${text}`);
  return Math.max(0, (match[3] ?? '').length - Number(match[4] ?? '0'));
}

/** `x` as an integer at `scale`, exactly; a float with more decimals than that is an error. */
export function fromFloat(x: number, scale: number): Scaled {
  if (scale <= 22 && scale >= 0) {
    const scaled = x * (POW10[scale] as number);
    if (Math.abs(scaled) < 1e15) {
      const integer = Math.round(scaled);
      if (integer / (POW10[scale] as number) === x) return integer + 0; // + 0 turns -0 into 0
      throw offTheGrid(x, scale);
    }
  }
  return parseScaled(String(x), scale);
}

// The errors of the two above are built here, out of line. Written in place, the template's
// number-to-text conversion is a pure operation that V8's optimising compiler computed on every
// call, not only on the throw: 13 of 34 ns per fromFloat(decimalPlaces(x)) call, and 3.8 % of a
// run with an order every other bar (perf).
function notFinite(x: number): RangeError {
  return new RangeError(`not a finite number: ${x}`);
}

function offTheGrid(x: number, scale: number): RangeError {
  return new RangeError(`${x} has more than ${scale} decimals`);
}
