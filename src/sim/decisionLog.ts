/**
 * A run's sizing decisions, recorded in columns and built into records when first read.
 *
 * A run keeps every decision. As objects (the record, the decision, its stages, its final size,
 * its reasoning) they were about 700 bytes each that the garbage collector copied out of the
 * young generation and then marked for the rest of the run: in an order-heavy run (19,409 round
 * trips on 1M bars) keeping them cost about 15 % of the run. Here a decision is a row of numbers
 * and string ids, its stages and its reasoning's facts are rows of pools, and its reasoning's
 * text function (one per engine) an id. `records()` builds the records once, when a report, a
 * baseline or a caller reads them.
 */
import { SIGNAL_SIDES, type SignalSide } from '../data/signalTable.js';
import { Amount, type Direction } from '../ledger/index.js';
import { Decision, type FinalSize, type Reasoning, type ReasoningFact, type ReasoningSource } from '../sizing/decision.js';
import type { SizingDecision, SizingStage } from '../sizing/types.js';
import type { DecisionRecord } from './types.js';

/** What a decision was asked: the signal's side, the direction, the price and the signal's figures. */
export interface DecisionQuestion {
  readonly time: number;
  readonly symbolIndex: number;
  readonly signal: SignalSide;
  readonly direction: Direction;
  readonly price: number;
  readonly confidence: number;
  readonly stopLossPct: number;
}

// the float columns of a row
const TIME = 0;
const PRICE = 1;
const CONFIDENCE = 2;
const STOP = 3;
const GOAL_FACTOR = 4;
const RISK_PCT = 5;
const RISK_AMOUNT = 6;
const FINAL_VALUE = 7;
const ALLOCATION = 8;
const KELLY = 9;
const GOAL_EFFECT = 10;
const UNITS = 11;
const FLOATS = 12;

// the integer columns of a row: string ids are -1 for null
const SYMBOL = 0;
const CODES = 1;
const ENGINE = 2;
const SKIPPED = 3;
const BINDING = 4;
const FIRST_STAGE = 5;
/** The reasoning's text function, or TEXT (the reasoning is its text, the row's one fact), or CLOSURE. */
const EXPLAIN = 6;
const FIRST_FACT = 7;
const INTS = 8;

const TEXT = -1;
/** A caller's own engine gave a function of the final size: kept as it is, in `closures`. */
const CLOSURE = -2;

// how a fact is kept in the fact pool: a number, a string id, a flag, or null
const FACT_NUMBER = 0;
const FACT_STRING = 1;
const FACT_TRUE = 2;
const FACT_FALSE = 3;
const FACT_NULL = 4;

// CODES: bits 0-1 the signal side, bit 2 short, bit 3 the final stage bound, bits 4-7 the nulls, bits 8- the units' scale
const SHORT = 1 << 2;
const FINAL_BOUND = 1 << 3;
const NULL_GOAL_FACTOR = 1 << 4;
const NULL_RISK_AMOUNT = 1 << 5;
const NULL_KELLY = 1 << 6;
const NULL_GOAL_EFFECT = 1 << 7;
const SCALE_SHIFT = 8;

function grown<T extends Float64Array | Int32Array | Uint8Array>(column: T, needed: number): T {
  if (needed <= column.length) return column;
  const next = new (column.constructor as new (length: number) => T)(Math.max(needed, column.length * 2));
  next.set(column);
  return next;
}

const orNaN = (value: number | null): number => (value === null ? NaN : value);

/** Values kept once each, named by their index: the log's texts and its engines' text functions. */
class Interned<T> {
  private readonly values: T[] = [];
  private readonly ids = new Map<T, number>();

  idOf(value: T): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.values.push(value);
      this.ids.set(value, id);
    }
    return id;
  }

  at(id: number): T {
    return this.values[id] as T;
  }
}

export class DecisionLog {
  private rows = 0;
  private floats = new Float64Array(64 * FLOATS);
  private ints = new Int32Array(64 * INTS);
  private stageCount = 0;
  private stageNames = new Int32Array(256);
  private stageValues = new Float64Array(256);
  private factCount = 0;
  private factValues = new Float64Array(256);
  private factKinds = new Uint8Array(256);
  private readonly explainers = new Interned<Reasoning['explain']>();
  /** Reasoning functions of a caller's own engine, by row. */
  private readonly closures = new Map<number, (final: FinalSize) => string>();
  /** Units whose scaled integer left float64's exact range (rare), by row. */
  private readonly bigUnits = new Map<number, bigint>();
  private readonly texts = new Interned<string>();
  private readonly built: DecisionRecord[] = [];

  constructor(private readonly symbols: readonly string[]) {}

  get length(): number {
    return this.rows;
  }

  record(question: DecisionQuestion, decision: SizingDecision): void {
    const row = this.rows;
    const floats = (this.floats = grown(this.floats, (row + 1) * FLOATS));
    const ints = (this.ints = grown(this.ints, (row + 1) * INTS));
    const f = row * FLOATS;
    const units = decision.units;
    floats[f + TIME] = question.time;
    floats[f + PRICE] = question.price;
    floats[f + CONFIDENCE] = question.confidence;
    floats[f + STOP] = question.stopLossPct;
    floats[f + GOAL_FACTOR] = orNaN(decision.goalFactor);
    floats[f + RISK_PCT] = decision.riskPct;
    floats[f + RISK_AMOUNT] = orNaN(decision.riskAmount);
    floats[f + FINAL_VALUE] = decision.finalValue;
    floats[f + ALLOCATION] = decision.allocation;
    floats[f + KELLY] = orNaN(decision.kelly);
    floats[f + GOAL_EFFECT] = orNaN(decision.goalEffect);
    if (typeof units.scaled === 'number') floats[f + UNITS] = units.scaled;
    else this.bigUnits.set(row, units.scaled);
    const known = decision instanceof Decision;
    const codes =
      SIGNAL_SIDES.indexOf(question.signal) |
      (question.direction === 'short' ? SHORT : 0) |
      (known && decision.final.finalBound ? FINAL_BOUND : 0) |
      (decision.goalFactor === null ? NULL_GOAL_FACTOR : 0) |
      (decision.riskAmount === null ? NULL_RISK_AMOUNT : 0) |
      (decision.kelly === null ? NULL_KELLY : 0) |
      (decision.goalEffect === null ? NULL_GOAL_EFFECT : 0) |
      (units.scale << SCALE_SHIFT);
    const i = row * INTS;
    ints[i + SYMBOL] = question.symbolIndex;
    ints[i + CODES] = codes;
    ints[i + ENGINE] = this.idOf(decision.engine);
    ints[i + SKIPPED] = this.idOf(decision.skipped);
    ints[i + BINDING] = this.idOf(decision.binding);
    ints[i + FIRST_STAGE] = this.stageCount;
    this.recordStages(decision.stages);
    // a decision from outside `decide` (a caller's own engine), or one already read, keeps its text
    const reasoning = known ? decision.reasoningSource : decision.reasoning;
    ints[i + FIRST_FACT] = this.factCount;
    if (typeof reasoning === 'string') {
      ints[i + EXPLAIN] = TEXT;
      this.recordFact(reasoning);
    } else if (typeof reasoning === 'function') {
      ints[i + EXPLAIN] = CLOSURE;
      this.closures.set(row, reasoning);
    } else {
      ints[i + EXPLAIN] = this.explainers.idOf(reasoning.explain);
      for (let k = 0; k < reasoning.facts.length; k++) this.recordFact(reasoning.facts[k] as ReasoningFact);
    }
    this.rows = row + 1;
  }

  /** Every decision so far as records, built once: the array grows as the log does. */
  records(): readonly DecisionRecord[] {
    for (let row = this.built.length; row < this.rows; row++) this.built.push(this.recordAt(row));
    return this.built;
  }

  private recordStages(stages: readonly SizingStage[]): void {
    const needed = this.stageCount + stages.length;
    this.stageNames = grown(this.stageNames, needed);
    this.stageValues = grown(this.stageValues, needed);
    for (let k = 0; k < stages.length; k++) {
      const stage = stages[k] as SizingStage;
      this.stageNames[this.stageCount] = this.idOf(stage.name);
      this.stageValues[this.stageCount] = stage.value;
      this.stageCount++;
    }
  }

  private recordFact(fact: ReasoningFact): void {
    const k = this.factCount;
    this.factValues = grown(this.factValues, k + 1);
    this.factKinds = grown(this.factKinds, k + 1);
    if (typeof fact === 'number') {
      this.factKinds[k] = FACT_NUMBER;
      this.factValues[k] = fact;
    } else if (typeof fact === 'string') {
      this.factKinds[k] = FACT_STRING;
      this.factValues[k] = this.idOf(fact);
    } else this.factKinds[k] = fact === true ? FACT_TRUE : fact === false ? FACT_FALSE : FACT_NULL;
    this.factCount = k + 1;
  }

  private factAt(k: number): ReasoningFact {
    switch (this.factKinds[k]) {
      case FACT_NUMBER:
        return this.factValues[k] as number;
      case FACT_STRING:
        return this.texts.at(this.factValues[k] as number);
      case FACT_TRUE:
        return true;
      case FACT_FALSE:
        return false;
      default:
        return null;
    }
  }

  /** The facts of a row's reasoning, in the order its decision was given them. */
  factsAt(row: number): ReasoningFact[] {
    const i = row * INTS;
    const end = this.endOf(row, FIRST_FACT, this.factCount);
    const facts: ReasoningFact[] = [];
    for (let k = this.ints[i + FIRST_FACT] as number; k < end; k++) facts.push(this.factAt(k));
    return facts;
  }

  /** The row's reasoning as its decision was given it: the text, or the text function with its facts read when the text is written. */
  private reasoningAt(row: number): ReasoningSource {
    const explainer = this.ints[row * INTS + EXPLAIN] as number;
    if (explainer === TEXT) return this.factAt(this.ints[row * INTS + FIRST_FACT] as number) as string;
    if (explainer === CLOSURE) return this.closures.get(row) as (final: FinalSize) => string;
    return new LoggedReasoning(this, row, this.explainers.at(explainer));
  }

  /** Where a row's stages or facts end in their pool: where the next row's begin, or the pool's end. */
  private endOf(row: number, first: typeof FIRST_STAGE | typeof FIRST_FACT, poolEnd: number): number {
    return row + 1 < this.rows ? (this.ints[(row + 1) * INTS + first] as number) : poolEnd;
  }

  private idOf(text: string | null): number {
    return text === null ? -1 : this.texts.idOf(text);
  }

  private stringOf(id: number): string | null {
    return id < 0 ? null : this.texts.at(id);
  }

  private recordAt(row: number): DecisionRecord {
    const { floats, ints } = this;
    const f = row * FLOATS;
    const i = row * INTS;
    const codes = ints[i + CODES] as number;
    const nullable = (column: number, flag: number): number | null => ((codes & flag) !== 0 ? null : (floats[f + column] as number));
    const stageEnd = this.endOf(row, FIRST_STAGE, this.stageCount);
    const stages: SizingStage[] = [];
    for (let k = ints[i + FIRST_STAGE] as number; k < stageEnd; k++) stages.push({ name: this.texts.at(this.stageNames[k] as number), value: this.stageValues[k] as number });
    const units = new Amount(this.bigUnits.get(row) ?? (floats[f + UNITS] as number), codes >>> SCALE_SHIFT);
    const finalValue = floats[f + FINAL_VALUE] as number;
    const skipped = this.stringOf(ints[i + SKIPPED] as number);
    const decision = new Decision(
      {
        engine: this.texts.at(ints[i + ENGINE] as number),
        stages,
        goalFactor: nullable(GOAL_FACTOR, NULL_GOAL_FACTOR),
        riskPct: floats[f + RISK_PCT] as number,
        riskAmount: nullable(RISK_AMOUNT, NULL_RISK_AMOUNT),
        finalValue,
        allocation: floats[f + ALLOCATION] as number,
        units,
        kelly: nullable(KELLY, NULL_KELLY),
        skipped,
        binding: this.stringOf(ints[i + BINDING] as number),
        goalEffect: nullable(GOAL_EFFECT, NULL_GOAL_EFFECT),
      },
      this.reasoningAt(row),
      { units, finalValue, skipped, finalBound: (codes & FINAL_BOUND) !== 0 },
    );
    return {
      time: floats[f + TIME] as number,
      symbol: this.symbols[ints[i + SYMBOL] as number] as string,
      signal: SIGNAL_SIDES[codes & 3] as SignalSide,
      direction: (codes & SHORT) !== 0 ? 'short' : 'long',
      price: floats[f + PRICE] as number,
      confidence: floats[f + CONFIDENCE] as number,
      stopLossPct: floats[f + STOP] as number,
      decision,
    };
  }
}

/**
 * A built record's reasoning: its facts stay in the log until the text is written. As an array
 * per record (17 facts for a pipeline decision, each number boxed) the 391,000 records a 20M-bar
 * run writes out at its end took about 90 MB more at the run's peak (2.57 against 2.48 GB).
 */
class LoggedReasoning implements Reasoning {
  constructor(
    private readonly log: DecisionLog,
    private readonly row: number,
    readonly explain: Reasoning['explain'],
  ) {}

  get facts(): readonly ReasoningFact[] {
    return this.log.factsAt(this.row);
  }
}
