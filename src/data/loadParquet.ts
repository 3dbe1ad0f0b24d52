/**
 * Bars and close-only prices from a Parquet file (`format: "parquet"`), validated row by row by
 * the same reader as a CSV's (loadBars.ts): each cell is turned into the text a CSV would hold
 * (a TIMESTAMP or DATE as ISO 8601, an integer timestamp as epoch milliseconds or seconds, a
 * number as its plain decimal) so that the rules and the messages are one. A row's number in a
 * message is its position in the file, 1 for the first. Read through hyparquet (pure
 * JavaScript, so workers and installs need nothing native), 100,000 rows at a time.
 */
import { asyncBufferFromFile, parquetMetadataAsync, parquetRead, parquetSchema } from 'hyparquet';
import { DataError } from '../errors.js';
import { BadRowCollector } from './badRows.js';
import { BarRowReader, type LoadedPrices } from './loadBars.js';
import { BarBuilder } from './series.js';
import type { PriceSourceOptions } from './source.js';

const ROWS_AT_A_TIME = 100_000;

/** A cell as the text of a CSV cell. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isFinite(value.getTime()) ? value.toISOString() : '';
  if (typeof value === 'number') {
    const text = String(value);
    // 1e-7 is a valid price, written out so the decimal check reads it
    return /e/i.test(text) && Number.isFinite(value) ? value.toFixed(20).replace(/\.?0+$/, '') : text;
  }
  if (typeof value === 'bigint' || typeof value === 'string' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

export async function loadBarsParquet(options: PriceSourceOptions): Promise<LoadedPrices> {
  const { displayPath, symbol } = options;
  if (options.resample === true) throw new DataError(`${displayPath}: resample reads close-only CSV rows; a Parquet file's bars are read as they are`, displayPath);
  let file;
  let metadata;
  try {
    file = await asyncBufferFromFile(options.path);
    metadata = await parquetMetadataAsync(file);
  } catch (error) {
    throw new DataError(`${displayPath}: not a Parquet file goalsim can read (${error instanceof Error ? error.message : String(error)})`, displayPath);
  }
  const header = parquetSchema(metadata).children.map((child) => child.element.name);
  const bad = new BadRowCollector(options.onBadRow, displayPath);
  const builder = new BarBuilder();
  const reader = new BarRowReader(options, bad, (t, o, h, l, c, v) => builder.push(t, o, h, l, c, v));
  reader.header(header);
  const rows = Number(metadata.num_rows);
  for (let start = 0; start < rows; start += ROWS_AT_A_TIME) {
    await parquetRead({
      file,
      metadata,
      rowStart: start,
      rowEnd: Math.min(rows, start + ROWS_AT_A_TIME),
      onComplete: (chunk: unknown[][]) => {
        chunk.forEach((row, i) => reader.row(row.map(cellText), start + i + 1));
      },
    });
  }
  if (rows === 0) throw new DataError(`${displayPath}: no data rows`, displayPath);
  if (builder.length === 0) throw new DataError(`${displayPath}: all ${bad.count} rows were bad and skipped, nothing is left to run on; the first: ${bad.listed[0]?.message ?? ''}`, displayPath);
  return { series: builder.build(symbol), skipped: bad.summary() };
}
