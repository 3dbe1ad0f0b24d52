/**
 * Child process of the sweep benchmark: runs one sweep with the given worker count and prints
 * its wall time (in all, running the variants, and the serial analysis after them), the CPU
 * time of all its threads and its peak RSS (workers are threads of this process) as JSON.
 */
import { runSweep } from '../parallel/sweepRunner.js';

const [file, outDir, workers, cacheDir] = process.argv.slice(2);
if (file === undefined || outDir === undefined || workers === undefined) throw new Error('usage: sweepChild <sweep> <out> <workers> [cacheDir]');
const started = performance.now();
let variantsStarted = NaN;
let variantsEnded = NaN;
const run = await runSweep({
  file,
  outDir,
  workers: Number(workers),
  cacheDir,
  // called with 0 once the tasks are known, then after each one: the variant phase's bounds
  onProgress: (done, total) => {
    if (done === 0) variantsStarted = performance.now();
    if (done === total) variantsEnded = performance.now();
  },
});
const ended = performance.now();
const cpu = process.cpuUsage();
const failed = [...run.outcomes.values()].filter((o) => o.status !== 'ok').length;
const figures = { seconds: (ended - started) / 1000, variantSeconds: (variantsEnded - variantsStarted) / 1000, analysisSeconds: (ended - variantsEnded) / 1000, cpuSeconds: (cpu.user + cpu.system) / 1e6, peakRssMb: process.resourceUsage().maxRSS / 1024, failed, workers: run.workersStarted };
process.stdout.write(`${JSON.stringify(figures)}\n`);
