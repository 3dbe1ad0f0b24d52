/**
 * An annual rate that changes over time (a `timestamp,rate` CSV): the interest cash earns
 * (`account.cashRate`) or the risk-free rate of Sharpe and Sortino (`metrics.riskFreeRate`). A
 * row's rate is in force from its timestamp until the next row's; before the first row no rate
 * is known yet, and none is used (0). Read synchronously when the scenario is resolved, so that
 * the series travels to the workers inside the resolved scenario; parsed files are remembered
 * by path, size and modification time (a sweep resolves its scenario once per variant).
 */
import { readFileSync, statSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { DataError } from '../errors.js';
import { requireRegularFile } from './csvReader.js';
import { parseNumberField } from './loadBars.js';
import { locateColumns, missingColumnMessage } from './source.js';
import { parseTimestamp } from './timestamp.js';
import type { RateSeries } from './rates.js';

export type { AnnualRate, RateSeries } from './rates.js';

/** The rates a file may hold: cash interest is at least 0, a risk-free rate above -100 %. */
export interface RateBounds {
  readonly min: number;
  readonly minInclusive: boolean;
  readonly max: number;
}

const HEADERS = { timestamp: 'timestamp', rate: 'rate' } as const;

const remembered = new Map<string, RateSeries>();

/** The series in `path` (named `source` in the scenario, `displayPath` in messages). */
export function readRateSeries(path: string, displayPath: string, source: string, bounds: RateBounds): RateSeries {
  requireRegularFile(path, displayPath);
  const stats = statSync(path);
  const key = JSON.stringify([path, source, stats.size, stats.mtimeMs, bounds]);
  const known = remembered.get(key);
  if (known !== undefined) return known;
  const series = parseRates(readFileSync(path, 'utf8'), displayPath, source, bounds);
  if (remembered.size > 100) remembered.clear(); // bounded: a long-lived process may read many
  remembered.set(key, series);
  return series;
}

function parseRates(text: string, displayPath: string, source: string, bounds: RateBounds): RateSeries {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true, info: true }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    throw new DataError(`${displayPath}: ${error instanceof Error ? error.message : String(error)}`, displayPath);
  }
  const header = records[0]?.record;
  if (header === undefined) throw new DataError(`${displayPath}: empty file (no header row); a rate file has the columns timestamp,rate`, displayPath);
  const at = locateColumns(header, HEADERS, displayPath);
  for (const field of ['timestamp', 'rate'] as const) if (at[field] === undefined) throw new DataError(missingColumnMessage(displayPath, field, header), displayPath, 1, field);
  const time: number[] = [];
  const rate: number[] = [];
  for (const { record, info } of records.slice(1)) {
    const line = info.lines;
    const timeText = record[at.timestamp as number] ?? '';
    const rateText = record[at.rate as number] ?? '';
    const t = parseTimestamp(timeText);
    if (!Number.isFinite(t)) throw DataError.at(displayPath, line, 'timestamp', timeText, `is "${timeText}", not a timestamp (ISO 8601 or epoch)`);
    const previous = time.at(-1);
    if (previous !== undefined && !(t > previous)) throw DataError.at(displayPath, line, 'timestamp', timeText, `is ${timeText}, not after the row before it (times must strictly increase)`);
    const value = parseNumberField(rateText);
    const low = bounds.minInclusive ? value >= bounds.min : value > bounds.min;
    if (!(low && value <= bounds.max)) {
      throw DataError.at(displayPath, line, 'rate', rateText, `is "${rateText}", not an annual rate in ${bounds.minInclusive ? '[' : '('}${bounds.min}, ${bounds.max}] (a fraction: 0.05 for 5 %)`);
    }
    time.push(t);
    rate.push(value);
  }
  if (time.length === 0) throw new DataError(`${displayPath}: no rates (a header and no rows)`, displayPath);
  return { source, time, rate };
}
