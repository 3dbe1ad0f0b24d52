import { describe, expect, it } from 'vitest';
import { MONTH_COLORS, monthFill, monthGridSvg } from '../../src/report/html/page.js';

/** The red, green and blue of an `rgb(r,g,b)` fill. */
const rgb = (fill: string): number[] => (/^rgb\((\d+),(\d+),(\d+)\)$/.exec(fill) ?? []).slice(1).map(Number);
const lightness = (fill: string): number => rgb(fill).reduce((a, b) => a + b, 0);

describe('the monthly goal grid', () => {
  it('tells a flat month from a loss: neutral grey at 0, reds below it, darker the larger the loss, the darkest from -100 %', () => {
    expect(monthFill(0, false)).toBe(MONTH_COLORS.flat);
    expect(monthFill(-1.76, false)).not.toBe(monthFill(0, false));
    expect(lightness(monthFill(-0.1, false))).toBeGreaterThan(lightness(monthFill(-0.5, false)));
    expect(lightness(monthFill(-0.5, false))).toBeGreaterThan(lightness(monthFill(-1, false)));
    expect(monthFill(-1.76, false)).toBe(monthFill(-1, false));
    const [r, g, b] = rgb(monthFill(-0.5, false));
    expect((r ?? 0) > (g ?? 0) && (r ?? 0) > (b ?? 0), 'red').toBe(true);
  });

  it('draws a gain short of the target in ambers, deeper the nearer, and a met month in green', () => {
    expect(lightness(monthFill(0.2, false))).toBeGreaterThan(lightness(monthFill(0.9, false)));
    const [r, g, b] = rgb(monthFill(0.5, false));
    expect((r ?? 0) > (g ?? 0) && (g ?? 0) > (b ?? 0), 'amber').toBe(true);
    expect(monthFill(1, true)).toBe(MONTH_COLORS.met);
    expect(monthFill(2, true)).toBe(MONTH_COLORS.metTwice);
    expect(monthFill(null, null)).toBe(MONTH_COLORS.unknown);
    expect(monthFill(0.5, null)).toBe(MONTH_COLORS.unknown);
  });

  it('writes one cell per month with its fill and label, white text on the dark cells, and a legend', () => {
    const svg = monthGridSvg('t', [
      { month: '2020-01', progress: 0, met: false, detail: 'flat' },
      { month: '2020-02', progress: -1.76, met: false, detail: 'a loss' },
      { month: '2021-03', progress: 2.5, met: true, detail: 'twice' },
    ]);
    expect(svg.match(/<rect x=/g)).toHaveLength(3);
    expect(svg).toContain(`fill="${MONTH_COLORS.flat}"`);
    expect(svg).toContain(`fill="${monthFill(-1, false)}" stroke="#e2e8f0"><title>2020-02: a loss</title></rect>`);
    expect(svg).toMatch(/<title>2020-02: a loss<\/title><\/rect><text [^>]*fill="#fff">-176<\/text>/);
    expect(svg).toMatch(/fill="#15803d"[^>]*><title>2021-03: twice<\/title><\/rect><text [^>]*fill="#fff">250<\/text>/);
    expect(svg).toMatch(/<title>2020-01: flat<\/title><\/rect><text [^>]*fill="#1d2430">0<\/text>/);
    expect(svg.match(/<rect class="legend"/g)).toHaveLength(6);
    for (const label of ['loss, -100 %', 'flat', 'short', 'twice']) expect(svg).toContain(`>${label}</text>`);
    expect(monthGridSvg('t', [])).toBe('');
  });
});
