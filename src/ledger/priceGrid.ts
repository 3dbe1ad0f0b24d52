/**
 * An instrument's price increment as its data shows it: the most decimals any open, high, low
 * or close has (53.6875 -> 4). The ledger keeps prices as integers in that increment. It is a
 * property of the whole loaded series, not of a period of it, so it is read from the buffer that
 * holds every bar and kept per buffer: each process scans a data set once.
 */
import { BAR_COLUMNS, viewBarSeries, type BarSeries } from '../data/series.js';
import { decimalPlaces } from '../numeric/fixed.js';

const placesByBuffer = new WeakMap<SharedArrayBuffer, number>();

export function pricePlacesOf(series: BarSeries): number {
  const known = placesByBuffer.get(series.buffer);
  if (known !== undefined) return known;
  const whole = viewBarSeries({ symbol: series.symbol, length: Math.floor(series.buffer.byteLength / (8 * BAR_COLUMNS.length)), buffer: series.buffer });
  let places = 0;
  for (const column of [whole.open, whole.high, whole.low, whole.close]) {
    for (let i = 0; i < column.length; i++) places = decimalPlaces(column[i] as number, places);
  }
  placesByBuffer.set(series.buffer, places);
  return places;
}
