/**
 * The worker thread `goalsim run` runs a scenario with user modules in (cli/runCommand.ts): a
 * module that calls process.exit() ends this thread, not the command, and one that never returns
 * is stopped by the command's timeout. It posts the printout, or the error as plain data.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { DataError, ScenarioError, UsageError } from '../errors.js';
import { loadScenarioFile } from '../scenario/load.js';
import { runAndWriteFiles } from './runCommand.js';

export interface RunWorkerInput {
  readonly scenario: string;
  readonly outDir: string;
  readonly cache: boolean;
}

/** An error as it crosses back: its class and the fields the exit message reads. */
export interface PostedError {
  readonly kind: 'data' | 'scenario' | 'usage' | 'failed';
  readonly message: string;
  readonly file?: string;
  readonly jsonPath?: string;
  readonly line?: number;
  readonly column?: string;
  readonly code?: string;
  readonly path?: string;
  readonly syscall?: string;
}

function posted(error: unknown): PostedError {
  if (error instanceof DataError) return { kind: 'data', message: error.message, file: error.file, ...(error.line === undefined ? {} : { line: error.line }), ...(error.column === undefined ? {} : { column: error.column }) };
  if (error instanceof ScenarioError) return { kind: 'scenario', message: error.message, file: error.file, jsonPath: error.jsonPath };
  if (error instanceof UsageError) return { kind: 'usage', message: error.message };
  const { code, path, syscall } = (error ?? {}) as { code?: string; path?: string; syscall?: string };
  return { kind: 'failed', message: error instanceof Error ? error.message : String(error), ...(code === undefined ? {} : { code }), ...(path === undefined ? {} : { path }), ...(syscall === undefined ? {} : { syscall }) };
}

const input = workerData as RunWorkerInput;
try {
  const printout = await runAndWriteFiles(loadScenarioFile(input.scenario), input.cache, input.outDir);
  parentPort?.postMessage({ printout });
} catch (error) {
  parentPort?.postMessage({ error: posted(error) });
}
