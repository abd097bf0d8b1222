import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  act,
  actions,
  call,
  completeBody,
  createOrderVia,
  dispatchToPerson,
  getOrder,
  listAll,
  orderBody,
  startHarness,
  tokensOf,
  type Harness,
  type Tokens,
} from './harness.js';

describe('Idempotency-Key on POST', () => {
  let h: Harness;
  let tk: Tokens;
  beforeAll(async () => {
    h = await startHarness();
    tk = await tokensOf(h);
  });
  afterAll(async () => h?.close());

  const key = () => ({ 'idempotency-key': randomUUID() });
  const count = async () => (await listAll(h, tk.hotline)).length;

  it('ENG-07 the same create sent twice with one key creates one order and answers the same', async () => {
    const headers = key();
    const body = orderBody(h, 'fault');
    const before = await count();
    const first = await call(h.app, tk.hotline, 'POST', '/api/work-orders', body, headers);
    const again = await call(h.app, tk.hotline, 'POST', '/api/work-orders', body, headers);
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(await count()).toBe(before + 1);
    // Without a key the same body is a new order (the desk may really take two calls).
    const third = await call(h.app, tk.hotline, 'POST', '/api/work-orders', body);
    expect(third.body.order.id).not.toBe(first.body.order.id);
  });

  it('ENG-07 twin creates racing with one key create one order; the other answers it or asks to retry', async () => {
    const headers = key();
    const body = orderBody(h, 'fault');
    const before = await count();
    const answers = await Promise.all(
      [1, 2, 3].map(() => call(h.app, tk.hotline, 'POST', '/api/work-orders', body, headers)),
    );
    expect(await count()).toBe(before + 1);
    const created = answers.filter((a) => a.status === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    expect(new Set(created.map((a) => a.body.order.id)).size).toBe(1);
    for (const a of answers.filter((x) => x.status !== 201)) {
      expect(a.status).toBe(409);
      expect(a.body.code).toBe('CONFLICT');
    }
    // The retry the 409 asks for gets the first answer.
    const retry = await call(h.app, tk.hotline, 'POST', '/api/work-orders', body, headers);
    expect(retry.body.order.id).toBe(created[0]!.body.order.id);
  });

  it('ENG-07 a retried take acts once: one take event, the same answer', async () => {
    const o = await createOrderVia(h, tk.hotline, 'fault');
    const id: string = o.order.id;
    await dispatchToPerson(h, tk.coordinator, id, h.t.engineer.id);
    const headers = key();
    const first = await act(h, tk.engineer, id, 'take', {}, headers);
    const again = await act(h, tk.engineer, id, 'take', {}, headers);
    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    const detail = await getOrder(h, tk.coordinator, id);
    expect(actions(detail)).toEqual(['create', 'dispatch', 'take']);
    // A new key is a new request: taking again is refused as the state says.
    const fresh = await act(h, tk.engineer, id, 'take', {}, key());
    expect(fresh.status).toBe(409);
  });

  it('ENG-07 a retried completion after a lost answer does not complete twice', async () => {
    const o = await createOrderVia(h, tk.hotline, 'install');
    const id: string = o.order.id;
    await dispatchToPerson(h, tk.coordinator, id, h.t.engineer.id);
    await act(h, tk.engineer, id, 'take');
    const headers = key();
    const body = completeBody({ kind: 'done' }, 70);
    const answers = [await act(h, tk.engineer, id, 'complete', body, headers)];
    answers.push(await act(h, tk.engineer, id, 'complete', body, headers));
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    const detail = await getOrder(h, tk.coordinator, id);
    expect(actions(detail).filter((a) => a === 'complete')).toHaveLength(1);
    expect(detail.order.status).toBe('completed');
  });

  it('ENG-07 the same key with a different body is 409 CONFLICT and acts not at all', async () => {
    const o = await createOrderVia(h, tk.hotline, 'fault');
    const id: string = o.order.id;
    const headers = key();
    const first = await act(h, tk.coordinator, id, 'dispatch', { toPersonId: h.t.engineer.id, remark: 'a' }, headers);
    expect(first.status).toBe(200);
    const other = await act(h, tk.coordinator, id, 'dispatch', { toPersonId: h.t.engineer2.id, remark: 'b' }, headers);
    expect(other.status).toBe(409);
    expect(other.body.code).toBe('CONFLICT');
    expect(other.body.details.field).toBe('headers.idempotency-key');
    const detail = await getOrder(h, tk.coordinator, id);
    expect(detail.order.offeredToPersonId).toBe(h.t.engineer.id);
    expect(actions(detail)).toEqual(['create', 'dispatch']);
    // The key is bound to its first request even across routes.
    const before = await count();
    const create = await call(h.app, tk.coordinator, 'POST', '/api/work-orders', orderBody(h, 'fault'), headers);
    expect(create.status).toBe(409);
    expect(await count()).toBe(before);
  });

  it('ENG-07 keys belong to the person: another person using the same key acts on their own', async () => {
    const headers = key();
    const a = await call(h.app, tk.hotline, 'POST', '/api/work-orders', orderBody(h, 'fault'), headers);
    const b = await call(h.app, tk.coordinator, 'POST', '/api/work-orders', orderBody(h, 'fault'), headers);
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(b.body.order.id).not.toBe(a.body.order.id);
  });

  it('ENG-07 a refused request does not burn its key: the corrected retry with a new body is judged afresh', async () => {
    const o = await createOrderVia(h, tk.hotline, 'fault');
    const headers = key();
    const refused = await act(h, tk.coordinator, o.order.id, 'close', {}, headers);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('WO_INVALID_TRANSITION');
    const ok = await act(
      h,
      tk.coordinator,
      o.order.id,
      'dispatch',
      { toUnitId: h.t.units.team.id, remark: '' },
      headers,
    );
    expect(ok.status).toBe(200);
  });

  it('ENG-07 a malformed Idempotency-Key is 400 naming the header, and nothing happens', async () => {
    const before = await count();
    for (const bad of ['short', 'has spaces in it', 'x'.repeat(129), 'ünïcödé-key-123']) {
      const res = await call(h.app, tk.hotline, 'POST', '/api/work-orders', orderBody(h, 'fault'), {
        'idempotency-key': bad,
      });
      expect(res.status, bad).toBe(400);
      expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'headers.idempotency-key' } });
    }
    expect(await count()).toBe(before);
  });
});
