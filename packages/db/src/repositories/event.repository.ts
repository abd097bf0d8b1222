import { and, asc, desc, eq, gt, inArray, type SQL } from 'drizzle-orm';
import {
  DomainError,
  chainNext,
  verifyChain,
  type ChainBreakReason,
  type Position,
  type WorkOrderStatus,
} from '@daowei/domain';
import type { Db } from '../client.js';
import { toEvent, type StoredEvent } from '../mappers/event.mapper.js';
import { people } from '../schema/people.js';
import { workOrderEvents } from '../schema/work-order-events.js';
import { workOrders } from '../schema/work-orders.js';
import { isUuid } from './helpers.js';

/**
 * WO-03 / AUD-01: the order's history. Events are only ever inserted (the database refuses UPDATE and
 * DELETE, migration 0001); each is chained to its predecessor by hash (domain audit/event-chain).
 */

export interface NewEvent {
  orderId: string;
  action: string;
  fromStatus: WorkOrderStatus | null;
  toStatus: WorkOrderStatus;
  /** null for the system (SLA jobs). */
  actorId: string | null;
  actorPosition: Position | null;
  at: Date;
  payload: Record<string, unknown>;
}

/**
 * Appends the next event of an order: seq = last + 1, prevHash = last hash (genesis for the first).
 * Call it in the transaction that changes the order. It locks the order row first (re-entrant if the
 * caller already holds it via getForUpdate), so two appends to one order never compute the same seq.
 */
export async function appendEvent(tx: Db, tenantId: string, input: NewEvent): Promise<StoredEvent> {
  const [order] = await tx
    .select({ id: workOrders.id })
    .from(workOrders)
    .where(and(eq(workOrders.tenantId, tenantId), eq(workOrders.id, input.orderId)))
    .for('update');
  if (!order) throw new DomainError('NOT_FOUND', 'Work order not found', { id: input.orderId });
  const [last] = await tx
    .select({ seq: workOrderEvents.seq, hash: workOrderEvents.hash })
    .from(workOrderEvents)
    .where(and(eq(workOrderEvents.tenantId, tenantId), eq(workOrderEvents.orderId, input.orderId)))
    .orderBy(desc(workOrderEvents.seq))
    .limit(1);
  // The payload is hashed as it will read back from jsonb (Dates as ISO strings, no undefined).
  const payload = JSON.parse(JSON.stringify(input.payload ?? {})) as Record<string, unknown>;
  const e = chainNext(last ?? null, { ...input, payload });
  const [row] = await tx
    .insert(workOrderEvents)
    .values({
      tenantId,
      orderId: e.orderId,
      seq: e.seq,
      action: e.action,
      fromStatus: input.fromStatus,
      toStatus: input.toStatus,
      actorId: e.actorId,
      actorPosition: input.actorPosition,
      at: e.at,
      payload,
      prevHash: e.prevHash,
      hash: e.hash,
    })
    .returning();
  return toEvent(row!);
}

export type EventWithActor = StoredEvent & { actorName: string | null };

/** An order's events in order, with the actor's name for display (api.md `Event`). */
export async function listEvents(db: Db, tenantId: string, orderId: string): Promise<EventWithActor[]> {
  if (!isUuid(orderId)) return [];
  const rows = await db
    .select({ event: workOrderEvents, actorName: people.name })
    .from(workOrderEvents)
    .leftJoin(people, and(eq(people.tenantId, workOrderEvents.tenantId), eq(people.id, workOrderEvents.actorId)))
    .where(and(eq(workOrderEvents.tenantId, tenantId), eq(workOrderEvents.orderId, orderId)))
    .orderBy(asc(workOrderEvents.seq));
  return rows.map((r) => ({ ...toEvent(r.event), actorName: r.actorName }));
}

export interface BrokenChain {
  tenantId: string;
  orderId: string;
  number: string;
  /** The first event that does not fit (0 when the order has no events at all). */
  brokenAtSeq: number;
  /**
   * The domain's reasons, plus two a chain cannot see by itself (see domain verifyChain):
   * - `no_events`: the order has no history at all;
   * - `status_mismatch`: the last event does not lead to the order's current status — the newest
   *   events were removed, or the order was changed without recording an event.
   */
  reason: ChainBreakReason | 'no_events' | 'status_mismatch';
}

/**
 * AUD-01: verifies every order's chain (of one tenant, or of all) and returns the broken ones. Walks
 * orders in id batches so memory stays bounded on a large database.
 */
export async function verifyAllChains(db: Db, tenantId?: string, batchSize = 200): Promise<BrokenChain[]> {
  const broken: BrokenChain[] = [];
  let after: string | null = null;
  for (;;) {
    const where: (SQL | undefined)[] = [
      tenantId ? eq(workOrders.tenantId, tenantId) : undefined,
      after ? gt(workOrders.id, after) : undefined,
    ];
    const orders: { id: string; tenantId: string; number: string; status: WorkOrderStatus }[] = await db
      .select({
        id: workOrders.id,
        tenantId: workOrders.tenantId,
        number: workOrders.number,
        status: workOrders.status,
      })
      .from(workOrders)
      .where(and(...where))
      .orderBy(asc(workOrders.id))
      .limit(batchSize);
    if (orders.length === 0) return broken;
    after = orders.at(-1)!.id;
    const rows = await db
      .select()
      .from(workOrderEvents)
      .where(
        inArray(
          workOrderEvents.orderId,
          orders.map((o) => o.id),
        ),
      )
      .orderBy(asc(workOrderEvents.orderId), asc(workOrderEvents.seq));
    const byOrder = new Map<string, StoredEvent[]>();
    for (const r of rows) {
      const list = byOrder.get(r.orderId) ?? [];
      list.push(toEvent(r));
      byOrder.set(r.orderId, list);
    }
    for (const o of orders) {
      const events = byOrder.get(o.id) ?? [];
      const fault = checkOrder(o.status, events);
      if (fault) broken.push({ tenantId: o.tenantId, orderId: o.id, number: o.number, ...fault });
    }
  }
}

function checkOrder(
  status: WorkOrderStatus,
  events: readonly StoredEvent[],
): Pick<BrokenChain, 'brokenAtSeq' | 'reason'> | null {
  if (events.length === 0) return { brokenAtSeq: 0, reason: 'no_events' };
  const verdict = verifyChain(events);
  if (!verdict.ok) return { brokenAtSeq: verdict.brokenAtSeq, reason: verdict.reason };
  const last = events.at(-1)!;
  if (last.toStatus !== status) return { brokenAtSeq: last.seq, reason: 'status_mismatch' };
  return null;
}
