import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY_PACK } from '../policy/policy-pack.js';
import { applyDecision } from './apply-decision.js';
import { COMPLAINT_OUTCOMES, type Completion, type CompletionOutcome } from './completion.js';
import { decide } from './lifecycle.js';
import { linkedFaultFromComplaint } from './linked-fault.js';
import { DONE, LATER_WINDOW, NOW, codeOf, engineer, makeOrder } from './work-order.fixtures.js';
import { WORK_ORDER_TYPES, type WorkOrder, type WorkOrderStatus } from './work-order.types.js';

const complaint = makeOrder({
  id: 'wo-c',
  type: 'complaint',
  status: 'on_site',
  holderId: 'p-eng',
  offeredToPersonId: 'p-eng',
  faultDescription: 'Speed far below the 300 Mbps paid for, third report this month',
});
const complete = (order: WorkOrder, outcome: CompletionOutcome, extra: Partial<Completion> = {}) =>
  decide(
    order,
    { action: 'complete', completion: { ...DONE, outcome, ...extra } },
    engineer('p-eng'),
    DEFAULT_POLICY_PACK,
    NOW,
  );

const OUTCOMES: { outcome: CompletionOutcome; to: WorkOrderStatus }[] = [
  {
    outcome: { kind: 'resolved', causeCode: 'line_fault', solution: 'Re-terminated drop', steps: 'Tested 290 Mbps' },
    to: 'completed',
  },
  { outcome: { kind: 'unresolved_to_fault', steps: 'OLT port errors, needs network team' }, to: 'completed' },
  { outcome: { kind: 'reschedule', reason: 'Customer must leave', window: LATER_WINDOW }, to: 'appointment_confirmed' },
  { outcome: { kind: 'cannot_resolve', explanation: 'Building wiring owned by property company' }, to: 'completed' },
  { outcome: { kind: 'misdispatched', remark: 'This is a billing dispute' }, to: 'triaged' },
];

describe('WO-07 completion', () => {
  it('WO-07 the complaint outcomes are exactly the five of the requirement', () => {
    expect([...COMPLAINT_OUTCOMES].sort()).toEqual(OUTCOMES.map((o) => o.outcome.kind).sort());
  });

  it.each(OUTCOMES)('WO-07 a complaint completed as $outcome.kind leads to $to', ({ outcome, to }) => {
    const d = complete(complaint, outcome);
    expect(d.to).toBe(to);
    // The event keeps the whole completion: who (the actor), contact, handling time, remark, outcome.
    expect(d.payload).toEqual({ completion: { ...DONE, outcome } });
  });

  it('WO-07 a complaint rescheduled at completion stays with its engineer at the new appointment', () => {
    const next = applyDecision(complaint, complete(complaint, OUTCOMES[2]!.outcome));
    expect(next).toMatchObject({ status: 'appointment_confirmed', holderId: 'p-eng', appointment: LATER_WINDOW });
    expect(next.completedAt).toBeNull();
  });

  it('WO-07 a misdispatched complaint goes back to triage, offered to nobody', () => {
    const next = applyDecision(complaint, complete(complaint, OUTCOMES[4]!.outcome));
    expect(next).toMatchObject({ status: 'triaged', holderId: null, offeredToPersonId: null, offeredToUnitId: null });
  });

  it('WO-07 a resolved complaint stamps the completion time', () => {
    expect(complete(complaint, OUTCOMES[0]!.outcome).changes.completedAt).toEqual(NOW);
  });

  it("WO-07 'done' is refused for a complaint with WO_OUTCOME_NOT_ALLOWED", () => {
    expect(codeOf(() => complete(complaint, { kind: 'done' }))).toBe('WO_OUTCOME_NOT_ALLOWED');
  });

  it.each(OUTCOMES.map((o) => o.outcome))('WO-07 complaint outcome $kind is refused for an install', (outcome) => {
    const install = makeOrder({ type: 'install', status: 'on_site', holderId: 'p-eng' });
    expect(codeOf(() => complete(install, outcome))).toBe('WO_OUTCOME_NOT_ALLOWED');
  });

  it.each(WORK_ORDER_TYPES.filter((t) => t !== 'complaint'))(
    "WO-07 a %s order completes as 'done' and records handling time and remark",
    (type) => {
      const order = makeOrder({ type, status: 'on_site', holderId: 'p-eng' });
      const d = complete(order, { kind: 'done' }, { handlingMinutes: 95, remark: 'Installed and tested' });
      expect(d.to).toBe('completed');
      expect(d.payload).toMatchObject({ completion: { handlingMinutes: 95, remark: 'Installed and tested' } });
    },
  );

  it('WO-07 a resolved complaint must name a cause from the policy list', () => {
    const outcome: CompletionOutcome = { kind: 'resolved', causeCode: 'bad_luck', solution: '-', steps: '-' };
    expect(codeOf(() => complete(complaint, outcome))).toBe('WO_REASON_UNKNOWN');
  });

  it('WO-07 handling time must be a whole, non-negative number of minutes', () => {
    for (const handlingMinutes of [-1, 12.5, Number.NaN]) {
      expect(codeOf(() => complete(complaint, OUTCOMES[0]!.outcome, { handlingMinutes }))).toBe('VALIDATION_FAILED');
    }
  });

  it('WO-07 only the holder can complete an order', () => {
    const d = () =>
      decide(
        complaint,
        { action: 'complete', completion: { ...DONE, outcome: OUTCOMES[0]!.outcome } },
        engineer('p-other'),
        DEFAULT_POLICY_PACK,
        NOW,
      );
    expect(codeOf(d)).toBe('WO_NOT_HOLDER');
  });
});

describe('WO-08 complaint converted to a fault', () => {
  it('WO-08 only an "unresolved → fault" completion asks for a linked fault order', () => {
    for (const { outcome } of OUTCOMES) {
      expect(complete(complaint, outcome).spawnLinkedFault, outcome.kind).toBe(outcome.kind === 'unresolved_to_fault');
    }
  });

  it('WO-08 the linked fault is a new fault for the same customer and line, pointing back at the complaint', () => {
    const later = new Date(NOW.getTime() + 60_000);
    const fault = linkedFaultFromComplaint(complaint, later);
    expect(fault).toMatchObject({
      type: 'fault',
      status: 'created',
      parentOrderId: 'wo-c',
      customerId: complaint.customerId,
      productNumber: complaint.productNumber,
      contactPhone: complaint.contactPhone,
      address: complaint.address,
      faultDescription: complaint.faultDescription,
      holderId: null,
      offeredToPersonId: null,
      acceptedAt: later,
      completedAt: null,
    });
  });

  it('WO-08 a linked fault can only come from a complaint', () => {
    expect(codeOf(() => linkedFaultFromComplaint(makeOrder({ type: 'install' }), NOW))).toBe('VALIDATION_FAILED');
  });
});
