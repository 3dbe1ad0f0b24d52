/**
 * Plain sizing baselines, so every goal-aware variant can be compared with one that ignores
 * goals on the same data.
 */
import { Money, toFloat } from '../ledger/index.js';
import { amount, bindingOf, capByLimits, decide, finalSize, pct, reasoned, type FinalSize } from './finalStage.js';
import { kellyEstimate } from './kelly.js';
import type { FixedFractionParams, KellyParams } from './params.js';
import type { SizingEngine, SizingRequest } from './types.js';

export function createFixedFraction(params: FixedFractionParams): SizingEngine {
  const explain = ([equity, price]: readonly [number, number], final: FinalSize): string => `Fixed fraction ${pct(params.fraction)} of equity ${amount(equity)}: ${final.units.toFixed()} units at ${price}.`;
  return {
    name: 'fixed-fraction',
    needs: {},
    size(request: SizingRequest) {
      // a float stage, like the pipeline's: lot-step boundaries are still decided exactly (finalSize)
      const { equity, price } = request;
      const value = equity * params.fraction;
      return decide('fixed-fraction', request, [{ name: 'base', value }], value, {
        riskPct: params.fraction,
        reasoning: reasoned(explain, equity, price),
      });
    },
  };
}

const explainFixedRisk = ([risk, riskAmount, stopLossPct, price]: readonly [number, number, number, number], final: FinalSize): string =>
  `Fixed risk ${pct(risk)} of equity = ${amount(riskAmount)} over a ${pct(stopLossPct)} stop: ${final.units.toFixed()} units at ${price}.`;

export function createFixedRisk(): SizingEngine {
  return {
    name: 'fixed-risk',
    needs: {},
    size(request: SizingRequest) {
      const { riskTolerance: risk, stopLossPct, price } = request;
      const riskAmount = request.equity * risk;
      const hasStop = stopLossPct > 0;
      const value = hasStop ? riskAmount / stopLossPct : 0;
      return decide('fixed-risk', request, [{ name: 'base', value }], value, {
        riskPct: risk,
        riskAmount,
        skipped: hasStop ? null : 'no stop-loss distance to size from',
        reasoning: reasoned(explainFixedRisk, risk, riskAmount, stopLossPct, price),
      });
    },
  };
}

/** Plain fractional Kelly: equity x f x kellyFraction, no goals, no confidence. */
export function createKellyBaseline(params: KellyParams): SizingEngine {
  const explain = ([kelly, source, winRate, price]: readonly [number, string, number, number], final: FinalSize): string =>
    `Kelly ${pct(kelly)} (${source}, win rate ${pct(winRate, 1)}) x ${params.kellyFraction}: ${final.units.toFixed()} units at ${price}.`;
  return {
    name: 'kelly',
    needs: { tradeStatsWindow: params.window },
    size(request: SizingRequest) {
      const kelly = kellyEstimate(request.tradeStats, params);
      const price = request.price;
      const base = new Money(request.equity).mul(Money.max(kelly.fraction, 0)).mul(params.kellyFraction);
      const capped = capByLimits(base, request, params.maxPositionPct, Infinity, {});
      const final = finalSize(capped, request);
      return decide('kelly', request, [{ name: 'base', value: toFloat(base) }, { name: 'bounds', value: toFloat(capped) }], final, {
        riskPct: toFloat(kelly.fraction) * params.kellyFraction,
        kelly: toFloat(kelly.fraction),
        skipped: kelly.fraction.lte(0) ? 'negative edge' : null,
        // maxPositionPct is a cap: it binds when it cut the base and the cash did not cut further
        binding: bindingOf([{ name: 'bounds', before: toFloat(base), after: toFloat(capped), clamp: true }], final),
        reasoning: reasoned(explain, toFloat(kelly.fraction), kelly.source, kelly.winRate, price),
      });
    },
  };
}
