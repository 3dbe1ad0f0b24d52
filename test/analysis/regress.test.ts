import { describe, expect, it } from 'vitest';
import { BASELINE_FORMAT, type Baseline, type BaselineDecision } from '../../src/analysis/baseline.js';
import { compareWithBaseline, DEFAULT_TOLERANCES, describeDrift } from '../../src/analysis/regress.js';

function decision(time: string, overrides: Partial<BaselineDecision> = {}): BaselineDecision {
  return { time, symbol: 'A', signal: 'buy', direction: 'long', stages: { base: 1000, goal: 1200, final: 1200 }, goalFactor: 1.2, riskPct: 0.01, finalValue: 1200, quantity: '12', binding: null, goalEffect: 0.2, skipped: null, ...overrides };
}

function baseline(decisions: BaselineDecision[], metrics: Record<string, number | null> = { sharpe: 1, totalReturn: 0.1 }): Baseline {
  return { format: BASELINE_FORMAT, scenario: 's', scenarioHash: 'h', goalsimVersion: '0', metrics, decisions };
}

const T1 = '2020-01-01T00:00:00Z';
const T2 = '2020-01-02T00:00:00Z';

describe('compareWithBaseline', () => {
  it('finds no drift in the same run', () => {
    const run = baseline([decision(T1), decision(T2)]);
    const c = compareWithBaseline(run, run);
    expect(c).toMatchObject({ decisionsBefore: 2, decisionsAfter: 2, fields: [], changedDecisions: 0, firstDivergentStage: null, added: [], missing: [], metrics: [], drifted: false });
  });

  it('names every differing field and the first stage that diverged, in stage order', () => {
    const before = baseline([decision(T1), decision(T2)]);
    const after = baseline([decision(T1), decision(T2, { stages: { base: 1000, goal: 1300, final: 1250 }, finalValue: 1250, quantity: '12.5', signal: 'sell', binding: 'final' })]);
    const c = compareWithBaseline(before, after);
    expect(c.fields.map((f) => `${f.time} ${f.field}: ${f.before} -> ${f.after}`)).toEqual([
      `${T2} signal: buy -> sell`,
      `${T2} stage_goal: 1200 -> 1300`,
      `${T2} stage_final: 1200 -> 1250`,
      `${T2} final_value: 1200 -> 1250`,
      `${T2} quantity: 12 -> 12.5`,
      `${T2} binding: none -> final`,
    ]);
    expect(c.changedDecisions).toBe(1);
    expect(c.firstDivergentStage).toBe('goal');
    expect(c.drifted).toBe(true);
  });

  it('compares numbers within a relative tolerance of max(1, |a|, |b|), and null only to null', () => {
    const before = baseline([decision(T1, { finalValue: 1000, goalFactor: null, riskPct: 0.01 })]);
    const close = baseline([decision(T1, { finalValue: 1000 + 1e-7, goalFactor: null, riskPct: 0.01 + 5e-10 })]);
    expect(compareWithBaseline(before, close).fields).toEqual([]); // 1e-7 <= 1e-9 x 1000; 5e-10 <= 1e-9 x 1
    const far = baseline([decision(T1, { finalValue: 1000 + 2e-6, goalFactor: 1, riskPct: 0.01 + 2e-9 })]);
    expect(compareWithBaseline(before, far).fields.map((f) => f.field)).toEqual(['goal_factor', 'risk_pct', 'final_value']);
    expect(compareWithBaseline(before, far, { ...DEFAULT_TOLERANCES, decision: 1e-5 }).fields.map((f) => f.field)).toEqual(['goal_factor']);
  });

  it('pairs decisions by time, symbol and occurrence, so an insertion shifts nothing', () => {
    const before = baseline([decision(T1), decision(T1, { quantity: '3' }), decision(T2)]);
    const after = baseline([decision(T1), decision(T1, { quantity: '3' }), decision(T1, { quantity: '4' }), decision(T2, { symbol: 'B' })]);
    const c = compareWithBaseline(before, after);
    expect(c.fields).toEqual([]);
    expect(c.added).toEqual([`${T1} A#2`, `${T2} B`]);
    expect(c.missing).toEqual([`${T2} A`]);
    expect(c.drifted).toBe(true);
  });

  it('compares metrics with the default or a per-metric absolute tolerance', () => {
    const before = baseline([], { sharpe: 1, totalReturn: 0.1, calmar: null });
    const after = baseline([], { sharpe: 1.001, totalReturn: 0.1, calmar: 2 });
    const strict = compareWithBaseline(before, after);
    expect(strict.metrics.map((m) => [m.metric, m.before, m.after, m.tolerance])).toEqual([
      ['sharpe', 1, 1.001, 1e-9],
      ['calmar', null, 2, 1e-9],
    ]);
    const loose = compareWithBaseline(before, after, { ...DEFAULT_TOLERANCES, perMetric: { sharpe: 0.01 } });
    expect(loose.metrics.map((m) => m.metric)).toEqual(['calmar']);
    expect(compareWithBaseline(before, baseline([], { sharpe: 1.02, totalReturn: 0.1, calmar: null }), { ...DEFAULT_TOLERANCES, perMetric: { sharpe: 0.01 } }).metrics[0]?.tolerance).toBe(0.01);
  });
});

describe('describeDrift', () => {
  it('says how many decisions changed, where it diverged, the first fields and the metrics', () => {
    const before = baseline([decision(T1), decision(T2)], { sharpe: 1, calmar: null });
    const after = baseline([decision(T1, { stages: { base: 900, goal: 1200, final: 1200 } }), decision('2020-01-03T00:00:00Z')], { sharpe: 1.5, calmar: 1 });
    const lines = describeDrift(compareWithBaseline(before, after));
    expect(lines).toEqual([
      'decisions: 2 before, 2 after; 1 changed, 1 added, 1 missing',
      'first divergence at stage "base"',
      `${T1} A stage_base: 1000 → 900`,
      'added decision: 2020-01-03T00:00:00Z A',
      `missing decision: ${T2} A`,
      'metric sharpe: 1 → 1.5 (Δ +0.5000, tolerance 1e-9)',
      'metric calmar: none → 1',
    ]);
  });

  it('cuts the field list at maxLines and says how many more', () => {
    const before = baseline([decision(T1)]);
    const after = baseline([decision(T1, { signal: 'sell', direction: 'short', riskPct: 0.5 })]);
    const lines = describeDrift(compareWithBaseline(before, after), 2);
    expect(lines.slice(1)).toEqual([`${T1} A signal: buy → sell`, `${T1} A direction: long → short`, '... and 1 more differing fields']);
    const down = describeDrift(compareWithBaseline(baseline([], { x: 2 }), baseline([], { x: 1 })));
    expect(down.at(-1)).toBe('metric x: 2 → 1 (Δ -1.000, tolerance 1e-9)');
  });
});
