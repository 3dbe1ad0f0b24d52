/**
 * The odds worker's task in one thread: the DAX scenario's paths, each resampled and run by the
 * four default engines (no twins, no benchmark: the odds line's shape), timed with the share of
 * garbage collection in it. A pool's worker waits for its tasks in Atomics.wait and never turns
 * its event loop, so a PerformanceObserver inside it is never told of a collection: the same
 * work measured here is what the worker does.
 */
import { PerformanceObserver } from 'node:perf_hooks';
import { DEFAULT_ODDS_ENGINES, prepareOdds } from '../odds/oddsRunner.js';
import { runPath } from '../odds/pathRun.js';
import { ODDS_SCENARIO } from './oddsBench.js';

export interface OddsPathFigures {
  readonly enginePaths: number;
  readonly microsPerEnginePath: number;
  readonly gcShare: number;
  readonly cpuOverWall: number;
}

const PATHS = 200;

export async function oddsPathBench(): Promise<OddsPathFigures> {
  const { setup } = await prepareOdds({ file: ODDS_SCENARIO, outDir: '', paths: PATHS, block: 'auto', engines: DEFAULT_ODDS_ENGINES, twins: false, benchmark: false, cache: false });
  for (let path = 1; path <= 20; path++) await runPath({ path, setup }); // warm-up
  let gcMs = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) gcMs += entry.duration;
  });
  observer.observe({ entryTypes: ['gc'] });
  await new Promise((resolve) => setTimeout(resolve, 20));
  gcMs = 0;
  const cpu = process.cpuUsage();
  const start = performance.now();
  for (let path = 1; path <= PATHS; path++) await runPath({ path, setup });
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  await new Promise((resolve) => setTimeout(resolve, 20)); // the last entries arrive
  observer.disconnect();
  const enginePaths = PATHS * setup.engines.length;
  return { enginePaths, microsPerEnginePath: Math.round((ms * 1000) / enginePaths), gcShare: Math.round((gcMs / ms) * 1000) / 10, cpuOverWall: Math.round(((used.user + used.system) / 1000 / ms) * 100) / 100 };
}
