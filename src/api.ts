/**
 * The library's small surface: a scenario from an object, a run, its files and report, one
 * sizing decision, a sweep. Each is what the CLI command of the same name does, through the
 * same code (`import { scenarioFromObject, run, writeRun, size, sweep } from 'goalsim'`).
 */
import { join, resolve } from 'node:path';
import { runIntoFolder, writeRunFiles } from './report/runFiles.js';
import { writeRunReport } from './report/writeReports.js';
import { runSweep, type SweepRun, type SweepRunOptions } from './parallel/sweepRunner.js';
import { resolveScenario, validateScenario, type ResolvedScenario } from './scenario/load.js';
import { loadScenarioData } from './sim/loadData.js';
import { runScenario } from './sim/run.js';
import type { RunResult } from './sim/types.js';
import { sizeOne } from './sizing/calculator.js';
import type { SizingDecision } from './sizing/types.js';

/**
 * A scenario given as an object (the JSON of README "Scenario files"), validated like a file; its data paths are
 * relative to `baseDir` (default: the current folder). Throws a ScenarioError naming the JSON path.
 */
export function scenarioFromObject(scenario: unknown, baseDir = process.cwd()): ResolvedScenario {
  const file = join(resolve(baseDir), '(scenario object)');
  return resolveScenario(validateScenario(scenario, file), file);
}

/**
 * Loads the scenario's data (through the parse cache when `cacheDir` is given) and runs it, with
 * its buy-and-hold benchmark in `result.benchmark` as `goalsim run` does (`benchmark: false` skips it).
 */
export async function run(scenario: ResolvedScenario, options: { readonly cacheDir?: string; readonly benchmark?: boolean } = {}): Promise<RunResult> {
  return runScenario(scenario, await loadScenarioData(scenario, options.cacheDir), { benchmark: options.benchmark === false ? undefined : {} });
}

/**
 * `goalsim run` as a call: loads and runs the scenario with its equity curve written into
 * `outDir` as the run goes (a long run's curve is never held whole), then the other files and
 * the report. The result has no `equityCurve`; its `curveSummary` and metrics are complete.
 */
export async function runToFolder(scenario: ResolvedScenario, outDir: string, options: { readonly cacheDir?: string } = {}): Promise<RunResult> {
  // the data ends with runStreamed, so the report built from the files does not hold it too
  // (916 MB of bars in a 20M-bar run)
  const result = await runStreamed(scenario, outDir, options.cacheDir);
  await writeRunReport(outDir);
  return result;
}

async function runStreamed(scenario: ResolvedScenario, outDir: string, cacheDir: string | undefined): Promise<RunResult> {
  const data = await loadScenarioData(scenario, cacheDir);
  return (await runIntoFolder(outDir, (curveSink, benchmarkSink) => runScenario(scenario, data, { curveSink, benchmark: { curveSink: benchmarkSink } }))).result;
}

/** Writes a run's folder: summary.json, the CSVs, report.md and report.html. Returns the folder. */
export async function writeRun(result: RunResult, outDir: string): Promise<string> {
  writeRunFiles(result, outDir);
  await writeRunReport(outDir);
  return outDir;
}

/** One sizing decision for a `goalsim size` request (README "`goalsim size`"). */
export function size(request: unknown): SizingDecision {
  return sizeOne(request);
}

/** A sweep file run on the worker pool, its folder written: `goalsim sweep` as a call. */
export function sweep(options: SweepRunOptions): Promise<SweepRun> {
  return runSweep(options);
}
