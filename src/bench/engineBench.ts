/**
 * The engine as users run it: sma-cross 10/30 on the bench's minute bars, sized by
 * fixed-fraction or pipeline, without goals and with the seed-001 goals on the default hourly
 * tracker. Also the same strategies with their orders suppressed (the indicator work still
 * done, every signal dropped), so that the cost of a round trip is what orders add.
 */
import { GOAL_PRESETS, GoalTracker } from '../goals/index.js';
import type { BarSeries } from '../data/series.js';
import { money } from '../ledger/index.js';
import { trackerSchema } from '../scenario/schema.js';
import { simulate } from '../sim/engine.js';
import type { SimulationOutput } from '../sim/types.js';
import { createFixedFraction, createPipeline, pipelineParamsSchema, type SizingEngine } from '../sizing/index.js';
import { createSmaCross, NO_SIGNALS, type StrategyFactory } from '../strategy/index.js';

export type EngineCase = 'fixed-fraction' | 'pipeline' | 'fixed-fraction+goals' | 'pipeline+goals';
export const ENGINE_CASES: readonly EngineCase[] = ['fixed-fraction', 'pipeline', 'fixed-fraction+goals', 'pipeline+goals'];

const INITIAL_CAPITAL = 100_000;
const RISK_TOLERANCE = 0.02;

function sizingOf(engineCase: EngineCase): SizingEngine {
  return engineCase.startsWith('pipeline') ? createPipeline(pipelineParamsSchema.parse({})) : createFixedFraction({ fraction: 0.5 });
}

/** The seed-001 goals on the tracker's defaults (hourly cycle, 24 h cooldown). */
function trackerFor(series: BarSeries): GoalTracker {
  const defaults = trackerSchema.parse({});
  const milestones = defaults.milestones.map((m) => (typeof m === 'number' ? { at: m, action: 'alert' as const } : m));
  return new GoalTracker(
    GOAL_PRESETS['seed-001'].goals,
    { ...defaults, milestones, driverGoal: undefined, periodsPerYear: 365 },
    { riskTolerance: RISK_TOLERANCE, maxDrawdownPct: 0.15, initialCapital: INITIAL_CAPITAL },
    series.time[0] as number,
  );
}

/** sma-cross 10/30, the README's example parameters; `suppressed` computes it and drops its signals. */
function smaCross(suppressed: boolean): StrategyFactory {
  return () => {
    const strategy = createSmaCross({ fast: 10, slow: 30 });
    if (!suppressed) return strategy;
    return {
      onBar: (ctx) => {
        strategy.onBar(ctx);
        return NO_SIGNALS;
      },
    };
  };
}

export interface EngineCaseRun {
  readonly output: SimulationOutput;
  readonly tracker: GoalTracker | undefined;
}

export function runEngineCase(series: BarSeries, engineCase: EngineCase, suppressed = false): EngineCaseRun {
  const tracker = engineCase.endsWith('+goals') ? trackerFor(series) : undefined;
  const output = simulate({
    series: [series],
    instruments: [{ symbol: series.symbol, assetClass: 'crypto', lotStep: money('0.0001'), minNotional: money('0') }],
    initialCapital: money(String(INITIAL_CAPITAL)),
    // Frictionless: with fees, ~19,000 round trips on a random walk drain equity to pennies and
    // later signals could not buy one lot, which would flatter the figure.
    costs: { feeBps: 0, slippageBps: 0 },
    execution: { closeAtEnd: true, allowShort: false, maxGrossExposure: 1 },
    strategyFactory: smaCross(suppressed),
    sizing: sizingOf(engineCase),
    riskTolerance: RISK_TOLERANCE,
    goalHooks: tracker,
  });
  return { output, tracker };
}
