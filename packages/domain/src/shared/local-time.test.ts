import { describe, expect, it } from 'vitest';
import { codeOf } from '../work-order/work-order.fixtures.js';
import { addDays, isIsoDate, localDate, localParts, weekdayOf, zonedDateTime } from './local-time.js';

describe('SLA-01 local time', () => {
  it("SLA-01 the same instant is a different local day and hour depending on the area's zone", () => {
    const at = new Date('2026-11-22T17:30:00Z');
    expect(localDate(at)).toBe('2026-11-23'); // Asia/Shanghai by default
    expect(localDate(at, 'UTC')).toBe('2026-11-22');
    expect(localParts(at)).toMatchObject({ hour: 1, minute: 30, weekday: 1 }); // Monday 01:30 in Beijing
  });

  it('SLA-01 wall-clock time in a zone converts to the right instant', () => {
    expect(zonedDateTime('2026-11-23', '09:00').toISOString()).toBe('2026-11-23T01:00:00.000Z');
    expect(zonedDateTime('2026-07-01', '09:00', 'Europe/Berlin').toISOString()).toBe('2026-07-01T07:00:00.000Z');
  });

  it('SLA-01 calendar dates are checked: 30 February and 24:00 do not exist', () => {
    expect(isIsoDate('2026-02-28')).toBe(true);
    expect(isIsoDate('2026-02-30')).toBe(false);
    expect(isIsoDate('2026-2-3')).toBe(false);
    expect(codeOf(() => zonedDateTime('2026-02-30', '09:00'))).toBe('VALIDATION_FAILED');
    expect(codeOf(() => zonedDateTime('2026-02-28', '24:00'))).toBe('VALIDATION_FAILED');
    expect(codeOf(() => localDate(new Date('nonsense')))).toBe('VALIDATION_FAILED');
  });

  it('SLA-01 day arithmetic crosses month and year ends', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(weekdayOf('2026-11-28')).toBe(6);
  });
});
