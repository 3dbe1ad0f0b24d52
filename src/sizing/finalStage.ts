/**
 * The last stage every engine shares: value -> units, rounded down to the lot step, skipped
 * below the minimum notional.
 */
import { Money, roundDownToStep, ZERO } from '../ledger/index.js';
import type { EngineName, SizingDecision, SizingRequest } from './types.js';

export interface FinalSize {
  readonly units: Money;
  readonly finalValue: number;
  readonly skipped: string | null;
}

export function finalSize(value: number, request: SizingRequest): FinalSize {
  if (!(value > 0) || !Number.isFinite(value)) return { units: ZERO, finalValue: 0, skipped: 'size is zero' };
  const raw = new Money(value).div(new Money(request.price));
  const units = request.lotStep === undefined ? raw : roundDownToStep(raw, request.lotStep);
  const notional = units.mul(new Money(request.price));
  if (units.lte(0)) return { units: ZERO, finalValue: 0, skipped: `below one lot step (${request.lotStep?.toFixed() ?? '0'})` };
  if (request.minNotional !== undefined && notional.lt(request.minNotional)) {
    return { units: ZERO, finalValue: 0, skipped: `below min notional ${request.minNotional.toFixed()}` };
  }
  return { units, finalValue: notional.toNumber(), skipped: null };
}

/** Completes a decision from its last pre-rounding value. */
export function decide(
  engine: EngineName,
  request: SizingRequest,
  stages: { name: string; value: number }[],
  parts: { goalFactor?: number | null; riskPct: number; riskAmount?: number | null; kelly?: number | null; skipped?: string | null; reasoning: (final: FinalSize) => string },
): SizingDecision {
  const last = stages[stages.length - 1]?.value ?? 0;
  const final: FinalSize = parts.skipped != null ? { units: ZERO, finalValue: 0, skipped: parts.skipped } : finalSize(last, request);
  stages.push({ name: 'final', value: final.finalValue });
  return {
    engine,
    stages,
    goalFactor: parts.goalFactor ?? null,
    riskPct: parts.riskPct,
    riskAmount: parts.riskAmount ?? null,
    finalValue: final.finalValue,
    allocation: request.equity > 0 ? final.finalValue / request.equity : 0,
    units: final.units,
    kelly: parts.kelly ?? null,
    skipped: final.skipped,
    reasoning: parts.reasoning(final),
  };
}
