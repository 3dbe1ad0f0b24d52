/**
 * Plain sizing baselines, so every goal-aware variant can be compared with one that ignores
 * goals on the same data.
 */
import { decide } from './finalStage.js';
import type { SizingEngine, SizingRequest } from './types.js';

export interface FixedFractionParams {
  /** Share of equity committed per entry. */
  readonly fraction: number;
}

export function createFixedFraction(params: FixedFractionParams): SizingEngine {
  return {
    name: 'fixed-fraction',
    needs: {},
    size(request: SizingRequest) {
      const value = request.equity * params.fraction;
      return decide('fixed-fraction', request, [{ name: 'base', value }], {
        riskPct: params.fraction,
        reasoning: (final) => `Fixed fraction ${pct(params.fraction)} of equity ${money(request.equity)}: ${final.units.toFixed()} units at ${request.price}.`,
      });
    },
  };
}

export function createFixedRisk(): SizingEngine {
  return {
    name: 'fixed-risk',
    needs: {},
    size(request: SizingRequest) {
      const risk = request.riskTolerance;
      const riskAmount = request.equity * risk;
      const hasStop = request.stopLossPct > 0;
      const value = hasStop ? riskAmount / request.stopLossPct : 0;
      return decide('fixed-risk', request, [{ name: 'base', value }], {
        riskPct: risk,
        riskAmount,
        skipped: hasStop ? null : 'no stop-loss distance to size from',
        reasoning: (final) =>
          `Fixed risk ${pct(risk)} of equity = ${money(riskAmount)} over a ${pct(request.stopLossPct)} stop: ${final.units.toFixed()} units at ${request.price}.`,
      });
    },
  };
}

export function pct(fraction: number): string {
  return `${(fraction * 100).toFixed(2)}%`;
}

export function money(amount: number): string {
  return amount.toFixed(2);
}
