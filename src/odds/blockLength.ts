/**
 * Mean block length of the stationary bootstrap, chosen from the data: Politis & White (2004),
 * "Automatic block-length selection for the dependent bootstrap", with the correction of
 * Patton, Politis & White (2009) to the stationary bootstrap's constant (D_SB = 2 g(0)^2).
 *
 * 1. With K_N = max(5, ceil(sqrt(log10 n))) and the band |rho| < 2 sqrt(log10 n / n): m^ is the
 *    first lag m >= 1 that starts K_N insignificant autocorrelations in a row (lags m .. m+K_N-1),
 *    as Patton's own MATLAB code and Python's arch (`optimal_block_length`) choose it; when no lag
 *    does, the largest significant lag. M = min(2 m^, ceil(sqrt n) + K_N).
 * 2. With the flat-top window lambda(t) (1 up to |t| = 1/2, falling to 0 at |t| = 1):
 *    G = sum_{|k|<=M} lambda(k/M) |k| R(k) and g(0) = sum_{|k|<=M} lambda(k/M) R(k).
 * 3. b = (2 G^2 / D_SB)^(1/3) n^(1/3) = (G / g(0))^(2/3) n^(1/3), at most ceil(min(3 sqrt n, n/3)),
 *    at least 1.
 * Autocovariances are the usual R(k) = (1/n) sum (x_t - mean)(x_{t+k} - mean), rho(k) = R(k) / R(0).
 * The paper's text reads m^ one lag earlier (the lag *after which* the correlogram is quiet); the
 * authors' code and arch take the first quiet lag, and goalsim follows the code so that its
 * figures can be checked against a maintained implementation (arch's published test value).
 */

/** Politis-White-Patton mean block length of `x` (at least 1). */
export function politisWhiteBlockLength(x: ArrayLike<number>): number {
  const n = x.length;
  if (n < 9) return 1;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += x[i] as number;
  mean /= n;
  return blockLengthOfAutocovariance((k) => {
    let sum = 0;
    for (let t = 0; t + k < n; t++) sum += ((x[t] as number) - mean) * ((x[t + k] as number) - mean);
    return sum / n;
  }, n);
}

/**
 * The block length of a series of `n` observations whose lag-k autocovariance is
 * `autocovariance(k)`: steps 1 to 3 above. Apart from the series so that a test can give it the
 * exact autocovariances of a process whose optimal block length has a closed form.
 */
export function blockLengthOfAutocovariance(autocovariance: (k: number) => number, n: number): number {
  const kn = Math.max(5, Math.ceil(Math.sqrt(Math.log10(n))));
  const mMax = Math.ceil(Math.sqrt(n)) + kn;
  const bMax = Math.ceil(Math.min(3 * Math.sqrt(n), n / 3));
  const r0 = autocovariance(0);
  if (!(r0 > 0)) return 1; // a constant series: nothing to keep together
  const lags = Math.min(mMax + kn, n - 1);
  const r = new Float64Array(lags + 1);
  r[0] = r0;
  for (let k = 1; k <= lags; k++) r[k] = autocovariance(k);
  const threshold = 2 * Math.sqrt(Math.log10(n) / n);
  const significant = (k: number): boolean => Math.abs((r[k] as number) / r0) >= threshold;
  let mHat = 0;
  for (let m = 1; m + kn - 1 <= lags && mHat === 0; m++) {
    let quiet = true;
    for (let j = 0; j < kn && quiet; j++) quiet = !significant(m + j);
    if (quiet) mHat = m;
  }
  // no quiet stretch: the largest lag that is still significant
  for (let k = Math.min(mMax, lags); k >= 1 && mHat === 0; k--) if (significant(k)) mHat = k;
  const M = Math.min(2 * mHat, mMax, lags);
  if (M === 0) return 1;
  let g = 0;
  let g0 = r0;
  for (let k = 1; k <= M; k++) {
    const weight = flatTop(k / M);
    g += 2 * weight * k * (r[k] as number);
    g0 += 2 * weight * (r[k] as number);
  }
  const dSB = 2 * g0 * g0;
  if (!(dSB > 0)) return 1;
  const b = Math.cbrt((2 * g * g) / dSB) * Math.cbrt(n);
  return Math.max(1, Math.min(bMax, b));
}

/** The trapezoidal flat-top lag window of Politis & Romano (1995), for 0 <= t <= 1. */
function flatTop(t: number): number {
  return t <= 0.5 ? 1 : 2 * (1 - t);
}
