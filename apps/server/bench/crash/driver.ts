import { randomUUID } from 'node:crypto';
import { faultOrderBody, type World } from '../support/world.js';

/**
 * The crash test's load: each engineer works their orders through take → depart → arrive → borrow a
 * part (clerk) → use or return it → complete, concurrently, over loopback. Every request carries an
 * Idempotency-Key; a request cut by a kill (no answer) is sent again with the same key once the
 * server is back, as the phone's offline queue does (ENG-07). Every 2xx is recorded: the checker
 * later proves each one is in the database.
 */
export type Step = 'take' | 'depart' | 'arrive' | 'borrow' | 'consume' | 'return' | 'complete';

export interface Ack {
  step: Step | 'create' | 'dispatch' | 'confirm_appointment';
  orderId: string;
  /** Work-order actions: the event the answer showed as the order's newest. */
  event?: { seq: number; action: string };
  /** Parts: the borrow line the answer named and its counters after the request. */
  line?: { id: string; consumed: number; returned: number };
  at: number;
}

export interface DriverStats {
  acks: Ack[];
  /** Requests cut by a kill (no answer) and sent again with the same key. */
  resent: number;
  /** 4xx answers to a first attempt (a bug in the driver or the server; the run fails on any). */
  refused: { step: string; status: number; body: string }[];
  /** 5xx answers. */
  serverErrors: number;
}

type Body = Record<string, unknown>;

/** Where the server currently is (the runner swaps it on restart). */
export interface Target {
  url: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function createDriver(target: Target, world: World, stats: DriverStats) {
  /**
   * POSTs until an answer: a lost connection (the server was killed) waits and resends with the
   * same key; a 409 CONFLICT "being processed" on a resend also waits and resends.
   */
  async function send(token: string, path: string, body: unknown, key: string): Promise<Body | null> {
    let cut = false;
    for (let attempt = 0; ; attempt++) {
      let res: Response;
      try {
        res = await fetch(`${target.url}${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'idempotency-key': key },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(30_000),
        });
      } catch {
        if (!cut) stats.resent += 1;
        cut = true;
        await sleep(250);
        continue;
      }
      const text = await res.text();
      if (res.ok) return JSON.parse(text) as Body;
      if (res.status >= 500) {
        stats.serverErrors += 1;
        await sleep(250);
        continue;
      }
      if (res.status === 409 && text.includes('"CONFLICT"') && attempt < 20) {
        await sleep(100);
        continue;
      }
      stats.refused.push({ step: path, status: res.status, body: text.slice(0, 300) });
      return null;
    }
  }

  const lastEvent = (b: Body) => {
    const events = b.events as { seq: number; action: string }[] | undefined;
    const e = events?.at(-1);
    return e ? { seq: e.seq, action: e.action } : undefined;
  };

  async function orderAction(token: string, orderId: string, action: string, body: unknown = {}) {
    const ack = await send(token, `/api/work-orders/${orderId}/actions/${action}`, body, randomUUID());
    if (!ack) return false;
    const event = lastEvent(ack);
    stats.acks.push({ step: action as Ack['step'], orderId, ...(event ? { event } : {}), at: Date.now() });
    return true;
  }

  /** Hotline creates, coordinator dispatches to the engineer personally. */
  async function prepareOrder(n: number, engineerId: string): Promise<string | null> {
    const created = await send(world.tokens.hotline, '/api/work-orders', faultOrderBody(world, n), randomUUID());
    if (!created) return null;
    const orderId = (created.order as Body).id as string;
    stats.acks.push({ step: 'create', orderId, at: Date.now() });
    const ok = await orderAction(world.tokens.coordinator, orderId, 'dispatch', {
      toPersonId: engineerId,
      remark: 'crash test',
    });
    return ok ? orderId : null;
  }

  /** One order through its working steps. `useIt` decides consume vs return of the borrowed part. */
  async function work(engineer: World['engineers'][number], orderId: string, useIt: boolean): Promise<boolean> {
    const tk = engineer.token;
    for (const a of ['take', 'depart', 'arrive'] as const) if (!(await orderAction(tk, orderId, a))) return false;
    // ENG-05: a fault checked in on site completes only once the visit's diagnosis is recorded.
    const diagnosis = {
      symptomReproduced: 'yes',
      observedMinutes: 10,
      causeCategory: 'ours',
      finding: 'crash test: connector re-terminated',
    };
    if (!(await send(tk, `/api/work-orders/${orderId}/diagnosis`, diagnosis, randomUUID()))) return false;
    const card = await send(
      world.tokens.clerk,
      '/api/parts/borrows',
      {
        orderId,
        engineerId: engineer.person.id,
        storeId: world.parts.storeId,
        lines: [{ itemId: world.parts.itemId, quantity: 1 }],
      },
      randomUUID(),
    );
    if (!card) return false;
    const line = (card.lines as Body[])[0]!;
    stats.acks.push({
      step: 'borrow',
      orderId,
      line: { id: line.id as string, consumed: 0, returned: 0 },
      at: Date.now(),
    });
    const settle = useIt ? 'consume' : 'return';
    const settled = await send(
      tk,
      `/api/parts/borrow-lines/${line.id as string}/${settle}`,
      useIt ? {} : { faultTag: 'good' },
      randomUUID(),
    );
    if (!settled) return false;
    const after = (settled.line ?? settled) as Body;
    stats.acks.push({
      step: settle,
      orderId,
      line: {
        id: line.id as string,
        consumed: Number(after.consumed ?? (useIt ? 1 : 0)),
        returned: Number(after.returned ?? (useIt ? 0 : 1)),
      },
      at: Date.now(),
    });
    return orderAction(tk, orderId, 'complete', {
      customerContacted: true,
      handlingMinutes: 30,
      remark: 'fixed on site',
      outcome: { kind: 'done' },
    });
  }

  return { send, orderAction, prepareOrder, work };
}
