/**
 * `npm run bench`: what users run, each figure beside its floor. Engine figures are the best of
 * a few repetitions after a warm-up; memory figures come from fresh child processes, so they are
 * a user's peak RSS. `--large` adds the 20,000,000-row load-and-run (a 1.2 GB CSV, minutes).
 * The last line is every figure as JSON.
 */
import { execFileSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { loadPrices } from '../data/loadPrices.js';
import type { PriceSourceOptions } from '../data/source.js';
import type { BarSeries } from '../data/series.js';
import { csvLines, generateMinuteBars } from './generate.js';
import { ENGINE_CASES, runEngineCase, type EngineCase } from './engineBench.js';
import { floorLoop } from './floor.js';
import { SWEEP_SHAPES, sweepBench, type SweepFigures } from './sweepBench.js';
import { reportBench } from './reportBench.js';
import { oddsBench } from './oddsBench.js';
import { DAILY_RUNS, dailyGoalBench } from './dailyGoalBench.js';
import { oddsPathBench } from './oddsPathBench.js';
import { variantCostBench } from './variantCostBench.js';
import { auditBench } from './auditBench.js';
import { solveBench } from './solveBench.js';
import { SERVE_REQUESTS, serveBench } from './serveBench.js';

const BARS = 1_000_000;
const LARGE_ROWS = 20_000_000;

function bestOf(runs: number, work: () => void): number {
  let best = Infinity;
  for (let r = 0; r < runs; r++) {
    const start = performance.now();
    work();
    best = Math.min(best, performance.now() - start);
  }
  return best / 1000;
}

async function bestOfAsync(runs: number, work: () => Promise<unknown>): Promise<number> {
  let best = Infinity;
  for (let r = 0; r < runs; r++) {
    const start = performance.now();
    await work();
    best = Math.min(best, performance.now() - start);
  }
  return best / 1000;
}

const rate = (count: number, seconds: number): number => Math.round(count / seconds);
const millions = (perSec: number): string => `${(perSec / 1e6).toFixed(2)} M/s`;
const tenths = (value: number): number => Math.round(value * 10) / 10;

/** One printed figure: its value, and its floor with a verdict (`min` floors rise, `max` ceilings fall). */
function report(label: string, value: string, floor?: { readonly text: string; readonly met: boolean }): void {
  console.log(`${label.padEnd(60)} ${value.padStart(14)}${floor === undefined ? '' : `   floor ${floor.text}: ${floor.met ? 'met' : 'NOT MET'}`}`);
}

async function writeCsv(series: BarSeries, path: string): Promise<void> {
  const out = createWriteStream(path);
  for (const line of csvLines(series)) if (!out.write(line)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
}

interface ChildRun {
  readonly seconds: number;
  readonly peakRssMb: number;
  readonly rows?: number;
}

function child(...args: string[]): ChildRun {
  const script = fileURLToPath(new URL('./runChild.js', import.meta.url));
  return JSON.parse(execFileSync(process.execPath, [script, ...args], { encoding: 'utf8', maxBuffer: 1 << 24 }).trim().split('\n').pop() ?? '{}') as ChildRun;
}

/** A scenario over the given CSV: sma-cross 10/30 with pipeline sizing and the seed-001 goals on the hourly tracker. */
function goalScenario(dir: string, name: string, csv: string): string {
  const file = join(dir, `${name}.json`);
  writeFileSync(
    file,
    JSON.stringify({
      name,
      data: [{ symbol: 'BENCH', path: csv, assetClass: 'crypto', lotStep: '0.0001' }],
      account: { currency: 'USD', initialCapital: '100000' },
      strategy: { name: 'sma-cross', params: { fast: 10, slow: 30 } },
      sizing: { engine: 'pipeline', params: {} },
      goals: { preset: 'seed-001' },
      tracker: { intervalMinutes: 60 },
    }),
  );
  return file;
}

/**
 * Alternating runs per engine case, the best kept. This machine's moments differ by 20 % and more
 * (fixed-fraction gave 4.43-5.21 M bars/s in three best-of-5 runs of the same code): nine runs
 * (about 20 s for the four cases) make a slow moment less likely to set the figure.
 */
const ENGINE_REPEATS = 9;

function engineFigures(series: BarSeries): Record<string, number> {
  const figures: Record<string, number> = {};
  for (const engineCase of ENGINE_CASES) {
    const trips = runEngineCase(series, engineCase).output.ledger.trades.length; // also the warm-up
    runEngineCase(series, engineCase, true);
    // alternate the two so that the machine's drift hits both alike
    let withOrders = Infinity;
    let suppressed = Infinity;
    for (let r = 0; r < ENGINE_REPEATS; r++) {
      withOrders = Math.min(withOrders, bestOf(1, () => runEngineCase(series, engineCase)));
      suppressed = Math.min(suppressed, bestOf(1, () => runEngineCase(series, engineCase, true)));
    }
    const key = engineCase.replace('+goals', 'Goals').replace('fixed-fraction', 'fixedFraction');
    figures[`${key}BarsPerSec`] = rate(BARS, withOrders);
    figures[`${key}SuppressedBarsPerSec`] = rate(BARS, suppressed);
    figures[`${key}RoundTripUs`] = tenths(((withOrders - suppressed) / trips) * 1e6);
    figures['roundTrips'] = trips;
  }
  return figures;
}

const ENGINE_FLOORS: Partial<Record<EngineCase, number>> = { 'fixed-fraction': 5e6, 'pipeline+goals': 2e6 };

async function main(): Promise<void> {
  const large = process.argv.includes('--large');
  const series = generateMinuteBars('BENCH', BARS, 'goalsim-bench');
  const engine = engineFigures(series);
  console.log(`engine: sma-cross 10/30 on ${BARS.toLocaleString('en')} minute bars, ${engine['roundTrips']?.toLocaleString('en')} round trips; a round trip costs (time with orders - time with them suppressed) / round trips`);
  for (const engineCase of ENGINE_CASES) {
    const key = engineCase.replace('+goals', 'Goals').replace('fixed-fraction', 'fixedFraction');
    const barsPerSec = engine[`${key}BarsPerSec`] as number;
    const floor = ENGINE_FLOORS[engineCase];
    report(`  ${engineCase.replace('+goals', ' + seed-001 goals (hourly)')}`, `${millions(barsPerSec)} bars`, floor === undefined ? undefined : { text: `>= ${floor / 1e6} M/s`, met: barsPerSec >= floor });
    report(`    a round trip (decision, entry, exit, records)`, `${engine[`${key}RoundTripUs`]} us`, engineCase === 'fixed-fraction' ? { text: '<= 5 us', met: (engine[`${key}RoundTripUs`] as number) <= 5 } : undefined);
  }
  floorLoop(series, 10, 30, 0.5, 100_000);
  const floorBarsPerSec = rate(BARS, bestOf(3, () => floorLoop(series, 10, 30, 0.5, 100_000)));
  report('  hand-written typed-array loop, same arithmetic', `${millions(floorBarsPerSec)} bars`);

  const daily = await dailyGoalBench();
  console.log(`daily bars with goals: the DAX pipeline scenario (${daily.goals.bars.toLocaleString('en')} daily bars, seed-000 goals, daily tracker), ${DAILY_RUNS.toLocaleString('en')} runs in one process, outcome only as odds and solve run it:`);
  report('  time per engine-path', `${(daily.goals.microsPerPath / 1000).toFixed(2)} ms`, { text: '<= 1 ms', met: daily.goals.microsPerPath <= 1000 });
  report('    per bar', `${(daily.goals.nanosPerBar / 1000).toFixed(2)} us`);
  report('    garbage collection share; CPU of all threads over wall', `${daily.goals.gcShare} %; ${daily.goals.cpuOverWall}`, { text: 'gc <= 5 %', met: daily.goals.gcShare <= 5 });
  report('  the same without goals (no tracker, no goal factor)', `${(daily.noGoals.microsPerPath / 1000).toFixed(2)} ms`);
  report('    garbage collection share; CPU of all threads over wall', `${daily.noGoals.gcShare} %; ${daily.noGoals.cpuOverWall}`);

  const dir = mkdtempSync(join(tmpdir(), 'goalsim-bench-'));
  try {
    const csvPath = join(dir, 'bars.csv');
    await writeCsv(series, csvPath);
    const source: PriceSourceOptions = { symbol: 'BENCH', path: csvPath, displayPath: 'bars.csv', format: 'generic', kind: 'bars', onBadRow: 'error' };
    const coldLoadRowsPerSec = rate(BARS, await bestOfAsync(2, () => loadPrices(source)));
    const cacheDir = join(dir, 'cache');
    await loadPrices(source, { cacheDir }); // fills the cache
    const cachedLoadRowsPerSec = rate(BARS, await bestOfAsync(3, () => loadPrices(source, { cacheDir })));
    const coldLoad = child('load', csvPath);
    const coldLoadBytesPerBar = Math.round((coldLoad.peakRssMb * 1024 * 1024) / BARS);
    const goalRun = child('run', goalScenario(dir, 'memory-1m', csvPath), join(dir, 'memory-1m'));
    console.log('load and memory:');
    report(`  cold load of a ${BARS.toLocaleString('en')}-row CSV (csv-parse)`, `${millions(coldLoadRowsPerSec)} rows`, { text: '>= 0.4 M/s', met: coldLoadRowsPerSec >= 4e5 });
    report('  the same from the parsed-data cache', `${millions(cachedLoadRowsPerSec)} rows`, { text: '>= 10 M/s', met: cachedLoadRowsPerSec >= 1e7 });
    report('  peak RSS of a cold load, per bar', `${coldLoadBytesPerBar} B`);
    report('  1M-bar run with goals (pipeline, files, report): peak RSS', `${goalRun.peakRssMb} MB`, { text: '< 400 MB', met: goalRun.peakRssMb < 400 });
    report('    and its wall time', `${tenths(goalRun.seconds)} s`);
    let largeFigures: Record<string, number> = {};
    if (large) {
      const bigCsv = join(dir, 'bars-20m.csv');
      const out = createWriteStream(bigCsv);
      for (let start = 0; start < LARGE_ROWS; start += BARS) {
        const part = generateMinuteBars('BENCH', BARS, `goalsim-bench-${start}`);
        for (let i = 0; i < part.length; i++) (part.time as Float64Array)[i] = (part.time[i] as number) + start * 60_000;
        let header = start > 0;
        for (const line of csvLines(part)) {
          if (header) {
            header = false;
            continue;
          }
          if (!out.write(line)) await once(out, 'drain');
        }
      }
      out.end();
      await once(out, 'finish');
      const bigRun = child('run', goalScenario(dir, 'memory-20m', bigCsv), join(dir, 'memory-20m'));
      largeFigures = { run20mPeakRssMb: bigRun.peakRssMb, run20mSeconds: tenths(bigRun.seconds) };
      report(`  ${LARGE_ROWS.toLocaleString('en')} rows loaded and run: peak RSS`, `${bigRun.peakRssMb} MB`, { text: '< 3000 MB', met: bigRun.peakRssMb < 3000 });
      report('    and its wall time', `${tenths(bigRun.seconds)} s`);
    } else report(`  ${LARGE_ROWS.toLocaleString('en')} rows loaded and run (floor < 3000 MB)`, 'npm run bench -- --large');

    console.log('sweeps, end to end in a fresh process:');
    const sweeps: Record<string, SweepFigures> = {};
    for (const shape of SWEEP_SHAPES) {
      const figures = await sweepBench(dir, shape);
      sweeps[shape.name] = figures;
      const label = `  ${figures.variants} variants x ${figures.bars.toLocaleString('en')} bars`;
      report(`${label}: 1 worker, 2 workers`, `${figures.seconds1} s, ${figures.seconds2} s`);
      // --workers 2 starts one worker when the work does not pay for a second (pool.ts workersFor)
      report('    workers the pool started for --workers 1 and 2', `${figures.workersStarted1}, ${figures.workersStarted2}`);
      report('    speedup on 2 workers', `${figures.speedup2}x`, shape.name === 'large' ? { text: '>= 1.7x', met: figures.speedup2 >= 1.7 } : { text: '>= 1x (no slower)', met: figures.speedup2 >= 1 });
      report('    the variant phase alone; then the serial part', `${figures.variantsSpeedup2}x; ${figures.analysisSeconds} s`);
      report('    CPU time of all threads on 1 and 2 workers', `${figures.cpuSeconds1} s, ${figures.cpuSeconds2} s`);
      report('    peak RSS on 1 and 2 workers (bars shared)', `${figures.peakRssMb1}, ${figures.peakRssMb2} MB`);
    }
    const variantCost = variantCostBench(dir, cacheDir);
    report('  one more variant, DAX daily (1,860 bars), 1 worker: fixed-fraction, no goals', `${variantCost.fixedFractionMs} ms`, { text: '<= 1 ms', met: variantCost.fixedFractionMs <= 1 });
    report('    the pipeline with the seed-000 goals (daily tracker)', `${variantCost.pipelineGoalsMs} ms`, { text: '<= 2 ms', met: variantCost.pipelineGoalsMs <= 2 });
    console.log('odds, end to end in a fresh process:');
    const odds = oddsBench(dir, cacheDir);
    const enginePaths = odds.oddsPaths * odds.oddsEngines;
    report(`  ${odds.oddsPaths.toLocaleString('en')} DAX paths x ${odds.oddsEngines} engines: 1 worker, 2 workers`, `${odds.oddsSeconds1} s, ${odds.oddsSeconds2} s`, { text: '<= 4 s on 2', met: odds.oddsSeconds2 <= 4 });
    report('    engine-paths/s and bars/s on 2 workers', `${Math.round(enginePaths / odds.oddsSeconds2)}, ${millions((enginePaths * odds.oddsBars) / odds.oddsSeconds2)}`);
    report('    speedup on 2 workers', `${odds.oddsSpeedup2}x`);
    report('    CPU of all threads over wall, on 1 and 2 workers', `${odds.oddsCpuOverWall1}, ${odds.oddsCpuOverWall2}`);
    const oddsPaths = await oddsPathBench();
    report(`  a worker's task in one thread (${oddsPaths.enginePaths} engine-paths): per engine-path`, `${(oddsPaths.microsPerEnginePath / 1000).toFixed(2)} ms`);
    report('    garbage collection share; CPU of all threads over wall', `${oddsPaths.gcShare} %; ${oddsPaths.cpuOverWall}`, { text: 'gc <= 5 %', met: oddsPaths.gcShare <= 5 });
    const solved = solveBench(dir, cacheDir);
    console.log('solve, end to end in a fresh process (DAX, engine x risk tolerance, rungs of 100, 300 and 1,000 paths):');
    report(`  ${solved.solveCandidates} candidates, ${solved.solveEnginePaths.toLocaleString('en')} engine-paths of search and 2,000 of confirmation on 2 workers`, `${solved.solveSeconds2} s`, { text: '< 60 s', met: solved.solveSeconds2 < 60 });
    console.log(`serve: ${SERVE_REQUESTS.toLocaleString('en')} loopback requests on 10 connections (autocannon in the same process), DAX replay at 1995-06-30:`);
    const served = await serveBench();
    report('  POST position-sizing/calculate: requests/s', `${served.calculateRequestsPerSec}`, { text: '>= 2000', met: served.calculateRequestsPerSec >= 2000 });
    report('    p50 / p99 latency', `${served.calculateP50Ms} / ${served.calculateP99Ms} ms`, { text: 'p99 < 25 ms', met: served.calculateP99Ms < 25 });
    report('  GET goals/summary: requests/s; p50 / p99', `${served.summaryRequestsPerSec}; ${served.summaryP50Ms} / ${served.summaryP99Ms} ms`);
    if (served.serveErrors > 0) report('  requests that failed', String(served.serveErrors));
    const audit = await auditBench(dir);
    console.log('sweep audit (synthetic returns and goal flags):');
    report(`  ${audit.auditVariants.toLocaleString('en')} variants x ${audit.auditDays.toLocaleString('en')} days: folder written with its audit`, `${audit.auditFolderSeconds} s`);
    report('    the folder\'s size', `${audit.auditFolderMb} MB`, { text: '< 50 MB', met: audit.auditFolderMb < 50 });
    report('  PBO of 200 variants x 2,000 days, 12,870 splits', `${audit.pbo200Seconds} s`, { text: '< 1 s', met: audit.pbo200Seconds < 1 });
    const reportFigures = await reportBench(dir, csvPath, cacheDir);
    console.log('report:');
    report('  1M-bar run with goals: report.html', `${reportFigures.report1mMb} MB`, { text: '< 2 MB', met: reportFigures.report1mMb < 2 });
    report('    built in; charts drawn in Chromium', `${reportFigures.report1mBuildMs} ms; ${reportFigures.report1mRenderMs ?? 'n/a'} ms`);
    const flatSweeps = Object.fromEntries(Object.entries(sweeps).flatMap(([shape, figures]) => Object.entries(figures).map(([key, value]) => [`sweep${shape[0]?.toUpperCase()}${shape.slice(1)}${key[0]?.toUpperCase()}${key.slice(1)}`, value])));
    console.log(JSON.stringify({ ...engine, floorBarsPerSec, dailyGoalsMicrosPerPath: daily.goals.microsPerPath, dailyGoalsGcShare: daily.goals.gcShare, dailyGoalsCpuOverWall: daily.goals.cpuOverWall, dailyNoGoalsMicrosPerPath: daily.noGoals.microsPerPath, dailyNoGoalsGcShare: daily.noGoals.gcShare, coldLoadRowsPerSec, cachedLoadRowsPerSec, coldLoadBytesPerBar, run1mGoalsPeakRssMb: goalRun.peakRssMb, run1mGoalsSeconds: tenths(goalRun.seconds), ...largeFigures, ...flatSweeps, ...odds, oddsPathMicros: oddsPaths.microsPerEnginePath, oddsPathGcShare: oddsPaths.gcShare, oddsPathCpuOverWall: oddsPaths.cpuOverWall, variantCostFixedFractionMs: variantCost.fixedFractionMs, variantCostPipelineGoalsMs: variantCost.pipelineGoalsMs, ...solved, ...served, ...audit, ...reportFigures }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
