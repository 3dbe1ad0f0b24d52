/**
 * A walk-forward's windows over a period (README "Walk-forward"): each trains on `train` and
 * tests on the `test` that follows it; the next window starts `step` later (rolling), or trains
 * from the period's start again on a longer span (anchored). Times are UTC epoch ms, each span
 * [start, end); months are calendar months from the period's first day.
 */
import { formatDate, MS_PER_DAY } from '../data/timestamp.js';
import { UsageError } from '../errors.js';

export interface Span {
  readonly count: number;
  readonly unit: 'd' | 'w' | 'm' | 'y';
}

export interface WalkWindow {
  readonly index: number;
  readonly trainStart: number;
  readonly trainEnd: number;
  readonly testStart: number;
  readonly testEnd: number;
}

export interface WindowPlan {
  readonly train: Span;
  readonly test: Span;
  readonly step: Span;
  readonly anchored: boolean;
}

const SPAN = /^([1-9]\d{0,3})([dwmy])$/;

/** `36m`, `3y`, `13w`, `90d`: a count and a unit (days, weeks, calendar months, years). */
export function parseSpan(text: string, option: string): Span {
  const match = SPAN.exec(text);
  if (match === null) throw new UsageError(`${option} ${JSON.stringify(text)}: a length such as 36m (months), 3y (years), 13w (weeks) or 90d (days)`);
  return { count: Number(match[1]), unit: match[2] as Span['unit'] };
}

export function spanText(span: Span): string {
  return `${span.count}${span.unit}`;
}

/** `time` moved on by `times` spans; a month end past the target month's last day clamps to it. */
export function addSpan(time: number, span: Span, times = 1): number {
  const n = span.count * times;
  if (span.unit === 'd') return time + n * MS_PER_DAY;
  if (span.unit === 'w') return time + 7 * n * MS_PER_DAY;
  const months = span.unit === 'm' ? n : 12 * n;
  const date = new Date(time);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return Date.UTC(year, month, Math.min(date.getUTCDate(), lastDay), date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds(), date.getUTCMilliseconds());
}

/**
 * The windows that fit in [start, end), in order. Window k's test starts k steps after the
 * first's (train after the start) and lasts `test`; rolling, its train is the `train` before
 * it; anchored, its train runs from `start`. A window whose test would end after `end` is left
 * out. Throws a UsageError with the figures when not one window fits.
 */
export function walkWindows(start: number, end: number, plan: WindowPlan): WalkWindow[] {
  const windows: WalkWindow[] = [];
  for (let k = 0; ; k++) {
    const trainStart = plan.anchored ? start : addSpan(start, plan.step, k);
    const testStart = plan.anchored ? addSpan(addSpan(start, plan.train), plan.step, k) : addSpan(trainStart, plan.train);
    const testEnd = addSpan(testStart, plan.test);
    if (testEnd > end) break;
    windows.push({ index: k, trainStart, trainEnd: testStart, testStart, testEnd });
  }
  if (windows.length === 0) {
    const days = Math.round((end - start) / MS_PER_DAY);
    const needed = Math.round((addSpan(addSpan(start, plan.train), plan.test) - start) / MS_PER_DAY);
    throw new UsageError(
      `the period ${formatDate(start)} to ${formatDate(end - 1)} (${days} days) is too short for one window: --train ${spanText(plan.train)} and --test ${spanText(plan.test)} need ${needed} days from its start; shorten them or widen the base scenario's period`,
    );
  }
  return windows;
}
