import { describe, expect, it } from 'vitest';
import { checkArrival, checkRescheduleNotice } from './appointment-rules.js';
import { applyClockEvent } from './clock-events.js';
import { clockStatus } from './clock-status.js';
import { DEFAULT_SLA_POLICY } from './default-sla-policy.js';
import { clockOf, facts, officeCalendar as cal, sh } from './sla.fixtures.js';

const policy = DEFAULT_SLA_POLICY.appointment;
const visitStart = sh('2026-11-24', '14:00');

describe('SLA-07 appointment keeping', () => {
  it('SLA-07 a change we make must reach the customer ≥ 2 h before the visit, else it is a breach', () => {
    const inTime = checkRescheduleNotice(policy, {
      visitStart,
      noticeAt: sh('2026-11-24', '12:00'),
      requestedBy: 'us',
      plannedVisit: false,
    });
    expect(inTime).toMatchObject({ requiredMinutes: 120, inTime: true, breach: false, shortByMinutes: 0 });
    expect(inTime.requiredBy.toISOString()).toBe(sh('2026-11-24', '12:00').toISOString());
    const late = checkRescheduleNotice(policy, {
      visitStart,
      noticeAt: sh('2026-11-24', '12:45'),
      requestedBy: 'us',
      plannedVisit: false,
    });
    expect(late).toMatchObject({ inTime: false, breach: true, shortByMinutes: 45 });
    // APT-02: the customer's own late change is recorded but is not our breach.
    const theirs = checkRescheduleNotice(policy, {
      visitStart,
      noticeAt: sh('2026-11-24', '12:45'),
      requestedBy: 'customer',
      plannedVisit: false,
    });
    expect(theirs).toMatchObject({ inTime: false, breach: false });
  });

  it('SLA-07 a planned visit needs ≥ 1 day of notice', () => {
    const r = checkRescheduleNotice(policy, {
      visitStart,
      noticeAt: sh('2026-11-23', '15:00'),
      requestedBy: 'us',
      plannedVisit: true,
    });
    expect(r).toMatchObject({ requiredMinutes: 1440, inTime: false, breach: true, shortByMinutes: 60 });
  });

  it('SLA-07 arrive ≥ 5 min before the window; 5–10 min is the target; lateness is recorded in minutes', () => {
    expect(checkArrival(policy, { windowStart: visitStart, arrivedAt: sh('2026-11-24', '13:52') })).toEqual({
      minutesEarly: 8,
      minutesLate: 0,
      onTime: true,
      withinTarget: true,
    });
    expect(checkArrival(policy, { windowStart: visitStart, arrivedAt: sh('2026-11-24', '13:30') })).toMatchObject({
      onTime: true,
      withinTarget: false,
    });
    expect(checkArrival(policy, { windowStart: visitStart, arrivedAt: sh('2026-11-24', '13:57') })).toMatchObject({
      onTime: false,
      minutesLate: 0,
    });
    expect(
      checkArrival(policy, { windowStart: visitStart, arrivedAt: new Date(sh('2026-11-24', '14:12').getTime() + 1) }),
    ).toMatchObject({
      onTime: false,
      minutesLate: 13,
    });
  });

  it('SLA-07 the arrive-early clock is due 5 min before the window and follows a moved appointment', () => {
    const appointment = { start: visitStart, end: sh('2026-11-24', '16:00'), chosenBy: 'us' as const };
    const agreed = sh('2026-11-23', '11:00');
    const f = facts({ appointment, moments: { appointment_agreed: agreed } });
    let clock = clockOf('arrive_early', f);
    expect(clock.dueAt.toISOString()).toBe(sh('2026-11-24', '13:55').toISOString());
    const moved = { start: sh('2026-11-25', '09:00'), end: sh('2026-11-25', '11:00'), chosenBy: 'customer' as const };
    clock = applyClockEvent(
      clock,
      { type: 'appointment_changed', at: sh('2026-11-23', '15:00'), appointment: moved },
      cal,
    );
    expect(clock.dueAt.toISOString()).toBe(sh('2026-11-25', '08:55').toISOString());
    const gone = applyClockEvent(
      clock,
      { type: 'appointment_changed', at: sh('2026-11-23', '16:00'), appointment: null },
      cal,
    );
    expect(clockStatus(gone, sh('2026-11-23', '17:00')).state).toBe('cancelled');
  });
});
