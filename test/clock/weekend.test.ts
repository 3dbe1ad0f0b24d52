import { describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import { isWeekend } from '../../src/clock/index.js';

describe('isWeekend', () => {
  it('agrees with the UTC weekday of a Date, before and after 1970 and at day boundaries', () => {
    const random = seedrandom('weekend');
    const day = 86_400_000;
    const times = [0, -1, day - 1, day, 2 * day, -day, -3 * day - 1, Date.UTC(2026, 11, 5), Date.UTC(2026, 11, 6, 23, 59, 59, 999), Date.UTC(2026, 11, 7)];
    for (let i = 0; i < 5000; i++) times.push(Math.round((random() - 0.5) * 2 * 4e12));
    for (const t of times) expect(isWeekend(t), new Date(t).toISOString()).toBe([0, 6].includes(new Date(t).getUTCDay()));
    expect([isWeekend(Date.UTC(2026, 11, 4)), isWeekend(Date.UTC(2026, 11, 5)), isWeekend(Date.UTC(2026, 11, 6)), isWeekend(Date.UTC(2026, 11, 7))]).toEqual([false, true, true, false]);
  });
});
