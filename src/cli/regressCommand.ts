/**
 * `goalsim regress <scenario...> --baseline DIR`: runs each scenario and compares its sizing
 * decisions and metrics with the stored baseline. Exit 0 when all match, 1 on drift, 2 on input
 * errors (a missing baseline among them). `--update` rewrites the baselines instead.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BASELINE_FORMAT, baselineOf, fileHash, type Baseline } from '../analysis/baseline.js';
import { compareWithBaseline, describeDrift, DEFAULT_TOLERANCES, type Tolerances } from '../analysis/regress.js';
import { defaultCacheDir } from '../data/cache.js';
import { isInputError, UsageError } from '../errors.js';
import { junitXml, type JUnitCase } from '../report/junit.js';
import { loadScenarioFile } from '../scenario/load.js';
import { loadScenarioData } from '../sim/loadData.js';
import { runScenario } from '../sim/run.js';
import { EXIT_FAILED, EXIT_INPUT, EXIT_OK } from './exit.js';
import { alignedTable } from './table.js';

export interface RegressOptions {
  readonly scenarios: readonly string[];
  readonly baseline: string;
  readonly update: boolean;
  readonly junit?: string | undefined;
  readonly tolerance: readonly string[];
  readonly decisionTolerance?: number | undefined;
}

export function parseTolerances(specs: readonly string[], decision?: number): Tolerances {
  const perMetric: Record<string, number> = {};
  for (const spec of specs) {
    const match = /^([A-Za-z]+)=([0-9.eE+-]+)$/.exec(spec);
    const value = Number(match?.[2]);
    if (match === null || !(value >= 0)) throw new UsageError(`--tolerance "${spec}" is not metric=value (e.g. sharpe=0.01)`);
    perMetric[match[1] as string] = value;
  }
  return { ...DEFAULT_TOLERANCES, decision: decision ?? DEFAULT_TOLERANCES.decision, perMetric };
}

interface Outcome {
  readonly name: string;
  readonly status: 'match' | 'drift' | 'updated' | 'error';
  readonly detail: string;
  readonly lines: readonly string[];
}

async function regressOne(file: string, options: RegressOptions, tolerances: Tolerances): Promise<Outcome> {
  let name = file;
  try {
    const resolved = loadScenarioFile(file);
    name = resolved.scenario.name;
    const result = await runScenario(resolved, await loadScenarioData(resolved, defaultCacheDir()));
    const fresh = baselineOf(result, fileHash(file));
    const path = join(options.baseline, `${name}.json`);
    if (options.update) {
      mkdirSync(options.baseline, { recursive: true });
      writeFileSync(path, `${JSON.stringify(fresh, null, 1)}\n`);
      return { name, status: 'updated', detail: `${fresh.decisions.length} decisions written to ${path}`, lines: [] };
    }
    if (!existsSync(path)) throw new UsageError(`no baseline for scenario "${name}" in ${options.baseline}: run goalsim regress ${file} --baseline ${options.baseline} --update to create it`);
    const stored = JSON.parse(readFileSync(path, 'utf8')) as Baseline;
    if (stored.format !== BASELINE_FORMAT) throw new UsageError(`${path}: not a goalsim baseline (format ${String(stored.format)})`);
    const comparison = compareWithBaseline(stored, fresh, tolerances);
    const notes: string[] = [];
    if (stored.scenarioHash !== fresh.scenarioHash) notes.push('the scenario file changed since the baseline was written');
    if (stored.goalsimVersion !== fresh.goalsimVersion) notes.push(`baseline written by goalsim ${stored.goalsimVersion}, this is ${fresh.goalsimVersion}`);
    if (!comparison.drifted) return { name, status: 'match', detail: `${fresh.decisions.length} decisions and ${Object.keys(fresh.metrics).length} metrics match`, lines: notes };
    return { name, status: 'drift', detail: `${comparison.changedDecisions + comparison.added.length + comparison.missing.length} decisions and ${comparison.metrics.length} metrics drifted`, lines: [...notes, ...describeDrift(comparison)] };
  } catch (error) {
    if (!isInputError(error)) throw error;
    return { name, status: 'error', detail: error.message, lines: [] };
  }
}

export async function regressCommand(options: RegressOptions): Promise<number> {
  const tolerances = parseTolerances(options.tolerance, options.decisionTolerance);
  const outcomes: Outcome[] = [];
  for (const file of options.scenarios) {
    const outcome = await regressOne(file, options, tolerances);
    outcomes.push(outcome);
    const mark = { match: 'ok', updated: 'updated', drift: 'DRIFT', error: 'ERROR' }[outcome.status];
    process.stdout.write(`${mark} ${outcome.name}: ${outcome.detail}\n`);
    for (const line of outcome.lines) process.stdout.write(`    ${line}\n`);
  }
  process.stdout.write(`\n${alignedTable(['scenario', 'status', 'detail'], outcomes.map((o) => [o.name, o.status, o.detail]))}\n`);
  const drifted = outcomes.filter((o) => o.status === 'drift').length;
  const failed = outcomes.filter((o) => o.status === 'error').length;
  if (!options.update) process.stdout.write(`${drifted} of ${outcomes.length} scenarios drifted${failed > 0 ? `, ${failed} could not be compared` : ''}\n`);
  if (options.junit !== undefined) {
    const cases: JUnitCase[] = outcomes.map((o) =>
      o.status === 'drift' ? { name: o.name, failure: { message: o.detail, text: o.lines.join('\n') } } : o.status === 'error' ? { name: o.name, error: { message: o.detail } } : { name: o.name },
    );
    writeFileSync(options.junit, junitXml('goalsim regress', cases));
  }
  if (failed > 0) return EXIT_INPUT;
  return drifted > 0 ? EXIT_FAILED : EXIT_OK;
}
