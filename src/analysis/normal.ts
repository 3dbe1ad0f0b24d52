/**
 * The standard normal distribution to double precision, for the overfitting audit's
 * probabilities: the CDF by Marsaglia's series (J. Stat. Software 11(4), 2004; absolute error
 * about 1e-15) and the quantile by Wichura's algorithm AS 241 (Appl. Statist. 37(3), 1988,
 * PPND16; relative error about 1e-16). Two functions did not justify a 150-package dependency.
 */

/** ln(sqrt(2 pi)). */
const LN_SQRT_2PI = 0.9189385332046727;

/** P(Z <= x) for a standard normal Z. */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  // beyond +-9 the series' terms overflow before they shrink, and the answer is 0 or 1 to 1e-19
  if (x < -9) return 0;
  if (x > 9) return 1;
  let sum = x;
  let term = x;
  const square = x * x;
  for (let i = 3; ; i += 2) {
    term *= square / i;
    const next = sum + term;
    if (next === sum) break;
    sum = next;
  }
  return 0.5 + sum * Math.exp(-0.5 * square - LN_SQRT_2PI);
}

// AS 241's coefficients, highest degree first, for Horner's rule
const CENTRAL_NUMERATOR = [2509.0809287301227, 33430.57558358813, 67265.7709270087, 45921.95393154987, 13731.69376550946, 1971.5909503065513, 133.14166789178438, 3.3871328727963665];
const CENTRAL_DENOMINATOR = [5226.495278852854, 28729.085735721943, 39307.89580009271, 21213.794301586597, 5394.196021424751, 687.1870074920579, 42.31333070160091, 1];
const NEAR_NUMERATOR = [0.0007745450142783414, 0.022723844989269184, 0.2417807251774506, 1.2704582524523684, 3.6478483247632045, 5.769497221460691, 4.630337846156546, 1.4234371107496835];
const NEAR_DENOMINATOR = [1.0507500716444169e-9, 0.0005475938084995345, 0.015198666563616457, 0.14810397642748008, 0.6897673349851, 1.6763848301838038, 2.053191626637759, 1];
const TAIL_NUMERATOR = [2.0103343992922881e-7, 0.000027115555687434876, 0.0012426609473880784, 0.026532189526576124, 0.29656057182850487, 1.7848265399172913, 5.463784911164114, 6.657904643501103];
const TAIL_DENOMINATOR = [2.0442631033899397e-15, 1.421511758316446e-7, 0.000018463183175100548, 0.0007868691311456133, 0.014875361290850615, 0.1369298809227358, 0.599832206555888, 1];

function horner(coefficients: readonly number[], x: number): number {
  let value = 0;
  for (const c of coefficients) value = value * x + c;
  return value;
}

/** The x with P(Z <= x) = p, for 0 < p < 1 (-Infinity at 0, Infinity at 1, NaN outside). */
export function normalQuantile(p: number): number {
  if (!(p >= 0 && p <= 1)) return NaN;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (q * horner(CENTRAL_NUMERATOR, r)) / horner(CENTRAL_DENOMINATOR, r);
  }
  let r = Math.sqrt(-Math.log(q < 0 ? p : 1 - p));
  let value: number;
  if (r <= 5) {
    r -= 1.6;
    value = horner(NEAR_NUMERATOR, r) / horner(NEAR_DENOMINATOR, r);
  } else {
    r -= 5;
    value = horner(TAIL_NUMERATOR, r) / horner(TAIL_DENOMINATOR, r);
  }
  return q < 0 ? -value : value;
}
