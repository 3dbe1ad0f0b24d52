export { dayBoundaryAtOrAfter, isWeekend, MONDAY_TO_FRIDAY, monthIndexOf, monthStartOf, monthText, startOfNextMonth, weekdayOf } from './calendar.js';
export { BarMerge } from './merge.js';
export { NO_TIMERS, TIMER_KINDS, TimerSchedule, type TimerKind, type TimerSettings } from './timers.js';
