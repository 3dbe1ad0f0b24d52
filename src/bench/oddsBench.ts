/**
 * Odds benchmark: `goalsim odds` on the shipped DAX daily scenario, 1,000 paths x the four
 * default engines (no twins, no benchmark: the floor's shape), end to end (load, block length, paths, files, reports) in a fresh process on
 * 1 and on 2 workers. Floor: the 4,000 engine-paths in at most 20 s on 2 workers.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_ODDS_ENGINES } from '../odds/oddsRunner.js';
import { DAX_PIPELINE_SCENARIO } from './benchScenarios.js';

export const ODDS_PATHS = 1000;
export const ODDS_SCENARIO = DAX_PIPELINE_SCENARIO;

export interface OddsFigures {
  readonly oddsPaths: number;
  /** CPU time of all the process's threads over the wall time, on 1 and 2 workers. */
  readonly oddsCpuOverWall1: number;
  readonly oddsCpuOverWall2: number;
  readonly oddsEngines: number;
  readonly oddsBars: number;
  readonly oddsSeconds1: number;
  readonly oddsSeconds2: number;
  readonly oddsSpeedup2: number;
}

export function oddsBench(dir: string, cacheDir: string): OddsFigures {
  const cli = fileURLToPath(new URL('../cli/main.js', import.meta.url));
  const preload = fileURLToPath(new URL('./cpuAtExit.js', import.meta.url));
  const cpuFile = join(dir, 'odds-cpu');
  const run = (workers: number): { seconds: number; cpuOverWall: number } => {
    const start = performance.now();
    execFileSync(process.execPath, ['--import', preload, cli, 'odds', ODDS_SCENARIO, '--paths', String(ODDS_PATHS), '--workers', String(workers), '--bars-per-worker', '0', '--no-twins', '--no-benchmark', '--out', join(dir, `odds-${workers}`)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, GOALSIM_CACHE_DIR: cacheDir, GOALSIM_CPU_FILE: cpuFile } });
    const ms = performance.now() - start;
    return { seconds: ms / 1000, cpuOverWall: Math.round((Number(readFileSync(cpuFile, 'utf8')) / ms) * 100) / 100 };
  };
  const one = run(1);
  const two = run(2);
  const [seconds1, seconds2] = [one.seconds, two.seconds];
  const instants = (JSON.parse(readFileSync(join(dir, 'odds-2', 'odds.json'), 'utf8')) as { instants: number }).instants;
  const round = (x: number): number => Math.round(x * 10) / 10;
  return { oddsPaths: ODDS_PATHS, oddsCpuOverWall1: one.cpuOverWall, oddsCpuOverWall2: two.cpuOverWall, oddsEngines: DEFAULT_ODDS_ENGINES.length, oddsBars: instants, oddsSeconds1: round(seconds1), oddsSeconds2: round(seconds2), oddsSpeedup2: Math.round((seconds1 / seconds2) * 100) / 100 };
}
