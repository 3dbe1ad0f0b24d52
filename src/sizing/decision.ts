/**
 * A sizing decision as the engines make it (finalStage.ts `decide`) and as a run's decision log
 * gives it back (sim/decisionLog.ts): its fields, and its reasoning text written when first read.
 * Formatting the text cost more than the rest of a decision, and a run writes it out once, at the
 * end. The text function keeps only the few values it prints (the engines take them out of the
 * request first, so that no request is kept alive by a decision).
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

/** An engine's reasoning: the text, or the function that writes it from the final size. */
export type ReasoningSource = string | ((final: FinalSize) => string);

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
    if (typeof this.source !== 'string') this.source = this.source(this.final);
    return this.source;
  }

  /** The decision's public fields, reasoning included, as plain data. */
  toJSON(): Omit<SizingDecision, 'units'> & { units: string } {
    const { engine, stages, goalFactor, riskPct, riskAmount, finalValue, allocation, units, kelly, skipped, binding, goalEffect, reasoning } = this;
    return { engine, stages, goalFactor, riskPct, riskAmount, finalValue, allocation, units: units.toFixed(), kelly, skipped, binding, goalEffect, reasoning };
  }
}
