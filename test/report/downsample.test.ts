import { createLTTB } from 'downsample';
import { describe, expect, it } from 'vitest';
import { drawIndices } from '../../src/report/downsample.js';

/** A seeded walk with spikes, so that the extremes are few and far between. */
function walk(n: number): { time: Float64Array; values: Float64Array } {
  const time = new Float64Array(n);
  const values = new Float64Array(n);
  let v = 100;
  let seed = 12_345;
  for (let i = 0; i < n; i++) {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    v += (seed / 2_147_483_648 - 0.5) * (i % 9_973 === 0 ? 40 : 1);
    time[i] = i * 60_000;
    values[i] = v;
  }
  return { time, values };
}

describe('drawIndices', () => {
  it('draws every point of a short series, and LTTB picks of a longer one', () => {
    const short = walk(1_500);
    expect(drawIndices(short.time, short.values)).toEqual(Array.from({ length: 1_500 }, (_, i) => i));
    const long = walk(40_000);
    const lttb = createLTTB<number>({ x: (i: number) => long.time[i] as number, y: (i: number) => long.values[i] as number });
    const all = Array.from({ length: 40_000 }, (_, i) => i);
    expect(drawIndices(long.time, long.values), 'up to 25 candidates per point: the library on every point').toEqual(Array.from(lttb(all, 2_000) as ArrayLike<number>));
  });

  it('thins a very long series through each bucket\'s extremes: at most the points asked, the ends, the markers and the extremes kept', () => {
    const n = 400_000;
    const { time, values } = walk(n);
    const markers = [3, 123_457, 399_998];
    const drawn = drawIndices(time, values, markers, 1_000);
    expect(drawn.length).toBeLessThanOrEqual(1_000 + markers.length);
    expect(drawn.length, 'LTTB fills its points').toBeGreaterThanOrEqual(1_000);
    expect(drawn).toEqual([...new Set(drawn)].sort((a, b) => a - b));
    for (const i of [0, n - 1, ...markers]) expect(drawn).toContain(i);
    let low = 0;
    let high = 0;
    for (let i = 1; i < n; i++) {
      if ((values[i] as number) < (values[low] as number)) low = i;
      if ((values[i] as number) > (values[high] as number)) high = i;
    }
    expect(drawn, 'the lowest and the highest point are drawn').toEqual(expect.arrayContaining([low, high]));
  });
});
