/**
 * How a data source is described to the loaders: where the file is, its layout preset, the
 * optional column mapping, and what a bad row does.
 */
import { DataError, shown } from '../errors.js';
import type { BadRowPolicy } from './badRows.js';
import type { StalePolicy } from './stale.js';

/** The file's layout: a CSV preset, or a Parquet file (read with the generic names unless `columns` maps them). */
export type CsvFormat = 'generic' | 'yahoo' | 'binance' | 'parquet';

/** bars: OHLCV rows; close: `timestamp,close` rows; trades: tick prints aggregated into bars. */
export type PriceKind = 'bars' | 'close' | 'trades';

export type BarField = 'timestamp' | 'open' | 'high' | 'low' | 'close' | 'volume';
export type TradeField = 'timestamp' | 'price' | 'size' | 'side';

export interface PriceSourceOptions {
  readonly symbol: string;
  /** Absolute path of the file to read. */
  readonly path: string;
  /** The path as the user wrote it, used in messages. */
  readonly displayPath: string;
  readonly format: CsvFormat;
  readonly kind: PriceKind;
  /** Logical field -> header name in the file, overriding the preset. */
  /** The file's header names of the roles it reads (timestamp, close, price...), where they differ from the format's. */
  readonly columns?: Readonly<Partial<Record<string, string>>>;
  /** Bar length for trades aggregation, close-only resampling, and binance stamping. */
  readonly barInterval?: string;
  /** Aggregate close-only rows into OHLC bars of `barInterval` on load. */
  readonly resample?: boolean;
  readonly onBadRow: BadRowPolicy;
  /** Keep or drop the bars that repeat the previous close with no range or volume (stale.ts); keep by default. */
  readonly staleBars?: StalePolicy | undefined;
  /** The market's trading days, 0 Sunday to 6 Saturday; Monday to Friday when undefined. */
  readonly weekdays?: readonly number[] | undefined;
}

/** Header names of each preset, matched case-insensitively. */
export const PRESET_HEADERS: Record<Exclude<CsvFormat, 'binance'>, Record<BarField, string>> = {
  generic: { timestamp: 'timestamp', open: 'open', high: 'high', low: 'low', close: 'close', volume: 'volume' },
  yahoo: { timestamp: 'Date', open: 'Open', high: 'High', low: 'Low', close: 'Close', volume: 'Volume' },
  parquet: { timestamp: 'timestamp', open: 'open', high: 'high', low: 'low', close: 'close', volume: 'volume' },
};

/** Binance kline CSVs have no header: open time, O, H, L, C, volume, close time, ... */
export const BINANCE_COLUMNS = { openTime: 0, open: 1, high: 2, low: 3, close: 4, volume: 5, closeTime: 6 } as const;

/** Positions of the wanted fields in a header row; `undefined` where the header lacks one. */
/** Where each wanted column is; a wanted column named twice in the header is an error naming both. */
export function locateColumns<F extends string>(
  header: readonly string[],
  wanted: Readonly<Record<F, string>>,
  displayPath: string,
): Record<F, number | undefined> {
  const located = {} as Record<F, number | undefined>;
  for (const field of Object.keys(wanted) as F[]) {
    const name = wanted[field].toLowerCase();
    const at = header.flatMap((column, index) => (column.toLowerCase() === name ? [index] : []));
    if (at.length > 1) throw new DataError(`${displayPath}:1: column "${shown(wanted[field])}" appears ${at.length} times (columns ${at.map((i) => i + 1).join(' and ')}): which one is meant is unclear`, displayPath, 1, wanted[field]);
    located[field] = at[0];
  }
  return located;
}

export function missingColumnMessage(displayPath: string, column: string, header: readonly string[]): string {
  return `${displayPath}:1: missing column "${column}" (the header has: ${shown(header.join(', '))})`;
}
