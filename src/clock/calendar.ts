/**
 * UTC calendar boundaries on epoch milliseconds. Nothing here reads the wall clock.
 */
import { MS_PER_DAY } from '../data/timestamp.js';

export { MS_PER_DAY };

/** First 00:00 UTC at or after `ms`. */
export function dayBoundaryAtOrAfter(ms: number): number {
  return Math.ceil(ms / MS_PER_DAY) * MS_PER_DAY;
}

/** 00:00 UTC of the 1st of the month after the one holding `ms`. */
export function startOfNextMonth(ms: number): number {
  const date = new Date(ms);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1);
}

/** The UTC day of the week of `ms`: 0 Sunday to 6 Saturday. */
export function weekdayOf(ms: number): number {
  // day 0 (1970-01-01) was a Thursday; no Date per call
  return (((Math.floor(ms / 86_400_000) + 4) % 7) + 7) % 7;
}

/** True when `ms` falls on a Saturday or Sunday (UTC). */
export function isWeekend(ms: number): boolean {
  const weekday = weekdayOf(ms);
  return weekday === 0 || weekday === 6;
}

/** Monday to Friday: the trading week a source has unless its `weekdays` say otherwise. */
export const MONDAY_TO_FRIDAY: readonly number[] = [1, 2, 3, 4, 5];
