/**
 * The decisions of successive halving (README "Solve"), from each candidate's estimates at a
 * rung: which are surely infeasible (the lower 95 % bound of a constrained probability above its
 * limit), which go on (the first 1/eta of the rest: those whose estimates are within every
 * limit first, each group by the objective, ties to the lower id), and
 * which count as feasible (the upper bound of every constrained probability within its limit,
 * and every quantile floor met).
 */

export interface ConstraintEstimate {
  readonly metric: string;
  /** A probability's maximum, or a quantile's minimum. */
  readonly bound: 'max' | 'min';
  readonly limit: number;
  readonly value: number | null;
  /** The 95 % interval of a probability (null for a quantile, or without paths). */
  readonly low: number | null;
  readonly high: number | null;
}

export interface CandidateEstimate {
  readonly id: number;
  /** The probability of the goal (null without paths that ran). */
  readonly objective: number | null;
  readonly constraints: readonly ConstraintEstimate[];
}

/** The first constraint the candidate surely breaks, or null. */
export function surelyBroken(candidate: CandidateEstimate): ConstraintEstimate | null {
  return candidate.constraints.find((c) => c.bound === 'max' && c.low !== null && c.low > c.limit) ?? null;
}

export function isFeasible(candidate: CandidateEstimate): boolean {
  return candidate.objective !== null && candidate.constraints.every((c) => (c.bound === 'max' ? c.high !== null && c.high <= c.limit : c.value !== null && c.value >= c.limit));
}

/** Every estimate within its limit (not yet sure: the intervals are not asked). */
export function looksFeasible(candidate: CandidateEstimate): boolean {
  return candidate.constraints.every((c) => c.value !== null && (c.bound === 'max' ? c.value <= c.limit : c.value >= c.limit));
}

/** Best first: the higher objective, then the lower id. */
export function byObjective(a: CandidateEstimate, b: CandidateEstimate): number {
  return (b.objective ?? -Infinity) - (a.objective ?? -Infinity) || a.id - b.id;
}

/**
 * The order of a rung: candidates whose estimates are within every limit first, each group by
 * objective. Ranked by the objective alone, candidates just beyond a limit (the riskiest, whose
 * goal odds are highest) would crowd out the feasible ones before their intervals narrow.
 */
export function byPromise(a: CandidateEstimate, b: CandidateEstimate): number {
  return Number(looksFeasible(b)) - Number(looksFeasible(a)) || byObjective(a, b);
}

export interface RungDecision {
  readonly kept: readonly number[];
  /** Why each other candidate stops here. */
  readonly dropped: ReadonlyMap<number, string>;
}

/** Who goes on to the next rung: not surely infeasible, with an objective, among the first ceil(n / eta) by promise. */
export function halve(candidates: readonly CandidateEstimate[], eta: number): RungDecision {
  const dropped = new Map<number, string>();
  const rest: CandidateEstimate[] = [];
  for (const candidate of candidates) {
    const broken = surelyBroken(candidate);
    if (broken !== null) dropped.set(candidate.id, `surely infeasible: ${broken.metric} at least ${(broken.low as number).toFixed(4)} > ${broken.limit}`);
    else if (candidate.objective === null) dropped.set(candidate.id, 'no path ran');
    else rest.push(candidate);
  }
  rest.sort(byPromise);
  const keep = Math.ceil(rest.length / eta);
  rest.slice(keep).forEach((candidate, i) => dropped.set(candidate.id, `ranked ${keep + i + 1} of ${rest.length} (${looksFeasible(candidate) ? 'within the limits' : 'an estimate beyond a limit'}), below the best ${keep}`));
  return { kept: rest.slice(0, keep).map((c) => c.id), dropped };
}

/** The best feasible candidate and the next one, or nulls. */
export function choose(candidates: readonly CandidateEstimate[]): { choice: CandidateEstimate | null; runnerUp: CandidateEstimate | null } {
  const feasible = candidates.filter(isFeasible).sort(byObjective);
  return { choice: feasible[0] ?? null, runnerUp: feasible[1] ?? null };
}
