/** `goalsim run <scenario> [--out DIR]`: one scenario, its report folder, a summary table. */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { timeoutMs } from '../parallel/pool.js';
import { workerScript } from '../parallel/workerScript.js';
import { rebuiltError, type PostedError, type RunWorkerInput } from './runWorkerProtocol.js';
import { runAndWriteFiles } from './runTable.js';
import { loadScenarioFile } from '../scenario/load.js';
import { writeRunReport } from '../report/writeReports.js';
import { writeFormats, type TableFormat } from '../report/parquetCopies.js';

export interface RunCommandOptions {
  readonly scenario: string;
  readonly out?: string | undefined;
  readonly cache: boolean;
  /** Table formats: `csv`, or `csv` and `parquet` for Parquet copies (report/parquetCopies.ts). */
  readonly format?: readonly TableFormat[] | undefined;
  /** Seconds a run with user modules may take before it is stopped (default 900, as a sweep's variant). */
  readonly timeoutSeconds?: number | undefined;
}

export const DEFAULT_RUN_TIMEOUT_SECONDS = 900;

/** A scenario that runs a user's code: its strategy or its sizing is a module. */
function runsUserModules(resolved: ReturnType<typeof loadScenarioFile>): boolean {
  return resolved.scenario.strategy.name === 'module' || resolved.scenario.sizing.engine === 'module';
}

/**
 * Runs the scenario in a worker thread: a user module that calls process.exit() ends the worker
 * and fails the run (exit 1) instead of ending goalsim with its code and no report, one that never
 * returns is stopped after `timeoutMs`, and neither leaves a partial file behind.
 */
async function runInWorker(input: RunWorkerInput, timeoutMs: number, timeoutSeconds: number): Promise<string> {
  const worker = new Worker(workerScript('cli/runWorker.js'), { workerData: input });
  try {
    return await new Promise<string>((resolve, reject) => {
      let answered = false;
      const timer = setTimeout(() => {
        reject(new Error(`the run took longer than --timeout ${timeoutSeconds} s and was stopped: does a user module never return?`));
        void worker.terminate();
      }, timeoutMs);
      worker.on('message', (message: { printout?: string; error?: PostedError }) => {
        answered = true;
        clearTimeout(timer);
        if (message.printout !== undefined) resolve(message.printout);
        else reject(rebuiltError(message.error ?? { kind: 'failed', message: 'the run failed' }));
      });
      worker.on('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      worker.on('exit', (code) => {
        clearTimeout(timer);
        if (!answered) reject(new Error(`a user module ended the run with process.exit(${code}): nothing was written`));
      });
    });
  } catch (error) {
    removePartialFiles(input.outDir);
    throw error;
  }
}

/** The temporary files of this process's writers in `dir` (see io/fileWriter.ts), left by a stopped run. */
function removePartialFiles(dir: string): void {
  if (!existsSync(dir)) return;
  const suffix = `.partial-${process.pid}`;
  for (const name of readdirSync(dir)) if (name.endsWith(suffix)) rmSync(join(dir, name), { force: true });
}

export async function runCommand(options: RunCommandOptions): Promise<number> {
  const timeout = timeoutMs('--timeout', options.timeoutSeconds ?? DEFAULT_RUN_TIMEOUT_SECONDS) as number;
  const resolved = loadScenarioFile(options.scenario);
  const outDir = options.out ?? join('reports', resolved.scenario.name);
  const printout = runsUserModules(resolved)
    ? await runInWorker({ scenario: options.scenario, outDir, cache: options.cache }, timeout, options.timeoutSeconds ?? DEFAULT_RUN_TIMEOUT_SECONDS)
    : await runAndWriteFiles(resolved, options.cache, outDir);
  // the report is rendered from the files alone, so the run's memory is free for it
  await writeRunReport(outDir);
  await writeFormats(options.format, outDir);
  process.stdout.write(`${printout}report: ${outDir}\n`);
  return 0;
}
