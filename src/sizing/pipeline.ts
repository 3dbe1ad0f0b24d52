/**
 * Engine `pipeline` (SPEC 3.1, seed 000's risk manager). Stages in order: base (volatility,
 * Kelly, risk parity or a blend), signal strength, market conditions, portfolio constraints,
 * goal adjustment, asset-class limits, final. The goal factor may lift a size up to the hard
 * limits (maxPositionPct, cash, gross and class exposure) but never through them: the limits
 * stage applies them again after it.
 */
import { toFloat } from '../ledger/index.js';
import { amount, decide, pct, positionLimit } from './finalStage.js';
import { goalFactor } from './goalFactor.js';
import { kellyEstimate, type KellyEstimate } from './kelly.js';
import type { PipelineParams } from './params.js';
import type { SizingEngine, SizingRequest, SizingStage } from './types.js';


interface BaseSizes {
  readonly volatility: number;
  readonly kelly: number;
  readonly risk_parity: number;
}

function baseSizes(request: SizingRequest, params: PipelineParams, kelly: KellyEstimate): BaseSizes {
  const sigma = request.volatility?.short ?? NaN;
  const volatility = sigma > 0 ? (request.equity * request.riskTolerance) / (params.base.k * sigma) : NaN;
  const kellySize = request.equity * Math.max(0, toFloat(kelly.fraction)) * params.kellyFraction;
  const inverse = (request.portfolioVolatilities ?? [sigma]).filter((v) => v > 0).map((v) => 1 / v);
  const weight = sigma > 0 && inverse.length > 0 ? 1 / sigma / inverse.reduce((a, b) => a + b, 0) : NaN;
  return { volatility, kelly: kellySize, risk_parity: request.equity * params.maxGrossExposure * weight };
}

/** The configured method, or a blend over the components that can be computed yet. */
function baseValue(sizes: BaseSizes, params: PipelineParams): number {
  if (params.base.method !== 'blend') return sizes[params.base.method];
  let total = 0;
  let weights = 0;
  for (const method of ['volatility', 'kelly', 'risk_parity'] as const) {
    const size = sizes[method];
    const weight = params.base.blendWeights[method];
    if (Number.isFinite(size) && weight > 0) {
      total += weight * size;
      weights += weight;
    }
  }
  return weights > 0 ? total / weights : NaN;
}

export function createPipeline(params: PipelineParams): SizingEngine {
  return {
    name: 'pipeline',
    needs: { tradeStatsWindow: params.window, volatilityLookback: { short: params.base.lookback, long: params.base.longLookback }, exposure: true, goals: params.goalFactor.enabled },
    size(request: SizingRequest) {
      // float64 stages: sizing heuristics, logged as floats; exactness is owed to the ledger's money
      const stages: SizingStage[] = [];
      const push = (name: string, value: number): number => {
        stages.push({ name, value });
        return value;
      };
      const kelly = kellyEstimate(request.tradeStats, params);
      const sizes = baseSizes(request, params, kelly);
      const rawBase = baseValue(sizes, params);
      if (!Number.isFinite(rawBase)) {
        return decide('pipeline', request, [{ name: 'base', value: 0 }], 0, { riskPct: request.riskTolerance, skipped: 'not enough history for the base size', reasoning: () => 'No base size: volatility unknown yet.' });
      }
      let value = push('base', rawBase);
      value = push('signal', value * request.confidence);
      const shortVol = request.volatility?.short ?? NaN;
      const longVol = request.volatility?.long ?? NaN;
      const regime = shortVol > 0 && longVol > 0 ? Math.min(params.market.max, Math.max(params.market.min, longVol / shortVol)) : 1;
      value = push('market', value * regime);
      value = Math.max(value, request.equity * params.minPositionPct);
      value = push('constraints', Math.min(value, positionLimit(request, params.maxPositionPct, params.maxGrossExposure, {})));
      const goal = params.goalFactor.enabled ? goalFactor(request.goals, request.equity, params.goalFactor) : undefined;
      value = push('goal', value * (goal?.factor ?? 1));
      value = push('limits', Math.min(value, positionLimit(request, params.maxPositionPct, params.maxGrossExposure, params.assetClassLimits)));
      const { confidence, equity: equityValue } = request;
      return decide('pipeline', request, stages, value, {
        goalFactor: goal?.factor ?? null,
        riskPct: request.riskTolerance,
        kelly: toFloat(kelly.fraction),
        reasoning: (final) =>
          [
            `Base ${params.base.method} ${amount(rawBase)} (volatility ${amount(sizes.volatility)}, Kelly ${amount(sizes.kelly)}, risk parity ${amount(sizes.risk_parity)}).`,
            `Signal confidence ${pct(confidence)}, market regime x${regime.toFixed(3)}.`,
            goal === undefined
              ? 'Goal factor disabled.'
              : goal.fallback !== null
                ? `Goal factor 1.000 (fallback: ${goal.fallback}).`
                : `Goal factor x${goal.factor.toFixed(3)} (return ${goal.returnFactor.toFixed(3)}, income ${goal.incomeFactor.toFixed(3)}, portfolio ${goal.portfolioFactor.toFixed(3)}${goal.preservation ? ', preservation' : ''}).`,
            `Final ${amount(final.finalValue)} (${pct(equityValue > 0 ? final.finalValue / equityValue : 0, 1)} of equity): ${final.units.at(Math.min(final.units.scale, 8)).toFixed()} units.`,
          ].join(' '),
      });
    },
  };
}
