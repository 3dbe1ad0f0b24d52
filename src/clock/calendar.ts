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

/** True when `ms` falls on a Saturday or Sunday (UTC). */
export function isWeekend(ms: number): boolean {
  const weekday = new Date(ms).getUTCDay();
  return weekday === 0 || weekday === 6;
}
