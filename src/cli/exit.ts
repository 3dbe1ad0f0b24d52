/**
 * Maps errors to exit codes (0 ok, 1 failed or drift, 2 usage or input) and prints one clear
 * line plus a hint; stack traces only with GOALSIM_DEBUG=1.
 */
import { DataError, isInputError, ScenarioError } from '../errors.js';

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_INPUT = 2;

/** A hint that fits the error and points at something that exists. */
function hintFor(error: unknown): string | undefined {
  if (error instanceof DataError) {
    if (/file not found|not a regular file/.test(error.message)) return 'a data path is relative to the scenario file that names it';
    if (/missing column|appears \d+ times/.test(error.message)) return 'name the file\'s own columns with "columns": {"close": "Adj Close", ...} on the data source (docs/reference.md#data-sources)';
    if (error.line !== undefined && error.column !== undefined) return 'fix the row, or set "onBadRow": "skip" on this data source to skip and count bad rows';
    return 'the formats goalsim reads are in docs/reference.md#data-sources';
  }
  if (error instanceof ScenarioError && error.jsonPath === 'strategy.module') return 'a strategy module exports createStrategy(params, symbol) returning { onBar(ctx) } (README: Strategies)';
  if (error instanceof ScenarioError) return error.hint ?? 'every scenario option is in docs/reference.md; sweep, solve and walk-forward files are in the README';
  return undefined;
}

/** What the system errors of writing output mean, for the one line a user reads. */
const FILE_ERRORS: Readonly<Record<string, string>> = {
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'it is a folder',
};

/** `cannot write <path>: ENOSPC (no space left on the device)` for a failed output file, else the message. */
function messageOf(error: unknown): string {
  const { code, path, syscall } = (error ?? {}) as { code?: string; path?: string; syscall?: string };
  if (code !== undefined && FILE_ERRORS[code] !== undefined && path !== undefined) return `cannot ${syscall === 'mkdir' ? 'create the folder' : 'write'} ${path}: ${code} (${FILE_ERRORS[code]})`;
  return error instanceof Error ? error.message : String(error);
}

export function reportError(error: unknown): number {
  const message = messageOf(error);
  process.stderr.write(`goalsim: error: ${message}\n`);
  const hint = hintFor(error);
  if (hint !== undefined) process.stderr.write(`  hint: ${hint}\n`);
  if (process.env['GOALSIM_DEBUG'] === '1' && error instanceof Error && error.stack !== undefined) process.stderr.write(`${error.stack}\n`);
  return isInputError(error) ? EXIT_INPUT : EXIT_FAILED;
}
