/**
 * Loads one price source of any kind, through the parsed-data cache when one is given.
 */
import { DataError } from '../errors.js';
import { cacheKey, readCachedPrices, writeCachedPrices } from './cache.js';
import { contentHash } from './contentHash.js';
import { requireRegularFile } from './csvReader.js';
import { loadBarsCsv, type LoadedPrices } from './loadBars.js';
import { loadTradesCsv } from './loadTrades.js';
import { loadBarsInParallel } from './parallelLoad.js';
import { loadBarsParquet } from './loadParquet.js';
import { applyStalePolicy, type StaleBars } from './stale.js';
import type { PriceSourceOptions } from './source.js';

export interface LoadOptions {
  /** Folder of the parsed-data cache; `undefined` disables it. */
  readonly cacheDir?: string | undefined;
}

/** A price source loaded, its stale bars kept or dropped as the source says. */
export interface LoadedSource extends LoadedPrices {
  readonly stale: StaleBars;
}

/** loadPrices, then the source's stale-bar policy: what every scenario loader calls. */
export async function loadPriceSource(source: PriceSourceOptions, options: LoadOptions = {}): Promise<LoadedSource> {
  const loaded = await loadPrices(source, options);
  const { series, stale } = applyStalePolicy(loaded.series, source.staleBars ?? 'keep');
  return { ...loaded, series, stale };
}

export async function loadPrices(source: PriceSourceOptions, options: LoadOptions = {}): Promise<LoadedPrices> {
  requireRegularFile(source.path, source.displayPath);
  if (options.cacheDir === undefined) return parsePrices(source);
  const key = cacheKey(contentHashOf(source, options.cacheDir), source);
  const cached = readCachedPrices(options.cacheDir, key, source.symbol);
  if (cached !== undefined) return cached;
  const loaded = await parsePrices(source);
  try {
    writeCachedPrices(options.cacheDir, key, loaded);
  } catch {
    // A read-only or full cache folder only costs speed; the parsed data is still correct.
  }
  return loaded;
}

async function parsePrices(source: PriceSourceOptions): Promise<LoadedPrices> {
  if (source.kind === 'trades') return loadTradesCsv(source);
  if (source.format === 'parquet') return loadBarsParquet(source);
  let parallel: LoadedPrices | undefined;
  try {
    parallel = await loadBarsInParallel(source);
  } catch (error) {
    if (error instanceof DataError) throw error;
    parallel = undefined; // a worker that could not start: the sequential path still works
  }
  return parallel ?? loadBarsCsv(source);
}

function contentHashOf(source: PriceSourceOptions, cacheDir: string): string {
  try {
    return contentHash(source.path, cacheDir);
  } catch {
    throw new DataError(`${source.displayPath}: file not found`, source.displayPath);
  }
}
