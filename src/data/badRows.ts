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
  /**
   * Rejects a row whose fields do not line up with the header's `width` columns: more (empty
   * trailing fields aside: a decimal comma, 1633,47, or another delimiter splits a value) or
   * fewer (a field is missing, and every value after it would be read as the next column's).
   * True when the row was rejected (skipped, in skip mode).
   */
  rejectFieldCount(line: number, fields: readonly string[], width: number): boolean {
    // the usual row, checked once per row of a million-row file: no closure, no scan
    if (fields.length === width) return false;
    for (let extra = width; extra < fields.length; extra++) {
      const value = fields[extra] as string;
      if (value === '') continue;
      this.reject(line, `extra field ${extra + 1}`, value, `is "${value}", but the header has ${width} columns: a decimal comma (1633,47 for 1633.47) or a delimiter other than "," splits a value; use "." for decimals or quote the field`);
      return true;
    }
    // a file without a header (binance klines) has no width to hold rows to
    if (fields.length >= width || !Number.isFinite(width)) return false;
    this.rejectRow(line, `has ${fields.length} fields where the header has ${width}: a field is missing, so the values after it would sit in the wrong columns; add the missing field (empty if unknown)`);
    return true;
  }

  /** A problem of the whole row rather than of one column. */
  rejectRow(line: number, problem: string): void {
    this.raiseOrCount(new DataError(`${this.file}:${line}: the row ${problem}`, this.file, line), line, '', '');
  }

  reject(line: number, column: string, value: string, problem: string): void {
    this.raiseOrCount(DataError.at(this.file, line, column, value, problem), line, column, value);
  }

  private raiseOrCount(error: DataError, line: number, column: string, value: string): void {
    if (this.policy === 'error') throw error;
    this.count++;
    if (this.listed.length < MAX_LISTED_SKIPS) this.listed.push({ file: this.file, line, column, value, message: error.message });
  }

  summary(): SkippedRows {
    return { count: this.count, listed: this.listed };
  }
}
