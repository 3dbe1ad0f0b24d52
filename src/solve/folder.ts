/**
 * A solve folder's files (README "Solve"): candidates.csv, solve.json (the definition and the
 * result), chosen.json (the base scenario with the chosen parameters, its paths made relative to
 * the folder so `goalsim run` and `goalsim odds` take it as it is). runs.jsonl is the runner's.
 */
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { rmSync } from 'node:fs';
import { paramText } from '../analysis/sweepResults.js';
import { writeCsvFile, writeTextFile } from '../io/fileWriter.js';
import { formatFloat, jsonFloat } from '../numeric/format.js';
import type { EngineOdds } from '../odds/summary.js';
import { setPath } from '../scenario/paths.js';
import type { CandidateEstimate } from './halving.js';
import { candidateBase, goalProbability, SOLVE_FILES, type CandidateResult, type Confirmation, type SolveRun } from './runner.js';
import type { LoadedSolve } from './solveFile.js';

/** What solve.json says of a candidate's estimate: its probabilities with their intervals, from `paths` paths. */
function estimateJson(estimate: CandidateEstimate, odds: EngineOdds | null, run: SolveRun, paths: number) {
  const goal = odds === null ? null : goalProbability(odds, run.definition.solve.maximize);
  return {
    paths,
    goal: { probability: jsonFloat(goal?.probability ?? null), low: jsonFloat(goal?.interval?.low ?? null), high: jsonFloat(goal?.interval?.high ?? null) },
    constraints: estimate.constraints.map((c) => ({ metric: c.metric, [c.bound]: c.limit, value: jsonFloat(c.value), low: jsonFloat(c.low), high: jsonFloat(c.high) })),
    finalEquity: odds === null ? null : Object.fromEntries(Object.entries(odds.finalEquity).map(([k, v]) => [k, jsonFloat(v as number)])),
  };
}

function pickJson(result: CandidateResult | null, confirmation: Confirmation | undefined, run: SolveRun) {
  if (result === null) return null;
  return {
    candidate: result.candidate.id,
    params: result.candidate.params,
    leftOut: result.candidate.leftOut,
    search: estimateJson(result.estimate, result.odds, run, result.paths),
    confirmation: confirmation === undefined ? null : estimateJson(confirmation.estimate, confirmation.odds, run, confirmation.paths),
  };
}

export function solveResultJson(run: SolveRun) {
  const confirmationOf = (result: CandidateResult | null) => run.confirmation.find((c) => c.candidate === result?.candidate.id);
  return {
    interrupted: run.interrupted,
    rungs: run.rungs,
    budget: run.definition.solve.budget,
    budgetUsed: run.budgetUsed,
    candidates: run.results.length,
    feasibleAtLastRung: run.results.filter((r) => r.feasible && r.paths === run.rungs[run.rungs.length - 1]).length,
    intervals: 'Wilson score, 95 %',
    choice: pickJson(run.choice, confirmationOf(run.choice), run),
    runnerUp: pickJson(run.runnerUp, confirmationOf(run.runnerUp), run),
  };
}

export function writeSolveFiles(outDir: string, loaded: LoadedSolve, run: SolveRun): void {
  const solve = run.definition.solve;
  const paths = Object.keys(solve.space);
  const constraintColumns = solve.subjectTo.flatMap((c) => [c.metric, `${c.metric}_low`, `${c.metric}_high`]);
  const header = ['candidate', 'origin', 'rung', 'paths', ...paths, 'left_out', 'p_goal', 'p_goal_low', 'p_goal_high', ...constraintColumns, 'feasible', 'dropped_at_rung', 'reason', 'error'];
  const rows = run.results.map((r) => {
    const goal = r.odds === null ? null : goalProbability(r.odds, solve.maximize);
    return [
      String(r.candidate.id),
      r.candidate.origin,
      String(r.rung),
      String(r.paths),
      ...paths.map((p) => paramText(r.candidate.params[p])),
      r.candidate.leftOut.join(' '),
      formatFloat(goal?.probability ?? null),
      formatFloat(goal?.interval?.low ?? null),
      formatFloat(goal?.interval?.high ?? null),
      ...r.estimate.constraints.flatMap((c) => [formatFloat(c.value), formatFloat(c.low), formatFloat(c.high)]),
      r.rung === 0 ? '' : r.feasible ? 'yes' : 'no',
      r.droppedAt === null ? '' : String(r.droppedAt),
      r.reason ?? '',
      r.candidate.error ?? (r.firstError === null ? '' : `${r.failedPaths} of ${r.paths} paths failed; ${r.firstError}`),
    ];
  });
  writeCsvFile(join(outDir, SOLVE_FILES.candidates), { file: SOLVE_FILES.candidates, header, rows });
  writeTextFile(join(outDir, SOLVE_FILES.definition), `${JSON.stringify({ definition: run.definition, result: solveResultJson(run) }, null, 1)}\n`);
  const chosenPath = join(outDir, SOLVE_FILES.chosen);
  if (run.choice === null || run.interrupted) rmSync(chosenPath, { force: true });
  else writeTextFile(chosenPath, `${JSON.stringify(chosenScenario(loaded, run.choice, outDir), null, 2)}\n`);
}

/** The base scenario with the choice's parameters, its file paths relative to `outDir`. */
function chosenScenario(loaded: LoadedSolve, choice: CandidateResult, outDir: string): Record<string, unknown> {
  const raw = structuredClone(candidateBase(loaded, choice.candidate.params));
  for (const [path, value] of Object.entries(choice.candidate.params)) setPath(raw, path, value);
  const baseDir = dirname(resolve(loaded.sweep.baseFile));
  const moved = (path: unknown): unknown => (typeof path === 'string' && !isAbsolute(path) ? relative(resolve(outDir), resolve(baseDir, path)) || '.' : path);
  if (Array.isArray(raw['data'])) raw['data'] = (raw['data'] as Record<string, unknown>[]).map((source) => ({ ...source, path: moved(source['path']) }));
  for (const part of ['strategy', 'sizing'] as const) {
    const section = raw[part] as Record<string, unknown> | undefined;
    if (section !== undefined && typeof section['module'] === 'string') section['module'] = moved(section['module']);
  }
  raw['description'] = `${loaded.solve.name}: candidate ${choice.candidate.id}, chosen by goalsim solve (${Object.entries(choice.candidate.params).map(([k, v]) => `${k} = ${paramText(v)}`).join(', ')})`;
  return raw;
}
