/**
 * Streams a CSV file through csv-parse and hands each record to a callback with its line
 * number. Records are consumed inside csv-parse's `on_record` hook, so no record objects pile
 * up in the stream and the line number is exact even with quoted newlines.
 */
import { createReadStream, statSync } from 'node:fs';
import { parse } from 'csv-parse';
import { DataError } from '../errors.js';

/** A data path must be a regular file: a FIFO or a device such as /dev/zero would never end. */
export function requireRegularFile(path: string, displayPath: string): void {
  let stats;
  try {
    stats = statSync(path);
  } catch {
    throw new DataError(`${displayPath}: file not found (${path})`, displayPath);
  }
  if (!stats.isFile()) throw new DataError(`${displayPath}: not a regular file (${stats.isDirectory() ? 'a folder' : 'a device, FIFO or socket'}: ${path})`, displayPath);
}
export type RecordHandler

 = (fields: readonly string[], line: number) => void;

/**
 * `relaxQuotes` (skip mode) reads a quote inside an unquoted field as a literal character, so a
 * stray quote spoils only its row, which the row checks then skip, not the whole load.
 */
export async function readCsvRecords(file: string, displayPath: string, onRecord: RecordHandler, relaxQuotes = false): Promise<number> {
  requireRegularFile(file, displayPath);
  let records = 0;
  let failure: unknown;
  const parser = parse({
    bom: true,
    skip_empty_lines: true,
    relax_column_count: true,
    relax_quotes: relaxQuotes,
    trim: true,
    on_record: (record: string[], context) => {
      if (failure !== undefined) return null;
      try {
        onRecord(record, context.lines);
        records++;
      } catch (error) {
        failure = error;
      }
      return null;
    },
  });
  const input = createReadStream(file, { highWaterMark: 1 << 20 });
  try {
    await new Promise<void>((resolve, reject) => {
      input.on('error', reject);
      parser.on('error', reject);
      parser.on('end', resolve);
      parser.resume();
      input.pipe(parser);
    });
  } catch (error) {
    input.destroy();
    if (error instanceof DataError) throw error;
    const code = (error as { code?: string }).code;
    if (code === 'ENOENT') throw new DataError(`${displayPath}: file not found`, displayPath);
    const line = (error as { lines?: number }).lines;
    const message = error instanceof Error ? error.message : String(error);
    throw new DataError(`${displayPath}${line === undefined ? '' : `:${line}`}: ${message}`, displayPath, line);
  }
  if (failure !== undefined) throw failure;
  return records;
}
