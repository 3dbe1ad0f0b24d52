/**
 * signals: replays an external strategy's decisions. A signal stamped t is delivered at the
 * symbol's first bar at or after t. Signals after the last bar are counted as undelivered.
 */
import { SIGNAL_SIDES, type SignalTable } from '../data/signalTable.js';
import { NO_SIGNALS, type Signal, type Strategy, type StrategyContext } from './types.js';

export interface ReplayCounter {
  delivered: number;
}

export function createSignalsReplay(table: SignalTable, symbol: string, counter: ReplayCounter): Strategy {
  const rows: number[] = [];
  for (let i = 0; i < table.length; i++) if (table.symbol[i] === symbol) rows.push(i);
  let next = 0;
  return {
    onBar(ctx: StrategyContext): readonly Signal[] {
      if (next >= rows.length || (table.time[rows[next] as number] as number) > ctx.time) return NO_SIGNALS;
      const due: Signal[] = [];
      while (next < rows.length && (table.time[rows[next] as number] as number) <= ctx.time) {
        const row = rows[next++] as number;
        due.push({
          side: SIGNAL_SIDES[table.sideCode[row] as number] ?? 'close',
          confidence: table.confidence[row] as number,
          stopLossPct: table.stopLossPct[row] as number,
          takeProfitPct: table.takeProfitPct[row] as number,
        });
      }
      counter.delivered += due.length;
      return due;
    },
  };
}
