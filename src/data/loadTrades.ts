/**
 * Trades CSV (tick prints `timestamp,price,size[,side]`) aggregated on load into bars of the
 * source's `barInterval`.
 */
import { DataError } from '../errors.js';
import { BadRowCollector } from './badRows.js';
import { readCsvRecords } from './csvReader.js';
import { BarAggregator } from './aggregate.js';
import { parseNumberField, type LoadedPrices } from './loadBars.js';
import { locateColumns, missingColumnMessage, type PriceSourceOptions, type TradeField } from './source.js';
import { parseInterval, parseTimestamp } from './timestamp.js';

const TRADE_HEADERS: Record<TradeField, string> = { timestamp: 'timestamp', price: 'price', size: 'size', side: 'side' };
const SIDES = new Set(['buy', 'sell', 'b', 's', '']);

export async function loadTradesCsv(options: PriceSourceOptions): Promise<LoadedPrices> {
  const { displayPath } = options;
  const interval = parseInterval(options.barInterval ?? '');
  if (!Number.isFinite(interval)) {
    throw new DataError(`${displayPath}: a trades source needs barInterval such as 1m, 5m, 1h or 1d (got "${options.barInterval ?? ''}")`, displayPath);
  }
  const names = { ...TRADE_HEADERS, ...options.columns } as Record<TradeField, string>;
  const bad = new BadRowCollector(options.onBadRow, displayPath);
  const aggregator = new BarAggregator(options.symbol, interval, 'print');
  let at: Record<TradeField, number | undefined> | undefined;
  let width = Infinity;
  let lastTime = -Infinity;
  let prints = 0;

  const records = await readCsvRecords(options.path, displayPath, (fields, line) => {
    if (at === undefined) {
      at = locateColumns(fields, names, options.displayPath);
      for (const field of ['timestamp', 'price', 'size'] as const) {
        if (at[field] === undefined) throw new DataError(missingColumnMessage(displayPath, names[field], fields), displayPath, 1, names[field]);
      }
      width = fields.length;
      return;
    }
    if (bad.rejectFieldCount(line, fields, width)) return;
    const stampText = fields[at.timestamp ?? 0] ?? '';
    const t = parseTimestamp(stampText);
    if (!Number.isFinite(t)) return bad.reject(line, names.timestamp, stampText, `is "${stampText}", not a timestamp`);
    if (t < lastTime) return bad.reject(line, names.timestamp, stampText, `is ${stampText}, before the previous print (time must not go backwards)`);
    const priceText = fields[at.price ?? 0] ?? '';
    const price = parseNumberField(priceText);
    if (!Number.isFinite(price) || price <= 0) return bad.reject(line, names.price, priceText, `is "${priceText}", but a price must be a finite number > 0`);
    const sizeText = fields[at.size ?? 0] ?? '';
    const size = parseNumberField(sizeText);
    if (!Number.isFinite(size) || size < 0) return bad.reject(line, names.size, sizeText, `is "${sizeText}", but a size must be a finite number >= 0`);
    if (at.side !== undefined) {
      const side = (fields[at.side] ?? '').toLowerCase();
      if (!SIDES.has(side)) return bad.reject(line, names.side, side, `is "${side}", not buy or sell`);
    }
    lastTime = t;
    prints++;
    aggregator.addPrint(t, price, size);
  }, options.onBadRow === 'skip');
  if (records === 0) throw new DataError(`${displayPath}: empty file (no header row)`, displayPath);
  if (prints === 0 && bad.count === 0) throw new DataError(`${displayPath}: no data rows after the header`, displayPath);
  return { series: aggregator.finish(), skipped: bad.summary() };
}
