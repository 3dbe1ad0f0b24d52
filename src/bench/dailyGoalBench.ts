/**
 * The daily-bar goal case: the shipped DAX pipeline scenario (1,860 daily bars, the seed-000
 * goals on a daily tracker) run many times in one process, as an odds or solve worker runs its
 * engine-paths (outcome only: no tracker rows). Also the same scenario without goals, so that
 * what the goals cost is a figure of its own. Beside the time: the share of it V8 spent
 * collecting garbage (PerformanceObserver `gc` entries) and the CPU time of all the process's
 * threads over the wall time (V8's helper threads make it more than 1).
 */
import { loadScenarioFile, type ResolvedScenario } from '../scenario/load.js';
import { loadScenarioData } from '../sim/loadData.js';
import { runScenario } from '../sim/run.js';
import { DAX_PIPELINE_SCENARIO } from './benchScenarios.js';
import { cpuOverWall, gcShare, timeWithGc, type GcTiming } from './gcTiming.js';

export const DAILY_RUNS = 1000;
/** Timed in batches, the best batch kept: this machine's moments differ by 20 % and more. */
const BATCHES = 5;

export interface DailyCaseFigures {
  readonly bars: number;
  /** Per engine-path, best batch. */
  readonly microsPerPath: number;
  readonly nanosPerBar: number;
  /** Garbage collection's share of the best batch's wall time. */
  readonly gcShare: number;
  /** CPU time of all threads over wall time, in the best batch. */
  readonly cpuOverWall: number;
}

async function timed(resolved: ResolvedScenario, runs: number): Promise<DailyCaseFigures> {
  const data = await loadScenarioData(resolved);
  let bars = 0;
  for (let r = 0; r < 100; r++) bars = (await runScenario(resolved, data, { trackerRows: false })).bars; // warm-up
  const perBatch = Math.ceil(runs / BATCHES);
  let best: GcTiming | undefined;
  for (let b = 0; b < BATCHES; b++) {
    const timing = await timeWithGc(async () => {
      for (let r = 0; r < perBatch; r++) await runScenario(resolved, data, { trackerRows: false });
    });
    if (best === undefined || timing.ms < best.ms) best = timing;
  }
  if (best === undefined) throw new Error('no batch ran');
  const microsPerPath = (best.ms * 1000) / perBatch;
  return { bars, microsPerPath: Math.round(microsPerPath), nanosPerBar: Math.round((microsPerPath * 1000) / bars), gcShare: gcShare(best), cpuOverWall: cpuOverWall(best) };
}

/** The DAX pipeline scenario with its goals, and the same without them (no goals, no goal factor). */
export async function dailyGoalBench(): Promise<{ readonly goals: DailyCaseFigures; readonly noGoals: DailyCaseFigures }> {
  const resolved = loadScenarioFile(DAX_PIPELINE_SCENARIO);
  const { scenario } = resolved;
  if (scenario.sizing.engine !== 'pipeline') throw new Error(`${DAX_PIPELINE_SCENARIO}: the daily goal case is a pipeline scenario`);
  const sizing = { ...scenario.sizing, params: { ...scenario.sizing.params, goalFactor: { ...scenario.sizing.params.goalFactor, enabled: false } } };
  const noGoals: ResolvedScenario = { ...resolved, scenario: { ...scenario, sizing }, goals: [] };
  return { goals: await timed(resolved, DAILY_RUNS), noGoals: await timed(noGoals, DAILY_RUNS) };
}
