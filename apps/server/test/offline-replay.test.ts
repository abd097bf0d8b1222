import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  act,
  actOk,
  actions,
  call,
  completeBody,
  createOrderVia,
  getOrder,
  startHarness,
  tokensOf,
  type Answer,
  type Harness,
  type Tokens,
  diagnosisBody,
} from './harness.js';

const PNG = `data:image/png;base64,${Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]).toString('base64')}`;
const WINDOW = { start: '2026-11-23T03:00:00.000Z', end: '2026-11-23T05:00:00.000Z' };
const QUEUED_AT = '2026-11-23T02:40:00.000Z';

/** One submission of the phone's outbox (ENG-07): a path, a body and the key it was queued with. */
interface Queued {
  path: string;
  body: unknown;
  key: string;
}

describe('ENG-07 offline queue replayed against the server: exactly once, conflicts named', () => {
  let h: Harness;
  let tk: Tokens;
  beforeAll(async () => {
    h = await startHarness();
    tk = await tokensOf(h);
  });
  afterAll(async () => h?.close());

  /** A fault held by the test engineer with an agreed window (what the phone cached before losing signal). */
  async function heldOrder() {
    h.clock.set('2026-11-23T02:00:00Z');
    const id: string = (await createOrderVia(h, tk.hotline, 'fault')).order.id;
    await actOk(h, tk.coordinator, id, 'dispatch', { toPersonId: h.t.engineer.id, remark: 'yours' });
    await actOk(h, tk.engineer, id, 'take');
    await actOk(h, tk.engineer, id, 'confirm_appointment', { window: WINDOW });
    return id;
  }

  /** The visit as the phone queues it offline: depart … complete, each with its own key. */
  const visitQueue = (id: string): Queued[] =>
    [
      { path: `/api/work-orders/${id}/actions/depart`, body: {} },
      { path: `/api/work-orders/${id}/actions/arrive`, body: { position: { lat: 39.9, lng: 116.4 } } },
      { path: `/api/work-orders/${id}/checklist`, body: { steps: ['badge_shown', 'consent_to_enter'] } },
      { path: `/api/work-orders/${id}/consents`, body: { kind: 'open_device', signature: PNG } },
      { path: `/api/work-orders/${id}/attachments`, body: { kind: 'photo', data: PNG, caption: 'router' } },
      { path: `/api/work-orders/${id}/confirmation`, body: { satisfaction: 5, declinedToSign: false, signature: PNG } },
      { path: `/api/work-orders/${id}/diagnosis`, body: diagnosisBody() },
      { path: `/api/work-orders/${id}/actions/complete`, body: completeBody() },
    ].map((q) => ({ ...q, key: randomUUID() }));

  const send = (token: string, q: Queued): Promise<Answer> =>
    call(h.app, token, 'POST', q.path, q.body, { 'idempotency-key': q.key, 'offline-queued-at': QUEUED_AT });

  async function replay(token: string, queue: Queued[]) {
    const answers: Answer[] = [];
    for (const q of queue) answers.push(await send(token, q));
    return answers;
  }

  async function recordCounts(id: string) {
    const get = async (what: string) =>
      (await call(h.app, tk.engineer, 'GET', `/api/work-orders/${id}/${what}`)).body.items.length as number;
    return { consents: await get('consents'), attachments: await get('attachments') };
  }

  it('ENG-07 ENG-05 a whole visit queued offline (diagnosis included) and sent three times (lost answers) is applied exactly once', async () => {
    const id = await heldOrder();
    const queue = visitQueue(id);
    h.clock.set('2026-11-23T02:55:00Z');
    const first = await replay(tk.engineer, queue);
    expect(first.map((a) => a.status)).toEqual([200, 200, 200, 201, 201, 201, 201, 200]);
    const afterFirst = await getOrder(h, tk.engineer, id);
    // The phone never heard the answers (signal lost mid-sync) and sends everything again, twice.
    h.clock.advance(10 * 60_000);
    const second = await replay(tk.engineer, queue);
    const third = await replay(tk.engineer, queue);
    expect(second.map((a) => a.body)).toEqual(first.map((a) => a.body));
    expect(third.map((a) => a.status)).toEqual(first.map((a) => a.status));
    const after = await getOrder(h, tk.engineer, id);
    expect(after.order.status).toBe('completed');
    expect(after.events.length).toBe(afterFirst.events.length);
    expect(actions(after).filter((a) => ['depart', 'arrive', 'diagnosis', 'complete'].includes(a))).toEqual([
      'depart',
      'arrive',
      'diagnosis',
      'complete',
    ]);
    expect(await recordCounts(id)).toEqual({ consents: 1, attachments: 1 });
  });

  it('ENG-07 the same queued submission sent five times at once is applied once', async () => {
    const id = await heldOrder();
    const [depart] = visitQueue(id);
    const answers = await Promise.all(Array.from({ length: 5 }, () => send(tk.engineer, depart!)));
    // Twins that lost the race are told to retry (409 CONFLICT); a retry answers the winner's result.
    expect(answers.filter((a) => a.status === 200).length).toBeGreaterThanOrEqual(1);
    for (const a of answers.filter((x) => x.status !== 200)) expect(a.body.code).toBe('CONFLICT');
    const retry = await send(tk.engineer, depart!);
    expect(retry.status).toBe(200);
    expect(actions(await getOrder(h, tk.engineer, id)).filter((a) => a === 'depart')).toHaveLength(1);
  });

  it('ENG-07 order reassigned while the phone was offline: the queued arrive is a 409 WO_OFFLINE_CONFLICT, nothing applied', async () => {
    const id = await heldOrder();
    const queue = visitQueue(id);
    h.clock.set('2026-11-23T02:50:00Z');
    expect((await send(tk.engineer, queue[0]!)).status).toBe(200); // depart got through before the tunnel
    await actOk(h, tk.coordinator, id, 'dispatch', { toPersonId: h.t.engineer2.id, remark: 'engineer is stuck' });
    const before = await getOrder(h, tk.coordinator, id);
    const arrive = await send(tk.engineer, queue[1]!);
    expect([arrive.status, arrive.body.code]).toEqual([409, 'WO_OFFLINE_CONFLICT']);
    expect(arrive.body.details).toMatchObject({ reason: 'reassigned', status: 'assigned', queuedAt: QUEUED_AT });
    const tick = await send(tk.engineer, queue[2]!);
    expect([tick.status, tick.body.code, tick.body.details.reason]).toEqual([409, 'WO_OFFLINE_CONFLICT', 'reassigned']);
    expect((await getOrder(h, tk.coordinator, id)).events.length).toBe(before.events.length);
    // The depart that was applied before the reassignment still answers its first result on a resend.
    const resent = await send(tk.engineer, queue[0]!);
    expect([resent.status, resent.body.order.status]).toEqual([200, 'en_route']);
  });

  it('ENG-07 order cancelled by the desk meanwhile: queued records answer reason "cancelled"', async () => {
    const id = await heldOrder();
    const queue = visitQueue(id);
    await actOk(h, tk.hotline, id, 'cancel', { reason: 'customer called to cancel' });
    const depart = await send(tk.engineer, queue[0]!);
    expect([depart.status, depart.body.code, depart.body.details.reason]).toEqual([
      409,
      'WO_OFFLINE_CONFLICT',
      'cancelled',
    ]);
  });

  it('ENG-07 SEC-02 an engineer who never held the order hears 404, not why it changed', async () => {
    const id = await heldOrder();
    await actOk(h, tk.hotline, id, 'cancel', { reason: 'customer called to cancel' });
    const probe = await send(tk.engineer2, visitQueue(id)[0]!);
    expect([probe.status, probe.body.code]).toEqual([404, 'NOT_FOUND']);
  });

  it('ENG-07 without the queued marker the usual answers stay (online use is unchanged)', async () => {
    const id = await heldOrder();
    await actOk(h, tk.coordinator, id, 'dispatch', { toPersonId: h.t.engineer2.id, remark: 'swap' });
    const online = await act(h, tk.engineer, id, 'depart');
    expect(online.status).toBe(404);
  });
});
