import { describe, expect, it } from 'vitest';
import { zonedDateTime } from '../shared/local-time.js';
import { BusinessCalendar } from './business-calendar.js';
import type { CalendarSpec } from './calendar-spec.js';
import { DEFAULT_CALENDAR_SPEC } from './calendar-spec.js';

const office = [{ start: '08:30', end: '17:30' }];
/** Monday–Friday 08:30–17:30: round numbers make the expected instants easy to check by hand. */
const OFFICE: CalendarSpec = { id: 'office', hours: { weekly: [[], office, office, office, office, office, []] } };
const sh = (date: string, time: string): Date => zonedDateTime(date, time, 'Asia/Shanghai');
const iso = (d: Date): string => d.toISOString();

describe('SLA-01 business calendar: official days', () => {
  const cal = new BusinessCalendar(OFFICE);

  it('SLA-01 a 调休 Saturday from the dataset (2026-10-10, National Day make-up day) is a working day', () => {
    expect(cal.isWorkingDay('2026-10-10')).toBe(true);
    expect(cal.dayOf('2026-10-10')).toMatchObject({ source: 'official', name: '国庆节', working: true });
    expect(cal.isWorkingDay('2026-11-28')).toBe(false); // a plain Saturday
    expect(cal.isWorkingDay('2026-02-14')).toBe(true); // Spring Festival make-up Saturday
  });

  it('SLA-01 National Day 2026-10-01..07 is off, 10-08 is worked; working time skips the whole holiday', () => {
    for (let d = 1; d <= 7; d++) expect(cal.isWorkingDay(`2026-10-0${d}`)).toBe(false);
    expect(cal.isWorkingDay('2026-10-08')).toBe(true);
    expect(iso(cal.addWorkingTime(sh('2026-09-30', '17:00'), 60))).toBe(iso(sh('2026-10-08', '09:00')));
    expect(cal.workingMinutesBetween(sh('2026-09-30', '17:00'), sh('2026-10-08', '09:00'))).toBe(60);
  });

  it('SLA-01 the 调休 Saturday has working hours (make-up days use Monday’s hours by default)', () => {
    expect(iso(cal.nextWorkingMoment(sh('2026-10-09', '18:00')))).toBe(iso(sh('2026-10-10', '08:30')));
    expect(iso(cal.addWorkingTime(sh('2026-10-09', '17:00'), 60))).toBe(iso(sh('2026-10-10', '09:00')));
  });

  it('SLA-01 year 2027 has no official data: coverage is missing until an admin declares the notice', () => {
    expect(cal.coverage(2026)).toBe('official');
    expect(cal.coverage(2004)).toBe('official');
    expect(cal.coverage(2027)).toBe('missing');
    expect(cal.missingYears(2025, 2028)).toEqual([2027, 2028]);
    // The dataset would treat 2027-10-01 (a Friday) as an ordinary working day: that is why it is flagged.
    expect(cal.isWorkingDay('2027-10-01')).toBe(true);

    const declared = new BusinessCalendar({
      ...OFFICE,
      declaredYears: [2027],
      overrides: [{ date: '2027-10-01', kind: 'holiday', name: '国庆节', source: 'official_notice' }],
    });
    expect(declared.coverage(2027)).toBe('override');
    expect(declared.isWorkingDay('2027-10-01')).toBe(false);
    expect(declared.dayOf('2027-10-01')).toMatchObject({ source: 'override', name: '国庆节' });
  });
});

describe('SLA-01 business calendar: tenant overrides', () => {
  it('SLA-01 an override adds a holiday (typhoon closure) and working time and days skip it', () => {
    const cal = new BusinessCalendar({
      ...OFFICE,
      overrides: [{ date: '2026-11-25', kind: 'holiday', name: '台风停工' }],
    });
    expect(cal.isWorkingDay('2026-11-25')).toBe(false);
    expect(iso(cal.addWorkingTime(sh('2026-11-24', '17:00'), 60))).toBe(iso(sh('2026-11-26', '09:00')));
    // Monday + 2 working days: Tuesday, then Thursday (Wednesday is closed).
    expect(iso(cal.addWorkingDays(sh('2026-11-23', '10:00'), 2))).toBe(iso(sh('2026-11-26', '17:30')));
  });

  it('SLA-01 an override makes a Saturday a working day with its own hours, beating the weekly hours', () => {
    const cal = new BusinessCalendar({
      ...OFFICE,
      overrides: [{ date: '2026-11-28', kind: 'working', name: '加班', hours: [{ start: '09:00', end: '12:00' }] }],
    });
    expect(cal.isWorkingDay('2026-11-28')).toBe(true);
    expect(cal.workingMinutesBetween(sh('2026-11-28', '00:00'), sh('2026-11-29', '00:00'))).toBe(180);
  });

  it('SLA-01 an override beats the official dataset (a make-up day cancelled locally)', () => {
    const cal = new BusinessCalendar({
      ...OFFICE,
      overrides: [{ date: '2026-10-10', kind: 'holiday', name: '本地休息' }],
    });
    expect(cal.isWorkingDay('2026-10-10')).toBe(false);
  });
});

describe('SLA-01 business calendar: hours and shifts', () => {
  it('SLA-01 the evening shift (18:00–22:00) is working time; the gap between shifts is not', () => {
    const cal = new BusinessCalendar(DEFAULT_CALENDAR_SPEC);
    expect(iso(cal.nextWorkingMoment(sh('2026-11-23', '17:45')))).toBe(iso(sh('2026-11-23', '18:00')));
    expect(iso(cal.addWorkingTime(sh('2026-11-23', '17:00'), 60))).toBe(iso(sh('2026-11-23', '18:30')));
    expect(cal.workingMinutesBetween(sh('2026-11-23', '00:00'), sh('2026-11-24', '00:00'))).toBe(9 * 60 + 4 * 60);
  });

  it('SLA-01 nextWorkingMoment: inside hours is itself; after close is the next working morning', () => {
    const cal = new BusinessCalendar(OFFICE);
    const inside = sh('2026-11-23', '10:15');
    expect(iso(cal.nextWorkingMoment(inside))).toBe(iso(inside));
    expect(iso(cal.nextWorkingMoment(sh('2026-11-27', '17:30')))).toBe(iso(sh('2026-11-30', '08:30')));
  });

  it('SLA-01 addWorkingDays ends at close of business; 0 days is today (or the next working day)', () => {
    const cal = new BusinessCalendar(OFFICE);
    expect(iso(cal.addWorkingDays(sh('2026-11-23', '10:00'), 2))).toBe(iso(sh('2026-11-25', '17:30')));
    expect(iso(cal.addWorkingDays(sh('2026-11-23', '10:00'), 0))).toBe(iso(sh('2026-11-23', '17:30')));
    expect(iso(cal.addWorkingDays(sh('2026-11-28', '10:00'), 0))).toBe(iso(sh('2026-11-30', '17:30')));
    // Across National Day: 10-08 is the first working day after 09-30, 10-09 the second.
    expect(iso(cal.addWorkingDays(sh('2026-09-30', '20:00'), 2))).toBe(iso(sh('2026-10-09', '17:30')));
    expect(cal.workingDayAfter(sh('2026-09-30', '20:00'))).toBe('2026-10-08');
  });

  it('SLA-01 adding then measuring across a weekend returns the same amount', () => {
    const cal = new BusinessCalendar(OFFICE);
    const due = cal.addWorkingTime(sh('2026-11-27', '16:00'), 180);
    expect(iso(due)).toBe(iso(sh('2026-11-30', '10:00')));
    expect(cal.workingMinutesBetween(sh('2026-11-27', '16:00'), due)).toBe(180);
    expect(cal.workingMinutesBetween(due, sh('2026-11-27', '16:00'))).toBe(-180);
  });

  it('SLA-01 bad input is refused with VALIDATION_FAILED', () => {
    expect(() => new BusinessCalendar({ ...OFFICE, timeZone: 'Mars/Olympus' })).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
    const overlapping = [
      { start: '08:30', end: '17:30' },
      { start: '17:00', end: '22:00' },
    ];
    expect(() => new BusinessCalendar({ id: 'x', hours: { weekly: [[], overlapping, [], [], [], [], []] } })).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
    expect(
      () =>
        new BusinessCalendar({
          id: 'x',
          hours: { weekly: [[], [{ start: '22:00', end: '02:00' }], [], [], [], [], []] },
        }),
    ).toThrow(/same day/);
    expect(() => new BusinessCalendar(OFFICE).addWorkingTime(sh('2026-11-23', '10:00'), -5)).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
    expect(() => new BusinessCalendar(OFFICE).isWorkingDay('2026-02-30')).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
    const never = new BusinessCalendar({
      id: 'never',
      officialHolidays: null,
      hours: { weekly: [[], [], [], [], [], [], []] },
    });
    expect(() => never.nextWorkingMoment(sh('2026-11-23', '10:00'))).toThrow(/no working time/);
  });
});

describe('SLA-01 business calendar: time zones', () => {
  const ny = new BusinessCalendar({ ...OFFICE, id: 'ny', timeZone: 'America/New_York', officialHolidays: null });
  const shanghai = new BusinessCalendar(OFFICE);

  it('SLA-01 the same wall-clock rule gives different instants in Asia/Shanghai and America/New_York across DST', () => {
    // US clocks spring forward on Sunday 2026-03-08: Friday is EST (UTC−5), Monday is EDT (UTC−4).
    const nyFriday = zonedDateTime('2026-03-06', '17:00', 'America/New_York');
    expect(iso(nyFriday)).toBe('2026-03-06T22:00:00.000Z');
    expect(iso(ny.addWorkingTime(nyFriday, 60))).toBe('2026-03-09T13:00:00.000Z'); // Monday 09:00 EDT
    // Shanghai has no DST: the same rule is a fixed UTC+8 throughout.
    expect(iso(shanghai.addWorkingTime(sh('2026-03-06', '17:00'), 60))).toBe('2026-03-09T01:00:00.000Z');
    // One full working day lies between Friday 08:30 and Monday 08:30 in both, whatever the offsets did.
    const nyFri0830 = zonedDateTime('2026-03-06', '08:30', 'America/New_York');
    const nyMon0830 = zonedDateTime('2026-03-09', '08:30', 'America/New_York');
    expect(nyMon0830.getTime() - nyFri0830.getTime()).toBe(71 * 3_600_000); // 71 h, not 72
    expect(ny.workingMinutesBetween(nyFri0830, nyMon0830)).toBe(540);
    expect(shanghai.workingMinutesBetween(sh('2026-03-06', '08:30'), sh('2026-03-09', '08:30'))).toBe(540);
  });

  it('SLA-01 DST days are 23 and 25 hours long in New York and 24 in Shanghai; weekdays are local', () => {
    const len = (c: BusinessCalendar, d: string): number => (c.dayOf(d).endMs - c.dayOf(d).startMs) / 3_600_000;
    expect(len(ny, '2026-03-08')).toBe(23);
    expect(len(ny, '2026-11-01')).toBe(25);
    expect(len(shanghai, '2026-11-01')).toBe(24);
    // 2026-11-24T02:00Z is Monday 21:00 in New York but Tuesday 10:00 in Shanghai.
    const t = new Date('2026-11-24T02:00:00Z');
    expect(ny.dayOf(t).date).toBe('2026-11-23');
    expect(shanghai.dayOf(t).date).toBe('2026-11-24');
    expect(ny.nextWorkingMoment(t).toISOString()).toBe('2026-11-24T13:30:00.000Z');
    expect(iso(shanghai.nextWorkingMoment(t))).toBe(iso(t));
  });

  it('SLA-01 a calendar without an official dataset reports its years as covered by its own days', () => {
    expect(ny.coverage(2030)).toBe('override');
  });
});
