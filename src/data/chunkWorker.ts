/**
 * Worker: parses one byte range of a bars CSV (starting at a line start) with csv-parse and the
 * same BarRowReader as the sequential loader. It reports its row count, then copies its rows
 * into the range of the final shared columns the main thread hands it, so a load never holds
 * more than the parsed chunks and the final columns. Line
 * numbers are relative to the range; the main thread shifts them. A quote character anywhere
 * in the range aborts: a quoted field could span the cut, so the caller parses sequentially.
 * Without quotes every record is exactly one line, so records are read without csv-parse's
 * per-record context (its costliest part) and lines are counted here; empty lines are kept as
 * records so that the count stays exact, then ignored.
 */
import { createReadStream } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { parse } from 'csv-parse';
import { BadRowCollector } from './badRows.js';
import { BarRowReader } from './loadBars.js';
import { BarBuilder, viewBarSeries, type SharedBarSeries } from './series.js';
import type { PriceSourceOptions } from './source.js';
import { DataError } from '../errors.js';

export interface ChunkTask {
  readonly options: PriceSourceOptions;
  readonly start: number;
  /** Exclusive end offset. */
  readonly end: number;
  /** Header fields for a range after the first; null when the range holds the header. */
  readonly header: readonly string[] | null;
}

export type ChunkResult =
  | { readonly kind: 'ok'; readonly length: number; readonly newlines: number; readonly firstTime: number; readonly firstStamp: string; readonly firstLine: number; readonly lastTime: number }
  | { readonly kind: 'quoted' }
  | { readonly kind: 'error'; readonly message: string; readonly line: number | undefined; readonly column: string | undefined; readonly value: string | undefined };

class QuoteFound extends Error {}

/** The final columns and this chunk's first row in them. */
export interface ChunkPlacement {
  readonly target: SharedBarSeries;
  readonly offset: number;
}

let parsed: BarBuilder | undefined;

async function parseChunk(task: ChunkTask): Promise<ChunkResult> {
  const builder = new BarBuilder();
  const reader = new BarRowReader(task.options, new BadRowCollector('error', task.options.displayPath), (t, o, h, l, c, v) => builder.push(t, o, h, l, c, v));
  if (task.header !== null) reader.header(task.header);
  let newlines = 0;
  let line = 0;
  const parser = parse({ bom: true, skip_empty_lines: false, relax_column_count: true, trim: true });
  const input = createReadStream(task.options.path, { start: task.start, end: task.end - 1, highWaterMark: 1 << 20 });
  try {
    await new Promise<void>((resolve, reject) => {
      parser.on('readable', () => {
        try {
          for (let record = parser.read() as string[] | null; record !== null; record = parser.read() as string[] | null) {
            line++;
            if (record.length === 1 && record[0] === '') continue;
            reader.row(record, line);
          }
        } catch (error) {
          // a bad row: stop reading and report it; thrown from here it would escape the worker
          input.destroy();
          reject(error);
        }
      });
      input.on('data', (chunk) => {
        const bytes = chunk as Buffer;
        if (bytes.includes(34)) {
          input.destroy();
          reject(new QuoteFound());
          return;
        }
        for (let at = bytes.indexOf(10); at !== -1; at = bytes.indexOf(10, at + 1)) newlines++;
      });
      input.on('error', reject);
      parser.on('error', reject);
      parser.on('end', resolve);
      input.pipe(parser);
    });
  } catch (error) {
    if (error instanceof QuoteFound) return { kind: 'quoted' };
    if (error instanceof DataError) return { kind: 'error', message: error.message, line: error.line, column: error.column, value: error.value };
    throw error;
  }
  parsed = builder;
  return { kind: 'ok', length: builder.length, newlines, firstTime: reader.firstTime, firstStamp: reader.firstStamp, firstLine: reader.firstLine, lastTime: reader.lastTime };
}

const result = await parseChunk(workerData as ChunkTask);
parentPort?.postMessage(result);
// then: where the rows go in the final columns (or nothing, when the main thread parses alone)
parentPort?.once('message', (placement: ChunkPlacement | null) => {
  if (placement !== null) parsed?.copyInto(viewBarSeries(placement.target), placement.offset);
  parentPort?.postMessage('copied');
});
