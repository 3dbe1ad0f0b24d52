/**
 * Streams a CSV file through csv-parse and hands each record to a callback with its line
 * number. Records are consumed inside csv-parse's `on_record` hook, so no record objects pile
 * up in the stream. The line is the one the record starts on, even when a quoted value spans
 * lines; csv-parse's quote errors are located by line and column name.
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
export async function readCsvRecords(file: string, displayPath: string, onRecord: RecordHandler, relaxQuotes = false, headerRow = true): Promise<number> {
  requireRegularFile(file, displayPath);
  let records = 0;
  let failure: unknown;
  let header: readonly string[] | undefined;
  // the line the last record ended on: an unclosed quote opens on a later one
  let lastLine = 0;
  const parser = parse({
    bom: true,
    skip_empty_lines: true,
    relax_column_count: true,
    relax_quotes: relaxQuotes,
    trim: true,
    on_record: (record: string[], context) => {
      if (failure !== undefined) return null;
      try {
        if (headerRow) header ??= record;
        onRecord(record, context.lines - newlinesIn(record));
        lastLine = context.lines;
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
    throw parseError(error, displayPath, header, lastLine);
  }
  if (failure !== undefined) throw failure;
  return records;
}

/** Line breaks inside a record's quoted values: csv-parse counts lines to the record's end. */
function newlinesIn(record: readonly string[]): number {
  let count = 0;
  for (let f = 0; f < record.length; f++) {
    const field = record[f] as string;
    if (!field.includes('\n')) continue;
    for (let i = field.indexOf('\n'); i >= 0; i = field.indexOf('\n', i + 1)) count++;
  }
  return count;
}

/** A csv-parse error as a DataError located by line and, where the header names it, column. */
function parseError(error: unknown, displayPath: string, header: readonly string[] | undefined, lastLine: number): DataError {
  const { code, lines, column } = error as { code?: string; lines?: number; column?: number };
  const name = column === undefined ? undefined : header?.[column];
  const where = (line: number): string => `${displayPath}:${line}: ${name === undefined ? '' : `column "${name}": `}`;
  if (code === 'CSV_QUOTE_NOT_CLOSED') {
    // csv-parse reads to the end of the file looking for the closing quote: the quote opened
    // in the record after the last one read
    const line = lastLine + 1;
    return new DataError(`${where(line)}a quote opens a value here and is never closed, so the rest of the file would be one value; close the quote or remove it`, displayPath, line, name);
  }
  if (code === 'CSV_INVALID_CLOSING_QUOTE' && lines !== undefined) {
    const got = /got "(.*?)"/.exec(error instanceof Error ? error.message : '')?.[1] ?? '';
    return new DataError(`${where(lines)}a quoted value is followed by "${got}" before the next comma; quote the whole value or remove the quotes`, displayPath, lines, name);
  }
  const message = error instanceof Error ? error.message : String(error);
  return new DataError(`${displayPath}${lines === undefined ? '' : `:${lines}`}: ${message}`, displayPath, lines);
}
