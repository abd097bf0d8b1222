import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { localParts } from '../shared/local-time.js';
import { BusinessCalendar } from './business-calendar.js';
import { DEFAULT_CALENDAR_SPEC, type CalendarSpec } from './calendar-spec.js';
import { clockOf, facts } from '../sla/sla.fixtures.js';
import { orderCalendarSpec } from './working-hours.js';

/**
 * SLA-01 "DST-safe zones": invariants over random instants of 2026 (both DST changes of each zone) for
 * areas in Europe/Berlin and America/New_York — with the shipped hours and with a 24×7 team — and for
 * Asia/Urumqi (no DST, six hours west of Beijing).
 */
const ZONES = ['Europe/Berlin', 'America/New_York', 'Asia/Urumqi'] as const;
const allDay = [{ start: '00:00', end: '24:00' }];
const around = (tz: string): CalendarSpec => orderCalendarSpec({ timeZone: tz });
const twentyFourSeven = (tz: string): CalendarSpec => ({
  id: `24x7-${tz}`,
  timeZone: tz,
  officialHolidays: null,
  hours: { weekly: Array(7).fill(allDay) },
});

const FROM = Date.parse('2026-01-01T00:00:00Z');
const TO = Date.parse('2026-12-20T00:00:00Z');
const instant = fc.integer({ min: FROM, max: TO }).map((ms) => new Date(ms));
const minutes = fc.integer({ min: 0, max: 20 * 24 * 60 });
const pad = (n: number): string => String(n).padStart(2, '0');

describe.each(ZONES)('SLA-01 DST-safe calendar properties (%s)', (tz) => {
  const shipped = new BusinessCalendar(around(tz));
  const allTime = new BusinessCalendar(twentyFourSeven(tz));

  it('SLA-01 a 24×7 calendar measures real elapsed time, across DST nights too', () => {
    fc.assert(
      fc.property(instant, minutes, (a, m) => {
        expect(allTime.addWorkingTime(a, m).getTime()).toBe(a.getTime() + m * 60_000);
        expect(allTime.workingMinutesBetween(a, new Date(a.getTime() + m * 60_000))).toBe(m);
      }),
      { numRuns: 300 },
    );
  });

  it('SLA-01 adding then measuring returns the same amount, and adding is monotonic (shipped hours)', () => {
    fc.assert(
      fc.property(instant, minutes, minutes, (a, m1, m2) => {
        const [lo, hi] = m1 <= m2 ? [m1, m2] : [m2, m1];
        expect(shipped.workingMinutesBetween(a, shipped.addWorkingTime(a, lo))).toBe(lo);
        expect(shipped.addWorkingTime(a, lo).getTime()).toBeLessThanOrEqual(shipped.addWorkingTime(a, hi).getTime());
      }),
      { numRuns: 300 },
    );
  });

  it('SLA-01 local days tile time: each instant lies in exactly one local day starting at local midnight', () => {
    fc.assert(
      fc.property(instant, (t) => {
        const d = shipped.dayAt(t.getTime());
        expect(d.startMs).toBeLessThanOrEqual(t.getTime());
        expect(t.getTime()).toBeLessThan(d.endMs);
        expect(shipped.nextDay(d).startMs).toBe(d.endMs);
        const p = localParts(new Date(d.startMs), tz);
        expect([p.hour, p.minute]).toEqual([0, 0]);
        // 23, 24 or 25 hours, never anything else.
        expect([23, 24, 25]).toContain((d.endMs - d.startMs) / 3_600_000);
      }),
      { numRuns: 300 },
    );
  });

  it('SLA-01 n calendar days later is the same local wall time (outside the skipped spring hour)', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 60 }), (t, n) => {
        // Wall time read through Intl, independently of the calendar's own day cache.
        const wall = (ms: number) => {
          const p = localParts(new Date(ms), tz);
          return { date: `${p.year}-${pad(p.month)}-${pad(p.day)}`, minute: p.hour * 60 + p.minute };
        };
        const from = wall(t.getTime());
        const to = wall(shipped.addCalendarDaysMs(t.getTime(), n));
        const target = shipped.dayByNumber(shipped.dayAt(t.getTime()).n + n);
        expect(to.date).toBe(target.date);
        const skipped = target.endMs - target.startMs < 86_400_000 && from.minute >= 120 && from.minute < 180;
        if (!skipped) expect(to.minute).toBe(from.minute);
      }),
      { numRuns: 300 },
    );
  });
});

describe('SLA-01 DST-safe zones: fixed cases', () => {
  it('SLA-01 Berlin’s spring-forward Sunday has 23 hours and its autumn Sunday 25', () => {
    const cal = new BusinessCalendar({ ...(DEFAULT_CALENDAR_SPEC as CalendarSpec), timeZone: 'Europe/Berlin' });
    const len = (date: string) => {
      const d = cal.dayOf(date);
      return (d.endMs - d.startMs) / 3_600_000;
    };
    expect([len('2026-03-29'), len('2026-10-25'), len('2026-06-01')]).toEqual([23, 25, 24]);
  });
  it('SLA-04 the 18:00 cut-off on a DST Sunday is wall-clock time (24×7 team in Berlin)', () => {
    const cal = new BusinessCalendar(twentyFourSeven('Europe/Berlin'));
    const due = (iso: string) => clockOf('fault_repair', facts({ acceptedAt: new Date(iso) }), cal).dueAt.toISOString();
    // Spring: 18:30 CEST is after the cut-off although only 17.5 h have passed since midnight.
    expect(due('2026-03-29T16:30:00Z')).toBe('2026-03-30T07:00:00.000Z');
    // Autumn: 17:30 CET is before it although 18.5 h have passed since midnight.
    expect(due('2026-10-25T16:30:00Z')).toBe('2026-10-25T23:00:00.000Z');
  });

  it('SLA-03 an install accepted 10:00 on a DST Sunday is due 10:00 local three days later', () => {
    const cal = new BusinessCalendar(around('Europe/Berlin'));
    const due = (iso: string) =>
      clockOf('install_complete', facts({ type: 'install', acceptedAt: new Date(iso) }), cal).dueAt.toISOString();
    expect(due('2026-03-29T08:00:00Z')).toBe('2026-04-01T08:00:00.000Z'); // 10:00 CEST → 10:00 CEST
    expect(due('2026-10-25T09:00:00Z')).toBe('2026-10-28T09:00:00.000Z'); // 10:00 CET → 10:00 CET
    expect(due('2026-10-23T08:00:00Z')).toBe('2026-10-26T09:00:00.000Z'); // 10:00 CEST → 10:00 CET
  });
});
