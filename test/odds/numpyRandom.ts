/**
 * numpy's legacy `np.random.RandomState(seed).standard_normal(n)`, so that a test can feed goalsim
 * the very series a Python library's published test used: MT19937 seeded with init_genrand(seed)
 * (numpy's seeding for an integer seed), doubles as genrand_res53, normals by the Marsaglia polar
 * method, the second of each pair returned first and the other kept for the next call, as numpy's
 * `legacy_gauss` does. Checked in its test against numpy's well-known first draws for seed 0.
 */
export function numpyStandardNormal(seed: number, n: number): Float64Array {
  const mt = new Uint32Array(624);
  mt[0] = seed >>> 0;
  for (let i = 1; i < 624; i++) {
    const prev = (mt[i - 1] as number) ^ ((mt[i - 1] as number) >>> 30);
    mt[i] = (Math.imul(1812433253, prev) + i) >>> 0;
  }
  let index = 624;
  const next = (): number => {
    if (index >= 624) {
      for (let k = 0; k < 624; k++) {
        const y = ((mt[k] as number) & 0x80000000) | ((mt[(k + 1) % 624] as number) & 0x7fffffff);
        mt[k] = ((mt[(k + 397) % 624] as number) ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0)) >>> 0;
      }
      index = 0;
    }
    let y = mt[index++] as number;
    y ^= y >>> 11;
    y = (y ^ ((y << 7) & 0x9d2c5680)) >>> 0;
    y = (y ^ ((y << 15) & 0xefc60000)) >>> 0;
    return (y ^ (y >>> 18)) >>> 0;
  };
  const double = (): number => ((next() >>> 5) * 67108864 + (next() >>> 6)) / 9007199254740992;
  const out = new Float64Array(n);
  let kept: number | null = null;
  for (let i = 0; i < n; i++) {
    if (kept !== null) {
      out[i] = kept;
      kept = null;
      continue;
    }
    let x1: number;
    let x2: number;
    let r2: number;
    do {
      x1 = 2 * double() - 1;
      x2 = 2 * double() - 1;
      r2 = x1 * x1 + x2 * x2;
    } while (r2 >= 1 || r2 === 0);
    const f = Math.sqrt((-2 * Math.log(r2)) / r2);
    kept = f * x1;
    out[i] = f * x2;
  }
  return out;
}
