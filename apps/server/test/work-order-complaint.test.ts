import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAllChains } from '@daowei/db';
import {
  call,
  completeBody,
  getOrder,
  startHarness,
  tokensOf,
  type Body,
  type Harness,
  type Tokens,
} from './harness.js';
import { follow, LATER } from './follow.js';

describe('completing complaints over HTTP (WO-07, WO-08)', () => {
  let h: Harness;
  let tk: Tokens;
  let meta: Body;
  beforeAll(async () => {
    h = await startHarness();
    tk = await tokensOf(h);
    meta = (await call(h.app, tk.engineer, 'GET', '/api/meta')).body;
  });
  afterAll(async () => {
    // AUD-01: every order's history, including the spawned faults, is complete and its chain verifies.
    if (h) expect(await verifyAllChains(h.database.db, h.t.tenant.id)).toEqual([]);
    await h?.close();
  });

  /** A complaint taken by the engineer and on site, ready to be completed. */
  async function complaintOnSite() {
    const o = await follow(h, tk, 'complaint');
    await o.step(tk.coordinator, 'dispatch', { toPersonId: h.t.engineer.id, remark: 'complaint visit' });
    await o.step(tk.engineer, 'take');
    await o.step(tk.engineer, 'depart');
    await o.step(tk.engineer, 'arrive');
    return o;
  }

  it('WO-07 WO-03 complaint resolved: cause from the policy list, solution and steps recorded', async () => {
    const o = await complaintOnSite();
    const cause = meta.complaintCauses[0].code;
    await o.refused(tk.engineer, 'complete', completeBody({ kind: 'done' }), 400, 'WO_OUTCOME_NOT_ALLOWED');
    const bad = await o.refused(
      tk.engineer,
      'complete',
      completeBody({ kind: 'resolved', causeCode: 'aliens', solution: 'x', steps: 'y' }),
      400,
      'WO_REASON_UNKNOWN',
    );
    expect(bad.details.allowed).toContain(cause);
    const outcome = {
      kind: 'resolved',
      causeCode: cause,
      solution: 'replaced the drop cable',
      steps: 'tested 3 times',
    };
    const done = await o.step(tk.engineer, 'complete', completeBody(outcome, 30));
    expect(done.order.status).toBe('completed');
    expect(done.completion.outcome).toEqual(outcome);
    expect(done.linked).toEqual([]);
  });

  it('WO-08 complaint unresolved → fault: a linked fault order appears, its history references the complaint', async () => {
    const o = await complaintOnSite();
    const done = await o.step(
      tk.engineer,
      'complete',
      completeBody({ kind: 'unresolved_to_fault', steps: 'line tested bad' }),
    );
    expect(done.order.status).toBe('completed');
    const { linkedFaultId } = done.events.at(-1).payload;
    // The engineer answered sees the link in the history; the new fault itself is the desk's until offered.
    expect(done.linked).toEqual([]);
    const complaint = await getOrder(h, tk.coordinator, o.id);
    expect(complaint.linked).toHaveLength(1);
    const fault = complaint.linked[0];
    expect(fault.id).toBe(linkedFaultId);
    expect(fault).toMatchObject({
      type: 'fault',
      status: 'created',
      parentOrderId: o.id,
      customerId: o.order.customerId,
      productNumber: o.order.productNumber,
      address: o.order.address,
      holderId: null,
    });
    expect(fault.id).not.toBe(o.id);
    expect(done.events.at(-1).payload).toMatchObject({ linkedFaultNumber: fault.number });

    const faultDetail = await getOrder(h, tk.coordinator, fault.id);
    expect(faultDetail.events).toHaveLength(1);
    expect(faultDetail.events[0]).toMatchObject({
      action: 'create',
      toStatus: 'created',
      payload: { fromComplaintId: o.id, fromComplaintNumber: o.order.number },
    });
    expect(faultDetail.linked.map((l: Body) => l.id)).toEqual([o.id]);
    expect(faultDetail.actions).toContain('dispatch');
    const listed = await call(h.app, tk.coordinator, 'GET', `/api/work-orders?type=fault&q=${fault.number}`);
    expect(listed.body.items.map((i: Body) => i.id)).toEqual([fault.id]);
  });

  it('WO-07 complaint reschedule keeps the order open with the new window and the same engineer', async () => {
    const o = await complaintOnSite();
    const done = await o.step(
      tk.engineer,
      'complete',
      completeBody({ kind: 'reschedule', reason: 'customer must leave', window: LATER }),
    );
    expect(done.order).toMatchObject({
      status: 'appointment_confirmed',
      appointment: LATER,
      holderId: h.t.engineer.id,
    });
    expect(done.order.completedAt).toBeNull();
    expect(done.actions).toEqual(expect.arrayContaining(['depart', 'complete']));
    await o.step(tk.engineer, 'depart');
  });

  it('WO-07 complaint misdispatched goes back to triage with no holder', async () => {
    const o = await complaintOnSite();
    const done = await o.step(
      tk.engineer,
      'complete',
      completeBody({ kind: 'misdispatched', remark: 'billing matter' }),
    );
    expect(done.order).toMatchObject({
      status: 'triaged',
      holderId: null,
      offeredToPersonId: null,
      offeredToUnitId: null,
    });
    expect(done.order.completedAt).toBeNull();
    // The engineer no longer holds it and so no longer sees it.
    expect((await call(h.app, tk.engineer, 'GET', `/api/work-orders/${o.id}`)).status).toBe(404);
  });

  it('WO-07 complaint cannot be resolved: completed with the explanation', async () => {
    const o = await complaintOnSite();
    await o.refused(
      tk.engineer,
      'complete',
      completeBody({ kind: 'cannot_resolve', explanation: '   ' }),
      400,
      'VALIDATION_FAILED',
    );
    const done = await o.step(
      tk.engineer,
      'complete',
      completeBody({ kind: 'cannot_resolve', explanation: 'building owner refuses wiring' }),
    );
    expect(done.order.status).toBe('completed');
    expect(done.completion.outcome.explanation).toBe('building owner refuses wiring');
  });
});
