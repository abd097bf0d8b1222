import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAllChains } from '@daowei/db';
import { addTestVendor } from '@daowei/db/testing';
import {
  act,
  actions,
  call,
  completeBody,
  getOrder,
  startHarness,
  tokensOf,
  type Body,
  type Harness,
  type Tokens,
} from './harness.js';
import { follow, LATER, WINDOW } from './follow.js';

describe('work-order lifecycle over HTTP', () => {
  let h: Harness;
  let tk: Tokens;
  let meta: Body;
  beforeAll(async () => {
    h = await startHarness();
    tk = await tokensOf(h);
    meta = (await call(h.app, tk.engineer, 'GET', '/api/meta')).body;
  });
  afterAll(async () => {
    // AUD-01: whatever the tests did, every order's history is complete and its chain verifies.
    if (h) expect(await verifyAllChains(h.database.db, h.t.tenant.id)).toEqual([]);
    await h?.close();
  });

  it('WO-03 WO-06 WO-07 AUD-01 an install goes from creation to closed, one chained event per step', async () => {
    const o = await follow(h, tk, 'install');
    await o.step(tk.hotline, 'triage', { remark: 'checked with BSS' }, h.t.hotline);
    const d = await o.step(tk.coordinator, 'dispatch', { toPersonId: h.t.engineer.id, remark: 'near him' });
    expect(d.order).toMatchObject({
      status: 'assigned',
      offeredToPersonId: h.t.engineer.id,
      offeredToName: h.t.engineer.name,
    });
    expect(d.events.at(-1).payload).toMatchObject({ toPersonId: h.t.engineer.id, remark: 'near him' });
    const taken = await o.step(tk.engineer, 'take', {}, h.t.engineer);
    expect(taken.order).toMatchObject({ status: 'taken', holderId: h.t.engineer.id, holderName: h.t.engineer.name });
    const booked = await o.step(tk.engineer, 'confirm_appointment', { window: WINDOW });
    expect(booked.order.appointment).toEqual(WINDOW);
    expect((await o.step(tk.engineer, 'depart')).order.status).toBe('en_route');
    expect((await o.step(tk.engineer, 'arrive')).order.status).toBe('on_site');
    const done = await o.step(tk.engineer, 'complete', completeBody({ kind: 'done' }, 95), h.t.engineer);
    expect(done.order.status).toBe('completed');
    expect(done.order.completedAt).toBe(h.clock.now().toISOString());
    expect(done.completion).toEqual({
      customerContacted: true,
      handlingMinutes: 95,
      remark: 'done on site',
      outcome: { kind: 'done' },
    });
    expect(done.events.at(-1).actorName).toBe(h.t.engineer.name);
    await o.step(tk.admin, 'start_callback');
    const closed = await o.step(tk.coordinator, 'close', { remark: 'customer satisfied' });
    expect(closed.order.closedAt).toBe(h.clock.now().toISOString());
    expect(actions(closed)).toEqual([
      'create',
      'triage',
      'dispatch',
      'take',
      'confirm_appointment',
      'depart',
      'arrive',
      'complete',
      'start_callback',
      'close',
    ]);
    expect(await verifyAllChains(h.database.db, h.t.tenant.id)).toEqual([]);
  });

  it('WO-03 a closed order is reopened to triage and can be cancelled; nothing moves a cancelled order', async () => {
    const o = await follow(h, tk, 'fault');
    await o.step(tk.coordinator, 'dispatch', { toPersonId: h.t.engineer.id, remark: '' });
    await o.step(tk.engineer, 'take');
    await o.step(tk.engineer, 'complete', completeBody());
    await o.step(tk.coordinator, 'close', {});
    const reopened = await o.step(tk.coordinator, 'reopen', { reason: 'customer called again: still slow' });
    expect(reopened.order).toMatchObject({ status: 'triaged', holderId: null, completedAt: null, closedAt: null });
    const cancelled = await o.step(tk.hotline, 'cancel', { reason: 'customer withdrew' });
    expect(cancelled.order.status).toBe('cancelled');
    expect(cancelled.actions).toEqual([]);
    await o.refused(
      tk.coordinator,
      'dispatch',
      { toUnitId: h.t.units.team.id, remark: '' },
      409,
      'WO_INVALID_TRANSITION',
    );
    await o.refused(tk.hotline, 'reopen', { reason: 'again' }, 409, 'WO_INVALID_TRANSITION');
  });

  it('WO-06 WO-04 an order dispatched to the team pool is taken by one of its engineers', async () => {
    const o = await follow(h, tk, 'fault');
    const pooled = await o.step(tk.coordinator, 'dispatch', { toUnitId: h.t.units.team.id, remark: 'pool' });
    expect(pooled.order).toMatchObject({ offeredToUnitId: h.t.units.team.id, offeredToName: h.t.units.team.name });
    const offered = await getOrder(h, tk.engineer2, o.id);
    expect(offered.actions).toContain('take');
    const taken = await o.step(tk.engineer2, 'take', {}, h.t.engineer2);
    expect(taken.order.holderId).toBe(h.t.engineer2.id);
    await o.refused(tk.engineer, 'take', {}, 409, 'WO_ALREADY_TAKEN');
  });

  it('WO-06 a dispatch names exactly one known target of the order vendor', async () => {
    const o = await follow(h, tk, 'fault');
    const both = await o.refused(
      tk.coordinator,
      'dispatch',
      { toPersonId: h.t.engineer.id, toUnitId: h.t.units.team.id, remark: '' },
      400,
      'VALIDATION_FAILED',
    );
    expect(both.details.field).toBe('toPersonId');
    await o.refused(tk.coordinator, 'dispatch', { remark: '' }, 400, 'VALIDATION_FAILED');
    const ghost = await o.refused(
      tk.coordinator,
      'dispatch',
      { toPersonId: randomUUID(), remark: '' },
      400,
      'VALIDATION_FAILED',
    );
    expect(ghost.details.field).toBe('toPersonId');
    const ghostUnit = await o.refused(
      tk.coordinator,
      'dispatch',
      { toUnitId: randomUUID(), remark: '' },
      400,
      'VALIDATION_FAILED',
    );
    expect(ghostUnit.details.field).toBe('toUnitId');
    // SEC-02: never to another vendor's people or units.
    const other = await addTestVendor(h.database.db, h.t, `vc${h.t.suffix.slice(0, 4)}`);
    await o.refused(
      tk.coordinator,
      'dispatch',
      { toPersonId: other.engineer.id, remark: '' },
      400,
      'VALIDATION_FAILED',
    );
    await o.refused(tk.admin, 'dispatch', { toUnitId: other.units.team.id, remark: '' }, 400, 'VALIDATION_FAILED');
    await o.refused(
      tk.coordinator,
      'dispatch',
      { toUnitId: h.t.operatorUnit.id, remark: '' },
      400,
      'VALIDATION_FAILED',
    );
    await o.step(tk.admin, 'dispatch', { toUnitId: h.t.units.station.id, remark: 'station pool' });
  });

  it('WO-05 an engineer returns an order with a reason from /api/meta; an unknown reason is 400 WO_REASON_UNKNOWN', async () => {
    expect(meta.returnReasons.length).toBeGreaterThan(0);
    const reason = meta.returnReasons[0];
    expect(reason.label).toEqual({ 'zh-CN': expect.any(String), en: expect.any(String) });
    const o = await follow(h, tk, 'install');
    await o.step(tk.coordinator, 'dispatch', { toPersonId: h.t.engineer.id, remark: '' });
    await o.step(tk.engineer, 'take');
    const unknown = await o.refused(
      tk.engineer,
      'return',
      { reasonCode: 'felt_like_it', remark: '' },
      400,
      'WO_REASON_UNKNOWN',
    );
    expect(unknown.details.allowed).toEqual(meta.returnReasons.map((r: Body) => r.code));
    await o.refused(tk.engineer, 'return', { reasonCode: '  ', remark: '' }, 400, 'VALIDATION_FAILED');
    const returned = await o.step(tk.engineer, 'return', { reasonCode: reason.code, remark: 'drop cable over 250 m' });
    expect(returned.order).toMatchObject({ status: 'returned', holderId: null, offeredToPersonId: null });
    expect(returned.events.at(-1).payload).toEqual({ reasonCode: reason.code, remark: 'drop cable over 250 m' });
    // Back with the desk: it can be triaged and dispatched again.
    await o.step(tk.hotline, 'triage', {});
    await o.step(tk.coordinator, 'dispatch', { toUnitId: h.t.units.team.id, remark: 'again' });
  });

  it('WO-03 reschedule: the desk or the holder moves the visit with a reason, a new window and who asked', async () => {
    const o = await follow(h, tk, 'fault');
    await o.step(tk.coordinator, 'dispatch', { toPersonId: h.t.engineer.id, remark: '' });
    await o.step(tk.engineer, 'take');
    await o.step(tk.engineer, 'confirm_appointment', { window: WINDOW });
    await o.refused(
      tk.hotline,
      'reschedule',
      { reason: 'x', window: LATER, askedBy: 'nobody' },
      400,
      'VALIDATION_FAILED',
    );
    const moved = await o.step(tk.hotline, 'reschedule', {
      reason: 'customer travelling',
      window: LATER,
      askedBy: 'customer',
    });
    expect(moved.order).toMatchObject({
      status: 'appointment_confirmed',
      appointment: LATER,
      holderId: h.t.engineer.id,
    });
    expect(moved.events.at(-1).payload).toEqual({
      window: LATER,
      previous: WINDOW,
      reason: 'customer travelling',
      askedBy: 'customer',
    });
    const lead = await h.tokenFor(h.t.engineer2, 'team_lead');
    await o.step(lead, 'reschedule', { reason: 'engineer sick', window: WINDOW, askedBy: 'us' });
    await o.step(tk.engineer, 'reschedule', { reason: 'traffic', window: LATER, askedBy: 'us' });
    await o.step(tk.engineer, 'depart');
  });

  it('WO-03 suspend waiting for parts and resume', async () => {
    const o = await follow(h, tk, 'fault');
    await o.step(tk.coordinator, 'dispatch', { toPersonId: h.t.engineer.id, remark: '' });
    await o.step(tk.engineer, 'take');
    await o.refused(tk.engineer, 'suspend', { reason: 'bored', remark: '' }, 400, 'VALIDATION_FAILED');
    const suspended = await o.step(tk.engineer, 'suspend', { reason: 'waiting_parts', remark: 'ONU on order' });
    expect(suspended.order).toMatchObject({
      status: 'suspended',
      suspendReason: 'waiting_parts',
      holderId: h.t.engineer.id,
    });
    await o.refused(tk.engineer, 'complete', completeBody(), 409, 'WO_INVALID_TRANSITION');
    const resumed = await o.step(tk.coordinator, 'resume', { remark: 'ONU arrived' });
    expect(resumed.order).toMatchObject({ status: 'taken', suspendReason: null });
    await o.step(tk.engineer, 'complete', completeBody());
  });

  it('WO-03 an action the status does not allow is 409 WO_INVALID_TRANSITION; unknown action names are 400', async () => {
    const o = await follow(h, tk, 'fault');
    await o.refused(tk.coordinator, 'close', {}, 409, 'WO_INVALID_TRANSITION');
    await o.step(tk.coordinator, 'dispatch', { toPersonId: h.t.engineer.id, remark: '' });
    const early = await o.refused(tk.engineer, 'depart', {}, 409, 'WO_INVALID_TRANSITION');
    expect(early.details).toMatchObject({ action: 'depart', status: 'assigned' });
    const unknown = await act(h, tk.engineer, o.id, 'teleport', {});
    expect(unknown.status).toBe(400);
    expect(unknown.body.details.field).toBe('params.action');
  });

  it('WO-04 only the holder completes: another engineer gets 403 WO_NOT_HOLDER, a desk position 403 FORBIDDEN', async () => {
    const o = await follow(h, tk, 'fault');
    await o.step(tk.coordinator, 'dispatch', { toUnitId: h.t.units.team.id, remark: '' });
    await o.step(tk.engineer, 'take');
    const lead = await h.tokenFor(h.t.engineer2, 'team_lead'); // sees the vendor's orders, does not hold this one
    await o.refused(lead, 'complete', completeBody(), 403, 'WO_NOT_HOLDER');
    await o.refused(lead, 'arrive', {}, 409, 'WO_INVALID_TRANSITION');
    await o.refused(tk.coordinator, 'depart', {}, 403, 'FORBIDDEN');
    // A colleague working as a plain engineer does not even see it.
    await o.refused(tk.engineer2, 'complete', completeBody(), 404, 'NOT_FOUND');
    await o.step(tk.engineer, 'complete', completeBody());
  });

  it('WO-07 a completion body with wrong types names the field', async () => {
    const o = await follow(h, tk, 'install');
    await o.step(tk.coordinator, 'dispatch', { toPersonId: h.t.engineer.id, remark: '' });
    await o.step(tk.engineer, 'take');
    const r1 = await o.refused(
      tk.engineer,
      'complete',
      { ...completeBody(), handlingMinutes: 'an hour' },
      400,
      'VALIDATION_FAILED',
    );
    expect(r1.details.field).toBe('body.handlingMinutes');
    const r2 = await o.refused(
      tk.engineer,
      'complete',
      { ...completeBody(), handlingMinutes: -5 },
      400,
      'VALIDATION_FAILED',
    );
    expect(r2.details.field).toBe('body.handlingMinutes');
    const r3 = await o.refused(
      tk.engineer,
      'complete',
      { ...completeBody(), outcome: { kind: 'vanished' } },
      400,
      'VALIDATION_FAILED',
    );
    expect(r3.details.field).toMatch(/^body\.outcome/);
    const r4 = await o.refused(
      tk.engineer,
      'confirm_appointment',
      { window: { start: 'tomorrow', end: 'later' } },
      400,
      'VALIDATION_FAILED',
    );
    expect(r4.details.field).toBe('body.window.start');
  });
});
