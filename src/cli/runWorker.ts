/**
 * The worker thread `goalsim run` runs a scenario with user modules in (cli/runCommand.ts): a
 * module that calls process.exit() ends this thread, not the command, and one that never returns
 * is stopped by the command's timeout. It posts the printout, or the error as plain data.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadScenarioFile } from '../scenario/load.js';
import { runAndWriteFiles } from './runTable.js';
import { postedError, type RunWorkerInput } from './runWorkerProtocol.js';

const input = workerData as RunWorkerInput;
try {
  const printout = await runAndWriteFiles(loadScenarioFile(input.scenario), input.cache, input.outDir);
  parentPort?.postMessage({ printout });
} catch (error) {
  parentPort?.postMessage({ error: postedError(error) });
}
