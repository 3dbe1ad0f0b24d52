/**
 * Loads every distinct data source of a set of variants once, in the main thread, and shares
 * the bars with the workers. A source that fails to load fails only the variants that use it.
 * The loading itself is the scenario loader's (sim/loadData.ts), with its loads shared.
 */
import type { SkippedRows } from '../data/badRows.js';
import type { StaleBars } from '../data/stale.js';
import type { SignalTable } from '../data/signalTable.js';
import { shareBarSeries, type SharedBarSeries } from '../data/series.js';
import type { ResolvedScenario } from '../scenario/load.js';
import { DataLoads, loadScenarioData } from '../sim/loadData.js';

export type SharedInputs =
  | { readonly ok: true; readonly series: readonly SharedBarSeries[]; readonly signals: SignalTable | undefined; readonly skippedRows: Readonly<Record<string, SkippedRows>>; readonly staleBars: Readonly<Record<string, StaleBars>> }
  | { readonly ok: false; readonly error: string };

export class SharedDataLoader {
  private readonly loads = new DataLoads();

  constructor(private readonly cacheDir: string | undefined) {}

  async inputsFor(resolved: ResolvedScenario): Promise<SharedInputs> {
    try {
      const data = await loadScenarioData(resolved, this.cacheDir, this.loads);
      return { ok: true, series: data.series.map(shareBarSeries), signals: data.signals, skippedRows: data.skippedRows, staleBars: data.staleBars ?? {} };
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  }
}
