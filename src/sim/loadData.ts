/**
 * Loads every data source of a scenario once. The result is what a parallel run shares with
 * its workers: price series in SharedArrayBuffers, signals as small columns.
 */
import type { SkippedRows } from '../data/badRows.js';
import { loadPriceSource } from '../data/loadPrices.js';
import type { StaleBars } from '../data/stale.js';
import { loadSignalsCsv } from '../data/loadSignals.js';
import type { SignalTable } from '../data/signalTable.js';
import type { BarSeries } from '../data/series.js';
import type { ResolvedScenario } from '../scenario/load.js';

export interface ScenarioData {
  /** One series per price source, in the scenario's symbol order. */
  readonly series: readonly BarSeries[];
  readonly signals: SignalTable | undefined;
  /** Skipped rows per file (display path), for `onBadRow: "skip"` sources. */
  readonly skippedRows: Readonly<Record<string, SkippedRows>>;
  /** Stale bars per symbol, for the symbols that have any (data/stale.ts). */
  readonly staleBars?: Readonly<Record<string, StaleBars>> | undefined;
  /**
   * Price decimals per series, when the caller knows them better than these bars show (a
   * resampled path keeps the increment of the history it was drawn from).
   */
  readonly pricePlaces?: readonly number[] | undefined;
}

/**
 * Loads already started, by what identifies a source's result: a sweep's variants share their
 * loads (each distinct source is read once however many variants name it).
 */
export class DataLoads {
  readonly prices = new Map<string, ReturnType<typeof loadPriceSource>>();
  readonly signals = new Map<string, ReturnType<typeof loadSignalsCsv>>();
}

function remembered<T>(loads: Map<string, Promise<T>> | undefined, key: string, load: () => Promise<T>): Promise<T> {
  if (loads === undefined) return load();
  let pending = loads.get(key);
  if (pending === undefined) {
    pending = load();
    loads.set(key, pending);
  }
  return pending;
}

/** Every data source of the scenario; `loads` shares them with other calls (a sweep's variants), none by default. */
export async function loadScenarioData(resolved: ResolvedScenario, cacheDir?: string, loads?: DataLoads): Promise<ScenarioData> {
  const skippedRows: Record<string, SkippedRows> = {};
  const staleBars: Record<string, StaleBars> = {};
  const series: BarSeries[] = [];
  for (const source of resolved.priceSources) {
    const key = JSON.stringify([source.path, source.symbol, source.format, source.kind, source.columns ?? {}, source.barInterval ?? '', source.resample === true, source.onBadRow, source.staleBars ?? 'keep']);
    const loaded = await remembered(loads?.prices, key, () => loadPriceSource(source, { cacheDir }));
    series.push(loaded.series);
    if (source.onBadRow === 'skip') skippedRows[source.displayPath] = loaded.skipped;
    if (loaded.stale.count > 0) staleBars[source.symbol] = loaded.stale;
  }
  let signals: SignalTable | undefined;
  const signalsSource = resolved.signalsSource;
  if (signalsSource !== undefined) {
    const loaded = await remembered(loads?.signals, JSON.stringify([signalsSource.path, signalsSource.onBadRow]), () => loadSignalsCsv(signalsSource.path, signalsSource.displayPath, signalsSource.onBadRow));
    signals = loaded.table;
    if (signalsSource.onBadRow === 'skip') skippedRows[signalsSource.displayPath] = loaded.skipped;
  }
  return { series, signals, skippedRows, staleBars };
}
