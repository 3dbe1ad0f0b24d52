import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Amount } from '../../src/ledger/index.js';
import { DecisionLog, type DecisionQuestion } from '../../src/sim/decisionLog.js';
import { Decision, reasoned, type DecisionFields, type FinalSize, type ReasoningFact } from '../../src/sizing/decision.js';
import type { SizingDecision } from '../../src/sizing/types.js';

const SYMBOLS = ['AAA', 'BBB', 'CCC'];

const nullableNumber = fc.option(fc.double(), { nil: null });
const text = fc.constantFrom('final', 'bounds', 'size is zero', 'below one lot step (0.01)', 'goal', 'négatif ✓');
const units = fc.oneof(
  fc.tuple(fc.integer({ min: -1e6, max: 1e12 }), fc.integer({ min: 0, max: 12 })).map(([scaled, scale]) => new Amount(scaled, scale)),
  // beyond float64's exact integers the ledger's amounts are bigints
  fc.tuple(fc.bigInt({ min: 2n ** 53n, max: 2n ** 80n }), fc.integer({ min: 0, max: 30 })).map(([scaled, scale]) => new Amount(scaled, scale)),
);

const entry = fc.record({
  question: fc.record({
    time: fc.integer({ min: 0, max: 4e12 }),
    symbolIndex: fc.integer({ min: 0, max: SYMBOLS.length - 1 }),
    signal: fc.constantFrom('buy' as const, 'sell' as const, 'close' as const),
    direction: fc.constantFrom('long' as const, 'short' as const),
    price: fc.double({ min: 0.0001, max: 1e6, noNaN: true }),
    confidence: fc.double({ min: 0, max: 1, noNaN: true }),
    stopLossPct: fc.oneof(fc.constant(NaN), fc.double({ min: 0.001, max: 0.5, noNaN: true })),
  }),
  fields: fc.record({
    engine: fc.constantFrom('pipeline', 'goal-kelly', 'fixed-fraction', 'module'),
    stages: fc.array(fc.record({ name: text, value: fc.double() }).map(({ name, value }) => ({ name, value })), { maxLength: 7 }),
    goalFactor: nullableNumber,
    riskPct: fc.double(),
    riskAmount: nullableNumber,
    finalValue: fc.double(),
    allocation: fc.double(),
    units,
    kelly: nullableNumber,
    skipped: fc.option(text, { nil: null }),
    binding: fc.option(text, { nil: null }),
    goalEffect: nullableNumber,
  }),
  finalBound: fc.boolean(),
  facts: fc.array(fc.oneof(fc.double(), text, fc.boolean(), fc.constant(null)), { maxLength: 17 }),
  explainer: fc.integer({ min: 0, max: 1 }),
});

const shown = (fact: ReasoningFact): string => `${typeof fact}:${Object.is(fact, -0) ? '-0' : String(fact)}`;
const finalText = (final: FinalSize): string => `${final.units.toFixed()} units, ${final.finalValue}, ${final.skipped ?? 'traded'}, ${final.finalBound ? 'bound' : 'free'}`;
/** Two engines' text functions, writing every fact with its kind and the final size, so that a wrong one shows. */
const EXPLAINERS = [
  (facts: readonly ReasoningFact[], final: FinalSize): string => `one ${facts.map(shown).join('|')} / ${finalText(final)}`,
  (facts: readonly ReasoningFact[], final: FinalSize): string => `two ${facts.map(shown).join('|')} / ${finalText(final)}`,
] as const;

function decisionOf(fields: DecisionFields, finalBound: boolean, facts: readonly ReasoningFact[] = [], explainer = 0): Decision {
  return new Decision(fields, reasoned(EXPLAINERS[explainer] as (typeof EXPLAINERS)[0], ...facts), { units: fields.units, finalValue: fields.finalValue, skipped: fields.skipped, finalBound });
}

describe('the decision log', () => {
  it('gives back every field of every decision it recorded, reasoning included', () => {
    fc.assert(
      fc.property(fc.array(entry, { minLength: 1, maxLength: 40 }), (entries) => {
        const log = new DecisionLog(SYMBOLS);
        const decisions = entries.map(({ question, fields, finalBound, facts, explainer }) => {
          const decision = decisionOf(fields, finalBound, facts, explainer);
          log.record(question, decision);
          return decision;
        });
        const records = log.records();
        expect(records).toHaveLength(entries.length);
        records.forEach((record, i) => {
          const { question } = entries[i] as { question: DecisionQuestion };
          const original = decisions[i] as Decision;
          const { decision, ...asked } = record;
          const { symbolIndex, ...rest } = question;
          expect(asked).toStrictEqual({ ...rest, symbol: SYMBOLS[symbolIndex] });
          expect(decision).toBeInstanceOf(Decision);
          expect((decision as Decision).toJSON()).toStrictEqual(original.toJSON());
          // the exact amount, bigint or float
          expect(record.decision.units.scaled).toStrictEqual(original.units.scaled);
          expect(record.decision.units.scale).toBe(original.units.scale);
          expect(Object.is(record.decision.goalFactor, original.goalFactor)).toBe(true);
        });
      }),
      { numRuns: 150 },
    );
  });

  it('keeps the text of a decision made outside decide, a text already read, and a reasoning function', () => {
    const log = new DecisionLog(SYMBOLS);
    const question: DecisionQuestion = { time: 1, symbolIndex: 2, signal: 'buy', direction: 'long', price: 10, confidence: 1, stopLossPct: NaN };
    const fields: DecisionFields = { engine: 'module', stages: [{ name: 'final', value: 5 }], goalFactor: null, riskPct: 0.01, riskAmount: null, finalValue: 5, allocation: 0.5, units: new Amount(5, 1), kelly: null, skipped: null, binding: null, goalEffect: 0 };
    const plain: SizingDecision = { ...fields, reasoning: 'a caller made this one' };
    log.record(question, plain);
    let calls = 0;
    const read = new Decision(fields, reasoned(() => `written ${++calls}`), { units: fields.units, finalValue: 5, skipped: null, finalBound: false });
    expect(read.reasoning).toBe('written 1');
    log.record(question, read);
    // a caller's own engine may give decide() a function of the final size, as before reasoned()
    const closure = new Decision(fields, (final) => `closure ${finalText(final)}`, { units: fields.units, finalValue: 5, skipped: null, finalBound: true });
    log.record(question, closure);
    const [first, second, third] = log.records();
    expect(first?.decision.reasoning).toBe('a caller made this one');
    expect(second?.decision.reasoning).toBe('written 1');
    expect(calls).toBe(1);
    expect(third?.decision.reasoning).toBe('closure 0.5 units, 5, traded, bound');
    expect(third?.decision.reasoning).toBe(closure.reasoning);
  });

  it('writes a reasoning once, when it is first read, from the final size it was decided with', () => {
    const log = new DecisionLog(SYMBOLS);
    let calls = 0;
    const fields: DecisionFields = { engine: 'pipeline', stages: [], goalFactor: 1, riskPct: 0.02, riskAmount: 10, finalValue: 0, allocation: 0, units: Amount.ZERO, kelly: null, skipped: 'size is zero', binding: 'final', goalEffect: 0 };
    log.record({ time: 5, symbolIndex: 0, signal: 'sell', direction: 'short', price: 3, confidence: 0.5, stopLossPct: 0.1 }, new Decision(fields, reasoned((facts: readonly [string, number], final: FinalSize) => `${++calls}: ${facts.join(' ')} ${finalText(final)}`, 'short of', 2.5), { units: Amount.ZERO, finalValue: 0, skipped: 'size is zero', finalBound: true }));
    const record = log.records()[0];
    expect(calls).toBe(0);
    expect(record?.decision.reasoning).toBe('1: short of 2.5 0 units, 0, size is zero, bound');
    expect(record?.decision.reasoning).toBe('1: short of 2.5 0 units, 0, size is zero, bound');
    expect(record?.direction).toBe('short');
    expect(record?.signal).toBe('sell');
  });

  it('extends the same array as decisions come, leaving the records already built as they were', () => {
    const log = new DecisionLog(SYMBOLS);
    const fields: DecisionFields = { engine: 'kelly', stages: [{ name: 'base', value: 1 }], goalFactor: null, riskPct: 0, riskAmount: null, finalValue: 1, allocation: 0.1, units: new Amount(1, 0), kelly: 0.2, skipped: null, binding: null, goalEffect: 0 };
    const question = (time: number): DecisionQuestion => ({ time, symbolIndex: 1, signal: 'buy', direction: 'long', price: 1, confidence: 1, stopLossPct: NaN });
    // more rows and stages than the first columns hold, so that they grow while records are read
    for (let t = 0; t < 100; t++) log.record(question(t), decisionOf(fields, false));
    const early = log.records();
    const firstRecord = early[0];
    for (let t = 100; t < 1000; t++) log.record(question(t), decisionOf({ ...fields, stages: [{ name: `s${t % 3}`, value: t }, { name: 'final', value: -t }] }, false));
    const later = log.records();
    expect(later).toBe(early);
    expect(later).toHaveLength(1000);
    expect(later[0]).toBe(firstRecord);
    expect(later.map((record) => record.time)).toStrictEqual(Array.from({ length: 1000 }, (_, t) => t));
    expect(later[999]?.decision.stages).toStrictEqual([{ name: 's0', value: 999 }, { name: 'final', value: -999 }]);
    expect(later[99]?.decision.stages).toStrictEqual([{ name: 'base', value: 1 }]);
  });
});
