import {
  chainNext,
  findRepeatOf,
  formatOrderNumber,
  type ChainedEvent,
  type PolicyPack,
  type WorkOrder,
} from '@daowei/domain';
import type { SimulatedOrder } from './generate-orders.js';
import type { Rng } from './random.js';
import { DEMO_TIME_ZONE, localIsoDate } from './time.js';
import type { DemoCompletion, DemoEvent, DemoOrder, DemoOrderLink } from './types.js';

/**
 * Once every order has run: trim to the requested count, number orders per local day in acceptance
 * order, flag repeat faults (WO-12), and seal each history into its hash chain (AUD-01). Hashing comes
 * last because event payloads record the repeat flag and linked orders' numbers, known only now.
 */
export interface Finalized {
  orders: DemoOrder[];
  events: DemoEvent[];
  links: DemoOrderLink[];
  /** Highest sequence used per local day, `YYYY-MM-DD` → n: the order-number counters to store. */
  counters: Map<string, number>;
}

export function finalizeOrders(
  results: SimulatedOrder[],
  opts: { target: number; rng: Rng; policy: PolicyPack },
): Finalized {
  const kept = trim(results, opts.target, opts.rng);
  kept.sort(
    (a, b) => a.order.acceptedAt.getTime() - b.order.acceptedAt.getTime() || (a.order.id < b.order.id ? -1 : 1),
  );

  const counters = new Map<string, number>();
  const byCustomer = new Map<string, WorkOrder[]>();
  const orders: DemoOrder[] = [];
  const events: DemoEvent[] = [];
  const links: DemoOrderLink[] = [];
  for (const r of kept) {
    const o = r.order;
    const dayKey = localIsoDate(o.acceptedAt.getTime());
    const seq = (counters.get(dayKey) ?? 0) + 1;
    counters.set(dayKey, seq);
    const previous = byCustomer.get(o.customerId) ?? [];
    // WO-12 as the desk would see it at creation: judged against this customer's earlier orders.
    const repeatOf = o.type === 'fault' ? findRepeatOf(o, previous, opts.policy) : null;
    const order: DemoOrder = {
      ...o,
      number: formatOrderNumber(o.type, o.acceptedAt, seq, DEMO_TIME_ZONE),
      repeatOfOrderId: repeatOf,
      completion: lastCompletion(r),
    };
    previous.push(order);
    byCustomer.set(o.customerId, previous);
    orders.push(order);
    if (order.parentOrderId) {
      links.push({
        tenantId: order.tenantId,
        fromOrderId: order.parentOrderId,
        toOrderId: order.id,
        kind: 'complaint_to_fault',
      });
    }
  }
  // Second pass: payloads may name another order's number (a complaint's linked fault is numbered
  // after the complaint), so chains are sealed once every order is numbered.
  const numberOf = new Map(orders.map((o) => [o.id, o.number]));
  for (const [i, r] of kept.entries()) {
    const order = orders[i] as DemoOrder;
    let last: ChainedEvent | null = null;
    for (const [n, e] of r.events.entries()) {
      last = chainNext(last, { ...e, payload: eventPayload(e.payload, n === 0, order, numberOf) });
      events.push({ ...last, tenantId: order.tenantId });
    }
  }
  return { orders, events, links, counters };
}

/**
 * Complaints that turned into faults add orders beyond the requested count; as many regular orders are
 * dropped, spread over the whole period (dropping the newest would leave today oddly quiet). Installs
 * and complaints stay: later orders may stand on the lines they opened or the faults they spawned.
 */
function trim(results: SimulatedOrder[], target: number, rng: Rng): SimulatedOrder[] {
  const excess = results.length - target;
  if (excess <= 0) return [...results];
  const removable = results.filter(
    (r) => r.kind === 'regular' && r.order.type !== 'install' && r.order.type !== 'complaint',
  );
  const drop = new Set(rng.sample(removable, excess).map((r) => r.order.id));
  return results.filter((r) => !drop.has(r.order.id));
}

/**
 * What the server records beside the decision's own payload: the repeat flag on creation, and on both
 * sides of a complaint → fault link the other order's id and number (WO-08: history links both).
 */
function eventPayload(
  payload: Record<string, unknown>,
  isCreate: boolean,
  order: DemoOrder,
  numberOf: ReadonlyMap<string, string>,
): Record<string, unknown> {
  if (isCreate && order.parentOrderId) {
    return {
      fromComplaintId: order.parentOrderId,
      fromComplaintNumber: numberOf.get(order.parentOrderId) ?? null,
      repeatOfOrderId: order.repeatOfOrderId,
    };
  }
  if (isCreate) return { ...payload, repeatOfOrderId: order.repeatOfOrderId };
  if (typeof payload.linkedFaultId === 'string') {
    return { ...payload, linkedFaultNumber: numberOf.get(payload.linkedFaultId) ?? null };
  }
  return payload;
}

/**
 * WO-07: the latest completion, as stored (a JSON round trip). Like the server, a reopen does not erase
 * it: it is what was reported, and the reopen event says why it did not hold.
 */
function lastCompletion(r: SimulatedOrder): DemoCompletion | null {
  for (let i = r.events.length - 1; i >= 0; i--) {
    const e = r.events[i] as SimulatedOrder['events'][number];
    if (e.action === 'complete') return JSON.parse(JSON.stringify(e.payload.completion)) as DemoCompletion;
  }
  return null;
}
