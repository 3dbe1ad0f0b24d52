/**
 * Bars and close-only CSVs into a columnar {@link BarSeries}, validating every row:
 * timestamps parse and strictly increase, prices are finite and > 0, low <= min(open, close),
 * high >= max(open, close), volume finite and >= 0.
 */
import { DECIMAL_NUMBER } from '../numeric/decimalText.js';
import { DataError } from '../errors.js';
import { BadRowCollector, type SkippedRows } from './badRows.js';
import { readCsvRecords } from './csvReader.js';
import { BarAggregator } from './aggregate.js';
import { BarBuilder, type BarSeries } from './series.js';
import {
  BINANCE_COLUMNS,
  locateColumns,
  missingColumnMessage,
  PRESET_HEADERS,
  type BarField,
  type PriceSourceOptions,
} from './source.js';
import { parseInterval, parseTimestamp } from './timestamp.js';

export interface LoadedPrices {
  readonly series: BarSeries;
  readonly skipped: SkippedRows;
}

/** Where each field sits in a record; `undefined` open/high/low/volume means close-only. */
interface RowLayout {
  readonly timestamp: number;
  readonly open: number | undefined;
  readonly high: number | undefined;
  readonly low: number | undefined;
  readonly close: number;
  readonly volume: number | undefined;
  /** Binance stamps a bar with its close time rounded up to the interval. */
  readonly roundUpTo: number | undefined;
}


export function parseNumberField(text: string | undefined): number {
  return text === undefined || !DECIMAL_NUMBER.test(text) ? NaN : Number(text);
}

/**
 * Validates and decodes bar rows one at a time: the part of loading shared by the sequential
 * loader and the parallel chunk workers. Rows it accepts go to `sink` in file order.
 */
export class BarRowReader {
  layout: RowLayout | undefined;
  lastTime = -Infinity;
  /** Time, timestamp text and line of the first accepted row (for the chunk boundary check). */
  firstTime = NaN;
  firstStamp = '';
  firstLine = 0;

  /** Fields of the header row (binance files have none: any count is read). */
  private width = Infinity;

  constructor(
    readonly options: PriceSourceOptions,
    readonly bad: BadRowCollector,
    readonly sink: (t: number, o: number, h: number, l: number, c: number, v: number) => void,
  ) {
    if (options.format === 'binance') this.layout = binanceLayout(options);
  }

  /** True when the next record is the header row. */
  needsHeader(): boolean {
    return this.layout === undefined;
  }

  header(fields: readonly string[]): void {
    this.layout = headerLayout(this.options, fields);
    this.width = fields.length;
  }

  row(fields: readonly string[], line: number): void {
    const layout = this.layout;
    if (layout === undefined) return this.header(fields);
    const { options, bad } = this;
    if (bad.rejectFieldCount(line, fields, this.width)) return;
    const stampText = fields[layout.timestamp] ?? '';
    let t = parseTimestamp(stampText);
    if (!Number.isFinite(t)) return bad.reject(line, columnName(options, 'timestamp'), stampText, `is "${stampText}", not a timestamp`);
    if (layout.roundUpTo !== undefined) t = Math.ceil(t / layout.roundUpTo) * layout.roundUpTo;
    const c = parseNumberField(fields[layout.close]);
    const o = layout.open === undefined ? c : parseNumberField(fields[layout.open]);
    const h = layout.high === undefined ? c : parseNumberField(fields[layout.high]);
    const l = layout.low === undefined ? c : parseNumberField(fields[layout.low]);
    const v = layout.volume === undefined ? 0 : parseNumberField(fields[layout.volume]);
    const problem = barProblem(o, h, l, c, v);
    if (problem !== undefined) {
      const raw = fields[layout[problem.field] ?? layout.close] ?? '';
      return bad.reject(line, columnName(options, problem.field), raw, problem.text === NOT_A_NUMBER ? notANumber(raw) : problem.text);
    }
    if (t <= this.lastTime) return bad.reject(line, columnName(options, 'timestamp'), stampText, notAfterPrevious(stampText));
    if (Number.isNaN(this.firstTime)) {
      this.firstTime = t;
      this.firstStamp = stampText;
      this.firstLine = line;
    }
    this.lastTime = t;
    this.sink(t, o, h, l, c, v);
  }
}

export function notAfterPrevious(stampText: string): string {
  return `is ${stampText}, not after the previous row's time (timestamps must strictly increase)`;
}

export async function loadBarsCsv(options: PriceSourceOptions): Promise<LoadedPrices> {
  const { displayPath, symbol } = options;
  const bad = new BadRowCollector(options.onBadRow, displayPath);
  const builder = new BarBuilder();
  const resampleInterval = options.resample === true ? requireInterval(options) : undefined;
  const aggregator = resampleInterval === undefined ? undefined : new BarAggregator(symbol, resampleInterval);
  const reader = new BarRowReader(options, bad, aggregator === undefined ? (t, o, h, l, c, v) => builder.push(t, o, h, l, c, v) : (t, _o, _h, _l, c) => aggregator.addPrint(t, c, 0));
  const records = await readCsvRecords(options.path, displayPath, (fields, line) => reader.row(fields, line), options.onBadRow === 'skip', options.format !== 'binance');
  if (records === 0) throw new DataError(`${displayPath}: empty file (no header row)`, displayPath);
  if (aggregator !== undefined) return { series: aggregator.finish(), skipped: bad.summary() };
  if (builder.length === 0 && bad.count === 0) throw new DataError(`${displayPath}: no data rows after the header`, displayPath);
  if (builder.length === 0) throw new DataError(`${displayPath}: all ${bad.count} rows were bad and skipped, nothing is left to run on; the first: ${bad.listed[0]?.message ?? ''}`, displayPath);
  return { series: builder.build(symbol), skipped: bad.summary() };
}

type PriceField = 'open' | 'high' | 'low' | 'close' | 'volume';

const NOT_A_NUMBER = 'is not a finite number';

/** What a field that is no decimal number holds, for its error. */
export function notANumber(raw: string): string {
  return raw === '' ? 'is empty, not a number' : `is "${raw}", not a decimal number`;
}

export function barProblem(o: number, h: number, l: number, c: number, v: number): { field: PriceField; text: string } | undefined {
  // close first: in close-only files open, high and low are copies of it
  const prices: [PriceField, number][] = [['close', c], ['open', o], ['high', h], ['low', l]];
  for (const [field, value] of prices) {
    if (!Number.isFinite(value)) return { field, text: NOT_A_NUMBER };
    if (value <= 0) return { field, text: `is ${value}, but prices must be > 0` };
  }
  if (!Number.isFinite(v)) return { field: 'volume', text: NOT_A_NUMBER };
  if (v < 0) return { field: 'volume', text: `is ${v}, but volume must be >= 0` };
  if (l > Math.min(o, c)) return { field: 'low', text: `is ${l} but above the ${o < c ? 'open' : 'close'} ${Math.min(o, c)}` };
  if (h < Math.max(o, c)) return { field: 'high', text: `is ${h} but below the ${o > c ? 'open' : 'close'} ${Math.max(o, c)}` };
  return undefined;
}

export function columnName(options: PriceSourceOptions, field: BarField): string {
  if (options.format === 'binance') return field;
  return options.columns?.[field] ?? PRESET_HEADERS[options.format][field];
}

function requireInterval(options: PriceSourceOptions): number {
  const interval = parseInterval(options.barInterval ?? '');
  if (!Number.isFinite(interval)) {
    throw new DataError(`${options.displayPath}: barInterval "${options.barInterval ?? ''}" is not an interval such as 1m, 5m, 1h or 1d`, options.displayPath);
  }
  return interval;
}

function binanceLayout(options: PriceSourceOptions): RowLayout {
  const interval = options.barInterval === undefined ? 60_000 : requireInterval(options);
  return { ...BINANCE_COLUMNS, timestamp: BINANCE_COLUMNS.closeTime, roundUpTo: interval };
}

function headerLayout(options: PriceSourceOptions, header: readonly string[]): RowLayout {
  if (options.format === 'binance') throw new Error('binance files have no header');
  const names = { ...PRESET_HEADERS[options.format], ...options.columns } as Record<BarField, string>;
  const at = locateColumns(header, names, options.displayPath);
  const require = (field: BarField): number => {
    const index = at[field];
    if (index === undefined) throw new DataError(missingColumnMessage(options.displayPath, names[field], header), options.displayPath, 1, names[field]);
    return index;
  };
  const timestamp = require('timestamp');
  const close = require('close');
  const closeOnly = options.kind === 'close' || (at.open === undefined && at.high === undefined && at.low === undefined);
  if (closeOnly) return { timestamp, close, open: undefined, high: undefined, low: undefined, volume: undefined, roundUpTo: undefined };
  return { timestamp, close, open: require('open'), high: require('high'), low: require('low'), volume: require('volume'), roundUpTo: undefined };
}
