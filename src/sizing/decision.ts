/**
 * A sizing decision as the engines make it (finalStage.ts `decide`) and as a run's decision log
 * gives it back (sim/decisionLog.ts): its fields, and its reasoning text written when first read.
 * Formatting the text cost more than the rest of a decision, and a run writes it out once, at the
 * end.
 */
import type { Amount } from '../ledger/index.js';
import type { SizingDecision } from './types.js';

/** The last stage's outcome (finalStage.ts `finalSize`): what a reasoning function reads. */
export interface FinalSize {
  readonly units: Amount;
  readonly finalValue: number;
  readonly skipped: string | null;
  /** The final stage set the size: the available cash capped it, or it fell below a lot or the minimum notional. */
  readonly finalBound: boolean;
}

export type DecisionFields = Omit<SizingDecision, 'reasoning'>;

/** A value a reasoning text prints: engines pass numbers, texts, flags, and null for none. */
export type ReasoningFact = number | string | boolean | null;

/**
 * An engine's reasoning before it is written: a text function the engine's decisions share, and
 * the few values this decision's text prints, in the order the function reads them. A run's
 * decision log keeps the values in columns. A closure per decision instead (a function object,
 * its context and a box per number, kept for the whole run) made a run with an order every
 * other bar keep 830 bytes a round trip instead of 687, and pause 37-41 ms for the collector
 * instead of 28-32 (fixed-fraction, 19,409 round trips on 1M bars).
 */
export interface Reasoning<F extends readonly ReasoningFact[] = readonly ReasoningFact[]> {
  // a method, so that a Reasoning of particular facts is a Reasoning (method parameters are
  // bivariant); `this: void`, because the log keeps the function apart from its reasoning
  explain(this: void, facts: F, final: FinalSize): string;
  readonly facts: F;
}

/** A reasoning whose facts the compiler checks against its text function. */
export function reasoned<F extends readonly ReasoningFact[]>(explain: (facts: F, final: FinalSize) => string, ...facts: F): Reasoning {
  const reasoning: Reasoning<F> = { explain, facts };
  return reasoning;
}

/** A decision's reasoning as it stands: its text once written, else what writes it (a function of the final size from a caller's own engine). */
export type ReasoningSource = string | Reasoning | ((final: FinalSize) => string);

export class Decision implements SizingDecision {
  readonly engine: string;
  readonly stages: SizingDecision['stages'];
  readonly goalFactor: number | null;
  readonly riskPct: number;
  readonly riskAmount: number | null;
  readonly finalValue: number;
  readonly allocation: number;
  readonly units: SizingDecision['units'];
  readonly kelly: number | null;
  readonly skipped: string | null;
  readonly binding: string | null;
  readonly goalEffect: number | null;
  private source: ReasoningSource;

  constructor(
    fields: DecisionFields,
    reasoning: ReasoningSource,
    /** What the reasoning function reads; the final stage's cap shows in `finalBound`. */
    readonly final: FinalSize,
  ) {
    this.engine = fields.engine;
    this.stages = fields.stages;
    this.goalFactor = fields.goalFactor;
    this.riskPct = fields.riskPct;
    this.riskAmount = fields.riskAmount;
    this.finalValue = fields.finalValue;
    this.allocation = fields.allocation;
    this.units = fields.units;
    this.kelly = fields.kelly;
    this.skipped = fields.skipped;
    this.binding = fields.binding;
    this.goalEffect = fields.goalEffect;
    this.source = reasoning;
  }

  /** The reasoning as it stands: its text once read, else the function that writes it. */
  get reasoningSource(): ReasoningSource {
    return this.source;
  }

  get reasoning(): string {
    if (typeof this.source === 'function') this.source = this.source(this.final);
    else if (typeof this.source !== 'string') this.source = this.source.explain(this.source.facts, this.final);
    return this.source;
  }

  /** The decision's public fields, reasoning included, as plain data. */
  toJSON(): Omit<SizingDecision, 'units'> & { units: string } {
    const { engine, stages, goalFactor, riskPct, riskAmount, finalValue, allocation, units, kelly, skipped, binding, goalEffect, reasoning } = this;
    return { engine, stages, goalFactor, riskPct, riskAmount, finalValue, allocation, units: units.toFixed(), kelly, skipped, binding, goalEffect, reasoning };
  }
}
