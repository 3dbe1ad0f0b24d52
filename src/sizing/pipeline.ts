/**
 * Engine `pipeline` (README "Sizing engines"; seed 000's risk manager). Stages in order: base (the seed
 * system's blend by default, pipelineBase.ts), signal strength, market conditions
 * (marketStage.ts), portfolio constraints, goal adjustment, asset-class limits, final. The goal
 * factor may lift a size up to the hard limits (maxPositionPct, cash, gross and class exposure)
 * but never through them: the limits stage applies them again after it. Every decision names the
 * stage whose cap or floor set its size and the goal factor's effect on its quantity.
 */
import { toFloat } from '../ledger/index.js';
import { amount, bindingOf, decide, finalSize, goalEffectOf, pct, positionLimit, reasoned, type FinalSize, type StageStep } from './finalStage.js';
import { goalFactor } from './goalFactor.js';
import { kellyEstimate, type KellyEstimate } from './kelly.js';
import { marketFactor, signalFactor } from './marketStage.js';
import type { PipelineParams } from './params.js';
import { freeBalance, legacyBase, legacySizes, seedBase } from './pipelineBase.js';
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
        return decide('pipeline', request, [{ name: 'base', value: 0 }], 0, { riskPct: request.riskTolerance, skipped: 'not enough history for the base size', reasoning: reasoned(explainNoBase) });
      }
      stage('base', rawBase);
      const signal = signalFactor(request.confidence, params.signal);
      stage('signal', value * signal);
      const market = marketFactor(request, params.market);
      stage('market', value * market.factor);
      const cashRoom = request.direction === 'long' ? freeBalance(request) : Infinity;
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
        reasoning: reasoned(
          explain,
          params.base.method,
          rawBase,
          base?.volatility ?? NaN,
          base?.kelly ?? NaN,
          seedSizes?.kellySource ?? null,
          base?.risk_parity ?? NaN,
          request.confidence,
          signal,
          market.label,
          market.factor,
          goal?.factor ?? null,
          goal?.fallback ?? null,
          goal?.returnFactor ?? NaN,
          goal?.incomeFactor ?? NaN,
          goal?.portfolioFactor ?? NaN,
          goal?.preservation ?? false,
          request.equity,
        ),
      });
    },
  };
}

/**
 * What a pipeline decision's reasoning prints, in this order: all a decision keeps of its
 * sizing until the text is read. The goal factor is null when the goal stage is disabled.
 */
type PipelineFacts = readonly [
  method: string,
  rawBase: number,
  volatility: number,
  kelly: number,
  kellySource: string | null,
  riskParity: number,
  confidence: number,
  signal: number,
  marketLabel: string,
  marketFactor: number,
  goalFactor: number | null,
  goalFallback: string | null,
  returnFactor: number,
  incomeFactor: number,
  portfolioFactor: number,
  preservation: boolean,
  equity: number,
];

const explainNoBase = (): string => 'No base size: volatility unknown yet.';

/** The reasoning text of a pipeline decision, written when read. */
function explain(facts: PipelineFacts, sized: FinalSize): string {
  const [method, rawBase, volatility, kelly, kellySource, riskParity, confidence, signal, marketLabel, marketMultiplier, goal, goalFallback, returnFactor, incomeFactor, portfolioFactor, preservation, equity] = facts;
  return [
    `Base ${method} ${amount(rawBase)} (volatility ${amount(volatility)}, Kelly ${amount(kelly)}${kellySource === null ? '' : ` from ${kellySource}`}, risk parity ${amount(riskParity)}).`,
    `Signal confidence ${pct(confidence)} x${signal.toFixed(2)}, market ${marketLabel} x${marketMultiplier.toFixed(3)}.`,
    goal === null
      ? 'Goal factor disabled.'
      : goalFallback !== null
        ? `Goal factor 1.000 (fallback: ${goalFallback}).`
        : `Goal factor x${goal.toFixed(3)} (return ${returnFactor.toFixed(3)}, income ${incomeFactor.toFixed(3)}, portfolio ${portfolioFactor.toFixed(3)}${preservation ? ', preservation' : ''}).`,
    `Final ${amount(sized.finalValue)} (${pct(equity > 0 ? sized.finalValue / equity : 0, 1)} of equity): ${sized.units.at(Math.min(sized.units.scale, 8)).toFixed()} units.`,
  ].join(' ');
}
