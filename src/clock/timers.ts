/**
 * Timers of the simulated clock. Kinds are listed in their tie-break order: at one instant a
 * month rollover fires before the daily snapshot, which fires before the tracker interval.
 */
import { dayBoundaryAtOrAfter, MS_PER_DAY, startOfNextMonth } from './calendar.js';

export const TIMER_KINDS = ['monthRollover', 'dailySnapshot', 'interval'] as const;
export type TimerKind = (typeof TIMER_KINDS)[number];

export interface TimerSettings {
  readonly monthRollover: boolean;
  readonly dailySnapshot: boolean;
  /** Interval timer period in minutes; `undefined` for none. */
  readonly intervalMinutes: number | undefined;
}

export const NO_TIMERS: TimerSettings = { monthRollover: false, dailySnapshot: false, intervalMinutes: undefined };

/** Next fire time of each kind, advanced as the clock passes them. */
export class TimerSchedule {
  /** Indexed like {@link TIMER_KINDS}; Infinity when a kind is off. */
  private readonly next = new Float64Array(TIMER_KINDS.length).fill(Infinity);
  private readonly intervalMs: number;
  /** The earliest of the next fire times: the only number the hot loop compares. */
  earliest = Infinity;

  constructor(
    settings: TimerSettings,
    firstTime: number,
  ) {
    this.intervalMs = settings.intervalMinutes === undefined ? Infinity : settings.intervalMinutes * 60_000;
    // Every timer's first fire is after the first bar: before it there is nothing to observe.
    if (settings.monthRollover) this.next[0] = startOfNextMonth(firstTime);
    if (settings.dailySnapshot) this.next[1] = dayBoundaryAtOrAfter(firstTime + 1);
    if (Number.isFinite(this.intervalMs)) this.next[2] = Math.floor(firstTime / this.intervalMs) * this.intervalMs + this.intervalMs;
    this.updateEarliest();
  }

  private updateEarliest(): void {
    this.earliest = Math.min(this.next[0] ?? Infinity, this.next[1] ?? Infinity, this.next[2] ?? Infinity);
  }

  /**
   * Fires, in time order and then kind order, every timer due at or before `limit`
   * (strictly before it when `inclusive` is false).
   */
  fireUntil(limit: number, inclusive: boolean, fire: (kind: TimerKind, time: number) => void): void {
    while (inclusive ? this.earliest <= limit : this.earliest < limit) {
      const time = this.earliest;
      for (let k = 0; k < TIMER_KINDS.length; k++) {
        if (this.next[k] !== time) continue;
        const kind = TIMER_KINDS[k] as TimerKind;
        this.next[k] = this.following(kind, time);
        fire(kind, time);
      }
      this.updateEarliest();
    }
  }

  private following(kind: TimerKind, time: number): number {
    if (kind === 'monthRollover') return startOfNextMonth(time);
    if (kind === 'dailySnapshot') return time + MS_PER_DAY;
    return time + this.intervalMs;
  }
}
