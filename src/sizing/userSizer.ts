/**
 * Sizing engines users bring, as they bring strategies: a module exporting
 * `createSizer(params)` that returns `{ needs?, size(request) }`. `size` gets the request
 * goalsim's own engines get (equity, cash, exposure, goals and tracker risk, trade statistics,
 * daily volatility, as `needs` asks) and returns the position value it wants with the stages
 * that led there; goalsim's final stage then sizes that value into lot steps within the cash, as
 * for every engine, so a user engine cannot overspend or trade half a lot.
 */
import { exportedFunction, importUserModule } from '../userModule.js';
import { decide, reasoned, type FinalSize } from './finalStage.js';
import type { SizingDecision, SizingEngine, SizingNeeds, SizingRequest, SizingStage } from './types.js';

/** What a user's `size(request)` returns. */
export interface UserSizerOutput {
  /** Position value in account currency (>= 0) before lot rounding and the cash cap. */
  readonly value: number;
  /** The stages that led to it, in order (logged with the decision). */
  readonly stages?: readonly SizingStage[] | undefined;
  readonly reasoning?: string | undefined;
  /** A reason not to trade; the value is then ignored. */
  readonly skipped?: string | null | undefined;
  /** The amount at risk, when the engine sizes from one. */
  readonly riskAmount?: number | null | undefined;
}

export interface UserSizer {
  readonly needs?: SizingNeeds | undefined;
  size(request: SizingRequest): UserSizerOutput;
}

export type CreateSizer = (params: Readonly<Record<string, unknown>>) => UserSizer;

/** The module's own text (or a default), then the final size. */
function explainModule([text]: readonly [string | null], final: FinalSize): string {
  return `${text ?? 'Sized by a user module'}${text?.endsWith('.') === true ? '' : '.'} Final ${final.finalValue.toFixed(2)}: ${final.units.toFixed()} units.`;
}

/** A user sizer as a goalsim engine; `label` names it in errors (its path). */
export function userSizingEngine(sizer: UserSizer, label: string): SizingEngine {
  if (typeof sizer?.size !== 'function') throw new Error(`${label}: createSizer must return an object with size(request)`);
  return {
    name: 'module',
    needs: sizer.needs ?? {},
    size(request: SizingRequest): SizingDecision {
      const out = sizer.size(request);
      const skipped = out?.skipped ?? null;
      if (skipped === null && !(typeof out?.value === 'number' && Number.isFinite(out.value) && out.value >= 0)) {
        throw new Error(`${label}: size() returned value ${String(out?.value)}: a position value is a finite number >= 0 (or return skipped: "why")`);
      }
      if (out.riskAmount != null && !Number.isFinite(out.riskAmount)) throw new Error(`${label}: size() returned riskAmount ${String(out.riskAmount)}: an amount at risk is a finite number (or null)`);
      const stages: SizingStage[] = [...(out.stages ?? [{ name: 'module', value: out.value }])];
      return decide('module', request, stages, skipped === null ? out.value : 0, {
        riskPct: request.currentRisk,
        riskAmount: out.riskAmount ?? null,
        skipped,
        reasoning: reasoned(explainModule, out.reasoning == null ? null : String(out.reasoning)),
      });
    },
  };
}

export async function loadUserSizingEngine(modulePath: string, params: Readonly<Record<string, unknown>>): Promise<SizingEngine> {
  const create = exportedFunction<CreateSizer>(await importUserModule(modulePath), 'createSizer');
  if (typeof create !== 'function') throw new Error(`${modulePath}: a sizing module must export createSizer(params)`);
  return userSizingEngine(create(params), modulePath);
}
