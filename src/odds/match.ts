/**
 * Risk matching: before any path runs, each baseline arm's size parameter (the one its catalogue
 * entry names: fixed-fraction's fraction, fixed-risk's risk per trade, kelly's fraction) is set by
 * bisection so that, on the historical path, its mean gross exposure (or the annualised volatility
 * of its daily returns) equals the reference goal-aware arm's within 1 % relative. The matched
 * value is then used on every path, so that a difference in the odds is not a difference in how
 * much capital each engine put to work.
 */
import { UsageError } from '../errors.js';
import { formatPercent } from '../numeric/format.js';
import { resolveScenario, validateScenario, type ResolvedScenario } from '../scenario/load.js';
import { getPath, setPath } from '../scenario/paths.js';
import { catalogueEntry, goalOffTwin, isBuiltInEngine, type SizingConfig } from '../sizing/registry.js';
import type { ScenarioData } from '../sim/loadData.js';
import { runScenario } from '../sim/run.js';
import type { Arm } from './arms.js';

export const MATCH_BY = ['exposure', 'volatility'] as const;
export type MatchBy = (typeof MATCH_BY)[number];

/** Relative tolerance of a match. */
export const MATCH_TOLERANCE = 0.01;
const MAX_STEPS = 60;

export interface MatchedArm {
  readonly arm: string;
  /** The scenario path that was scaled, its value as configured and as matched. */
  readonly path: string;
  readonly configured: number;
  readonly value: number;
  /** The arm's figure on the history at the matched value. */
  readonly figure: number;
  readonly runs: number;
}

export interface Match {
  readonly by: MatchBy;
  readonly reference: string;
  /** The reference arm's figure on the history: what every baseline is matched to. */
  readonly target: number;
  readonly tolerance: number;
  readonly arms: readonly MatchedArm[];
  /** Arms left as configured: goal-aware arms, twins, the benchmark, and engines without a size parameter. */
  readonly unmatched: readonly string[];
}

/** The figure matched: a run's time-weighted mean exposure, or the annualised volatility of its daily returns. */
async function figureOf(resolved: ResolvedScenario, data: ScenarioData, by: MatchBy): Promise<number> {
  const result = await runScenario(resolved, data, { trackerRows: false });
  return by === 'exposure' ? result.metrics.meanExposure : (result.metrics.volatility ?? 0);
}

const label = (by: MatchBy): string => (by === 'exposure' ? 'mean exposure' : 'volatility');

function withValue(resolved: ResolvedScenario, path: string, value: number): ResolvedScenario {
  const scenario = structuredClone(resolved.scenario) as unknown as Record<string, unknown>;
  setPath(scenario, path, value);
  return resolveScenario(validateScenario(scenario, resolved.file), resolved.file);
}

/**
 * The arms with each baseline matched to `reference` (default: the first goal-aware arm), on
 * the history `data`; a baseline that cannot reach the target exits 2 naming it.
 */
export async function matchArms(arms: readonly Arm[], data: ScenarioData, by: MatchBy, reference?: string): Promise<{ arms: Arm[]; match: Match }> {
  // goal-aware: an engine with a goal-off twin in the catalogue, whether or not the twin runs
  const goalAware = new Set(arms.filter((arm) => arm.twinOf === null && isBuiltInEngine(arm.resolved.scenario.sizing.engine) && goalOffTwin(arm.resolved.scenario.sizing as SizingConfig) !== undefined).map((arm) => arm.name));
  const referenceArm = reference === undefined ? arms.find((arm) => goalAware.has(arm.name)) : arms.find((arm) => arm.name === reference);
  if (referenceArm === undefined) {
    throw new UsageError(reference === undefined ? `--match ${by}: no goal-aware arm to match the baselines to; run one (pipeline or goal-kelly) with its twin, or name one with --match-to` : `--match-to ${reference}: no arm of that name; the arms are ${arms.map((a) => a.name).join(', ')}`);
  }
  const target = await figureOf(referenceArm.resolved, data, by);
  if (!(target > 0)) throw new UsageError(`--match ${by}: ${referenceArm.name} has a ${label(by)} of ${formatPercent(target, 2)} on the history: nothing to match to`);
  const matched: MatchedArm[] = [];
  const unmatched: string[] = [];
  const out: Arm[] = [];
  for (const arm of arms) {
    const engine = arm.resolved.scenario.sizing.engine;
    const scale = isBuiltInEngine(engine) ? catalogueEntry(engine).scale : undefined;
    if (arm === referenceArm || arm.twinOf !== null || arm.benchmark === true || goalAware.has(arm.name) || scale === undefined) {
      if (arm !== referenceArm) unmatched.push(arm.name);
      out.push(arm);
      continue;
    }
    const result = await bisect(arm, data, by, target, scale.path, scale.max, referenceArm.name);
    matched.push(result.matched);
    out.push({ ...arm, resolved: result.resolved });
  }
  return { arms: out, match: { by, reference: referenceArm.name, target, tolerance: MATCH_TOLERANCE, arms: matched, unmatched } };
}

async function bisect(arm: Arm, data: ScenarioData, by: MatchBy, target: number, path: string, max: number, reference: string): Promise<{ matched: MatchedArm; resolved: ResolvedScenario }> {
  const configured = Number(getPath(arm.resolved.scenario, path));
  const within = (figure: number): boolean => Math.abs(figure - target) <= MATCH_TOLERANCE * target;
  let runs = 0;
  const at = async (value: number): Promise<{ resolved: ResolvedScenario; figure: number }> => {
    const resolved = withValue(arm.resolved, path, value);
    runs++;
    return { resolved, figure: await figureOf(resolved, data, by) };
  };
  const done = (value: number, found: { resolved: ResolvedScenario; figure: number }) => ({ matched: { arm: arm.name, path, configured, value, figure: found.figure, runs }, resolved: found.resolved });
  const cannot = (why: string): UsageError => new UsageError(`--match ${by}: ${arm.name} cannot reach ${reference}'s ${label(by)} of ${formatPercent(target, 2)} on the history (${why}); compare them with --match volatility, another arm, or without --match`);
  const top = await at(max);
  if (within(top.figure)) return done(max, top);
  if (top.figure < target) throw cannot(`at most ${formatPercent(top.figure, 2)} with ${path} = ${max}: a cap binds`);
  // the figure grows with the parameter: keep [low, high] around the target
  let [low, high] = [0, max];
  for (let step = 0; step < MAX_STEPS; step++) {
    const middle = (low + high) / 2;
    const found = await at(middle);
    if (within(found.figure)) return done(middle, found);
    if (found.figure < target) low = middle;
    else high = middle;
  }
  throw cannot(`no value of ${path} in (0, ${max}] comes within ${formatPercent(MATCH_TOLERANCE, 0)} of it: the figure jumps past it`);
}
