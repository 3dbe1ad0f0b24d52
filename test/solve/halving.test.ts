import { describe, expect, it } from 'vitest';
import { byPromise, choose, halve, isFeasible, looksFeasible, surelyBroken, type CandidateEstimate, type ConstraintEstimate } from '../../src/solve/halving.js';

const breach = (value: number, low: number, high: number, limit = 0.05): ConstraintEstimate => ({ metric: 'drawdownBreach', bound: 'max', limit, value, low, high });
const floor = (value: number | null, limit = 95_000): ConstraintEstimate => ({ metric: 'finalEquity.p5', bound: 'min', limit, value, low: null, high: null });
const candidate = (id: number, objective: number | null, ...constraints: ConstraintEstimate[]): CandidateEstimate => ({ id, objective, constraints });

describe('successive halving', () => {
  it('is surely infeasible only when the lower bound is above the limit', () => {
    expect(surelyBroken(candidate(0, 0.3, breach(0.09, 0.051, 0.12)))?.metric).toBe('drawdownBreach');
    expect(surelyBroken(candidate(0, 0.3, breach(0.09, 0.05, 0.12)))).toBeNull();
    expect(surelyBroken(candidate(0, 0.3, floor(10)))).toBeNull();
  });

  it('is feasible when every upper bound is within its limit and every floor met', () => {
    expect(isFeasible(candidate(0, 0.2, breach(0.02, 0.01, 0.05)))).toBe(true);
    expect(isFeasible(candidate(0, 0.2, breach(0.02, 0.01, 0.0501)))).toBe(false);
    expect(isFeasible(candidate(0, 0.2, breach(0.02, 0.01, 0.04), floor(95_000)))).toBe(true);
    expect(isFeasible(candidate(0, 0.2, floor(94_999)))).toBe(false);
    expect(isFeasible(candidate(0, 0.2, floor(null)))).toBe(false);
    expect(isFeasible(candidate(0, null, breach(0, 0, 0.01)))).toBe(false);
    expect(isFeasible(candidate(0, 0.2))).toBe(true);
  });

  it('looks feasible on point estimates alone', () => {
    expect(looksFeasible(candidate(0, 0.2, breach(0.05, 0.03, 0.08)))).toBe(true);
    expect(looksFeasible(candidate(0, 0.2, breach(0.0501, 0.03, 0.08)))).toBe(false);
    expect(looksFeasible(candidate(0, 0.2, floor(95_000)))).toBe(true);
    expect(looksFeasible(candidate(0, 0.2, floor(94_000)))).toBe(false);
  });

  it('ranks candidates within the limits first, then by objective, then by id', () => {
    const list = [candidate(3, 0.4, breach(0.06, 0.02, 0.1)), candidate(1, 0.2, breach(0.01, 0, 0.04)), candidate(2, 0.3, breach(0.02, 0, 0.05)), candidate(0, 0.3, breach(0.03, 0, 0.06))];
    expect([...list].sort(byPromise).map((c) => c.id)).toEqual([0, 2, 1, 3]);
  });

  it('keeps the first ceil(n / eta) by promise, drops the surely infeasible and those without an objective, and says why', () => {
    const list = [
      candidate(0, 0.5, breach(0.2, 0.1, 0.3)), // surely infeasible
      candidate(1, 0.3, breach(0.01, 0, 0.03)),
      candidate(2, 0.35, breach(0.02, 0, 0.04)),
      candidate(3, 0.4, breach(0.07, 0.03, 0.12)), // beyond the limit, not surely
      candidate(4, null, breach(0, 0, 0)),
      candidate(5, 0.1, breach(0, 0, 0.02)),
    ];
    const decision = halve(list, 3);
    // four left after the drops: ceil(4 / 3) = 2
    expect(decision.kept).toEqual([2, 1]);
    expect(decision.dropped.get(0)).toBe('surely infeasible: drawdownBreach at least 0.1000 > 0.05');
    expect(decision.dropped.get(4)).toBe('no path ran');
    expect(decision.dropped.get(5)).toBe('ranked 3 of 4 (within the limits), below the best 2');
    expect(decision.dropped.get(3)).toBe('ranked 4 of 4 (an estimate beyond a limit), below the best 2');
    expect(halve(list, 1.5).kept).toEqual([2, 1, 5]);
    expect(halve([], 3)).toEqual({ kept: [], dropped: new Map() });
  });

  it('chooses the best feasible candidate and the runner-up', () => {
    const list = [candidate(0, 0.5, breach(0.04, 0.03, 0.06)), candidate(1, 0.3, breach(0.01, 0, 0.03)), candidate(2, 0.3, breach(0.02, 0, 0.04)), candidate(3, 0.1, breach(0, 0, 0.01))];
    const { choice, runnerUp } = choose(list);
    expect([choice?.id, runnerUp?.id]).toEqual([1, 2]);
    expect(choose([list[0] as CandidateEstimate])).toEqual({ choice: null, runnerUp: null });
  });
});
