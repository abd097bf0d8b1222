import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  actOk,
  call,
  newPhone,
  startHarness,
  tokensOf,
  type Answer,
  type Body,
  type Harness,
  type Tokens,
} from './harness.js';

/**
 * ENG-07 for the planned-work phone pages (WO-16 care visit, WO-17 inspection): what the phone queued
 * offline is sent with its Idempotency-Key and Offline-Queued-At; sent again (an answer lost on the way
 * back) it applies once; the phone's queued time stamps what happened; a changed order is a named
 * conflict. ENG-01: the second inspector of a crew finds the order in his own to-do entries.
 */
let h: Harness;
let tk: Tokens;
beforeAll(async () => {
  h = await startHarness();
  tk = await tokensOf(h);
});
afterAll(async () => h?.close());

const PNG = `data:image/png;base64,${Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]).toString('base64')}`;
const QUEUED_AT = '2026-11-23T02:20:00.000Z';
const SENT_AT = '2026-11-23T03:05:00.000Z';

interface Queued {
  path: string;
  body: unknown;
  key: string;
}
const queue = (items: { path: string; body: unknown }[]): Queued[] => items.map((q) => ({ ...q, key: randomUUID() }));
const send = (token: string, q: Queued): Promise<Answer> =>
  call(h.app, token, 'POST', q.path, q.body, { 'idempotency-key': q.key, 'offline-queued-at': QUEUED_AT });
async function replay(token: string, items: Queued[]) {
  const answers: Answer[] = [];
  for (const q of items) answers.push(await send(token, q));
  return answers;
}

async function careOrder(): Promise<string> {
  h.clock.set('2026-11-23T02:00:00Z');
  const res = await call(h.app, tk.coordinator, 'POST', '/api/care-agreements', {
    customer: { name: '周奶奶', phone: newPhone(), address: '和平里街道 9 号楼 1-101' },
    areaId: h.t.area.id,
    contents: ['cleaning', 'health_check'],
    schedule: { kind: 'weekly', everyWeeks: 1, weekdays: [4], start: '09:00', end: '11:00' },
    startDate: '2026-11-23',
    carerId: h.t.engineer.id,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const id = res.body.visits[0].order.id as string;
  await actOk(h, tk.engineer, id, 'take');
  return id;
}

async function inspectionOrder(): Promise<string> {
  h.clock.set('2026-11-23T02:00:00Z');
  const plan = await call(h.app, tk.coordinator, 'POST', '/api/inspection-plans', {
    year: 2026,
    name: '离线安检',
    targets: [
      {
        customerName: '住户',
        contactPhone: newPhone(),
        address: `安贞里 ${randomUUID().slice(0, 6)} 号`,
        areaId: h.t.area.id,
        month: 11,
      },
    ],
  });
  expect(plan.status, JSON.stringify(plan.body)).toBe(201);
  const id = plan.body.targets[0].order.id as string;
  const crew = await call(h.app, tk.coordinator, 'POST', `/api/work-orders/${id}/inspectors`, {
    personIds: [h.t.engineer.id, h.t.engineer2.id],
  });
  expect(crew.status, JSON.stringify(crew.body)).toBe(200);
  await actOk(h, tk.engineer, id, 'take');
  return id;
}

describe('ENG-07 WO-16 a care visit queued offline', () => {
  it('ENG-07 WO-16 call, ticks, signature, evaluation and next visit sent twice apply once, at the phone’s times', async () => {
    const id = await careOrder();
    const base = `/api/work-orders/${id}`;
    const items = queue([
      { path: `${base}/care-visit/calls`, body: { outcome: 'confirmed', note: '家属在家' } },
      {
        path: `${base}/care-visit/ticks`,
        body: { items: ['cleaning', 'health_check', 'valuables_checked', 'home_safe'] },
      },
      { path: `${base}/confirmation`, body: { satisfaction: 5, declinedToSign: false, signature: PNG } },
      { path: `${base}/care-visit/evaluation`, body: { condition: 'stable', rating: 5 } },
      { path: `${base}/care-visit/next`, body: {} },
    ]);
    h.clock.set(SENT_AT);
    const first = await replay(tk.engineer, items);
    expect(
      first.map((a) => a.status),
      JSON.stringify(first.map((a) => a.body)),
    ).toEqual([201, 200, 201, 200, 200]);
    // The answers were lost: the phone sends the same queue again, later.
    h.clock.set('2026-11-23T03:30:00Z');
    const again = await replay(tk.engineer, items);
    expect(again.map((a) => a.status)).toEqual([201, 200, 201, 200, 200]);
    expect(again.map((a) => a.body)).toEqual(first.map((a) => a.body));

    const visit = (await call(h.app, tk.engineer, 'GET', `${base}/care-visit`)).body;
    expect(visit.calls).toHaveLength(1);
    expect(visit.calls[0].calledAt).toBe(QUEUED_AT);
    expect(visit.visit.contentConfirmedAt).toBe(QUEUED_AT);
    expect(Object.values(visit.visit.ticks)).toEqual([QUEUED_AT, QUEUED_AT, QUEUED_AT, QUEUED_AT]);
    expect(visit.visit.evaluatedAt).toBe(QUEUED_AT);
    expect(visit.visit.nextVisitId).not.toBeNull();
  });

  it('ENG-07 WO-16 a queued tick on a visit handed to another carer meanwhile is WO_OFFLINE_CONFLICT, nothing written', async () => {
    const id = await careOrder();
    await actOk(h, tk.coordinator, id, 'dispatch', { toPersonId: h.t.engineer2.id, remark: '换人' });
    const [tick] = queue([{ path: `/api/work-orders/${id}/care-visit/ticks`, body: { items: ['cleaning'] } }]);
    const res = await send(tk.engineer, tick!);
    expect(res.status, JSON.stringify(res.body)).toBe(409);
    expect(res.body).toMatchObject({ code: 'WO_OFFLINE_CONFLICT', details: { reason: 'reassigned' } });
    const visit = (await call(h.app, tk.coordinator, 'GET', `/api/work-orders/${id}/care-visit`)).body;
    expect(visit.visit.ticks).toEqual({});
  });
});

describe('ENG-07 WO-17 an inspection queued offline by the second inspector', () => {
  it('ENG-07 WO-17 findings, the notice and the customer’s answer (reached by the order) sent twice apply once', async () => {
    const id = await inspectionOrder();
    const base = `/api/work-orders/${id}`;
    const items = queue([
      { path: `${base}/inspection/findings`, body: { item: 'pipe', result: 'ok' } },
      { path: `${base}/inspection/findings`, body: { item: 'hose', result: 'hazard', hazardLevel: 'general' } },
      { path: `${base}/rectification-notice`, body: {} },
      { path: `${base}/rectification-notice/answer`, body: { signature: PNG } },
    ]);
    h.clock.set(SENT_AT);
    const first = await replay(tk.engineer2, items);
    expect(
      first.map((a) => a.status),
      JSON.stringify(first.map((a) => a.body)),
    ).toEqual([200, 200, 201, 200]);
    const again = await replay(tk.engineer2, items);
    expect(again.map((a) => a.status)).toEqual([200, 200, 201, 200]);
    expect(again[3]!.body).toEqual(first[3]!.body);

    const seen = (await call(h.app, tk.coordinator, 'GET', `${base}/inspection`)).body;
    const rows = seen.findings.map((f: Body) => `${f.item} ${f.recordedAt} ${f.recordedBy}`).sort();
    expect(rows).toEqual([`hose ${QUEUED_AT} ${h.t.engineer2.id}`, `pipe ${QUEUED_AT} ${h.t.engineer2.id}`]);
    expect(seen.notice).toMatchObject({ signed: true, hasSignature: true });
    expect(seen.notice.hazards.map((x: Body) => x.item)).toEqual(['hose']);
  });

  it('ENG-07 WO-17 a queued finding on an inspection cancelled meanwhile is WO_OFFLINE_CONFLICT', async () => {
    const id = await inspectionOrder();
    await actOk(h, tk.coordinator, id, 'cancel', { reason: '住户搬走' });
    const [finding] = queue([
      { path: `/api/work-orders/${id}/inspection/findings`, body: { item: 'pipe', result: 'ok' } },
    ]);
    const res = await send(tk.engineer2, finding!);
    expect(res.status, JSON.stringify(res.body)).toBe(409);
    expect(res.body).toMatchObject({ code: 'WO_OFFLINE_CONFLICT', details: { reason: 'cancelled' } });
  });

  it('WO-17 ENG-01 the second inspector finds the order in his to-do entries, marked as second; the lead does not', async () => {
    const id = await inspectionOrder();
    const mine = await call(h.app, tk.engineer2, 'GET', '/api/inspections/crew-todo');
    expect(mine.status).toBe(200);
    const entry = mine.body.items.find((i: Body) => i.orderId === id);
    expect(entry).toMatchObject({ role: 'second', status: 'taken', lead: { personId: h.t.engineer.id } });
    const lead = await call(h.app, tk.engineer, 'GET', '/api/inspections/crew-todo');
    expect(lead.body.items.some((i: Body) => i.orderId === id)).toBe(false);
    // The answer by the order: an order without a notice has nothing to answer.
    const none = await call(h.app, tk.engineer2, 'POST', `/api/work-orders/${id}/rectification-notice/answer`, {
      refusalReason: 'disagrees',
    });
    expect(none.status).toBe(404);
  });
});
