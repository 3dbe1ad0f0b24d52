/**
 * On-disk cache of parsed price series, keyed by the SHA-256 of the CSV's content and the
 * options that shape parsing, so repeated runs skip csv-parse. A cache file is a small JSON
 * header followed by the six float64 columns, read straight into shared memory.
 */
import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { SkippedRows } from './badRows.js';
import type { LoadedPrices } from './loadBars.js';
import { allocateBarSeries, BAR_COLUMNS } from './series.js';
import type { PriceSourceOptions } from './source.js';

const MAGIC = 'goalsim-bars-v1\n';
const HEADER_BYTES = 4096;

export function defaultCacheDir(): string {
  const env = process.env['GOALSIM_CACHE_DIR'];
  if (env !== undefined && env !== '') return env;
  const xdg = process.env['XDG_CACHE_HOME'];
  return join(xdg !== undefined && xdg !== '' ? xdg : join(homedir(), '.cache'), 'goalsim');
}

/** Key of a file's parsed form: its bytes plus every option that changes the parse. */
export function cacheKey(contentSha256: string, options: PriceSourceOptions): string {
  const shape = JSON.stringify([options.format, options.kind, options.columns ?? {}, options.barInterval ?? '', options.resample === true, options.onBadRow, options.displayPath]);
  return createHash('sha256').update(contentSha256).update('\0').update(shape).digest('hex');
}

interface CacheHeader {
  readonly length: number;
  readonly skipped: SkippedRows;
}

export function readCachedPrices(cacheDir: string, key: string, symbol: string): LoadedPrices | undefined {
  let fd: number;
  try {
    fd = openSync(join(cacheDir, `${key}.bin`), 'r');
  } catch {
    return undefined;
  }
  try {
    const head = Buffer.alloc(HEADER_BYTES);
    readSync(fd, head, 0, HEADER_BYTES, 0);
    const text = head.toString('utf8');
    if (!text.startsWith(MAGIC)) return undefined;
    const header = JSON.parse(text.slice(MAGIC.length, text.indexOf('\0'))) as CacheHeader;
    const series = allocateBarSeries(symbol, header.length);
    const bytes = header.length * 8 * BAR_COLUMNS.length;
    const target = new Uint8Array(series.buffer, 0, bytes);
    let done = 0;
    while (done < bytes) {
      const read = readSync(fd, target, done, bytes - done, HEADER_BYTES + done);
      if (read === 0) return undefined; // truncated file: parse again
      done += read;
    }
    return { series, skipped: header.skipped };
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

export function writeCachedPrices(cacheDir: string, key: string, loaded: LoadedPrices): void {
  const headerJson = JSON.stringify({ length: loaded.series.length, skipped: loaded.skipped } satisfies CacheHeader);
  const head = Buffer.alloc(HEADER_BYTES);
  const written = head.write(MAGIC + headerJson, 'utf8');
  if (written >= HEADER_BYTES) return; // a huge skip list: not worth caching
  const body = new Uint8Array(loaded.series.buffer, 0, loaded.series.length * 8 * BAR_COLUMNS.length);
  mkdirSync(cacheDir, { recursive: true });
  const final = join(cacheDir, `${key}.bin`);
  const temporary = `${final}.${process.pid}.tmp`;
  writeFileSync(temporary, Buffer.concat([head, body]));
  renameSync(temporary, final); // atomic: a concurrent reader sees the old file or the whole new one
}

