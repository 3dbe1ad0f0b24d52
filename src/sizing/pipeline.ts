/**
 * Engine `pipeline` (SPEC 3.1, seed 000's risk manager). Stages in order: base (the seed
 * system's blend by default, pipelineBase.ts), signal strength, market conditions
 * (marketStage.ts), portfolio constraints, goal adjustment, asset-class limits, final. The goal
 * factor may lift a size up to the hard limits (maxPositionPct, cash, gross and class exposure)
 * but never through them: the limits stage applies them again after it. Every decision names the
 * stage whose cap or floor set its size and the goal factor's effect on its quantity.
 */
import { toFloat } from '../ledger/index.js';
import { amount, bindingOf, decide, finalSize, goalEffectOf, pct, positionLimit, type FinalSize, type StageStep } from './finalStage.js';
import { goalFactor, type GoalFactorResult } from './goalFactor.js';
import { kellyEstimate, type KellyEstimate } from './kelly.js';
import { marketFactor, signalFactor } from './marketStage.js';
import type { PipelineParams } from './params.js';
import { legacyBase, legacySizes, seedBase } from './pipelineBase.js';
import type { SizingEngine, SizingRequest, SizingStage } from './types.js';

export function createPipeline(params: PipelineParams): SizingEngine {
  const seed = params.base.method === 'seed';
  return {
    name: 'pipeline',
    needs: {
      tradeStatsWindow: params.window,
      volatilityLookback: { short: params.base.lookback, long: params.base.longLookback, trend: params.market.method === 'regime' ? params.market.trendLookback : undefined },
      exposure: true,
      goals: params.goalFactor.enabled,
    },
    size(request: SizingRequest) {
      // float64 stages: sizing heuristics, logged as floats; exactness is owed to the ledger's money
      const stages: SizingStage[] = [];
      const steps: StageStep[] = [];
      let value = NaN;
      const stage = (name: string, next: number, clamp = false): void => {
        steps.push({ name, before: value, after: next, clamp });
        stages.push({ name, value: next });
        value = next;
      };
      const seedSizes = seed ? seedBase(request, params) : undefined;
      const kelly = seed ? undefined : kellyEstimate(request.tradeStats, params);
      const legacy = kelly === undefined ? undefined : legacySizes(request, params, kelly);
      const rawBase = seedSizes?.value ?? legacyBase(legacy as ReturnType<typeof legacySizes>, params);
      if (!Number.isFinite(rawBase)) {
        return decide('pipeline', request, [{ name: 'base', value: 0 }], 0, { riskPct: request.riskTolerance, skipped: 'not enough history for the base size', reasoning: () => 'No base size: volatility unknown yet.' });
      }
      stage('base', rawBase);
      const signal = signalFactor(request.confidence, params.signal);
      stage('signal', value * signal);
      const market = marketFactor(request, params.market);
      stage('market', value * market.factor);
      const cashRoom = request.direction === 'long' ? Math.max(0, request.cash) : Infinity;
      const room = Math.min(positionLimit(request, params.maxPositionPct, params.maxGrossExposure, {}), cashRoom);
      stage('constraints', Math.min(Math.max(value, request.equity * params.minPositionPct), room), true);
      const beforeGoal = value;
      const goal = params.goalFactor.enabled ? goalFactor(request.goals, request.equity, params.goalFactor) : undefined;
      stage('goal', value * (goal?.factor ?? 1));
      const limit = Math.min(positionLimit(request, params.maxPositionPct, params.maxGrossExposure, params.assetClassLimits), cashRoom);
      stage('limits', Math.min(value, limit), true);
      const final = finalSize(value, request);
      // the same tail with a goal factor of 1: what the goal stage changed in the quantity
      const neutral = goal === undefined || goal.factor === 1 ? final : finalSize(Math.min(beforeGoal, limit), request);
      const base = seedSizes ?? legacy;
      return decide('pipeline', request, stages, final, {
        goalFactor: goal?.factor ?? null,
        riskPct: request.riskTolerance,
        kelly: seedSizes?.kellyFraction ?? toFloat((kelly as KellyEstimate).fraction),
        binding: bindingOf(steps, final),
        goalEffect: goalEffectOf(final, neutral),
        reasoning: reasoningOf({
          method: params.base.method,
          rawBase,
          volatility: base?.volatility ?? NaN,
          kelly: base?.kelly ?? NaN,
          kellySource: seedSizes?.kellySource,
          riskParity: base?.risk_parity ?? NaN,
          confidence: request.confidence,
          signal,
          marketLabel: market.label,
          marketFactor: market.factor,
          goal,
          equity: request.equity,
        }),
      });
    },
  };
}

/** What a pipeline decision's reasoning prints: all a decision keeps of its sizing until the text is read. */
interface PipelineFacts {
  readonly method: string;
  readonly rawBase: number;
  readonly volatility: number;
  readonly kelly: number;
  readonly kellySource: string | undefined;
  readonly riskParity: number;
  readonly confidence: number;
  readonly signal: number;
  readonly marketLabel: string;
  readonly marketFactor: number;
  readonly goal: GoalFactorResult | undefined;
  readonly equity: number;
}

/**
 * The reasoning text, written when read. Made here rather than inside `size`, whose closures
 * share one context: a text function made there kept every stage step and intermediate value
 * of the decision alive with it (about 600 bytes a decision, 230 MB over a 20M-bar run).
 */
function reasoningOf(facts: PipelineFacts): (sized: FinalSize) => string {
  return (sized) => {
    const { goal } = facts;
    return [
      `Base ${facts.method} ${amount(facts.rawBase)} (volatility ${amount(facts.volatility)}, Kelly ${amount(facts.kelly)}${facts.kellySource === undefined ? '' : ` from ${facts.kellySource}`}, risk parity ${amount(facts.riskParity)}).`,
      `Signal confidence ${pct(facts.confidence)} x${facts.signal.toFixed(2)}, market ${facts.marketLabel} x${facts.marketFactor.toFixed(3)}.`,
      goal === undefined
        ? 'Goal factor disabled.'
        : goal.fallback !== null
          ? `Goal factor 1.000 (fallback: ${goal.fallback}).`
          : `Goal factor x${goal.factor.toFixed(3)} (return ${goal.returnFactor.toFixed(3)}, income ${goal.incomeFactor.toFixed(3)}, portfolio ${goal.portfolioFactor.toFixed(3)}${goal.preservation ? ', preservation' : ''}).`,
      `Final ${amount(sized.finalValue)} (${pct(facts.equity > 0 ? sized.finalValue / facts.equity : 0, 1)} of equity): ${sized.units.at(Math.min(sized.units.scale, 8)).toFixed()} units.`,
    ].join(' ');
  };
}
