import { describe, expect, it } from 'vitest';
import { DEFAULT_SLA_POLICY } from '../sla/default-sla-policy.js';
import { appointmentSlots, checkReschedule, decideCall } from './appointments.js';
import { DEFAULT_DISPATCH_POLICY as P } from './dispatch-policy.js';

const at = (s: string) => new Date(`2026-06-15T${s}:00+08:00`);
const A = DEFAULT_SLA_POLICY.appointment;

describe('APT-01 appointment slots and call attempts', () => {
  it('APT-01 offers back-to-back 2-hour slots of the local day, only those still ahead', () => {
    const slots = appointmentSlots(P, '2026-06-15', 'Asia/Shanghai', at('09:30'));
    expect(slots.map((s) => s.start.toISOString())).toEqual([
      '2026-06-15T02:00:00.000Z', // 10:00 local
      '2026-06-15T04:00:00.000Z',
      '2026-06-15T06:00:00.000Z',
      '2026-06-15T08:00:00.000Z',
      '2026-06-15T10:00:00.000Z', // 18:00–20:00
    ]);
    expect(slots[0]!.end.getTime() - slots[0]!.start.getTime()).toBe(120 * 60_000);
  });

  it('APT-01 "call back at T" gives a follow-up due at T; other outcomes give none', () => {
    expect(decideCall(P, { outcome: 'call_back', callBackAt: at('15:00'), now: at('10:00') })).toEqual({
      outcome: 'call_back',
      followUpAt: at('15:00'),
    });
    expect(decideCall(P, { outcome: 'no_answer', now: at('10:00') }).followUpAt).toBeNull();
    expect(decideCall(P, { outcome: 'busy', now: at('10:00') }).followUpAt).toBeNull();
  });

  it('APT-01 refuses a call-back time in the past, missing, or on a plain outcome', () => {
    expect(() => decideCall(P, { outcome: 'call_back', callBackAt: at('09:00'), now: at('10:00') })).toThrow(/future/);
    expect(() => decideCall(P, { outcome: 'call_back', now: at('10:00') })).toThrow(/call back/);
    expect(() => decideCall(P, { outcome: 'reached', callBackAt: at('15:00'), now: at('10:00') })).toThrow();
  });
});

describe('APT-02 / SLA-07 reschedule notice', () => {
  const prev = { start: at('14:00'), end: at('16:00') };
  it('SLA-07 a change by us 1 h before an agreed visit is a breach, short by 60 min', () => {
    const c = checkReschedule(A, P, { type: 'fault', previous: prev, askedBy: 'us', now: at('13:00') })!;
    expect(c).toMatchObject({ requiredMinutes: 120, inTime: false, shortByMinutes: 60, breach: true });
  });
  it('APT-02 the same late change asked by the customer is recorded but is no breach', () => {
    const c = checkReschedule(A, P, { type: 'fault', previous: prev, askedBy: 'customer', now: at('13:00') })!;
    expect(c).toMatchObject({ inTime: false, breach: false });
  });
  it('SLA-07 a planned visit (inspection) needs a day of notice', () => {
    const c = checkReschedule(A, P, { type: 'inspection', previous: prev, askedBy: 'us', now: at('09:00') })!;
    expect(c).toMatchObject({ requiredMinutes: 1440, breach: true });
  });
  it('APT-01 a first booking has no notice to check', () => {
    expect(checkReschedule(A, P, { type: 'fault', previous: null, askedBy: 'us', now: at('13:00') })).toBeNull();
  });
});
