import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAllChains } from '@daowei/db';
import {
  act,
  actOk,
  actions,
  call,
  completeBody,
  createOrderVia,
  dispatchToPerson,
  getOrder,
  startHarness,
  tokensOf,
  type Answer,
  type Harness,
  type Tokens,
  diagnoseOk,
} from './harness.js';
import { borrow, partsWorld, receive, type PartsWorld } from './parts-setup.js';

/**
 * Issue 9 item 4, the races not covered elsewhere (take: work-order-concurrency.test.ts, last unit:
 * parts-concurrency.test.ts): reschedule against complete on one order, and the offline queue sending
 * the same action twice at once with one Idempotency-Key. Requests really run in parallel
 * transactions on PostgreSQL (the row lock decides); on PGlite they queue, which must also hold.
 */
describe('races (issue 9)', () => {
  let h: Harness;
  let tk: Tokens;
  let parts: PartsWorld;
  beforeAll(async () => {
    h = await startHarness({ poolSize: 12 });
    tk = await tokensOf(h);
    parts = await partsWorld(h, tk);
    await receive(h, parts, { itemId: parts.cable.id, quantity: 100 });
  });
  afterAll(async () => h?.close());

  /** A fault order the engineer holds and is driving to. */
  async function enRoute(): Promise<string> {
    const created = await createOrderVia(h, tk.hotline, 'fault');
    const id: string = created.order.id;
    await dispatchToPerson(h, tk.coordinator, id, h.t.engineer.id);
    await actOk(h, tk.engineer, id, 'take');
    await actOk(h, tk.engineer, id, 'depart');
    return id;
  }

  const later = (hours: number) => new Date(h.clock.now().getTime() + hours * 3_600_000).toISOString();
  const rescheduleBody = () => ({
    reason: 'customer asked for tomorrow',
    askedBy: 'customer',
    window: { start: later(24), end: later(26) },
  });

  it.each([1, 2, 3, 4])(
    'APT-02 WO-03 reschedule and complete sent at once: one serial outcome, the loser gets a clear 409, the history verifies (round %i)',
    async () => {
      const id = await enRoute();
      const [res, done] = await Promise.all([
        act(h, tk.hotline, id, 'reschedule', rescheduleBody()),
        act(h, tk.engineer, id, 'complete', completeBody()),
      ]);
      const detail = await getOrder(h, tk.coordinator, id);
      const tail = actions(detail).slice(-2);
      if (res.status === 200 && done.status === 200) {
        // Reschedule first (en route → appointment confirmed), then complete from there: both valid in turn.
        expect(tail).toEqual(['reschedule', 'complete']);
      } else {
        // Complete first: the order is no longer open for a reschedule.
        expect(done.status, JSON.stringify(done.body)).toBe(200);
        expect(res.status).toBe(409);
        expect(res.body.code).toBe('WO_INVALID_TRANSITION');
        expect(res.body.message).toBeTruthy();
        expect(actions(detail).filter((a: string) => a === 'reschedule')).toEqual([]);
      }
      expect(detail.order.status).toBe('completed');
      expect(await verifyAllChains(h.database.db, h.t.tenant.id)).toEqual([]);
    },
  );

  it('APT-02 a reschedule arriving after the completion is refused with a 409 and changes nothing', async () => {
    const id = await enRoute();
    await actOk(h, tk.engineer, id, 'complete', completeBody());
    const before = await getOrder(h, tk.coordinator, id);
    const late = await act(h, tk.hotline, id, 'reschedule', rescheduleBody());
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('WO_INVALID_TRANSITION');
    const after = await getOrder(h, tk.coordinator, id);
    expect(actions(after)).toEqual(actions(before));
    expect(after.order.appointment).toEqual(before.order.appointment);
  });

  /** The offline queue's double submit: the same request twice at once with one key. */
  async function twin(send: () => Promise<Answer>): Promise<Answer[]> {
    return Promise.all([send(), send()]);
  }

  /** Both answers are the first one's: the twin waits for it and replays it (no 409 to retry). */
  function expectOneApplied(answers: Answer[]) {
    for (const a of answers) expect(a.status, JSON.stringify(a.body)).toBe(200);
    expect(answers[1]!.body).toEqual(answers[0]!.body);
    return answers[0]!.body;
  }

  it.each(['take', 'complete'] as const)(
    'ENG-07 the offline queue sends %s twice at once with one Idempotency-Key: applied once, both answers the same',
    async (action) => {
      const created = await createOrderVia(h, tk.hotline, 'fault');
      const id: string = created.order.id;
      await dispatchToPerson(h, tk.coordinator, id, h.t.engineer.id);
      if (action === 'complete') {
        for (const a of ['take', 'depart', 'arrive']) await actOk(h, tk.engineer, id, a);
        await diagnoseOk(h, tk.engineer, id); // ENG-05
      }
      const headers = { 'idempotency-key': randomUUID() };
      const body = action === 'complete' ? completeBody() : {};
      const first = expectOneApplied(await twin(() => act(h, tk.engineer, id, action, body, headers)));
      const detail = await getOrder(h, tk.engineer, id);
      expect(actions(detail).filter((a: string) => a === action)).toHaveLength(1);
      // A later retry replays it too.
      const retry = await act(h, tk.engineer, id, action, body, headers);
      expect(retry.status).toBe(200);
      expect(retry.body).toEqual(first);
    },
  );

  it('ENG-07 PART-03 a borrowed part used twice at once with one key is used once; the ledger moves once', async () => {
    const id = await enRoute();
    await actOk(h, tk.engineer, id, 'arrive');
    const card = await borrow(h, parts.clerk, {
      orderId: id,
      engineerId: h.t.engineer.id,
      storeId: parts.storeId,
      lines: [{ itemId: parts.cable.id, quantity: 2 }],
    });
    expect(card.status).toBe(200);
    const lineId: string = card.body.lines[0].id;
    const headers = { 'idempotency-key': randomUUID() };
    const use = () =>
      call(h.app, tk.engineer, 'POST', `/api/parts/borrow-lines/${lineId}/consume`, { quantity: 1 }, headers);
    expectOneApplied(await twin(use));
    const lines = await call(h.app, tk.engineer, 'GET', `/api/parts/orders/${id}/borrows`);
    expect(lines.body.items[0]).toMatchObject({ consumed: 1, outstanding: 1 });
  });
});
