import { describe, expect, it } from 'vitest';
import type { DomainError } from '../shared/errors.js';
import { zonedDateTime } from '../shared/local-time.js';
import { clockOf, facts, sh } from '../sla/sla.fixtures.js';
import { BusinessCalendar } from './business-calendar.js';
import {
  hoursForOrder,
  isTimeZone,
  orderCalendarSpec,
  parseWorkingHours,
  type UnitWorkingHours,
  type WorkingHoursInput,
} from './working-hours.js';

const allDay = [{ start: '00:00', end: '24:00', shift: '24h' }];
const nineToSix = [{ start: '09:00', end: '18:00', shift: 'day' }];
const FAULT_24X7: WorkingHoursInput = { name: '故障 24 小时班', weekly: Array(7).fill(allDay), holidays: 'work' };
const INSTALL_9_18: WorkingHoursInput = {
  name: '装机白班',
  weekly: [[], nineToSix, nineToSix, nineToSix, nineToSix, nineToSix, []],
  orderTypes: ['install', 'carry_in'],
};

const unit = (unitId: string, unitCode: string, parentId: string | null, h: WorkingHoursInput): UnitWorkingHours => ({
  unitId,
  unitCode,
  parentId,
  hours: parseWorkingHours(h),
});
const teams = [
  unit('fault-team', 'FT-24', 'station-1', { ...FAULT_24X7, orderTypes: ['fault'] }),
  unit('install-team', 'IT-01', 'station-1', INSTALL_9_18),
];
const order = { stationId: 'station-1', holderUnitId: null, offeredToUnitId: null };

describe('SLA-01 working hours per team', () => {
  it('SLA-01 an order gets the hours of the station team that takes its type; a holder’s team comes first', () => {
    expect(hoursForOrder(teams, { ...order, type: 'fault' })?.unitCode).toBe('FT-24');
    expect(hoursForOrder(teams, { ...order, type: 'install' })?.unitCode).toBe('IT-01');
    expect(hoursForOrder(teams, { ...order, type: 'paid_service' })).toBeNull();
    expect(hoursForOrder(teams, { ...order, type: 'fault', holderUnitId: 'install-team' })?.unitCode).toBe('FT-24');
    const catchAll = [...teams, unit('any', 'AA-00', 'station-1', { ...INSTALL_9_18, orderTypes: [] })];
    // A team naming the type beats a catch-all team of the same station, whatever the codes.
    expect(hoursForOrder(catchAll, { ...order, type: 'install' })?.unitCode).toBe('IT-01');
    expect(hoursForOrder(catchAll, { ...order, type: 'paid_service' })?.unitCode).toBe('AA-00');
  });

  it('SLA-04 a 24×7 fault team: a fault reported Saturday 19:00 is due Sunday 09:00, not Monday', () => {
    const cal24 = new BusinessCalendar(orderCalendarSpec({ team: teams[0]! }));
    expect(cal24.id).toBe('cn-default/FT-24');
    expect(cal24.official).toBeNull();
    const f = facts({ acceptedAt: sh('2026-11-28', '19:00') });
    expect(clockOf('fault_repair', f, cal24).dueAt.toISOString()).toBe(sh('2026-11-29', '09:00').toISOString());
    const shipped = new BusinessCalendar(orderCalendarSpec({}));
    expect(clockOf('fault_repair', f, shipped).dueAt.toISOString()).toBe(sh('2026-11-30', '09:00').toISOString());
    // It works through National Day too; a typhoon closure (tenant day marked closure) still stops it.
    const closed = new BusinessCalendar(
      orderCalendarSpec({
        team: teams[0]!,
        days: [
          { date: '2026-10-02', kind: 'holiday', name: '台风停工', closure: true },
          { date: '2026-10-03', kind: 'holiday', name: '本地节日' },
        ],
      }),
    );
    expect(closed.isWorkingDay('2026-10-01')).toBe(true);
    expect(closed.isWorkingDay('2026-10-02')).toBe(false);
    expect(closed.isWorkingDay('2026-10-03')).toBe(true);
  });

  it('SLA-05 a 09:00–18:00 install team: carry-in due at 18:00 close of business, not the 22:00 evening shift', () => {
    const cal = new BusinessCalendar(orderCalendarSpec({ team: teams[1]! }));
    const f = facts({ type: 'carry_in', acceptedAt: sh('2026-11-23', '10:00') });
    expect(clockOf('carry_in_repair', f, cal).dueAt.toISOString()).toBe(sh('2026-11-26', '18:00').toISOString());
    const shipped = new BusinessCalendar(orderCalendarSpec({}));
    expect(clockOf('carry_in_repair', f, shipped).dueAt.toISOString()).toBe(sh('2026-11-26', '22:00').toISOString());
    // An observing team keeps the 调休 Saturday (2026-10-10) as a working day, with Monday's hours.
    expect(cal.isWorkingDay('2026-10-10')).toBe(true);
    expect(cal.dayOf('2026-10-10').workingMs).toBe(9 * 3_600_000);
  });

  it('SLA-01 bad hours and unknown zones are refused with the field named', () => {
    const refused = (h: unknown): DomainError => {
      try {
        parseWorkingHours(h);
      } catch (e) {
        return e as DomainError;
      }
      throw new Error('accepted');
    };
    expect(refused({ ...INSTALL_9_18, weekly: Array(7).fill([]) }).details).toMatchObject({ field: 'weekly' });
    expect(refused({ ...INSTALL_9_18, weekly: [[], [{ start: '18:00', end: '09:00' }]] }).code).toBe(
      'VALIDATION_FAILED',
    );
    expect(refused({ ...INSTALL_9_18, orderTypes: ['pizza'] }).details).toMatchObject({ field: 'orderTypes.0' });
    expect(isTimeZone('Asia/Urumqi')).toBe(true);
    expect(isTimeZone('Europe/Berlin')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(isTimeZone('')).toBe(false);
  });
});

describe('SLA-01 calendars per area time zone', () => {
  it('SLA-04 in an Asia/Urumqi area the 18:00 cut-off is 18:00 Urumqi time (12:00Z), not Beijing time', () => {
    const urumqi = new BusinessCalendar(orderCalendarSpec({ timeZone: 'Asia/Urumqi' }));
    expect(urumqi.timeZone).toBe('Asia/Urumqi');
    const u = (date: string, time: string) => zonedDateTime(date, time, 'Asia/Urumqi');
    // 17:30 Urumqi is 19:30 Beijing: after the cut-off there, before it here — due the same day by 24:00.
    expect(clockOf('fault_repair', facts({ acceptedAt: u('2026-11-23', '17:30') }), urumqi).dueAt).toEqual(
      u('2026-11-24', '00:00'),
    );
    expect(clockOf('fault_repair', facts({ acceptedAt: u('2026-11-23', '18:00') }), urumqi).dueAt).toEqual(
      u('2026-11-24', '09:00'),
    );
    expect(u('2026-11-24', '09:00').toISOString()).toBe('2026-11-24T03:00:00.000Z');
  });

  it('SLA-04 DST-safe: in Europe/Berlin a Friday-evening fault before the spring change is due Monday 09:00 CEST', () => {
    const berlin = new BusinessCalendar(orderCalendarSpec({ timeZone: 'Europe/Berlin' }));
    const reported = zonedDateTime('2026-03-27', '18:00', 'Europe/Berlin'); // Friday, CET (UTC+1)
    expect(reported.toISOString()).toBe('2026-03-27T17:00:00.000Z');
    const clock = clockOf('fault_repair', facts({ acceptedAt: reported }), berlin);
    expect(clock.dueAt.toISOString()).toBe('2026-03-30T07:00:00.000Z'); // Monday 09:00 CEST (UTC+2)
    // 23-hour Sunday: install "3 days later, same local time" stays 10:00 local across the change.
    const install = clockOf(
      'install_complete',
      facts({ type: 'install', acceptedAt: zonedDateTime('2026-03-28', '10:00', 'Europe/Berlin') }),
      berlin,
    );
    expect(install.dueAt.toISOString()).toBe('2026-03-31T08:00:00.000Z');
  });
});
