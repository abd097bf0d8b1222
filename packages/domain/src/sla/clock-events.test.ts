import { describe, expect, it } from 'vitest';
import { BusinessCalendar } from '../calendar/business-calendar.js';
import type { SlaClock } from './clock.types.js';
import { startClocks } from './clock-engine.js';
import { applyClockEvent, reevaluateClock } from './clock-events.js';
import { clockStatus } from './clock-status.js';
import { DEFAULT_SLA_POLICY } from './default-sla-policy.js';
import { explainClock } from './explain.js';
import { parseSlaPolicy } from './sla-policy.js';
import { clockOf, facts, officeCalendar as cal, sh } from './sla.fixtures.js';

const HOUR = 3_600_000;
const at = (date: string, time: string): string => sh(date, time).toISOString();

describe('SLA-09 pauses', () => {
  it('SLA-09 a pause across a weekend moves a working-time clock by the working time lost, not 66 hours', () => {
    // Carry-in accepted Monday 10:00 → due Thursday 17:30 (3 working days).
    let clock = clockOf('carry_in_repair', facts({ type: 'carry_in' }));
    expect(clock.dueAt.toISOString()).toBe(at('2026-11-26', '17:30'));
    clock = applyClockEvent(clock, { type: 'pause', at: sh('2026-11-27', '16:00'), reason: 'waiting_parts' }, cal);
    expect(clockStatus(clock, sh('2026-11-28', '12:00')).state).toBe('breached'); // paused after its due time
    const early = clockOf('carry_in_repair', facts({ type: 'carry_in', acceptedAt: sh('2026-11-26', '10:00') }));
    expect(early.dueAt.toISOString()).toBe(at('2026-12-01', '17:30'));
    // Paused Friday 16:00, resumed Monday 10:00: 1.5 h of Friday + 1.5 h of Monday were lost.
    let paused = applyClockEvent(early, { type: 'pause', at: sh('2026-11-27', '16:00'), reason: 'waiting_parts' }, cal);
    const during = clockStatus(paused, sh('2026-11-28', '12:00'));
    expect(during.state).toBe('paused');
    expect(during.msLeft).toBe(
      early.allowedMs - cal.workingMinutesBetween(early.startedAt, sh('2026-11-27', '16:00')) * 60_000,
    );
    paused = applyClockEvent(paused, { type: 'resume', at: sh('2026-11-30', '10:00') }, cal);
    expect(paused.dueAt.toISOString()).toBe(at('2026-12-02', '11:30')); // 17:30 Tuesday + 3 working hours
    expect(paused.pausedIntervals).toEqual([
      { from: sh('2026-11-27', '16:00'), to: sh('2026-11-30', '10:00'), reason: 'waiting_parts' },
    ]);
    const explained = explainClock(paused);
    expect(explained.inputs.pausedIntervals).toHaveLength(1);
    expect(explained.text['zh-CN'].join('\n')).toContain('暂停计时：等待备件');
    expect(explained.text.en.join('\n')).toContain('clock resumed after 3 h paused');
  });

  it('SLA-09 an elapsed-time clock moves by the wall time paused', () => {
    let clock = clockOf('fault_repair', facts({ acceptedAt: sh('2026-11-23', '10:00') }));
    clock = applyClockEvent(clock, { type: 'pause', at: sh('2026-11-23', '11:00'), reason: 'waiting_customer' }, cal);
    clock = applyClockEvent(clock, { type: 'resume', at: sh('2026-11-23', '14:00') }, cal);
    expect(clock.dueAt.toISOString()).toBe(at('2026-11-24', '03:00'));
  });

  it('SLA-09 a suspension the policy does not pause for leaves the clock running, visibly', () => {
    let clock = clockOf('fault_repair', facts());
    clock = applyClockEvent(clock, { type: 'pause', at: sh('2026-11-23', '11:00'), reason: 'waiting_parts' }, cal);
    expect(clock.runningSince).not.toBeNull();
    expect(clockStatus(clock, sh('2026-11-23', '12:00')).state).toBe('running');
    expect(explainClock(clock).text.en.join('\n')).toContain('this rule does not pause for it');
  });

  it('SLA-09 warning at 80 % of the allowed time, breach after the due time, met when stopped in time', () => {
    const clock = clockOf('first_contact', facts({ channel: 'hotline' }));
    expect(clock.warnAt.toISOString()).toBe(at('2026-11-23', '11:36')); // 96 of 120 min
    expect(clockStatus(clock, sh('2026-11-23', '11:35')).state).toBe('running');
    expect(clockStatus(clock, sh('2026-11-23', '11:36')).state).toBe('warning');
    expect(clockStatus(clock, sh('2026-11-23', '12:00')).state).toBe('warning'); // due is still on time
    expect(clockStatus(clock, sh('2026-11-23', '12:01'))).toMatchObject({ state: 'breached', msLeft: -60_000 });
    const met = applyClockEvent(clock, { type: 'stop', at: sh('2026-11-23', '11:50'), reason: 'completed' }, cal);
    expect(clockStatus(met, sh('2026-11-23', '15:00'))).toMatchObject({ state: 'met', msLeft: 10 * 60_000 });
    const late = applyClockEvent(clock, { type: 'stop', at: sh('2026-11-23', '12:30'), reason: 'completed' }, cal);
    expect(clockStatus(late, sh('2026-11-23', '15:00')).state).toBe('breached');
    const cancelled = applyClockEvent(clock, { type: 'stop', at: sh('2026-11-23', '12:30'), reason: 'cancelled' }, cal);
    expect(clockStatus(cancelled, sh('2026-11-23', '15:00')).state).toBe('cancelled');
  });

  it('SLA-09 the warning instant accounts for a pause in working time', () => {
    let clock = clockOf('on_site_inside', facts({ channel: 'service_office' }));
    // Allowed: Mon 10:00–17:30 + Tue + Wed = 7.5 + 9 + 9 = 25.5 working h; 80 % = 20.4 h → Wed 12:24.
    expect(clock.allowedMs).toBe(25.5 * HOUR);
    expect(clock.warnAt.toISOString()).toBe(at('2026-11-25', '12:24'));
    clock = applyClockEvent(clock, { type: 'pause', at: sh('2026-11-23', '12:00'), reason: 'waiting_customer' }, cal);
    clock = applyClockEvent(clock, { type: 'resume', at: sh('2026-11-24', '12:00') }, cal);
    // 9 working hours paused (Mon 12:00–17:30, Tue 08:30–12:00): both instants move 9 working hours.
    expect(clock.dueAt.toISOString()).toBe(at('2026-11-26', '17:30'));
    expect(clock.warnAt.toISOString()).toBe(at('2026-11-26', '12:24'));
  });

  it('SLA-09 events are applied in time order; repeats and events after the stop change nothing', () => {
    const clock = clockOf('fault_repair', facts());
    const paused = applyClockEvent(
      clock,
      { type: 'pause', at: sh('2026-11-23', '11:00'), reason: 'waiting_customer' },
      cal,
    );
    expect(
      applyClockEvent(paused, { type: 'pause', at: sh('2026-11-23', '11:30'), reason: 'waiting_customer' }, cal),
    ).toBe(paused);
    expect(() => applyClockEvent(paused, { type: 'resume', at: sh('2026-11-23', '10:30') }, cal)).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
    const other = new BusinessCalendar({
      id: 'other',
      hours: { weekly: [[], [], [], [], [], [], [{ start: '08:00', end: '12:00' }]] },
    });
    expect(() => applyClockEvent(paused, { type: 'resume', at: sh('2026-11-23', '12:00') }, other)).toThrow(/calendar/);
    const stopped = applyClockEvent(clock, { type: 'stop', at: sh('2026-11-23', '12:00'), reason: 'completed' }, cal);
    expect(
      applyClockEvent(stopped, { type: 'pause', at: sh('2026-11-23', '13:00'), reason: 'waiting_customer' }, cal),
    ).toBe(stopped);
  });

  it('SLA-04 a customer-chosen appointment made after the start moves the deadline; ours does not', () => {
    const clock = clockOf('fault_repair', facts());
    const window = { start: sh('2026-11-25', '18:00'), end: sh('2026-11-25', '20:00') };
    const ours = applyClockEvent(
      clock,
      { type: 'appointment_changed', at: sh('2026-11-23', '11:00'), appointment: { ...window, chosenBy: 'us' } },
      cal,
    );
    expect(ours.dueAt.toISOString()).toBe(at('2026-11-24', '00:00'));
    const theirs = applyClockEvent(
      clock,
      { type: 'appointment_changed', at: sh('2026-11-23', '11:00'), appointment: { ...window, chosenBy: 'customer' } },
      cal,
    );
    expect(theirs.dueAt.toISOString()).toBe(at('2026-11-25', '20:00'));
    expect(clockStatus(theirs, sh('2026-11-25', '19:00')).state).toBe('warning');
  });
});

describe('SLA-02 policy versions', () => {
  const v2 = parseSlaPolicy({
    ...DEFAULT_SLA_POLICY,
    version: 2,
    clocks: DEFAULT_SLA_POLICY.clocks.map((c) =>
      c.kind === 'fault_repair' ? { ...c, deadline: { ...c.deadline, cutoff: '17:00' } } : c,
    ),
  });
  const reported = facts({ acceptedAt: sh('2026-11-23', '17:30') });

  it('SLA-02 a clock keeps its policy version: a newer policy changes only new clocks', () => {
    const old: SlaClock = clockOf('fault_repair', reported);
    expect(old).toMatchObject({ policyId: 'sla-default', policyVersion: 1 });
    expect(old.dueAt.toISOString()).toBe(at('2026-11-24', '00:00'));
    const fresh = startClocks(reported, v2, cal, sh('2026-11-23', '17:30'))[0]!;
    expect(fresh.policyVersion).toBe(2);
    expect(fresh.dueAt.toISOString()).toBe(at('2026-11-24', '09:00')); // 17:30 is after a 17:00 cut-off
    // Events on the old clock keep using the definition it was started with.
    const resumed = applyClockEvent(
      applyClockEvent(old, { type: 'pause', at: sh('2026-11-23', '18:00'), reason: 'waiting_customer' }, cal),
      { type: 'resume', at: sh('2026-11-23', '19:00') },
      cal,
    );
    expect(resumed.policyVersion).toBe(1);
    expect(resumed.dueAt.toISOString()).toBe(at('2026-11-24', '01:00'));
  });

  it('SLA-02 re-evaluate is explicit: it recomputes under the new version, replays pauses and says what moved', () => {
    let old = clockOf('fault_repair', reported);
    old = applyClockEvent(old, { type: 'pause', at: sh('2026-11-23', '18:00'), reason: 'waiting_customer' }, cal);
    old = applyClockEvent(old, { type: 'resume', at: sh('2026-11-23', '19:00') }, cal);
    const r = reevaluateClock(old, reported, v2, cal, sh('2026-11-23', '20:00'));
    expect(r.changed).toBe(true);
    expect(r.previous).toEqual({ policyVersion: 1, dueAt: sh('2026-11-24', '01:00') });
    expect(r.clock.policyVersion).toBe(2);
    expect(r.clock.dueAt.toISOString()).toBe(at('2026-11-24', '10:00')); // 09:00 + the hour paused
    expect(r.clock.pausedIntervals).toHaveLength(1);
    expect(explainClock(r.clock).text.en.at(-2)).toContain('re-evaluated under policy version 2 (was version 1');
    // Same policy, same answer: nothing to record.
    expect(reevaluateClock(old, reported, DEFAULT_SLA_POLICY, cal, sh('2026-11-23', '20:00')).changed).toBe(false);
  });
});
