/**
 * The odds worker's task in one thread: the DAX scenario's paths, each resampled and run by the
 * four default engines (no twins, no benchmark: the odds line's shape), timed with the share of
 * garbage collection in it. A pool's worker waits for its tasks in Atomics.wait and never turns
 * its event loop, so a PerformanceObserver inside it is never told of a collection: the same
 * work measured here is what the worker does.
 */
import { DEFAULT_ODDS_ENGINES, prepareOdds } from '../odds/oddsRunner.js';
import { runPath } from '../odds/pathRun.js';
import { ODDS_SCENARIO } from './oddsBench.js';
import { cpuOverWall, gcShare, timeWithGc } from './gcTiming.js';

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
  const timing = await timeWithGc(async () => {
    for (let path = 1; path <= PATHS; path++) await runPath({ path, setup });
  });
  const enginePaths = PATHS * setup.engines.length;
  return { enginePaths, microsPerEnginePath: Math.round((timing.ms * 1000) / enginePaths), gcShare: gcShare(timing), cpuOverWall: cpuOverWall(timing) };
}
