import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  act,
  actions,
  actOk,
  call,
  completeBody,
  createOrderVia,
  getOrder,
  startHarness,
  tokensOf,
  type Harness,
  type Tokens,
} from './harness.js';

const WINDOW = { start: '2026-11-23T03:00:00.000Z', end: '2026-11-23T05:00:00.000Z' };
const FOUND = {
  symptomReproduced: 'intermittent',
  observedMinutes: 30,
  causeCategory: 'third_party',
  finding: '楼道分光器被装修队碰松，每10分钟掉线一次',
};

describe('ENG-05 the engineer’s diagnosis over HTTP', () => {
  let h: Harness;
  let tk: Tokens;
  beforeAll(async () => {
    h = await startHarness();
    tk = await tokensOf(h);
  });
  afterAll(async () => h?.close());

  /** An order of the test engineer, checked in on site. */
  async function onSite(type: 'fault' | 'install' = 'fault') {
    h.clock.set('2026-11-23T02:00:00Z');
    const id: string = (await createOrderVia(h, tk.hotline, type)).order.id;
    await actOk(h, tk.coordinator, id, 'dispatch', { toPersonId: h.t.engineer.id, remark: 'yours' });
    await actOk(h, tk.engineer, id, 'take');
    await actOk(h, tk.engineer, id, 'confirm_appointment', { window: WINDOW });
    await actOk(h, tk.engineer, id, 'depart');
    h.clock.set('2026-11-23T02:55:00Z');
    await actOk(h, tk.engineer, id, 'arrive');
    return id;
  }
  const diagnose = (token: string, id: string, body: unknown = FOUND, headers: Record<string, string> = {}) =>
    call(h.app, token, 'POST', `/api/work-orders/${id}/diagnosis`, body, headers);
  const read = (token: string, id: string) => call(h.app, token, 'GET', `/api/work-orders/${id}/diagnosis`);

  it('ENG-05 the diagnosis is recorded on site and shown on the order: GET and the history', async () => {
    const id = await onSite();
    const saved = await diagnose(tk.engineer, id);
    expect(saved.status, JSON.stringify(saved.body)).toBe(201);
    expect(saved.body).toMatchObject({ maxObservedMinutes: 30, required: true, diagnosis: FOUND });
    const seen = await read(tk.coordinator, id);
    expect(seen.body.diagnosis).toMatchObject({ ...FOUND, recordedBy: h.t.engineer.id });
    const detail = await getOrder(h, tk.coordinator, id);
    const event = detail.events.at(-1);
    expect(event).toMatchObject({ action: 'diagnosis', fromStatus: 'on_site', toStatus: 'on_site', payload: FOUND });
    expect(detail.order.status).toBe('on_site');
  });

  it('ENG-05 observing longer than the policy’s 30 min is refused with WO_OBSERVATION_TOO_LONG', async () => {
    const id = await onSite();
    const refused = await diagnose(tk.engineer, id, { ...FOUND, observedMinutes: 31 });
    expect([refused.status, refused.body.code]).toEqual([400, 'WO_OBSERVATION_TOO_LONG']);
    expect(refused.body.details).toMatchObject({ field: 'observedMinutes', maxObservedMinutes: 30 });
    expect((await read(tk.engineer, id)).body.diagnosis).toBeNull();
    const unknownCause = await diagnose(tk.engineer, id, { ...FOUND, causeCategory: 'weather' });
    expect(unknownCause.status).toBe(400);
  });

  it('ENG-05 a visited fault cannot be completed without the diagnosis (WO_DIAGNOSIS_MISSING), after it can', async () => {
    const id = await onSite();
    const refused = await act(h, tk.engineer, id, 'complete', completeBody());
    expect([refused.status, refused.body.code]).toEqual([409, 'WO_DIAGNOSIS_MISSING']);
    expect((await getOrder(h, tk.engineer, id)).order.status).toBe('on_site');
    expect((await diagnose(tk.engineer, id)).status).toBe(201);
    const done = await actOk(h, tk.engineer, id, 'complete', completeBody());
    expect(done.order.status).toBe('completed');
    expect(actions(done).slice(-3)).toEqual(['arrive', 'diagnosis', 'complete']);
  });

  it('ENG-05 a diagnosis of an earlier visit does not close the fault after a new departure', async () => {
    const id = await onSite();
    expect((await diagnose(tk.engineer, id)).status).toBe(201);
    await actOk(h, tk.engineer, id, 'suspend', { reason: 'waiting_parts', remark: '等光猫' });
    await actOk(h, tk.engineer, id, 'resume', { remark: '光猫到货' });
    await actOk(h, tk.engineer, id, 'confirm_appointment', { window: WINDOW });
    await actOk(h, tk.engineer, id, 'depart');
    await actOk(h, tk.engineer, id, 'arrive');
    const refused = await act(h, tk.engineer, id, 'complete', completeBody());
    expect(refused.body.code).toBe('WO_DIAGNOSIS_MISSING');
    const view = (await read(tk.engineer, id)).body;
    expect([view.diagnosis, view.last]).toEqual([null, expect.objectContaining(FOUND)]);
  });

  it('ENG-05 a fault put on hold on site and resumed without a new trip can still be diagnosed, then completed', async () => {
    const id = await onSite();
    await actOk(h, tk.engineer, id, 'suspend', { reason: 'waiting_parts', remark: '等光猫' });
    await actOk(h, tk.engineer, id, 'resume', { remark: '远程确认已恢复' });
    expect((await act(h, tk.engineer, id, 'complete', completeBody())).body.code).toBe('WO_DIAGNOSIS_MISSING');
    expect((await diagnose(tk.engineer, id)).status).toBe(201);
    expect((await actOk(h, tk.engineer, id, 'complete', completeBody())).order.status).toBe('completed');
  });

  it('ENG-05 other order types complete without a diagnosis', async () => {
    const id = await onSite('install');
    const done = await actOk(h, tk.engineer, id, 'complete', completeBody());
    expect(done.order.status).toBe('completed');
  });

  it('ENG-05 ENG-07 a retried diagnosis with the same Idempotency-Key is recorded once', async () => {
    const id = await onSite();
    const headers = { 'idempotency-key': `diag-${id}`, 'offline-queued-at': '2026-11-23T02:58:00.000Z' };
    const first = await diagnose(tk.engineer, id, FOUND, headers);
    const retry = await diagnose(tk.engineer, id, FOUND, headers);
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(retry.body).toEqual(first.body);
    const detail = await getOrder(h, tk.engineer, id);
    expect(actions(detail).filter((a) => a === 'diagnosis')).toHaveLength(1);
  });

  it('ENG-05 another engineer or the desk cannot record the diagnosis, nor the holder before arriving', async () => {
    const id = await onSite();
    const other = await diagnose(tk.engineer2, id);
    expect([404, 403]).toContain(other.status); // a colleague who may not see it hears "not found"
    const desk = await diagnose(tk.coordinator, id);
    expect([desk.status, desk.body.code]).toEqual([403, 'WO_NOT_HOLDER']);
    expect((await read(tk.engineer, id)).body.diagnosis).toBeNull();

    h.clock.set('2026-11-23T02:00:00Z');
    const early: string = (await createOrderVia(h, tk.hotline, 'fault')).order.id;
    await actOk(h, tk.coordinator, early, 'dispatch', { toPersonId: h.t.engineer.id, remark: 'yours' });
    await actOk(h, tk.engineer, early, 'take');
    const notThere = await diagnose(tk.engineer, early);
    expect([notThere.status, notThere.body.code]).toEqual([409, 'WO_INVALID_TRANSITION']);
  });
});
