import { describe, expect, it } from 'vitest';
import { addSpan, parseSpan, spanText, walkWindows, type WindowPlan } from '../../src/walkforward/windows.js';
import { UsageError } from '../../src/errors.js';

const day = (text: string): number => Date.parse(`${text}T00:00:00Z`);
const iso = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const plan = (train: string, test: string, step = test, anchored = false): WindowPlan => ({ train: parseSpan(train, '--train'), test: parseSpan(test, '--test'), step: parseSpan(step, '--step'), anchored });

describe('walk-forward spans', () => {
  it('reads a count and a unit, and writes them back', () => {
    expect(parseSpan('36m', '--train')).toEqual({ count: 36, unit: 'm' });
    expect(parseSpan('3y', '--train')).toEqual({ count: 3, unit: 'y' });
    expect(parseSpan('13w', '--train')).toEqual({ count: 13, unit: 'w' });
    expect(spanText(parseSpan('90d', '--train'))).toBe('90d');
  });

  it.each(['', '36', 'm', '0m', '36 m', '36M', '-3m', '1.5y', '36mo', '12345d'])('refuses %j, naming the option', (text) => {
    expect(() => parseSpan(text, '--test')).toThrow(UsageError);
    expect(() => parseSpan(text, '--test')).toThrow(/^--test .* a length such as 36m/);
  });

  it('adds calendar months, clamping to the end of a shorter month', () => {
    expect(iso(addSpan(day('1991-07-01'), parseSpan('36m', '')))).toBe('1994-07-01');
    expect(iso(addSpan(day('2020-01-31'), parseSpan('1m', '')))).toBe('2020-02-29');
    expect(iso(addSpan(day('2021-01-31'), parseSpan('1m', '')))).toBe('2021-02-28');
    expect(iso(addSpan(day('2020-02-29'), parseSpan('1y', '')))).toBe('2021-02-28');
    expect(iso(addSpan(day('2020-11-15'), parseSpan('2m', '')))).toBe('2021-01-15');
    expect(iso(addSpan(day('2020-03-01'), parseSpan('1m', ''), 3))).toBe('2020-06-01');
    expect(iso(addSpan(day('2020-03-01'), parseSpan('2w', '')))).toBe('2020-03-15');
    expect(iso(addSpan(day('2020-03-01'), parseSpan('10d', '')))).toBe('2020-03-11');
    // the time of day is kept
    expect(addSpan(day('2020-03-01') + 3_600_000, parseSpan('1m', ''))).toBe(day('2020-04-01') + 3_600_000);
  });
});

describe('walk-forward windows', () => {
  it('tile the period rolling: each test follows its train, the next window starts a step later, none runs past the end', () => {
    const windows = walkWindows(day('1991-07-01'), day('1998-08-15'), plan('36m', '6m'));
    expect(windows.map((w) => [iso(w.trainStart), iso(w.trainEnd), iso(w.testStart), iso(w.testEnd)])).toEqual([
      ['1991-07-01', '1994-07-01', '1994-07-01', '1995-01-01'],
      ['1992-01-01', '1995-01-01', '1995-01-01', '1995-07-01'],
      ['1992-07-01', '1995-07-01', '1995-07-01', '1996-01-01'],
      ['1993-01-01', '1996-01-01', '1996-01-01', '1996-07-01'],
      ['1993-07-01', '1996-07-01', '1996-07-01', '1997-01-01'],
      ['1994-01-01', '1997-01-01', '1997-01-01', '1997-07-01'],
      ['1994-07-01', '1997-07-01', '1997-07-01', '1998-01-01'],
      ['1995-01-01', '1998-01-01', '1998-01-01', '1998-07-01'],
    ]);
    expect(windows.map((w) => w.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    // with step = test, the test windows tile [first test start, last test end) without gap or overlap
    for (let k = 1; k < windows.length; k++) expect(windows[k]?.testStart).toBe(windows[k - 1]?.testEnd);
  });

  it('anchored: every train starts at the period start and grows by a step', () => {
    const windows = walkWindows(day('2000-01-01'), day('2004-01-01'), plan('2y', '6m', '6m', true));
    expect(windows.map((w) => [iso(w.trainStart), iso(w.trainEnd), iso(w.testEnd)])).toEqual([
      ['2000-01-01', '2002-01-01', '2002-07-01'],
      ['2000-01-01', '2002-07-01', '2003-01-01'],
      ['2000-01-01', '2003-01-01', '2003-07-01'],
      ['2000-01-01', '2003-07-01', '2004-01-01'],
    ]);
  });

  it('a step other than the test length: overlapping tests with a shorter step', () => {
    const windows = walkWindows(day('2000-01-01'), day('2002-01-01'), plan('12m', '6m', '3m'));
    expect(windows.map((w) => [iso(w.testStart), iso(w.testEnd)])).toEqual([
      ['2001-01-01', '2001-07-01'],
      ['2001-04-01', '2001-10-01'],
      ['2001-07-01', '2002-01-01'],
    ]);
  });

  it('a test ending exactly at the end fits; a day more does not', () => {
    expect(walkWindows(day('2000-01-01'), day('2001-01-01'), plan('6m', '6m'))).toHaveLength(1);
    expect(() => walkWindows(day('2000-01-01'), day('2000-12-31'), plan('6m', '6m'))).toThrow(UsageError);
  });

  it('a period too short for one window is refused with its figures', () => {
    expect(() => walkWindows(day('1991-07-01'), day('1994-01-01'), plan('36m', '6m'))).toThrow(
      'the period 1991-07-01 to 1993-12-31 (915 days) is too short for one window: --train 36m and --test 6m need 1280 days from its start; shorten them or widen the base scenario\'s period',
    );
  });
});
