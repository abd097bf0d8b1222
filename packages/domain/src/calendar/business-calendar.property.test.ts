import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BusinessCalendar } from './business-calendar.js';
import type { CalendarSpec } from './calendar-spec.js';
import { DEFAULT_CALENDAR_SPEC } from './calendar-spec.js';

/**
 * SLA-01 invariants over random instants and amounts, for a China calendar with holidays, make-up days
 * and two shifts, and for a New York calendar whose instants cross both DST changes of 2026.
 */
const calendars: [string, BusinessCalendar][] = [
  ['Asia/Shanghai default', new BusinessCalendar(DEFAULT_CALENDAR_SPEC)],
  [
    'America/New_York',
    new BusinessCalendar({
      ...(DEFAULT_CALENDAR_SPEC as CalendarSpec),
      id: 'ny',
      timeZone: 'America/New_York',
      officialHolidays: null,
    }),
  ],
];

const FROM = Date.parse('2025-12-01T00:00:00Z');
const TO = Date.parse('2026-12-31T00:00:00Z');
const instant = fc.integer({ min: FROM, max: TO }).map((ms) => new Date(ms));
const minutes = fc.integer({ min: 0, max: 30 * 24 * 60 });

describe.each(calendars)('SLA-01 calendar properties (%s)', (_name, cal) => {
  it('SLA-01 addWorkingTime is monotonic in the start and in the amount', () => {
    fc.assert(
      fc.property(instant, instant, minutes, minutes, (a, b, m1, m2) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const [mLo, mHi] = m1 <= m2 ? [m1, m2] : [m2, m1];
        expect(cal.addWorkingTime(lo, m1).getTime()).toBeLessThanOrEqual(cal.addWorkingTime(hi, m1).getTime());
        expect(cal.addWorkingTime(a, mLo).getTime()).toBeLessThanOrEqual(cal.addWorkingTime(a, mHi).getTime());
      }),
      { numRuns: 300 },
    );
  });

  it('SLA-01 workingMinutesBetween(a, addWorkingTime(a, m)) === m', () => {
    fc.assert(
      fc.property(instant, minutes, (a, m) => {
        expect(cal.workingMinutesBetween(a, cal.addWorkingTime(a, m))).toBe(m);
      }),
      { numRuns: 500 },
    );
  });

  it('SLA-01 nextWorkingMoment is idempotent, never earlier, and lands on a working day', () => {
    fc.assert(
      fc.property(instant, (t) => {
        const n = cal.nextWorkingMoment(t);
        expect(cal.nextWorkingMoment(n).getTime()).toBe(n.getTime());
        expect(n.getTime()).toBeGreaterThanOrEqual(t.getTime());
        expect(cal.isWorkingDay(n)).toBe(true);
        // Nothing between t and n is working time.
        expect(cal.workingMinutesBetween(t, n)).toBe(0);
      }),
      { numRuns: 500 },
    );
  });

  it('SLA-01 working time between is additive over a split point', () => {
    fc.assert(
      fc.property(instant, instant, instant, (x, y, z) => {
        const [a, b, c] = [x, y, z].sort((p, q) => p.getTime() - q.getTime()) as [Date, Date, Date];
        expect(cal.workingMinutesBetween(a, b) + cal.workingMinutesBetween(b, c)).toBeCloseTo(
          cal.workingMinutesBetween(a, c),
          9,
        );
      }),
      { numRuns: 300 },
    );
  });
});
