import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_DESK_POLICY, maskEngineerName } from '@daowei/domain';
import {
  actOk,
  call,
  completeBody,
  createOrderVia,
  dispatchToPerson,
  MINUTE,
  startHarness,
  tokensOf,
  type Body,
  type Harness,
  type Tokens,
  diagnoseOk,
} from './harness.js';

const P = DEFAULT_DESK_POLICY;

describe('customer self-service over HTTP (DESK-06)', () => {
  let h: Harness;
  let tk: Tokens;
  beforeAll(async () => {
    h = await startHarness();
    tk = await tokensOf(h);
  });
  afterAll(async () => h?.close());

  async function orderWithLink(): Promise<{ order: Body; token: string }> {
    const detail = await createOrderVia(h, tk.hotline, 'fault');
    const res = await call(h.app, tk.hotline, 'POST', `/api/work-orders/${detail.order.id}/self-service-link`);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.path).toBe(`/s/${res.body.token}`);
    return { order: detail.order, token: res.body.token };
  }
  const pub = (method: 'GET' | 'POST', token: string, tail = '', body?: unknown) =>
    call(h.app, null, method, `/api/public/orders/${token}${tail}`, body);

  it('DESK-06 the customer sees progress in plain words, the masked engineer, and no phone numbers', async () => {
    const { order, token } = await orderWithLink();
    await dispatchToPerson(h, tk.coordinator, order.id, h.t.engineer.id);
    await actOk(h, tk.engineer, order.id, 'take');
    const res = await pub('GET', token);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ number: order.number, status: 'taken', statusText: '工程师已接单' });
    expect(res.body.engineer).toBe(maskEngineerName(h.t.engineer.name));
    expect(res.body.engineer).not.toBe(h.t.engineer.name);
    expect(res.body.history.map((x: Body) => x.text)).toEqual(['已受理，正在安排', '正在安排工程师', '工程师已接单']);
    const raw = JSON.stringify(res.body);
    for (const secret of [order.contactPhone, h.t.engineer.phone, h.t.engineer.name, h.t.hotline.name, order.id]) {
      expect(raw).not.toContain(secret);
    }
    expect(raw).not.toMatch(/1\d{10}/);
  });

  it('DESK-06 an urge is recorded once per policy interval; a second one inside it is refused', async () => {
    const { token } = await orderWithLink();
    const first = await pub('POST', token, '/urge');
    expect(first.status).toBe(200);
    const again = await pub('POST', token, '/urge');
    expect(again.status).toBe(429);
    expect(again.body.code).toBe('RATE_LIMITED');
    expect(again.body.details.nextAllowedAt).toBe(first.body.nextAllowedAt);
    let view = (await pub('GET', token)).body;
    expect(view.urge).toEqual({ count: 1, allowed: false, nextAllowedAt: first.body.nextAllowedAt });
    h.clock.advance(P.urgeMinIntervalMinutes * MINUTE);
    expect((await pub('POST', token, '/urge')).status).toBe(200);
    view = (await pub('GET', token)).body;
    expect(view.urge.count).toBe(2);
  });

  it('DESK-06 five urges at the same moment record exactly one', async () => {
    const { token } = await orderWithLink();
    const answers = await Promise.all(Array.from({ length: 5 }, () => pub('POST', token, '/urge')));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 429, 429, 429, 429]);
    expect((await pub('GET', token)).body.urge.count).toBe(1);
  });

  it('DESK-06 the service is rated once, only after completion', async () => {
    const { order, token } = await orderWithLink();
    const early = await pub('POST', token, '/rating', { satisfaction: 5 });
    expect(early.status).toBe(409);
    expect((await pub('GET', token)).body.canRate).toBe(false);
    await dispatchToPerson(h, tk.coordinator, order.id, h.t.engineer.id);
    for (const a of ['take', 'depart', 'arrive']) await actOk(h, tk.engineer, order.id, a);
    await diagnoseOk(h, tk.engineer, order.id); // ENG-05
    await actOk(h, tk.engineer, order.id, 'complete', completeBody());
    expect((await pub('GET', token)).body.canRate).toBe(true);
    expect((await pub('POST', token, '/rating', { satisfaction: P.satisfactionScaleMax + 1 })).status).toBe(400);
    const rated = await pub('POST', token, '/rating', { satisfaction: 4, comment: '师傅很准时' });
    expect(rated.status).toBe(201);
    const twice = await pub('POST', token, '/rating', { satisfaction: 1, comment: 'changed my mind' });
    expect(twice.status).toBe(409);
    const view = (await pub('GET', token)).body;
    expect(view.rating).toMatchObject({ satisfaction: 4, comment: '师傅很准时' });
    expect(view.canRate).toBe(false);
    expect((await pub('POST', token, '/urge')).status).toBe(409);
  });

  it('DESK-06 only desk positions issue links, and only for orders they may see', async () => {
    const detail = await createOrderVia(h, tk.hotline, 'fault');
    const url = `/api/work-orders/${detail.order.id}/self-service-link`;
    expect((await call(h.app, tk.engineer, 'POST', url)).status).toBe(403);
    expect(
      (await call(h.app, tk.hotline, 'POST', `/api/work-orders/${crypto.randomUUID()}/self-service-link`)).status,
    ).toBe(404);
  });
  it('DESK-06 a wrong, revoked or expired token answers the same 404', async () => {
    const { order, token: old } = await orderWithLink();
    const fresh = await call(h.app, tk.coordinator, 'POST', `/api/work-orders/${order.id}/self-service-link`);
    expect(fresh.status).toBe(201);
    const answers = [
      await pub('GET', old),
      await pub('GET', `${fresh.body.token.slice(0, -2)}xx`),
      await pub('GET', 'x'),
    ];
    expect((await pub('GET', fresh.body.token)).status).toBe(200);
    h.clock.advance(P.selfServiceLinkValidDays * 24 * 60 * MINUTE);
    answers.push(await pub('GET', fresh.body.token), await pub('POST', fresh.body.token, '/urge'));
    for (const a of answers) {
      expect(a.status).toBe(404);
      expect(a.body).toEqual(answers[0]!.body);
    }
  });
});
