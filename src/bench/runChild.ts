/**
 * Child process of the benchmark, so that its peak RSS is a user's: `load <csv>` does a cold
 * load and prints the rows and the peak; `run <scenario> <out>` does what `goalsim run` does
 * (load, simulate, write the files and the report) and prints the time and the peak.
 */
import { loadPrices } from '../data/loadPrices.js';
import { runIntoFolder } from '../report/runFiles.js';
import { writeRunReport } from '../report/writeReports.js';
import { loadScenarioFile } from '../scenario/load.js';
import { loadScenarioData } from '../sim/loadData.js';
import { runScenario } from '../sim/run.js';

const [mode, path, out] = process.argv.slice(2);
if (path === undefined || (mode !== 'load' && mode !== 'run') || (mode === 'run' && out === undefined)) throw new Error('usage: runChild load <csv> | run <scenario> <out>');
const peakRssMb = (): number => Math.round(process.resourceUsage().maxRSS / 1024);
const started = performance.now();
if (mode === 'load') {
  const loaded = await loadPrices({ symbol: 'BENCH', path, displayPath: path, format: 'generic', kind: 'bars', onBadRow: 'error' });
  process.stdout.write(`${JSON.stringify({ rows: loaded.series.length, seconds: (performance.now() - started) / 1000, peakRssMb: peakRssMb() })}\n`);
} else {
  const resolved = loadScenarioFile(path);
  // as `goalsim run`: the run's result is released before the report is built from the files
  const bars = await (async (): Promise<number> => {
    const data = await loadScenarioData(resolved);
    const { result } = await runIntoFolder(out as string, (curveSink, benchmarkSink) => runScenario(resolved, data, { curveSink, benchmark: { curveSink: benchmarkSink } }));
    return result.bars;
  })();
  await writeRunReport(out as string);
  process.stdout.write(`${JSON.stringify({ bars, seconds: (performance.now() - started) / 1000, peakRssMb: peakRssMb() })}\n`);
}
