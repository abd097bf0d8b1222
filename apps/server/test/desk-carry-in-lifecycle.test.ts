import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '@daowei/db';
import {
  call,
  MINUTE,
  newPhone,
  orderBody,
  startHarness,
  tokensOf,
  type Body,
  type Harness,
  type Tokens,
} from './harness.js';

/** DESK-03: the carry-in order's lifecycle follows the device at the counter. */
let h: Harness;
let tk: Tokens;
beforeAll(async () => {
  h = await startHarness();
  tk = await tokensOf(h);
});
afterAll(async () => h?.close());

async function carryInOrder() {
  const { type: _t, ...order } = orderBody(h, 'carry_in');
  const res = await call(h.app, tk.hotline, 'POST', '/api/desk/intakes', {
    callerPhone: newPhone(),
    requestKind: 'fault',
    symptom: 'hardware',
    devicePortable: true,
    description: '笔记本无法开机',
    order,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { id: res.body.order.id as string, token: res.body.link.token as string };
}

const orderOf = async (id: string) => (await call(h.app, tk.hotline, 'GET', `/api/work-orders/${id}`)).body;
const sendsOf = (orderId: string) =>
  h.database.db
    .select()
    .from(schema.notificationSends)
    .where(
      and(eq(schema.notificationSends.orderId, orderId), eq(schema.notificationSends.template, 'desk.carry_in_ready')),
    );

describe('DESK-03 carry-in stages drive the order', () => {
  it('DESK-03 receipt takes the order, the bench names the step, ready completes it (customer told), pickup closes it', async () => {
    const { id, token } = await carryInOrder();
    expect((await orderOf(id)).order.status).toBe('created');
    const url = `/api/work-orders/${id}/carry-in`;

    const receipt = await call(h.app, tk.hotline, 'POST', url, {
      configuration: 'i5 / 8 GB',
      condition: '完好',
      receiptSignedBy: '赵女士',
      shelf: 'B-01',
    });
    expect(receipt.status, JSON.stringify(receipt.body)).toBe(201);
    expect(receipt.body.orderStatus).toBe('taken');
    let detail = await orderOf(id);
    expect(detail.order).toMatchObject({ status: 'taken', holderId: h.t.hotline.id });

    h.clock.advance(60 * MINUTE);
    tk = await tokensOf(h);
    const repairing = [];
    for (const stage of ['diagnosing', 'repairing']) {
      const step = await call(h.app, tk.hotline, 'POST', `${url}/stage`, { stage });
      expect(step.status, JSON.stringify(step.body)).toBe(200);
      repairing.push(step.body.orderStatus);
    }
    expect(repairing).toEqual(['taken', 'taken']);
    expect((await orderOf(id)).order.step).toBe('送修维修中');

    h.clock.advance(24 * 60 * MINUTE);
    tk = await tokensOf(h); // sessions idle out over the night
    const ready = await call(h.app, tk.hotline, 'POST', `${url}/stage`, {
      stage: 'ready',
      note: '已更换电源板，可以来取了',
    });
    expect(ready.status, JSON.stringify(ready.body)).toBe(200);
    expect(ready.body.orderStatus).toBe('completed');
    detail = await orderOf(id);
    expect(detail.order.status).toBe('completed');
    expect(detail.completion).toMatchObject({ outcome: { kind: 'done' }, customerContacted: true });
    expect(await sendsOf(id)).toHaveLength(1);
    const page = await call(h.app, null, 'GET', `/api/public/orders/${token}`);
    expect(page.body.messages[0].text).toContain('电源板');
    // SLA-05: the carry-in repair promise stopped when the device was ready.
    const clocks = (await call(h.app, tk.hotline, 'GET', `/api/work-orders/${id}/clocks`)).body.items as Body[];
    expect(clocks.find((c) => c.kind === 'carry_in_repair')?.stoppedAt).toBe(h.clock.now().toISOString());

    h.clock.advance(120 * MINUTE);
    tk = await tokensOf(h);
    const pickup = await call(h.app, tk.hotline, 'POST', `${url}/pickup`, {
      retestPassed: true,
      retestNote: '当面开机正常',
      signedBy: '赵女士',
    });
    expect(pickup.status, JSON.stringify(pickup.body)).toBe(200);
    expect(pickup.body.orderStatus).toBe('closed');
    detail = await orderOf(id);
    expect(detail.order.status).toBe('closed');
    const moves = (detail.events as Body[]).filter((e) => e.fromStatus !== e.toStatus || e.action === 'create');
    expect(moves.map((e) => [e.action, e.toStatus])).toEqual([
      ['create', 'created'],
      ['take', 'taken'],
      ['complete', 'completed'],
      ['close', 'closed'],
    ]);
    expect(moves.slice(1).every((e) => (e.payload as Body).via === 'carry_in')).toBe(true);
    // The customer can rate the finished repair on their page.
    expect((await call(h.app, null, 'GET', `/api/public/orders/${token}`)).body.canRate).toBe(true);
  });
});
