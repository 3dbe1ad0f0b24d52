/**
 * Loads every distinct data source of a set of variants once, in the main thread. A source
 * that fails to load fails only the variants that use it.
 */
import type { SkippedRows } from '../data/badRows.js';
import { loadPriceSource } from '../data/loadPrices.js';
import type { StaleBars } from '../data/stale.js';
import { loadSignalsCsv } from '../data/loadSignals.js';
import type { SignalTable } from '../data/signalTable.js';
import { shareBarSeries, type SharedBarSeries } from '../data/series.js';
import type { ResolvedScenario } from '../scenario/load.js';

export type SharedInputs =
  | { readonly ok: true; readonly series: readonly SharedBarSeries[]; readonly signals: SignalTable | undefined; readonly skippedRows: Record<string, SkippedRows>; readonly staleBars: Record<string, StaleBars> }
  | { readonly ok: false; readonly error: string };

export class SharedDataLoader {
  private readonly prices = new Map<string, ReturnType<typeof loadPriceSource>>();
  private readonly signals = new Map<string, ReturnType<typeof loadSignalsCsv>>();

  constructor(private readonly cacheDir: string | undefined) {}

  async inputsFor(resolved: ResolvedScenario): Promise<SharedInputs> {
    try {
      const skippedRows: Record<string, SkippedRows> = {};
      const staleBars: Record<string, StaleBars> = {};
      const series: SharedBarSeries[] = [];
      for (const source of resolved.priceSources) {
        const key = JSON.stringify([source.path, source.symbol, source.format, source.kind, source.columns ?? {}, source.barInterval ?? '', source.resample === true, source.onBadRow, source.staleBars ?? 'keep']);
        let pending = this.prices.get(key);
        if (pending === undefined) {
          pending = loadPriceSource(source, { cacheDir: this.cacheDir });
          this.prices.set(key, pending);
        }
        const loaded = await pending;
        series.push(shareBarSeries(loaded.series));
        if (source.onBadRow === 'skip') skippedRows[source.displayPath] = loaded.skipped;
        if (loaded.stale.count > 0) staleBars[source.symbol] = loaded.stale;
      }
      let table: SignalTable | undefined;
      const signalsSource = resolved.signalsSource;
      if (signalsSource !== undefined) {
        const key = JSON.stringify([signalsSource.path, signalsSource.onBadRow]);
        let pending = this.signals.get(key);
        if (pending === undefined) {
          pending = loadSignalsCsv(signalsSource.path, signalsSource.displayPath, signalsSource.onBadRow);
          this.signals.set(key, pending);
        }
        const loaded = await pending;
        table = loaded.table;
        if (signalsSource.onBadRow === 'skip') skippedRows[signalsSource.displayPath] = loaded.skipped;
      }
      return { ok: true, series, signals: table, skippedRows, staleBars };
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  }
}
