import { describe, expect, it } from 'vitest';
import { BusinessCalendar } from '../calendar/business-calendar.js';
import { DEFAULT_CALENDAR_SPEC } from '../calendar/calendar-spec.js';
import { DEFAULT_SLA_POLICY } from '../sla/default-sla-policy.js';
import type { WorkOrderCommand } from '../work-order/lifecycle.js';
import { assertCarryInStep, assertPickup, nextCarryInStages } from './carry-in.js';
import { customerTextsOf, judgeCustomerTexts } from './customer-text.js';
import { carryInPromisedAt, followUpDueAt } from './desk-deadlines.js';
import { DEFAULT_DESK_POLICY } from './desk-policy.js';
import { DEFAULT_FORBIDDEN_PHRASES_ZH } from './forbidden-phrases.js';
import { decideServiceMode, followUpFor, orderTypeFor, type IntakeFacts } from './intake.js';
import { assertCustomerReschedule } from './reschedule.js';

const rules = DEFAULT_DESK_POLICY.intakeRules;
const facts = (over: Partial<IntakeFacts>): IntakeFacts => ({
  requestKind: 'fault',
  symptom: 'other',
  devicePortable: false,
  remoteReachable: false,
  ...over,
});
const calendar = new BusinessCalendar(DEFAULT_CALENDAR_SPEC);

describe('DESK-01 service mode from intake facts', () => {
  it('DESK-01 misuse is guided on the phone, a portable broken device is carried in, software remotely, the rest on site', () => {
    expect(decideServiceMode(facts({ symptom: 'misuse' }), rules).mode).toBe('phone_guidance');
    expect(decideServiceMode(facts({ symptom: 'hardware', devicePortable: true }), rules).mode).toBe('carry_in');
    expect(decideServiceMode(facts({ symptom: 'hardware' }), rules).mode).toBe('on_site');
    expect(decideServiceMode(facts({ symptom: 'software', remoteReachable: true }), rules).mode).toBe('remote');
    expect(decideServiceMode(facts({ requestKind: 'question' }), rules).mode).toBe('consultation');
    expect(decideServiceMode(facts({ requestKind: 'paid_request', symptom: 'hardware' }), rules).mode).toBe(
      'paid_service',
    );
    expect(decideServiceMode(facts({ symptom: 'no_service' }), rules)).toEqual({ mode: 'on_site', ruleId: 'default' });
  });

  it('DESK-01 the rules are data: a tenant rule list changes the routing; with no match a person goes on site', () => {
    const tenant = [{ id: 'all-remote', when: { symptoms: ['slow' as const] }, mode: 'remote' as const }];
    expect(decideServiceMode(facts({ symptom: 'slow' }), tenant)).toEqual({ mode: 'remote', ruleId: 'all-remote' });
    expect(decideServiceMode(facts({ symptom: 'misuse' }), tenant)).toEqual({ mode: 'on_site', ruleId: 'fallback' });
  });

  it('DESK-01 DESK-02 DESK-05 which order a mode opens and which follow-up it owes', () => {
    expect(orderTypeFor('on_site', 'install')).toBe('install');
    expect(orderTypeFor('on_site', 'complaint')).toBe('complaint');
    expect(orderTypeFor('carry_in', 'fault')).toBe('carry_in');
    expect(orderTypeFor('phone_guidance', 'fault')).toBeNull();
    expect(followUpFor('phone_guidance', false)).toBe('guidance_callback');
    expect(followUpFor('remote', false)).toBe('guidance_callback');
    expect(followUpFor('consultation', false)).toBe('knowledge_reply');
    expect(followUpFor('consultation', true)).toBeNull();
    expect(followUpFor('on_site', false)).toBeNull();
  });
});

describe('DESK-02 DESK-03 DESK-05 promises from the SLA pack', () => {
  const mondayMorning = new Date('2026-11-23T02:00:00Z'); // Monday 10:00 Beijing
  it('DESK-02 the guidance callback is due 2 h after the call', () => {
    expect(
      followUpDueAt('guidance_callback', mondayMorning, DEFAULT_SLA_POLICY, calendar).getTime() -
        mondayMorning.getTime(),
    ).toBe(120 * 60_000);
  });
  it('DESK-05 a promised reply is due by the close of the next working day; DESK-03 pickup by the third', () => {
    const reply = followUpDueAt('knowledge_reply', mondayMorning, DEFAULT_SLA_POLICY, calendar);
    expect(reply).toEqual(calendar.addWorkingDays(mondayMorning, 1));
    const promised = carryInPromisedAt(mondayMorning, DEFAULT_SLA_POLICY, calendar);
    expect(promised).toEqual(calendar.addWorkingDays(mondayMorning, 3));
    // A Friday receipt skips the weekend: the promise falls on Wednesday (Beijing).
    const friday = carryInPromisedAt(new Date('2026-11-27T02:00:00Z'), DEFAULT_SLA_POLICY, calendar);
    expect(calendar.dayOf(friday).date).toBe('2026-12-02');
  });
});

describe('DESK-03 carry-in stages', () => {
  it('DESK-03 a device moves forward only: ready may follow diagnosis, pickup only from ready', () => {
    expect(nextCarryInStages('received')).toEqual(['diagnosing']);
    expect(nextCarryInStages('diagnosing')).toEqual(['repairing', 'ready']);
    expect(() => assertCarryInStep('received', 'ready')).toThrow(/cannot go to ready/);
    expect(() => assertCarryInStep('ready', 'repairing')).toThrow();
    expect(() => assertCarryInStep('repairing', 'picked_up')).toThrow();
    expect(() => assertCarryInStep('ready', 'picked_up')).not.toThrow();
  });
  it('DESK-03 pickup needs a passed re-test and the customer signature', () => {
    expect(() => assertPickup({ retestPassed: false, signedBy: '王' })).toThrow(/re-test/);
    expect(() => assertPickup({ retestPassed: true, signedBy: ' ' })).toThrow(/signs/);
    expect(() => assertPickup({ retestPassed: true, signedBy: '王' })).not.toThrow();
  });
});

describe('DESK-04 customer-facing texts', () => {
  const window = { start: new Date('2026-11-25T02:00:00Z'), end: new Date('2026-11-25T04:00:00Z') };
  it("DESK-04 a lifecycle command's customer-facing texts are its reasons, remark and explanations, not staff remarks", () => {
    const reschedule: WorkOrderCommand = { action: 'reschedule', reason: '改到周三', window, askedBy: 'us' };
    expect(customerTextsOf(reschedule)).toEqual([{ field: 'body.reason', text: '改到周三' }]);
    const dispatch: WorkOrderCommand = { action: 'dispatch', toPersonId: 'p', remark: '这不归我管' };
    expect(customerTextsOf(dispatch)).toEqual([]);
    const complete: WorkOrderCommand = {
      action: 'complete',
      completion: {
        customerContacted: true,
        handlingMinutes: 10,
        remark: 'r',
        outcome: { kind: 'cannot_resolve', explanation: 'e' },
      },
    };
    expect(customerTextsOf(complete).map((t) => t.field)).toEqual(['body.remark', 'body.outcome.explanation']);
  });
  it('DESK-04 a hit is refused naming field and phrase; confirming passes only for the positions the policy names', () => {
    const texts = [{ field: 'body.text', text: '好的。等 着 吧' }];
    const judge = (position: 'hotline_agent' | 'admin', confirmed: boolean) =>
      judgeCustomerTexts(texts, DEFAULT_FORBIDDEN_PHRASES_ZH, { position, confirmed, policy: DEFAULT_DESK_POLICY });
    expect(() => judge('hotline_agent', true)).toThrow(expect.objectContaining({ code: 'DESK_FORBIDDEN_PHRASE' }));
    expect(() => judge('admin', false)).toThrow(
      expect.objectContaining({
        details: expect.objectContaining({ field: 'body.text', phrase: '等着吧', confirmable: true }),
      }),
    );
    expect(judge('admin', true).confirmed.map((f) => f.excerpt)).toEqual(['等 着 吧']);
    expect(
      judgeCustomerTexts([{ field: 'x', text: '我们明天上午到' }], DEFAULT_FORBIDDEN_PHRASES_ZH, {
        position: 'hotline_agent',
        confirmed: false,
        policy: DEFAULT_DESK_POLICY,
      }).confirmed,
    ).toEqual([]);
  });
});

describe('DESK-06 SLA-07 customer reschedule', () => {
  const now = new Date('2026-11-23T02:00:00Z');
  const at = (h: number) => new Date(now.getTime() + h * 3_600_000);
  const order = (startInHours: number, type: 'fault' | 'inspection' = 'fault') => ({
    status: 'appointment_confirmed' as const,
    type,
    appointment: { start: at(startInHours), end: at(startInHours + 2) },
  });
  const p = DEFAULT_SLA_POLICY.appointment;
  it('SLA-07 the visit and the new window must both be at least the notice away (2 h; a day for planned visits)', () => {
    expect(() => assertCustomerReschedule(order(48), { start: at(72), end: at(74) }, now, p)).not.toThrow();
    expect(() => assertCustomerReschedule(order(1.5), { start: at(72), end: at(74) }, now, p)).toThrow(
      expect.objectContaining({ code: 'DESK_RESCHEDULE_TOO_LATE' }),
    );
    expect(() => assertCustomerReschedule(order(48), { start: at(1), end: at(3) }, now, p)).toThrow(
      expect.objectContaining({ code: 'DESK_RESCHEDULE_TOO_LATE' }),
    );
    expect(() => assertCustomerReschedule(order(48), { start: at(2), end: at(4) }, now, p)).not.toThrow();
    expect(() => assertCustomerReschedule(order(20, 'inspection'), { start: at(72), end: at(74) }, now, p)).toThrow();
  });
  it('DESK-06 only an order the lifecycle may reschedule can be moved; the slot must end after it starts', () => {
    expect(() =>
      assertCustomerReschedule({ ...order(48), status: 'created' }, { start: at(72), end: at(74) }, now, p),
    ).toThrow(expect.objectContaining({ code: 'WO_INVALID_TRANSITION' }));
    expect(() => assertCustomerReschedule(order(48), { start: at(74), end: at(72) }, now, p)).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
  });
});
