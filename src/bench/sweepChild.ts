/**
 * Child process of the sweep benchmark: runs one sweep with the given worker count and prints
 * its wall time (in all, running the variants, and the serial analysis) and the process's peak RSS (workers are threads of this process) as JSON.
 */
import { runSweep } from '../parallel/sweepRunner.js';

const [file, outDir, workers, cacheDir] = process.argv.slice(2);
if (file === undefined || outDir === undefined || workers === undefined) throw new Error('usage: sweepChild <sweep> <out> <workers> [cacheDir]');
const started = performance.now();
const run = await runSweep({ file, outDir, workers: Number(workers), cacheDir });
const seconds = (performance.now() - started) / 1000;
const failed = [...run.outcomes.values()].filter((o) => o.status !== 'ok').length;
process.stdout.write(`${JSON.stringify({ seconds, variantSeconds: run.seconds.variants, analysisSeconds: run.seconds.analysis, peakRssMb: process.resourceUsage().maxRSS / 1024, failed })}\n`);
