/**
 * Mean block length of the stationary bootstrap, chosen from the data: Politis & White (2004),
 * "Automatic block-length selection for the dependent bootstrap", with the correction of
 * Patton, Politis & White (2009) to the stationary bootstrap's constant (D_SB = 2 g(0)^2).
 *
 * 1. The lag m^ after which K_N = max(5, sqrt(log10 n)) autocorrelations in a row are all
 *    insignificant (|rho| < 2 sqrt(log10 n / n)); M = min(2 m^, ceil(sqrt n) + K_N).
 * 2. With the flat-top window lambda(t) (1 up to |t| = 1/2, falling to 0 at |t| = 1):
 *    G = sum_{|k|<=M} lambda(k/M) |k| R(k) and g(0) = sum_{|k|<=M} lambda(k/M) R(k).
 * 3. b = (2 G^2 / D_SB)^(1/3) n^(1/3), at most ceil(min(3 sqrt n, n/3)); 1 when M = 0.
 * Autocovariances are the usual R(k) = (1/n) sum (x_t - mean)(x_{t+k} - mean).
 */

/** Politis-White-Patton mean block length of `x` (at least 1). */
export function politisWhiteBlockLength(x: ArrayLike<number>): number {
  const n = x.length;
  if (n < 9) return 1;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += x[i] as number;
  mean /= n;
  const kn = Math.max(5, Math.ceil(Math.sqrt(Math.log10(n))));
  const mMax = Math.ceil(Math.sqrt(n)) + kn;
  const bMax = Math.ceil(Math.min(3 * Math.sqrt(n), n / 3));
  const autocovariance = (k: number): number => {
    let sum = 0;
    for (let t = 0; t + k < n; t++) sum += ((x[t] as number) - mean) * ((x[t + k] as number) - mean);
    return sum / n;
  };
  const r0 = autocovariance(0);
  if (!(r0 > 0)) return 1; // a constant series: nothing to keep together
  const lags = Math.min(mMax + kn, n - 1);
  const rho = new Float64Array(lags + 1);
  for (let k = 1; k <= lags; k++) rho[k] = autocovariance(k) / r0;
  const threshold = 2 * Math.sqrt(Math.log10(n) / n);
  let mHat = -1;
  for (let m = 0; m + kn <= lags; m++) {
    let quiet = true;
    for (let j = 1; j <= kn && quiet; j++) quiet = Math.abs(rho[m + j] as number) < threshold;
    if (quiet) {
      mHat = m;
      break;
    }
  }
  if (mHat < 0) {
    // no quiet stretch: the largest lag that is still significant
    mHat = 0;
    for (let k = Math.min(mMax, lags); k >= 1; k--) {
      if (Math.abs(rho[k] as number) >= threshold) {
        mHat = k;
        break;
      }
    }
  }
  const M = Math.min(2 * mHat, mMax, n - 1);
  if (M === 0) return 1;
  let g = 0;
  let g0 = 0;
  for (let k = -M; k <= M; k++) {
    const weight = flatTop(k / M);
    const r = autocovariance(Math.abs(k));
    g += weight * Math.abs(k) * r;
    g0 += weight * r;
  }
  const dSB = 2 * g0 * g0;
  if (!(dSB > 0)) return 1;
  const b = Math.cbrt((2 * g * g) / dSB) * Math.cbrt(n);
  return Math.max(1, Math.min(bMax, b));
}

/** The trapezoidal flat-top lag window of Politis & Romano (1995). */
function flatTop(t: number): number {
  const a = Math.abs(t);
  if (a <= 0.5) return 1;
  if (a <= 1) return 2 * (1 - a);
  return 0;
}
