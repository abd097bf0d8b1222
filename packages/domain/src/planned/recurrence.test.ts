import { describe, expect, it } from 'vitest';
import { DEFAULT_PLANNED_WORK_POLICY as P } from './planned-policy.js';
import {
  careScheduleSchema,
  careVisitWindow,
  nextOccurrence,
  occurrencesBetween,
  planCareVisits,
  type CareSchedule,
} from './recurrence.js';

const weekly = (over: Partial<Extract<CareSchedule, { kind: 'weekly' }>> = {}): CareSchedule => ({
  kind: 'weekly',
  everyWeeks: 1,
  weekdays: [2],
  start: '09:00',
  end: '11:00',
  ...over,
});
/** 2026-10-01..07 is the National Day holiday (the official dataset). */
const holidays: Record<string, string> = {
  '2026-10-01': '国庆节',
  '2026-10-02': '国庆节',
  '2026-10-05': '国庆节',
  '2026-10-06': '国庆节',
};
const holidayOf = (d: string) => holidays[d] ?? null;

describe('WO-16 schedules', () => {
  it('WO-16 weekly: every Tuesday within the term', () => {
    const term = { schedule: weekly(), startDate: '2026-11-01', endDate: '2026-11-30' };
    expect(occurrencesBetween(term, '2026-11-01', '2026-12-31')).toEqual([
      '2026-11-03',
      '2026-11-10',
      '2026-11-17',
      '2026-11-24',
    ]);
  });

  it('WO-16 biweekly and every 3 weeks count weeks from the first week of the agreement', () => {
    const bi = { schedule: weekly({ everyWeeks: 2, weekdays: [1, 4] }), startDate: '2026-11-04', endDate: null };
    expect(occurrencesBetween(bi, '2026-11-01', '2026-11-30')).toEqual([
      '2026-11-05',
      '2026-11-16',
      '2026-11-19',
      '2026-11-30',
    ]);
    const tri = { schedule: weekly({ everyWeeks: 3 }), startDate: '2026-11-03', endDate: null };
    expect(occurrencesBetween(tri, '2026-11-01', '2026-12-31')).toEqual(['2026-11-03', '2026-11-24', '2026-12-15']);
  });

  it('WO-16 "first Monday 14:15–15:30" and "last Friday" of each month', () => {
    const first = careScheduleSchema.parse({ kind: 'monthly', nth: 1, weekday: 1, start: '14:15', end: '15:30' });
    const term = { schedule: first, startDate: '2026-11-01', endDate: null };
    expect(occurrencesBetween(term, '2026-11-01', '2027-01-31')).toEqual(['2026-11-02', '2026-12-07', '2027-01-04']);
    const last = { schedule: { ...first, nth: -1 as const, weekday: 5 }, startDate: '2026-11-01', endDate: null };
    expect(occurrencesBetween(last, '2026-11-01', '2026-12-31')).toEqual(['2026-11-27', '2026-12-25']);
    expect(careVisitWindow(first, '2026-12-07', 'Asia/Shanghai')).toEqual({
      start: new Date('2026-12-07T06:15:00Z'),
      end: new Date('2026-12-07T07:30:00Z'),
    });
  });

  it('WO-16 a window ending before it starts is refused', () => {
    expect(careScheduleSchema.safeParse(weekly({ start: '11:00', end: '10:00' })).success).toBe(false);
  });

  it('WO-16 next occurrence after a visit', () => {
    const term = { schedule: weekly({ everyWeeks: 2 }), startDate: '2026-11-03', endDate: '2026-11-16' };
    expect(nextOccurrence(term, '2026-11-03')).toBeNull();
    expect(nextOccurrence({ ...term, endDate: null }, '2026-11-03')).toBe('2026-11-17');
  });
});

describe('WO-16 generation ahead, idempotent, holidays by the calendar', () => {
  const base = {
    schedule: weekly({ weekdays: [4] }), // Thursdays
    startDate: '2026-09-01',
    endDate: null,
    holidayHandling: 'next_day' as const,
    today: '2026-09-20',
    aheadDays: P.care.generateAheadDays,
    known: new Set<string>(),
  };

  it('WO-16 visits up to the horizon; re-running with what exists adds nothing', () => {
    const first = planCareVisits(base, holidayOf);
    expect(first.map((v) => v.occurrenceDate)).toEqual(['2026-09-24', '2026-10-01', '2026-10-08', '2026-10-15']);
    const again = planCareVisits({ ...base, known: new Set(first.map((v) => v.occurrenceDate)) }, holidayOf);
    expect(again).toEqual([]);
  });

  it('WO-16 a visit on a holiday moves to the next non-holiday day (weekends are fine)', () => {
    const oct1 = planCareVisits(base, holidayOf).find((v) => v.occurrenceDate === '2026-10-01');
    expect(oct1).toEqual({ occurrenceDate: '2026-10-01', plannedDate: '2026-10-03', holiday: '国庆节' });
  });

  it('WO-16 "skip" skips it; "keep" keeps it; a move that reaches the next visit is skipped', () => {
    const skip = planCareVisits({ ...base, holidayHandling: 'skip' }, holidayOf);
    expect(skip.find((v) => v.occurrenceDate === '2026-10-01')?.plannedDate).toBeNull();
    const keep = planCareVisits({ ...base, holidayHandling: 'keep' }, holidayOf);
    expect(keep.find((v) => v.occurrenceDate === '2026-10-01')?.plannedDate).toBe('2026-10-01');
    const daily = planCareVisits(
      { ...base, schedule: weekly({ weekdays: [1, 2, 3, 4, 5] }), today: '2026-09-30', aheadDays: 7 },
      holidayOf,
    );
    expect(daily.find((v) => v.occurrenceDate === '2026-10-01')).toMatchObject({
      plannedDate: null,
      holiday: '国庆节',
    });
  });
});
