/**
 * What happens to a row that fails validation: an error (the default) or, when a scenario opts
 * into `onBadRow: "skip"`, a counted entry in the run summary. Rows are never dropped silently.
 */
import { DataError } from '../errors.js';

export type BadRowPolicy = 'error' | 'skip';

export interface SkippedRow {
  readonly file: string;
  readonly line: number;
  readonly column: string;
  readonly value: string;
  readonly message: string;
}

export interface SkippedRows {
  readonly count: number;
  /** The first {@link MAX_LISTED_SKIPS} skipped rows, in file order. */
  readonly listed: readonly SkippedRow[];
}

export const MAX_LISTED_SKIPS = 20;

export class BadRowCollector {
  count = 0;
  readonly listed: SkippedRow[] = [];

  constructor(
    readonly policy: BadRowPolicy,
    readonly file: string,
  ) {}

  /** Raises the row's error, or records it when skipping. */
  reject(line: number, column: string, value: string, problem: string): void {
    const error = DataError.at(this.file, line, column, value, problem);
    if (this.policy === 'error') throw error;
    this.count++;
    if (this.listed.length < MAX_LISTED_SKIPS) this.listed.push({ file: this.file, line, column, value, message: error.message });
  }

  summary(): SkippedRows {
    return { count: this.count, listed: this.listed };
  }
}
