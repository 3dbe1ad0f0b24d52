/**
 * UTC calendar boundaries on epoch milliseconds. Nothing here reads the wall clock.
 */
import { MS_PER_DAY } from '../data/timestamp.js';

export { MS_PER_DAY };

/** First 00:00 UTC at or after `ms`. */
export function dayBoundaryAtOrAfter(ms: number): number {
  return Math.ceil(ms / MS_PER_DAY) * MS_PER_DAY;
}

/**
 * Months as integers: year * 12 + month (0 for January), so that a tracker can hold its period
 * as a number and make its `YYYY-MM` text only when a row is written. The conversions are the
 * proleptic Gregorian day arithmetic of H. Hinnant's "chrono-compatible low-level date
 * algorithms" (days_from_civil and civil_from_days), with no Date per call.
 */
export function monthIndexOf(ms: number): number {
  const z = Math.floor(ms / MS_PER_DAY) + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shifted = Math.floor((5 * dayOfYear + 2) / 153); // months from March
  const month = shifted < 10 ? shifted + 2 : shifted - 10; // 0 for January
  const year = yearOfEra + era * 400 + (month < 2 ? 1 : 0);
  return year * 12 + month;
}

/** 00:00 UTC of the 1st of the month `index` (see monthIndexOf). */
export function monthStartOf(index: number): number {
  const month = index - 12 * Math.floor(index / 12);
  const year = (index - month) / 12 - (month < 2 ? 1 : 0);
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const dayOfYear = Math.floor((153 * (month < 2 ? month + 10 : month - 2) + 2) / 5);
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return (era * 146_097 + dayOfEra - 719_468) * MS_PER_DAY;
}

/** `YYYY-MM` of the month `index`, as an ISO timestamp begins (years 0 to 9999). */
export function monthText(index: number): string {
  const month = (index % 12) + 1;
  return `${String((index - month + 1) / 12).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}`;
}

/** 00:00 UTC of the 1st of the month after the one holding `ms`. */
export function startOfNextMonth(ms: number): number {
  return monthStartOf(monthIndexOf(ms) + 1);
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
