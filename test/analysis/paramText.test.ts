/** A swept value as its table cell: a number at 10 significant digits, an object or list as its JSON, nothing as empty. */
import { describe, expect, it } from 'vitest';
import { paramText } from '../../src/analysis/sweepResults.js';

describe('paramText', () => {
  it('writes each kind of value as a cell', () => {
    expect(paramText({ return: 0.6, income: 0.2, portfolio: 0.2 })).toBe('{"return":0.6,"income":0.2,"portfolio":0.2}');
    expect(paramText([0.8, 1])).toBe('[0.8,1]');
    expect(paramText(0.1 + 0.2)).toBe('0.3');
    expect([paramText('pipeline'), paramText(false), paramText(undefined)]).toEqual(['pipeline', 'false', '']);
  });
});
