import pg from 'pg';
import { openDatabase, verifyAllChains } from '@daowei/db';
import type { Ack } from './driver.js';

/**
 * The crash test's verdict, read from the database after the last restart:
 * 1. every acknowledged request is there (its event, its borrow line, its settlement);
 * 2. no half-applied transition: each order's status is its newest event's (part of the chain check),
 *    no action was applied twice by a resend, each line's counters equal its ledger rows;
 * 3. the stock ledger balances: per (location, item, condition) the movements add up to on-hand, and
 *    nothing is negative;
 * 4. every hash chain verifies (AUD-01, the code of `npm run verify:events`);
 * 5. every timer that fell due while the server was down fired exactly once, after the restart (SLA-09).
 */
export interface OutageTimer {
  orderId: string;
  clockId?: string;
  dueAt: number;
  /** The outage it fell in: kill instant, when the next process was started and when it answered. */
  killedAt: number;
  respawnedAt: number;
  readyAt: number;
}

export interface Verdict {
  ok: boolean;
  problems: string[];
  counts: {
    acks: number;
    orders: number;
    events: number;
    movements: number;
    balances: number;
    timers: number;
  };
}

export async function checkCrashConsistency(
  databaseUrl: string,
  tenantId: string,
  acks: readonly Ack[],
  timers: readonly OutageTimer[],
): Promise<Verdict> {
  const problems: string[] = [];
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const q = async <T>(text: string, values: unknown[] = []) => (await client.query(text, values)).rows as T[];
  try {
    // 1. Every acknowledged request is in the database.
    const orders = new Set(
      (await q<{ id: string }>('select id from work_orders where tenant_id = $1', [tenantId])).map((r) => r.id),
    );
    const events = await q<{ order_id: string; seq: number; action: string }>(
      'select order_id, seq, action from work_order_events where tenant_id = $1',
      [tenantId],
    );
    const eventKey = new Set(events.map((e) => `${e.order_id}#${e.seq}#${e.action}`));
    const lines = new Map(
      (
        await q<{ id: string; quantity: number; consumed: number; returned: number }>(
          'select id, quantity, consumed, returned from borrow_lines where tenant_id = $1',
          [tenantId],
        )
      ).map((l) => [l.id, l]),
    );
    for (const a of acks) {
      if (!orders.has(a.orderId)) problems.push(`acknowledged ${a.step} on a missing order ${a.orderId}`);
      if (a.event && !eventKey.has(`${a.orderId}#${a.event.seq}#${a.event.action}`)) {
        problems.push(`acknowledged ${a.step} (event #${a.event.seq}) of ${a.orderId} is not in the history`);
      }
      if (a.line) {
        const l = lines.get(a.line.id);
        if (!l) problems.push(`acknowledged ${a.step} names borrow line ${a.line.id}, which does not exist`);
        else if (l.consumed < a.line.consumed || l.returned < a.line.returned) {
          problems.push(`borrow line ${a.line.id} lost an acknowledged ${a.step}`);
        }
      }
    }

    // 2. Nothing applied twice by a resend; line counters equal their ledger rows.
    for (const r of await q<{ order_id: string; action: string; n: string }>(
      `select order_id, action, count(*) n from work_order_events where tenant_id = $1
         and action in ('take', 'depart', 'arrive', 'complete') group by 1, 2 having count(*) > 1`,
      [tenantId],
    )) {
      problems.push(`order ${r.order_id} has ${r.n} '${r.action}' events (a resend applied twice)`);
    }
    for (const r of await q<{ order_id: string; n: string }>(
      'select order_id, count(*) n from borrow_cards where tenant_id = $1 group by 1 having count(*) > 1',
      [tenantId],
    )) {
      problems.push(`order ${r.order_id} has ${r.n} borrow cards (a resend issued twice)`);
    }
    for (const r of await q<{ id: string; consumed: number; returned: number; mc: string; mr: string; mb: string }>(
      `select l.id, l.consumed, l.returned, l.quantity,
          coalesce(sum(m.quantity) filter (where m.kind = 'consume'), 0) mc,
          coalesce(sum(m.quantity) filter (where m.kind = 'return'), 0) mr,
          coalesce(sum(m.quantity) filter (where m.kind = 'borrow'), 0) mb
         from borrow_lines l left join stock_movements m on m.borrow_line_id = l.id and m.tenant_id = l.tenant_id
        where l.tenant_id = $1 group by l.id`,
      [tenantId],
    )) {
      if (Number(r.mc) !== r.consumed || Number(r.mr) !== r.returned) {
        problems.push(`borrow line ${r.id}: counters ${r.consumed}/${r.returned} but ledger ${r.mc}/${r.mr}`);
      }
    }

    // 3. Ledger = balances, nothing negative.
    const ledger = await q<{ location_id: string; item_id: string; condition: string; qty: string }>(
      `select location_id, item_id, condition, sum(q) qty from (
          select to_location_id location_id, item_id, to_condition condition, quantity q
            from stock_movements where tenant_id = $1 and to_location_id is not null
          union all
          select from_location_id, item_id, from_condition, -quantity
            from stock_movements where tenant_id = $1 and from_location_id is not null) x
        group by 1, 2, 3`,
      [tenantId],
    );
    const balances = await q<{ location_id: string; item_id: string; condition: string; quantity: number }>(
      'select location_id, item_id, condition, quantity from stock_balances where tenant_id = $1',
      [tenantId],
    );
    const onHand = new Map(balances.map((b) => [`${b.location_id}/${b.item_id}/${b.condition}`, b.quantity]));
    for (const l of ledger) {
      const k = `${l.location_id}/${l.item_id}/${l.condition}`;
      const have = onHand.get(k) ?? 0;
      if (Number(l.qty) !== have) problems.push(`stock ${k}: ledger says ${l.qty}, on-hand ${have}`);
      if (Number(l.qty) < 0) problems.push(`stock ${k}: ledger goes negative (${l.qty})`);
      onHand.delete(k);
    }
    for (const [k, v] of onHand) if (v !== 0) problems.push(`stock ${k}: on-hand ${v} without ledger rows`);
    for (const b of balances) if (b.quantity < 0) problems.push(`stock balance negative: ${JSON.stringify(b)}`);

    // 4. Hash chains (and status = newest event's status).
    const database = await openDatabase({ url: databaseUrl, poolSize: 2 });
    try {
      for (const b of await verifyAllChains(database.db, tenantId)) {
        problems.push(`order ${b.number} history broken at #${b.brokenAtSeq}: ${b.reason}`);
      }
    } finally {
      await database.close();
    }

    // 5. Timers due during an outage: one breach each, recorded after the restart.
    for (const t of timers) {
      const fired = await q<{ kind: string; at: Date }>(
        `select e.kind, e.at from sla_clock_events e join sla_clocks c on c.id = e.clock_id
          where e.tenant_id = $1 and e.order_id = $2 and c.kind = 'arrive_early' and e.kind = 'breach'`,
        [tenantId, t.orderId],
      );
      if (fired.length !== 1) {
        problems.push(`timer of order ${t.orderId} (due during an outage) fired ${fired.length} times`);
      } else if (fired[0]!.at.getTime() < t.respawnedAt) {
        problems.push(`timer of order ${t.orderId} fired at ${fired[0]!.at.toISOString()}, not after the restart`);
      }
    }

    const [m] = await q<{ n: string }>('select count(*) n from stock_movements where tenant_id = $1', [tenantId]);
    return {
      ok: problems.length === 0,
      problems,
      counts: {
        acks: acks.length,
        orders: orders.size,
        events: events.length,
        movements: Number(m?.n ?? 0),
        balances: balances.length,
        timers: timers.length,
      },
    };
  } finally {
    await client.end();
  }
}
