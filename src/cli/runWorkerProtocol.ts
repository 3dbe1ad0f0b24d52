/**
 * What crosses between `goalsim run` and the worker thread it runs user modules in: the job, and
 * an error as plain data that is rebuilt as its class on the other side, so that the exit code
 * and the hint are what they would be in-process.
 */
import { DataError, ScenarioError, UsageError } from '../errors.js';

export interface RunWorkerInput {
  readonly scenario: string;
  readonly outDir: string;
  readonly cache: boolean;
}

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

export function postedError(error: unknown): PostedError {
  if (error instanceof DataError) return { kind: 'data', message: error.message, file: error.file, ...(error.line === undefined ? {} : { line: error.line }), ...(error.column === undefined ? {} : { column: error.column }) };
  if (error instanceof ScenarioError) return { kind: 'scenario', message: error.message, file: error.file, jsonPath: error.jsonPath };
  if (error instanceof UsageError) return { kind: 'usage', message: error.message };
  const { code, path, syscall } = (error ?? {}) as { code?: string; path?: string; syscall?: string };
  return { kind: 'failed', message: error instanceof Error ? error.message : String(error), ...(code === undefined ? {} : { code }), ...(path === undefined ? {} : { path }), ...(syscall === undefined ? {} : { syscall }) };
}

/** The error a worker posted, as the class the exit code and the hint are chosen by. */
export function rebuiltError(posted: PostedError): Error {
  const keepMessage = <E extends Error>(error: E): E => Object.assign(error, { message: posted.message });
  if (posted.kind === 'data') return new DataError(posted.message, posted.file ?? '', posted.line, posted.column);
  if (posted.kind === 'scenario') return keepMessage(new ScenarioError('', posted.file ?? '', posted.jsonPath ?? ''));
  if (posted.kind === 'usage') return new UsageError(posted.message);
  return Object.assign(new Error(posted.message), { code: posted.code, path: posted.path, syscall: posted.syscall });
}
