/**
 * `npm run bench`: prints readable figures, then one JSON line with engineBarsPerSec,
 * floorBarsPerSec, coldLoadRowsPerSec, cachedLoadRowsPerSec and peakRssMb.
 * Figures are the best of a few repetitions after a warm-up.
 */
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { loadPrices } from '../data/loadPrices.js';
import type { PriceSourceOptions } from '../data/source.js';
import { money } from '../ledger/index.js';
import { simulate } from '../sim/engine.js';
import { createFixedFraction } from '../sizing/index.js';
import type { SimulationOutput } from '../sim/types.js';
import { createSmaCross, NO_SIGNALS, type StrategyFactory } from '../strategy/index.js';
import { csvLines, generateMinuteBars } from './generate.js';
import { floorLoop } from './floor.js';
import { SWEEP_BARS, sweepBench } from './sweepBench.js';
import { reportBench } from './reportBench.js';

const BARS = 1_000_000;

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
const human = (perSec: number): string => `${(perSec / 1e6).toFixed(2)} M/s`;

async function main(): Promise<void> {
  const series = generateMinuteBars('BENCH', BARS, 'goalsim-bench');
  const instruments = [{ symbol: 'BENCH', assetClass: 'crypto', lotStep: money('0.0001'), minNotional: money('0') }];
  const runEngine = (strategyFactory: StrategyFactory): SimulationOutput =>
    simulate({
      series: [series],
      instruments,
      initialCapital: money('100000'),
      // Frictionless: with fees, ~15,000 round trips on a random walk drain equity to pennies
      // and later signals could not buy one lot, which would flatter the figure.
      costs: { feeBps: 0, slippageBps: 0 },
      execution: { closeAtEnd: true, allowShort: false, maxGrossExposure: 1 },
      strategyFactory,
      sizing: createFixedFraction({ fraction: 0.5 }),
      riskTolerance: 0.02,
    });
  const smaCross: StrategyFactory = () => createSmaCross({ fast: 10, slow: 30 });
  const orders = runEngine(smaCross).decisions.length; // also the warm-up: lets the JIT optimise the loop
  const engineSeconds = bestOf(3, () => runEngine(smaCross));
  // The same loop with a strategy that never signals: what the bars cost without any order.
  const idle: StrategyFactory = () => ({ onBar: () => NO_SIGNALS });
  runEngine(idle);
  const idleSeconds = bestOf(3, () => runEngine(idle));
  floorLoop(series, 10, 30, 0.5, 100_000);
  const floorSeconds = bestOf(3, () => floorLoop(series, 10, 30, 0.5, 100_000));

  const dir = mkdtempSync(join(tmpdir(), 'goalsim-bench-'));
  try {
    const csvPath = join(dir, 'bars.csv');
    const out = createWriteStream(csvPath);
    for (const line of csvLines(series)) if (!out.write(line)) await once(out, 'drain');
    out.end();
    await once(out, 'finish');
    const source: PriceSourceOptions = { symbol: 'BENCH', path: csvPath, displayPath: 'bars.csv', format: 'generic', kind: 'bars', onBadRow: 'error' };
    const coldSeconds = await bestOfAsync(2, () => loadPrices(source));
    const cacheDir = join(dir, 'cache');
    await loadPrices(source, { cacheDir }); // fills the cache
    const cachedSeconds = await bestOfAsync(3, () => loadPrices(source, { cacheDir }));

    const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
    const sweep = await sweepBench(dir);
    const report = await reportBench(dir, csvPath, cacheDir);
    const figures = {
      engineBarsPerSec: rate(BARS, engineSeconds),
      engineIdleBarsPerSec: rate(BARS, idleSeconds),
      engineRoundTrips: orders,
      engineRoundTripUs: Math.round(((engineSeconds - idleSeconds) / orders) * 1e7) / 10,
      floorBarsPerSec: rate(BARS, floorSeconds),
      coldLoadRowsPerSec: rate(BARS, coldSeconds),
      cachedLoadRowsPerSec: rate(BARS, cachedSeconds),
      peakRssMb,
      ...sweep,
      ...report,
    };
    console.log(`engine   sma-cross + fixed-fraction, ${BARS.toLocaleString('en')} minute bars: ${human(figures.engineBarsPerSec)} bars (target >= 5 M/s)`);
    console.log(`         of which ${figures.engineRoundTrips.toLocaleString('en')} entries and exits at ${figures.engineRoundTripUs} us each (sizing and decimal ledger); the bars alone: ${human(figures.engineIdleBarsPerSec)}`);
    console.log(`floor    hand-written typed-array loop, same arithmetic:        ${human(figures.floorBarsPerSec)} bars`);
    console.log(`load     csv-parse of a ${BARS.toLocaleString('en')}-row CSV:                    ${human(figures.coldLoadRowsPerSec)} rows (target >= 0.4 M/s)`);
    console.log(`cache    the same from the parsed-data cache:                  ${human(figures.cachedLoadRowsPerSec)} rows (target >= 10 M/s)`);
    console.log(`memory   peak RSS ${figures.peakRssMb} MB`);
    console.log(`sweep    32 variants x ${SWEEP_BARS.toLocaleString('en')} bars: ${figures.sweepSeconds1} s on 1 worker, ${figures.sweepSeconds2} s on 2: speedup ${figures.sweepSpeedup2} (target >= 1.7)`);
    console.log(`         running the variants alone: speedup ${figures.sweepVariantsSpeedup2}; then ${figures.sweepAnalysisSeconds} s of serial analysis (mostly loading danfojs)`);
    console.log(`         peak RSS ${figures.sweepPeakRssMb1} MB with 1 worker, ${figures.sweepPeakRssMb} MB with 2; the bars are ${figures.sweepDataMb} MB, shared, not copied per worker`);
    console.log(`report   1,000,000-bar run with goals: report.html ${figures.report1mMb} MB (target < 2 MB), built in ${figures.report1mBuildMs} ms, charts drawn in Chromium ${figures.report1mRenderMs ?? 'n/a (no Chromium)'} ms`);
    console.log(JSON.stringify(figures));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
