/**
 * What one more variant costs a sweep: `goalsim sweep` end to end in a fresh process with 12 and
 * with 240 variants of the DAX daily scenario (1,860 bars, 1 worker), the variants differing only
 * in their seed, so that each runs the same bars; (time of 240 - time of 12) / 228, the best of
 * three alternating runs of each. Twice: fixed-fraction without goals, and the pipeline with the
 * seed-000 goals on a daily tracker. Beside it, the engine's own time for those bars (the
 * daily-bar case, in one process) shows what the sweep adds around it.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DAX_PIPELINE_SCENARIO as DAX } from './benchScenarios.js';

const SMALL = 12;
const LARGE = 240;
const REPEATS = 3;

export interface VariantCostFigures {
  /** ms per added variant. */
  readonly fixedFractionMs: number;
  readonly pipelineGoalsMs: number;
}

/** The shipped DAX scenario as a base file of its own: with its goals, or fixed-fraction without any. */
function baseScenario(dir: string, goals: boolean): string {
  const scenario = JSON.parse(readFileSync(DAX, 'utf8')) as Record<string, unknown> & { data: { path: string }[] };
  scenario['data'] = scenario.data.map((source) => ({ ...source, path: fileURLToPath(new URL(source.path, pathToFileURL(DAX))) }));
  if (!goals) {
    delete scenario['goals'];
    delete scenario['tracker'];
    scenario['sizing'] = { engine: 'fixed-fraction', params: { fraction: 0.2 } };
  }
  scenario['name'] = goals ? 'bench-pipeline-goals' : 'bench-fixed-fraction';
  const file = join(dir, `${scenario['name'] as string}.json`);
  writeFileSync(file, JSON.stringify(scenario));
  return file;
}

function sweepFile(dir: string, base: string, variants: number): string {
  const file = join(dir, `${base.split('/').pop()?.replace('.json', '')}-${variants}.json`);
  writeFileSync(file, JSON.stringify({ name: `variants-${variants}`, base, grid: { seed: Array.from({ length: variants }, (_, i) => i + 1) }, objective: { metric: 'metrics.sharpe', direction: 'max' } }));
  return file;
}

function perVariantMs(dir: string, cacheDir: string, base: string): number {
  const cli = fileURLToPath(new URL('../cli/main.js', import.meta.url));
  const small = sweepFile(dir, base, SMALL);
  const large = sweepFile(dir, base, LARGE);
  const time = (file: string): number => {
    const start = performance.now();
    execFileSync(process.execPath, [cli, 'sweep', file, '--workers', '1', '--out', join(dir, 'variant-cost')], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, GOALSIM_CACHE_DIR: cacheDir } });
    return performance.now() - start;
  };
  let bestSmall = Infinity;
  let bestLarge = Infinity;
  for (let r = 0; r < REPEATS; r++) {
    bestSmall = Math.min(bestSmall, time(small));
    bestLarge = Math.min(bestLarge, time(large));
  }
  return Math.round(((bestLarge - bestSmall) / (LARGE - SMALL)) * 100) / 100;
}

export function variantCostBench(dir: string, cacheDir: string): VariantCostFigures {
  return { fixedFractionMs: perVariantMs(dir, cacheDir, baseScenario(dir, false)), pipelineGoalsMs: perVariantMs(dir, cacheDir, baseScenario(dir, true)) };
}
