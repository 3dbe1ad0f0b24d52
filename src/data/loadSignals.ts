/**
 * Signals CSV: an external strategy's decisions (`timestamp,symbol,side,confidence,
 * stop_loss_pct[,take_profit_pct]`), replayed through sizing and goals.
 */
import { DataError } from '../errors.js';
import { BadRowCollector, type BadRowPolicy, type SkippedRows } from './badRows.js';
import { readCsvRecords } from './csvReader.js';
import { parseNumberField } from './loadBars.js';
import { locateColumns, missingColumnMessage } from './source.js';
import { parseTimestamp } from './timestamp.js';
import { SIGNAL_SIDES, type SignalSide, type SignalTable } from './signalTable.js';

export interface LoadedSignals {
  readonly table: SignalTable;
  readonly skipped: SkippedRows;
}

const HEADERS = {
  timestamp: 'timestamp',
  symbol: 'symbol',
  side: 'side',
  confidence: 'confidence',
  stop_loss_pct: 'stop_loss_pct',
  take_profit_pct: 'take_profit_pct',
} as const;

export async function loadSignalsCsv(path: string, displayPath: string, onBadRow: BadRowPolicy): Promise<LoadedSignals> {
  const bad = new BadRowCollector(onBadRow, displayPath);
  const rows: { t: number; symbol: string; side: number; confidence: number; stop: number; take: number }[] = [];
  const lastTimeBySymbol = new Map<string, number>();
  let at: Record<keyof typeof HEADERS, number | undefined> | undefined;
  let width = Infinity;

  const records = await readCsvRecords(path, displayPath, (fields, line) => {
    if (at === undefined) {
      at = locateColumns(fields, HEADERS, displayPath);
      for (const field of ['timestamp', 'symbol', 'side', 'confidence', 'stop_loss_pct'] as const) {
        if (at[field] === undefined) throw new DataError(missingColumnMessage(displayPath, field, fields), displayPath, 1, field);
      }
      width = fields.length;
      return;
    }
    if (bad.rejectFieldCount(line, fields, width)) return;
    const text = (field: keyof typeof HEADERS): string => {
      const index = at?.[field];
      return index === undefined ? '' : (fields[index] ?? '');
    };
    const t = parseTimestamp(text('timestamp'));
    if (!Number.isFinite(t)) return bad.reject(line, 'timestamp', text('timestamp'), `is "${text('timestamp')}", not a timestamp`);
    const symbol = text('symbol');
    if (symbol === '') return bad.reject(line, 'symbol', symbol, 'is empty');
    const side = SIGNAL_SIDES.indexOf(text('side').toLowerCase() as SignalSide);
    if (side < 0) return bad.reject(line, 'side', text('side'), `is "${text('side')}", not buy, sell or close`);
    const confidence = parseNumberField(text('confidence'));
    if (!(confidence >= 0 && confidence <= 1)) return bad.reject(line, 'confidence', text('confidence'), `is "${text('confidence')}", not a number in [0, 1]`);
    const stop = parseNumberField(text('stop_loss_pct'));
    if (!(stop > 0 && stop < 1)) return bad.reject(line, 'stop_loss_pct', text('stop_loss_pct'), `is "${text('stop_loss_pct')}", not a fraction in (0, 1)`);
    const takeText = text('take_profit_pct');
    const take = takeText === '' ? NaN : parseNumberField(takeText);
    if (takeText !== '' && !(take > 0)) return bad.reject(line, 'take_profit_pct', takeText, `is "${takeText}", not a fraction > 0`);
    const previous = lastTimeBySymbol.get(symbol) ?? -Infinity;
    if (t <= previous) return bad.reject(line, 'timestamp', text('timestamp'), `is ${text('timestamp')}, not after the previous ${symbol} signal (times must strictly increase per symbol)`);
    lastTimeBySymbol.set(symbol, t);
    rows.push({ t, symbol, side, confidence, stop, take });
  }, onBadRow === 'skip');
  if (records === 0) throw new DataError(`${displayPath}: empty file (no header row)`, displayPath);

  // Merged in time order; equal times keep file order (a stable sort), so replay is deterministic.
  rows.sort((a, b) => a.t - b.t);
  const table: SignalTable = {
    length: rows.length,
    time: Float64Array.from(rows, (r) => r.t),
    symbol: rows.map((r) => r.symbol),
    sideCode: Uint8Array.from(rows, (r) => r.side),
    confidence: Float64Array.from(rows, (r) => r.confidence),
    stopLossPct: Float64Array.from(rows, (r) => r.stop),
    takeProfitPct: Float64Array.from(rows, (r) => r.take),
  };
  return { table, skipped: bad.summary() };
}
