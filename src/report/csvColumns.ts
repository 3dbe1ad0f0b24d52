/**
 * Reading a run folder's big CSVs as columns: records are streamed through csv-parse and only
 * the cells a report draws are kept, as numbers in typed arrays. Row objects of a 20M-bar run's
 * goal progress and sizing decisions took gigabytes; these columns take a few bytes a row.
 */
import { createReadStream, existsSync } from 'node:fs';
import { parse } from 'csv-parse';
import { UsageError } from '../errors.js';

/** A float column that grows by doubling past its expected size; `values()` is a view of what was pushed. */
export class FloatColumn {
  private data: Float64Array;
  length = 0;

  constructor(expected = 0) {
    this.data = new Float64Array(Math.max(1024, expected));
  }

  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Float64Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }

  values(): Float64Array {
    return this.data.subarray(0, this.length);
  }
}

/** An empty cell is NaN (a value the run did not have, such as a goal factor of an engine without goals). */
export const numberOrNaN = (cell: string | undefined): number => (cell === undefined || cell === '' ? NaN : Number(cell));

/** The error for a file that lacks a column its definition has (a folder of another goalsim version). */
export function missingColumnError(path: string, header: readonly string[], required: readonly string[]): UsageError | undefined {
  const missing = required.find((name) => !header.includes(name));
  if (missing === undefined) return undefined;
  return new UsageError(`${path}: no column "${missing}" (the header is ${header.join(',').slice(0, 200)}); was the folder written by another goalsim version? Run the scenario again`);
}

/**
 * Calls `onRecord` with each record of a CSV after its header, and the index of each required
 * column; a missing file has no records. The header must hold every required column.
 */
export async function forEachCsvRecord<Name extends string>(path: string, required: readonly Name[], onRecord: (cells: readonly string[], at: Readonly<Record<Name, number>>) => void): Promise<void> {
  if (!existsSync(path)) return;
  let at: Record<Name, number> | undefined;
  for await (const record of createReadStream(path).pipe(parse({ skip_empty_lines: true, relax_column_count: false }))) {
    const cells = record as string[];
    if (at === undefined) {
      const error = missingColumnError(path, cells, required);
      if (error !== undefined) throw error;
      at = Object.fromEntries(required.map((name) => [name, cells.indexOf(name)])) as Record<Name, number>;
      continue;
    }
    onRecord(cells, at);
  }
}
