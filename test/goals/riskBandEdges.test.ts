/**
 * The risk bands where the float gap (expected - progress) lands on the other side of a band
 * edge than the exact one: each case below is a float difference an ulp off an edge the
 * decimals hit exactly (0.4 - 0.3 is 0.10000000000000003 in floats, 0.1 in decimals), so only
 * the decimal path gives the band the rule states. And a gap just past an edge in decimals.
 */
import { describe, expect, it } from 'vitest';
import { progressRisk, riskBand } from '../../src/goals/progressRisk.js';

/** The band rule applied to the float gap: what the bands would be without the decimals. */
function floatLabel(gap: number): string {
  if (gap > 0.2) return 'far behind schedule';
  if (gap > 0.1) return 'behind schedule';
  if (gap > 0) return 'slightly behind schedule';
  if (gap < -0.3) return 'well ahead of schedule';
  if (gap <= -0.15) return 'ahead of schedule';
  return 'on schedule';
}

describe('risk bands at their edges', () => {
  it.each([
    // [progress, expected, the band of the float gap, the band of the exact gap]
    [0.7, 0.9, 'far behind schedule', 'behind schedule'], // exact 0.2: not above 0.2
    [0.3, 0.4, 'behind schedule', 'slightly behind schedule'], // exact 0.1: not above 0.1
    [0.8, 0.5, 'well ahead of schedule', 'ahead of schedule'], // exact -0.3: not below -0.3
    [0.6, 0.45, 'on schedule', 'ahead of schedule'], // exact -0.15: at most -0.15
  ])('progress %f against expected %f: the floats say %s, the rule %s', (progress, expected, floatSays, label) => {
    expect(floatLabel(expected - progress)).toBe(floatSays);
    expect(riskBand(progress, expected).label).toBe(label);
  });

  it('a gap just above an edge in decimals is in the band above it', () => {
    expect(riskBand(0, 0.2000000000001).label).toBe('far behind schedule');
    expect(riskBand(0, 0.1000000000001).label).toBe('behind schedule');
    expect(riskBand(0.3000000000001, 0).label).toBe('well ahead of schedule');
    expect(progressRisk(0.02, 0, 0.2000000000001)).toBe(0.03);
    expect(progressRisk(0.02, 0.7, 0.9)).toBe(0.026);
  });
});
