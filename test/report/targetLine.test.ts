import { describe, expect, it } from 'vitest';
import { targetLine } from '../../src/report/runReport.js';
import type { RunFiles } from '../../src/report/readRun.js';

const files = (targets: Record<string, number>) => ({ summary: { goals: { targets } } }) as unknown as Pick<RunFiles, 'summary'>;

describe('the portfolio target on the equity chart', () => {
  it('is a flat line when it lies within twice the highest equity drawn', () => {
    const line = targetLine(files({ portfolio_value: 125_000 }), 3, [Float64Array.of(100_000, 104_000), Float64Array.of(100_000, 62_600)]);
    expect(line.note).toBe('');
    expect(line.series).toEqual([{ label: 'portfolio target (125000)', values: [125_000, 125_000, 125_000], color: '#16a34a' }]);
    expect(targetLine(files({ portfolio_value: 208_000 }), 1, [Float64Array.of(104_000)]).series).toHaveLength(1);
  });

  it('is named in the title instead when it lies far above, and absent without a portfolio goal', () => {
    const far = targetLine(files({ portfolio_value: 1_000_000 }), 2, [Float64Array.of(100_000, 104_000), Float64Array.of(100_000, 336_000)]);
    expect(far).toEqual({ series: [], note: ' (the portfolio target 1000000 is above the chart)' });
    expect(targetLine(files({ portfolio_value: 208_001 }), 1, [Float64Array.of(104_000)]).series).toEqual([]);
    expect(targetLine(files({ monthly_return: 0.01 }), 2, [Float64Array.of(1, 2)])).toEqual({ series: [], note: '' });
  });
});
