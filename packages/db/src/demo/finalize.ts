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
 * last because the creation event records the order's number and repeat flag, known only now.
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
    let last: ChainedEvent | null = null;
    for (const [i, e] of r.events.entries()) {
      const payload =
        i === 0
          ? { ...e.payload, number: order.number, ...(repeatOf ? { repeatOfOrderId: repeatOf } : {}) }
          : e.payload;
      last = chainNext(last, { ...e, payload });
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

/** WO-07: the completion the order currently stands on (none after a reopen), as stored (JSON). */
function lastCompletion(r: SimulatedOrder): DemoCompletion | null {
  for (let i = r.events.length - 1; i >= 0; i--) {
    const e = r.events[i] as SimulatedOrder['events'][number];
    if (e.action === 'reopen') return null;
    if (e.action === 'complete') return JSON.parse(JSON.stringify(e.payload.completion)) as DemoCompletion;
  }
  return null;
}
