import { describe, expect, it } from 'vitest';
import { codeOf } from '../work-order/work-order.fixtures.js';
import type { Shift } from './org.types.js';
import { expandWeeklyPattern, isOnShift, shiftsCovering, type WeeklyShiftPattern } from './shifts.js';

/** Beijing wall-clock time on a date, as an instant (UTC+8, no DST). */
const bj = (date: string, time: string) => new Date(`${date}T${time}:00+08:00`);

const shift = (personId: string, start: Date, end: Date, kind: Shift['kind']): Shift => ({
  tenantId: 't1',
  personId,
  start,
  end,
  kind,
});

// Friday 2026-11-27, Saturday 2026-11-28.
const ROSTER: Shift[] = [
  shift('p-day', bj('2026-11-27', '08:30'), bj('2026-11-27', '17:30'), 'day'),
  shift('p-eve', bj('2026-11-27', '18:00'), bj('2026-11-28', '02:00'), 'evening'),
  shift('p-wkd', bj('2026-11-28', '09:00'), bj('2026-11-28', '21:00'), 'weekend'),
];

describe('ORG-06 shifts', () => {
  it('ORG-06 an evening shift that crosses midnight covers 01:00 the next day', () => {
    expect(isOnShift(ROSTER, 'p-eve', bj('2026-11-28', '01:00'))).toBe(true);
    expect(isOnShift(ROSTER, 'p-eve', bj('2026-11-27', '17:59'))).toBe(false);
  });

  it('ORG-06 a shift starts on the minute and is over at its end time', () => {
    expect(isOnShift(ROSTER, 'p-eve', bj('2026-11-27', '18:00'))).toBe(true);
    expect(isOnShift(ROSTER, 'p-eve', bj('2026-11-28', '02:00'))).toBe(false);
  });

  it("ORG-06 someone else's shift does not put a person on shift", () => {
    expect(isOnShift(ROSTER, 'p-day', bj('2026-11-27', '20:00'))).toBe(false);
  });

  it('ORG-06 at 20:00 on Friday only the evening shift is working; on Saturday at 20:00 the weekend shift', () => {
    expect(shiftsCovering(ROSTER, bj('2026-11-27', '20:00')).map((s) => s.personId)).toEqual(['p-eve']);
    expect(shiftsCovering(ROSTER, bj('2026-11-28', '20:00')).map((s) => s.personId)).toEqual(['p-wkd']);
    expect(shiftsCovering(ROSTER, bj('2026-11-28', '04:00'))).toEqual([]);
  });
});

describe('ORG-06 weekly rosters', () => {
  const weekendNights: WeeklyShiftPattern = {
    tenantId: 't1',
    personId: 'p-wkd',
    kind: 'weekend',
    weekdays: [5, 6], // Friday and Saturday nights
    start: '20:00',
    end: '02:00',
  };

  it('ORG-06 a "Fri–Sat 20:00–02:00" roster yields shifts that end at 02:00 Beijing time the next morning', () => {
    const shifts = expandWeeklyPattern(weekendNights, '2026-11-23', '2026-11-29');
    expect(shifts.map((s) => [s.start.toISOString(), s.end.toISOString()])).toEqual([
      ['2026-11-27T12:00:00.000Z', '2026-11-27T18:00:00.000Z'],
      ['2026-11-28T12:00:00.000Z', '2026-11-28T18:00:00.000Z'],
    ]);
    expect(isOnShift(shifts, 'p-wkd', bj('2026-11-29', '01:30'))).toBe(true);
    expect(isOnShift(shifts, 'p-wkd', bj('2026-11-29', '20:30'))).toBe(false); // Sunday is not rostered
  });

  it("ORG-06 roster times are the roster's own zone", () => {
    const [first] = expandWeeklyPattern(
      { ...weekendNights, weekdays: [5] },
      '2026-11-27',
      '2026-11-27',
      'Europe/Berlin',
    );
    expect(first?.start.toISOString()).toBe('2026-11-27T19:00:00.000Z');
  });

  it('ORG-06 a daylight-saving change is honoured where a zone has one', () => {
    // Berlin switches to summer time on 2026-03-29: 20:00 is UTC+1 on the Saturday, UTC+2 on the Sunday.
    const pattern = { ...weekendNights, weekdays: [6, 0], end: '23:00' };
    const shifts = expandWeeklyPattern(pattern, '2026-03-28', '2026-03-29', 'Europe/Berlin');
    expect(shifts.map((s) => s.start.toISOString())).toEqual(['2026-03-28T19:00:00.000Z', '2026-03-29T18:00:00.000Z']);
  });

  it('ORG-06 a roster with no length or a reversed date range is refused', () => {
    expect(codeOf(() => expandWeeklyPattern({ ...weekendNights, end: '20:00' }, '2026-11-23', '2026-11-29'))).toBe(
      'VALIDATION_FAILED',
    );
    expect(codeOf(() => expandWeeklyPattern(weekendNights, '2026-11-29', '2026-11-23'))).toBe('VALIDATION_FAILED');
    expect(codeOf(() => expandWeeklyPattern({ ...weekendNights, start: '25:00' }, '2026-11-23', '2026-11-29'))).toBe(
      'VALIDATION_FAILED',
    );
  });
});
