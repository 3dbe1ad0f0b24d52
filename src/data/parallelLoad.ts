/**
 * Cold load of a large bars CSV on two threads: the file is cut at the line start nearest its
 * middle and each half is parsed by a worker. Results equal the sequential loader's, line
 * numbers included (the second half's are shifted by the first half's newline count); any
 * case where that equality is not guaranteed (skip mode, resampling, trades, a quote in the
 * file) returns undefined and the caller parses sequentially.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { parse } from 'csv-parse/sync';
import { DataError } from '../errors.js';
import { workerScript } from '../parallel/workerScript.js';
import type { ChunkPlacement, ChunkResult, ChunkTask } from './chunkWorker.js';
import { columnName, notAfterPrevious, type LoadedPrices } from './loadBars.js';
import { allocateBarSeries, shareBarSeries } from './series.js';
import type { PriceSourceOptions } from './source.js';

/** Below this size a worker's start-up costs more than the second core saves. */
export const PARALLEL_MIN_BYTES = 8 << 20;
const WINDOW = 1 << 16;

function readWindow(path: string, position: number, length: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const read = readSync(fd, buffer, 0, length, position);
    return buffer.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

interface ParsedChunk {
  readonly result: ChunkResult;
  /** Has the worker copy its rows into the final columns (null: it just ends), then it exits. */
  readonly place: (placement: ChunkPlacement | null) => Promise<void>;
}

function runChunk(task: ChunkTask): Promise<ParsedChunk> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerScript('data/chunkWorker.js'), { workerData: task });
    let failed: (error: Error) => void = reject;
    worker.once('message', (result: ChunkResult) =>
      resolve({
        result,
        place: (placement) =>
          new Promise<void>((copied, copyFailed) => {
            failed = copyFailed;
            worker.once('message', () => {
              copied();
              void worker.terminate();
            });
            worker.postMessage(placement);
          }),
      }),
    );
    worker.once('error', (error) => failed(error));
    worker.once('exit', (code) => {
      if (code !== 0) failed(new Error(`CSV chunk worker exited with code ${code}`));
    });
  });
}

export function canParseInParallel(options: PriceSourceOptions, size: number, minBytes = PARALLEL_MIN_BYTES): boolean {
  return size >= minBytes && size > 2 * WINDOW && options.kind !== 'trades' && options.resample !== true && options.onBadRow === 'error';
}

export async function loadBarsInParallel(options: PriceSourceOptions, minBytes = PARALLEL_MIN_BYTES): Promise<LoadedPrices | undefined> {
  const size = statSync(options.path).size;
  if (!canParseInParallel(options, size, minBytes)) return undefined;
  const head = readWindow(options.path, 0, WINDOW);
  const headerEnd = head.indexOf(10);
  if (headerEnd < 0) return undefined;
  const header = options.format === 'binance' ? null : ((parse(head.subarray(0, headerEnd), { bom: true, trim: true }) as string[][])[0] ?? null);
  const middle = readWindow(options.path, Math.floor(size / 2), WINDOW);
  const cutInWindow = middle.indexOf(10);
  if (cutInWindow < 0) return undefined;
  const cut = Math.floor(size / 2) + cutInWindow + 1;

  const chunks = await Promise.all([
    runChunk({ options, start: 0, end: cut, header: null }),
    runChunk({ options, start: cut, end: size, header: options.format === 'binance' ? null : header }),
  ]);
  const [first, second] = chunks.map((chunk) => chunk.result) as [ChunkResult, ChunkResult];
  const release = (): Promise<unknown> => Promise.all(chunks.map((chunk) => chunk.place(null)));
  if (first.kind !== 'ok' || second.kind !== 'ok') await release();
  if (first.kind === 'quoted' || second.kind === 'quoted') return undefined;
  if (first.kind === 'error') throw new DataError(first.message, options.displayPath, first.line, first.column, first.value);
  const offset = first.newlines;
  if (second.kind === 'error') {
    const relative = `${options.displayPath}:${second.line ?? 0}:`;
    const line = (second.line ?? 0) + offset;
    throw new DataError(`${options.displayPath}:${line}:${second.message.slice(relative.length)}`, options.displayPath, line, second.column, second.value);
  }
  if (second.length > 0 && second.firstTime <= first.lastTime) {
    await release();
    throw DataError.at(options.displayPath, second.firstLine + offset, columnName(options, 'timestamp'), second.firstStamp, notAfterPrevious(second.firstStamp));
  }
  if (first.length + second.length === 0) {
    await release();
    return undefined; // let the sequential loader word the error
  }
  const series = allocateBarSeries(options.symbol, first.length + second.length);
  const target = shareBarSeries(series);
  await Promise.all([chunks[0].place({ target, offset: 0 }), chunks[1].place({ target, offset: first.length })]);
  return { series, skipped: { count: 0, listed: [] } };
}
