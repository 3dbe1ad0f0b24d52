/**
 * What set the sizes of a run (#12): per stage, the decisions whose value it changed and those
 * whose final size its cap or floor set (`binding`), and the share of decisions whose final
 * quantity the goal changed. When a goal-aware engine's goal stage changed fewer than 10 % of
 * them, one warning names the stage that took its effect away and the parameter to look at.
 */
import type { DecisionRecord } from '../sim/types.js';

export interface StageAttribution {
  readonly changed: number;
  readonly bound: number;
}

export interface SizingAttribution {
  readonly stages: Readonly<Record<string, StageAttribution>>;
  /** Decisions that traded (not skipped). */
  readonly traded: number;
  /** Of those, the ones whose final quantity the goal changed. */
  readonly goalChanged: number;
  readonly goalChangedShare: number | null;
  readonly warning: string | null;
}

const WARN_BELOW = 0.1;

/** The parameter that decides each binding stage, for the warning. */
const PARAMETER_OF: Readonly<Record<string, string>> = {
  constraints: 'sizing.params.maxPositionPct (or minPositionPct, cash, maxGrossExposure)',
  limits: 'sizing.params.assetClassLimits and maxPositionPct',
  bounds: 'sizing.params.maxPositionPct and minPositionPct',
  final: "the data source's lotStep and minNotional, or the cash",
};

/** Whether an engine adjusts its sizes toward goals: the pipeline with its goal factor, and goal-kelly. */
function goalAware(record: DecisionRecord): boolean {
  return record.decision.engine === 'goal-kelly' || (record.decision.engine === 'pipeline' && record.decision.goalFactor !== null);
}

/** A map keyed by stage names, which a user's engine chooses: no prototype, so "__proto__" or "constructor" are plain keys. */
const byName = <T>(): Record<string, T> => Object.create(null) as Record<string, T>;

export function attributionOf(decisions: readonly DecisionRecord[]): SizingAttribution {
  const stages = byName<{ changed: number; bound: number }>();
  const traded = decisions.filter((record) => record.decision.skipped === null);
  for (const { decision } of traded) {
    decision.stages.forEach((stage, i) => {
      const entry = (stages[stage.name] ??= { changed: 0, bound: 0 });
      if (i > 0 && stage.value !== decision.stages[i - 1]?.value) entry.changed++;
    });
    if (decision.binding !== null) (stages[decision.binding] ??= { changed: 0, bound: 0 }).bound++;
  }
  const goalChanged = traded.filter((record) => record.decision.goalEffect !== 0).length;
  const share = traded.length === 0 ? null : goalChanged / traded.length;
  let warning: string | null = null;
  if (share !== null && share < WARN_BELOW && traded.some(goalAware)) {
    // among the decisions the goal did not move, the stage that set their size most often
    const takers = byName<number>();
    for (const { decision } of traded) if (decision.goalEffect === 0 && decision.binding !== null) takers[decision.binding] = (takers[decision.binding] ?? 0) + 1;
    const taker = Object.entries(takers).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
    const engine = traded.find(goalAware)?.decision.engine ?? 'the engine';
    warning =
      taker === undefined
        ? `the goal stage changed ${goalChanged} of ${traded.length} ${engine} decisions (${(share * 100).toFixed(1)}%): the goal factor stayed near 1 (see goalFactor.thresholds)`
        : `the goal stage changed ${goalChanged} of ${traded.length} ${engine} decisions (${(share * 100).toFixed(1)}%): the ${taker} stage set the size instead; look at ${Object.hasOwn(PARAMETER_OF, taker) ? PARAMETER_OF[taker] : taker}`;
  }
  return { stages, traded: traded.length, goalChanged, goalChangedShare: share, warning };
}
