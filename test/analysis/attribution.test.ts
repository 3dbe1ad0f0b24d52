import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { attributionOf } from '../../src/analysis/attribution.js';
import { BASELINE_FORMAT, baselineOf, fileHash } from '../../src/analysis/baseline.js';
import { Amount } from '../../src/ledger/index.js';
import type { SizingDecision } from '../../src/sizing/types.js';
import type { DecisionRecord, RunResult } from '../../src/sim/types.js';
import { VERSION } from '../../src/version.js';
import { tempDir } from '../helpers.js';

function record(stages: [string, number][], overrides: Partial<SizingDecision> = {}, time = 0): DecisionRecord {
  const decision: SizingDecision = {
    engine: 'pipeline',
    stages: stages.map(([name, value]) => ({ name, value })),
    goalFactor: 1,
    riskPct: 0.01,
    riskAmount: null,
    finalValue: stages.at(-1)?.[1] ?? 0,
    allocation: 0,
    units: Amount.of('5'),
    kelly: null,
    skipped: null,
    binding: null,
    goalEffect: 0,
    reasoning: '',
    ...overrides,
  };
  return { time, symbol: 'A', signal: 'buy', direction: 'long', price: 10, confidence: 0.7, stopLossPct: 0.02, decision };
}

describe('attributionOf', () => {
  it('counts per stage the decisions whose value it changed and those whose size it bound', () => {
    const records = [
      record([['base', 100], ['goal', 120], ['bounds', 120]], { goalEffect: 0.2 }),
      record([['base', 100], ['goal', 100], ['bounds', 90]], { binding: 'bounds' }),
      record([['base', 100], ['goal', 130], ['bounds', 110]], { binding: 'bounds', goalEffect: 0.1 }),
      record([['base', 100], ['goal', 150]], { skipped: 'min notional', goalEffect: 0.5 }),
    ];
    const a = attributionOf(records);
    expect(a.traded).toBe(3);
    expect(a.stages).toEqual({ base: { changed: 0, bound: 0 }, goal: { changed: 2, bound: 0 }, bounds: { changed: 2, bound: 2 } });
    expect(a.goalChanged).toBe(2);
    expect(a.goalChangedShare).toBeCloseTo(2 / 3, 15);
    expect(a.warning).toBeNull();
  });

  it('counts a binding stage the decision does not list', () => {
    expect(attributionOf([record([['base', 100]], { binding: 'final' })]).stages).toEqual({ base: { changed: 0, bound: 0 }, final: { changed: 0, bound: 1 } });
  });

  it('warns when a goal-aware engine changed fewer than 10 % of decisions, naming the stage that took its effect', () => {
    const many = Array.from({ length: 10 }, (_, i) => record([['base', 100], ['goal', 100]], { binding: i < 6 ? 'constraints' : i < 9 ? 'final' : null }));
    expect(attributionOf(many).warning).toBe("the goal stage changed 0 of 10 pipeline decisions (0.0%): the constraints stage set the size instead; look at sizing.params.maxPositionPct (or minPositionPct, cash, maxGrossExposure)");
    // at 10 % exactly, no warning
    const tenth = many.map((r, i) => (i === 0 ? record([['base', 100], ['goal', 110]], { goalEffect: 0.1 }) : r));
    expect(attributionOf(tenth).warning).toBeNull();
    // nothing bound: the factor stayed near 1; a tie between binders goes to the name first in order
    const free = Array.from({ length: 4 }, () => record([['base', 100]], { engine: 'goal-kelly', goalFactor: null }));
    expect(attributionOf(free).warning).toBe('the goal stage changed 0 of 4 goal-kelly decisions (0.0%): the goal factor stayed near 1 (see goalFactor.thresholds)');
    const tied = [record([['base', 1]], { binding: 'limits' }), record([['base', 1]], { binding: 'bounds' })];
    expect(attributionOf(tied).warning).toMatch(/the bounds stage set the size instead; look at sizing.params.maxPositionPct and minPositionPct$/);
    // a stage without a known parameter is named as it is
    expect(attributionOf([record([['base', 1]], { binding: 'custom' })]).warning).toMatch(/the custom stage set the size instead; look at custom$/);
  });

  it("counts stages a user's engine names __proto__, constructor or toString like any other, touching no prototype", () => {
    const hostile = [record([['__proto__', 100], ['constructor', 90], ['toString', 80]], { binding: 'toString' }), record([['__proto__', 100], ['constructor', 100]], { binding: '__proto__' })];
    const a = attributionOf(hostile);
    expect(Object.entries(a.stages)).toEqual([
      ['__proto__', { changed: 0, bound: 1 }],
      ['constructor', { changed: 1, bound: 0 }],
      ['toString', { changed: 1, bound: 1 }],
    ]);
    expect(JSON.parse(JSON.stringify(a.stages))).toEqual({ ['__proto__']: { changed: 0, bound: 1 }, constructor: { changed: 1, bound: 0 }, toString: { changed: 1, bound: 1 } });
    expect([({} as Record<string, unknown>)['changed'], (Object as unknown as Record<string, unknown>)['changed']]).toEqual([undefined, undefined]);
    const warned = attributionOf([record([['base', 1]], { binding: 'toString' })]);
    expect(warned.warning).toMatch(/the toString stage set the size instead; look at toString$/);
  });

  it('does not warn for engines that are not goal-aware, or without trades', () => {
    expect(attributionOf([record([['base', 100]], { engine: 'fixed-fraction', goalFactor: null })]).warning).toBeNull();
    expect(attributionOf([record([['base', 100]], { engine: 'pipeline', goalFactor: null })]).warning).toBeNull();
    const none = attributionOf([]);
    expect([none.traded, none.goalChangedShare, none.warning]).toEqual([0, null, null]);
  });
});

describe('baselines', () => {
  it('keep every decision field and the metrics, with the format, hash and version', () => {
    const result = {
      name: 'msft',
      metrics: { sharpe: 1.25, cagr: null },
      decisions: [record([['base', 100], ['goal', 120]], { goalFactor: 1.2, goalEffect: 0.2, binding: 'goal', riskPct: 0.015, finalValue: 120, units: Amount.of('12.5') }, Date.UTC(2020, 0, 2))],
    } as unknown as RunResult;
    const b = baselineOf(result, 'abc');
    expect(b).toEqual({
      format: BASELINE_FORMAT,
      scenario: 'msft',
      scenarioHash: 'abc',
      goalsimVersion: VERSION,
      metrics: { sharpe: 1.25, cagr: null },
      decisions: [{ time: '2020-01-02T00:00:00Z', symbol: 'A', signal: 'buy', direction: 'long', stages: { base: 100, goal: 120 }, goalFactor: 1.2, riskPct: 0.015, finalValue: 120, quantity: '12.5', binding: 'goal', goalEffect: 0.2, skipped: null }],
    });
    expect(BASELINE_FORMAT).toBe('goalsim-baseline-v1');
  });

  it('hash a file by its bytes (SHA-256)', () => {
    const file = join(tempDir(), 'x.json');
    writeFileSync(file, '{"a":1}\n');
    expect(fileHash(file)).toBe(createHash('sha256').update('{"a":1}\n').digest('hex'));
    expect(fileHash(file)).toMatch(/^[0-9a-f]{64}$/);
  });
});
