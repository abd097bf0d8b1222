import type { World } from '../support/world.js';
import { faultOrderBody } from '../support/world.js';
import type { Recorder } from './recorder.js';

/**
 * A working day, compressed: each engineer starts the day with orders offered to them (seeded before
 * the day) and, at seeded moments, looks at their list, takes one, departs, arrives, opens it and
 * completes it, with think times between steps. Desk agents take in new orders at a steady pace (each
 * dispatched by the coordinator) and search and open orders all day. All people act at once, each at
 * their own pace (open loop: the pace does not slow down when the server does, so latency is measured,
 * not hidden).
 */
export interface DayProfile {
  seed: number;
  /** Orders each engineer handles in the day (offered to them before it starts). */
  ordersPerEngineer: number;
  /** New orders each desk agent takes in during the day. */
  ordersPerDeskAgent: number;
  /** The whole day lasts this long in the benchmark. */
  daySeconds: number;
  /** Between two steps of one engineer on one order (seconds of benchmark time, uniform). */
  thinkSeconds: [number, number];
  /** How often each desk agent searches (seconds of benchmark time). */
  deskLookupEverySeconds: number;
}

export interface Pick {
  next(): string;
}

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));

/** An order offered to `world.engineers[engineer]` before the day. */
export interface OfferedOrder {
  engineer: number;
  orderId: string;
}

export async function runDay(
  world: World,
  offered: readonly OfferedOrder[],
  servers: Pick,
  rec: Recorder,
  p: DayProfile,
): Promise<void> {
  const random = rng(p.seed);
  const start = Date.now();
  const dayMs = p.daySeconds * 1000;
  const think = () => (p.thinkSeconds[0] + random() * (p.thinkSeconds[1] - p.thinkSeconds[0])) * 1000;

  async function request(label: string, token: string, method: 'GET' | 'POST', path: string, body?: unknown) {
    const t0 = performance.now();
    try {
      const res = await fetch(`${servers.next()}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body !== undefined ? { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() } : {}),
        },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        signal: AbortSignal.timeout(30_000),
      });
      const text = await res.text();
      const ms = performance.now() - t0;
      if (!res.ok) {
        rec.fail(label, ms, `${res.status} ${text.slice(0, 160)}`);
        return null;
      }
      rec.ok(label, ms);
      return JSON.parse(text) as Record<string, unknown>;
    } catch (e) {
      rec.fail(label, performance.now() - t0, String(e));
      return null;
    }
  }

  async function intake(n: number, at: number, desk: World['desk'][number], eng: World['engineers'][number]) {
    await sleep(start + at - Date.now());
    const created = await request(
      'desk: create order',
      desk.token,
      'POST',
      '/api/work-orders',
      faultOrderBody(world, n),
    );
    if (!created) return;
    const id = (created.order as { id: string }).id;
    await request(
      'coordinator: dispatch',
      world.tokens.coordinator,
      'POST',
      `/api/work-orders/${id}/actions/dispatch`,
      {
        toPersonId: eng.person.id,
        remark: 'load',
      },
    );
  }

  async function fieldWork(at: number, eng: World['engineers'][number], id: string) {
    await sleep(start + at - Date.now());
    await request('engineer: list my orders', eng.token, 'GET', '/api/work-orders?scope=todo&limit=20');
    for (const action of ['take', 'depart', 'arrive']) {
      if (!(await request(`engineer: ${action}`, eng.token, 'POST', `/api/work-orders/${id}/actions/${action}`, {}))) {
        return;
      }
      await sleep(think());
    }
    await request('engineer: open order', eng.token, 'GET', `/api/work-orders/${id}`);
    // ENG-05: the visit's diagnosis before completing (a fault checked in on site needs it).
    const diagnosis = { symptomReproduced: 'yes', observedMinutes: 10, causeCategory: 'ours', finding: 'load: fixed' };
    if (!(await request('engineer: diagnose', eng.token, 'POST', `/api/work-orders/${id}/diagnosis`, diagnosis))) {
      return;
    }
    await request('engineer: complete', eng.token, 'POST', `/api/work-orders/${id}/actions/complete`, {
      customerContacted: true,
      handlingMinutes: 40,
      remark: 'fixed on site',
      outcome: { kind: 'done' },
    });
  }

  async function deskLookups(desk: World['desk'][number]) {
    await sleep(random() * p.deskLookupEverySeconds * 1000);
    while (Date.now() - start < dayMs) {
      const page = await request(
        'desk: search orders',
        desk.token,
        'GET',
        '/api/work-orders?scope=all&limit=20&q=望京',
      );
      const first = (page?.items as { id: string }[] | undefined)?.[0];
      if (first) await request('desk: open order', desk.token, 'GET', `/api/work-orders/${first.id}`);
      await sleep(p.deskLookupEverySeconds * 1000 * (0.5 + random()));
    }
  }

  const journeys: Promise<void>[] = [];
  // Field work starts over the first 70 % of the day, so the last orders are still completed in it.
  for (const o of offered) journeys.push(fieldWork(random() * dayMs * 0.7, world.engineers[o.engineer]!, o.orderId));
  let n = 0;
  for (const desk of world.desk) {
    for (let i = 0; i < p.ordersPerDeskAgent; i++) {
      const eng = world.engineers[Math.floor(random() * world.engineers.length)]!;
      journeys.push(intake(n++, ((i + random()) / p.ordersPerDeskAgent) * dayMs * 0.9, desk, eng));
    }
  }
  await Promise.all([...journeys, ...world.desk.map(deskLookups)]);
}
