import { expect } from 'vitest';
import type { WorkOrderType } from '@daowei/domain';
import { act, createOrderVia, getOrder, type Body, type Harness, type Tokens } from './harness.js';

export const WINDOW = { start: '2026-11-24T01:00:00.000Z', end: '2026-11-24T03:00:00.000Z' };
export const LATER = { start: '2026-11-25T06:00:00.000Z', end: '2026-11-25T08:00:00.000Z' };

export type Followed = Awaited<ReturnType<typeof follow>>;

/**
 * One order created by the hotline and followed through its life over HTTP: each successful step must
 * append exactly one event for that action, from the previous status to the new one, chained after the
 * events before it (AUD-01); each refused step must append none and leave the order as it was.
 */
export async function follow(h: Harness, tk: Tokens, type: WorkOrderType) {
  let detail = await createOrderVia(h, tk.hotline, type);
  const id: string = detail.order.id;
  return {
    id,
    get order(): Body {
      return detail.order;
    },
    get detail(): Body {
      return detail;
    },
    async step(token: string, action: string, body: unknown = {}, actor?: { id: string }) {
      const before: Body[] = detail.events;
      const res = await act(h, token, id, action, body);
      expect(res.status, `${action}: ${JSON.stringify(res.body)}`).toBe(200);
      const events: Body[] = res.body.events;
      expect(events.slice(0, before.length)).toEqual(before);
      expect(events).toHaveLength(before.length + 1);
      const last = events.at(-1);
      expect(last).toMatchObject({
        seq: before.length + 1,
        action,
        fromStatus: detail.order.status,
        toStatus: res.body.order.status,
      });
      if (actor) expect(last.actorId).toBe(actor.id);
      expect(last.hash).toMatch(/^[0-9a-f]{64}$/);
      expect(last.hash).not.toBe(before.at(-1)?.hash);
      detail = res.body;
      return detail;
    },
    async refused(token: string, action: string, body: unknown, status: number, code: string) {
      const res = await act(h, token, id, action, body);
      expect(res.status, JSON.stringify(res.body)).toBe(status);
      expect(res.body.code).toBe(code);
      const now = await getOrder(h, tk.hotline, id);
      expect(now.events).toHaveLength(detail.events.length);
      expect(now.order.version).toBe(detail.order.version);
      return res.body;
    },
  };
}
