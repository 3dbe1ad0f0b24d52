import { describe, expect, it } from 'vitest';
import { blockLengthOfAutocovariance, politisWhiteBlockLength } from '../../src/odds/blockLength.js';
import { numpyStandardNormal } from './numpyRandom.js';

/** x_t = phi x_{t-1} + e_t over numpy's draws, in place as arch's test writes it. */
function ar1(phi: number, draws: Float64Array): Float64Array {
  const y = draws.slice();
  for (let i = 1; i < y.length; i++) y[i] = phi * (y[i - 1] as number) + (y[i] as number);
  return y;
}

describe("numpy's legacy generator, rebuilt for the reference test", () => {
  it("gives numpy's well-known first draws of RandomState(0).standard_normal()", () => {
    expect(Array.from(numpyStandardNormal(0, 5))).toEqual([1.764052345967664, 0.4001572083672233, 0.9787379841057392, 2.240893199201458, 1.8675579901499675]);
  });
});

describe('Politis-White-Patton block length against a maintained implementation', () => {
  it("gives arch's published stationary block length for its AR(1) test series", () => {
    // arch 7.x, arch/tests/bootstrap/test_block_length.py: e = RandomState(0).standard_normal(10100),
    // y_t = 0.3 y_{t-1} + e_t, the last 10,000 values; optimal_block_length gives 13.635665 for
    // the stationary bootstrap (asserted there to rtol 1e-4; printed to 6 decimals)
    const y = ar1(0.3, numpyStandardNormal(0, 10_100)).subarray(100);
    expect(Math.abs(politisWhiteBlockLength(y) - 13.635665)).toBeLessThan(5e-7);
  });
});

describe('the estimate from autocovariances', () => {
  it('equals a hand computation with the flat-top weights', () => {
    // n = 10,000: K_N = 5, band 2 sqrt(4 / 10^4) = 0.04, M_max = 105. Autocorrelations 0.5, 0.3,
    // 0.2 at lags 1-3, then 0, 0.03, 0.02, 0.01, 0.005 (all inside the band): lags 4-8 are the
    // first quiet run, so m^ = 4 and M = 8, and the weights of lags 5, 6, 7, 8 are 0.75, 0.5, 0.25, 0.
    const rho = [1, 0.5, 0.3, 0.2, 0, 0.03, 0.02, 0.01, 0.005];
    const G = 2 * (1 * 0.5 + 2 * 0.3 + 3 * 0.2 + 0.75 * 5 * 0.03 + 0.5 * 6 * 0.02 + 0.25 * 7 * 0.01);
    const g0 = 1 + 2 * (0.5 + 0.3 + 0.2 + 0.75 * 0.03 + 0.5 * 0.02 + 0.25 * 0.01);
    const expected = (G / g0) ** (2 / 3) * 10_000 ** (1 / 3);
    // scaled autocovariances give the same length: only their ratios matter
    const b = blockLengthOfAutocovariance((k) => 7 * (rho[k] ?? 0), 10_000);
    expect(b).toBeCloseTo(expected, 10);
  });

  it('without a quiet run uses the largest significant lag up to M_max', () => {
    // n = 100: K_N = 5, band 2 sqrt(2 / 100) = 0.2828, M_max = 15; rho(k) = 0.4 (-1)^k never goes
    // quiet, so m^ = 15 and M = min(30, 15) = 15
    const rho = (k: number): number => (k === 0 ? 1 : 0.4 * (-1) ** k);
    let G = 0;
    let g0 = 1;
    for (let k = 1; k <= 15; k++) {
      const w = k <= 7.5 ? 1 : 2 * (1 - k / 15);
      G += 2 * w * k * rho(k);
      g0 += 2 * w * rho(k);
    }
    expect(blockLengthOfAutocovariance(rho, 100)).toBeCloseTo((G / g0) ** (2 / 3) * 100 ** (1 / 3), 10);
  });

  it.each([0.5, 0.3, -0.4])("reaches the AR(1) closed form (2 phi / (1 - phi^2))^(2/3) n^(1/3), phi = %s", (phi) => {
    // exact AR(1) autocovariances R(k) = phi^k / (1 - phi^2): sum_k R = 1 / (1 - phi)^2 and
    // sum_k |k| R = 2 phi / ((1 - phi^2)(1 - phi)^2), so G / g(0) = 2 phi / (1 - phi^2). The estimate
    // keeps every lag up to m^ at weight 1 and drops or down-weights the rest, so it differs from
    // the closed form by at most the tail beyond m^ (derived here, not guessed)
    const n = 1e12;
    const R = (k: number): number => phi ** k / (1 - phi * phi);
    const closed = ((2 * Math.abs(phi)) / (1 - phi * phi)) ** (2 / 3) * Math.cbrt(n);
    const band = 2 * Math.sqrt(Math.log10(n) / n);
    let mHat = 1;
    while (Math.abs(phi) ** mHat >= band) mHat++;
    let tailG = 0;
    let tailG0 = 0;
    for (let k = mHat + 1; k < 400; k++) {
      tailG += 2 * k * Math.abs(R(k));
      tailG0 += 2 * Math.abs(R(k));
    }
    const G = Math.abs((2 * phi) / ((1 - phi * phi) * (1 - phi) ** 2));
    const g0 = 1 / (1 - phi) ** 2;
    const tolerance = (2 / 3) * (tailG / G + tailG0 / g0) * 1.01;
    expect(tolerance).toBeLessThan(1e-3); // the test means something: the tail is small at this n
    const b = blockLengthOfAutocovariance(R, n);
    expect(Math.abs(b / closed - 1)).toBeLessThanOrEqual(tolerance);
  });

  it('is capped at ceil(min(3 sqrt n, n / 3)) and at least 1', () => {
    // rho(k) = 1 at every lag on n = 10^6: no quiet run, M = M_max = 1005, and the estimate is past
    // 3 sqrt(n) = 3,000 (n / 3 is the smaller cap only below n = 81)
    expect(blockLengthOfAutocovariance(() => 1, 1e6)).toBe(3000);
    // n = 30: rho(1) = -0.45 is significant (band 0.44), M = 4, G / g(0) = -0.9 / 0.1 = -9, so
    // b = cbrt(81 x 30) = 13.4, capped at n / 3 = 10
    expect(blockLengthOfAutocovariance((k) => (k === 0 ? 1 : k === 1 ? -0.45 : 0), 30)).toBe(10);
    // an insignificant lag-1 correlation: m^ = 1, M = 2, b = (0.002 / 1.002)^(2/3) x 21.5 = 0.34, raised to 1
    expect(blockLengthOfAutocovariance((k) => (k === 0 ? 1 : k === 1 ? 0.001 : 0), 10_000)).toBe(1);
    expect(blockLengthOfAutocovariance(() => 0, 1000)).toBe(1);
  });
});

describe('the block length of a series', () => {
  it('is 1 for a constant or a very short series, and small for independent draws', () => {
    expect(politisWhiteBlockLength(new Float64Array(100).fill(3))).toBe(1);
    expect(politisWhiteBlockLength([1, 2, 3, 4, 5, 6, 7, 8])).toBe(1);
    // i.i.d. normals, n = 5,000: rho(1) is about N(0, 1/5000), so G / g(0) ~ 2 rho(1) and
    // b ~ (2 |rho(1)|)^(2/3) 5000^(1/3) < 3 unless |rho(1)| > 0.1, a 7-sigma event
    expect(politisWhiteBlockLength(numpyStandardNormal(1, 5000))).toBeLessThan(3);
  });

  it('uses the autocovariance about the mean, with 1/n', () => {
    // the same series shifted by a constant has the same autocovariances
    const y = ar1(0.5, numpyStandardNormal(2, 3000));
    const shifted = y.map((v) => v + 1000);
    expect(politisWhiteBlockLength(shifted)).toBeCloseTo(politisWhiteBlockLength(y), 6);
    // and equals the estimate from its autocovariances computed here
    let mean = 0;
    for (const v of y) mean += v / y.length;
    const acov = (k: number): number => {
      let s = 0;
      for (let t = 0; t + k < y.length; t++) s += ((y[t] as number) - mean) * ((y[t + k] as number) - mean);
      return s / y.length;
    };
    expect(politisWhiteBlockLength(y)).toBeCloseTo(blockLengthOfAutocovariance(acov, y.length), 9);
  });
});

describe('the edges of the rule', () => {
  it('needs a full quiet run: a significant lag right after K_N quiet ones moves m^ on', () => {
    // as the hand computation above, but lag 9 significant: lags 4-8 are still the first quiet run
    // of K_N = 5, so m^ = 4 and M = 8 (lag 9 is beyond M); a rule that asked for K_N + 1 would
    // skip to m^ = 10
    const rho = [1, 0.5, 0.3, 0.2, 0, 0.03, 0.02, 0.01, 0.005, 0.3];
    const withLag9 = blockLengthOfAutocovariance((k) => rho[k] ?? 0, 10_000);
    const without = blockLengthOfAutocovariance((k) => (k === 9 ? 0 : (rho[k] ?? 0)), 10_000);
    expect(withLag9).toBe(without);
  });

  it('gives 1 when the long-run variance g(0) is 0, not the cap', () => {
    // rho(1) = -0.5: g(0) = 1 + 2 x (-0.5) = 0 (M = 2, lag 1 at weight 1), so D_SB = 0
    expect(blockLengthOfAutocovariance((k) => (k === 0 ? 1 : k === 1 ? -0.5 : 0), 10_000)).toBe(1);
  });

  it('estimates from nine observations, the fewest it takes', () => {
    const nine = [0, 3, 5, 6, 6, 5, 3, 0, -4];
    expect(politisWhiteBlockLength(nine)).not.toBe(1);
    expect(politisWhiteBlockLength(nine.slice(0, 8))).toBe(1);
  });
});
