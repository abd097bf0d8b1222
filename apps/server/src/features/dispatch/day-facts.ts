import {
  listArrivalsOf,
  listIssuedForOrders,
  listOpenClocksOf,
  listPartNeeds,
  stationStoreOnHand,
  type Db,
  type StoredWorkOrder,
} from '@daowei/db';
import { partsReadiness, type DispatchPolicy, type OrderPartsReadiness, type Priority } from '@daowei/domain';

const RANK: Record<Priority, number> = { low: 0, normal: 1, high: 2, urgent: 3 };

/** The open SLA promise nearest its due time, named so the board can say which promise is at risk. */
export interface RiskClock {
  dueAt: Date;
  kind: string;
  ruleId: string;
}

/** DSP-01: the parts picture of one order, with item names for the board. */
export interface OrderParts extends OrderPartsReadiness {
  lines: (OrderPartsReadiness['lines'][number] & { itemCode: string; itemName: string })[];
}

export interface DayFacts {
  /** SLA-05/DSP-03: the earliest open clock that binds the visit (stops on arrival or completion). */
  dueAt: Map<string, Date>;
  /** DSP-01: the earliest open clock of any kind (a hand-off or first-contact promise is at risk too). */
  risk: Map<string, RiskClock>;
  parts: Map<string, OrderParts>;
  /** APT-04: the recorded check-ins of the day's orders. */
  arrivals: Map<string, { at: Date; lateMinutes: number; handling: string }>;
}

/**
 * DSP-01/03: what the board and the planner need to know about a station-day's orders beyond the
 * orders themselves. Parts are shared out most important first (carried over, higher priority, earlier
 * window), the same order the planner serves them in.
 */
export async function loadDayFacts(
  db: Db,
  tenantId: string,
  q: { stationId: string; orders: readonly StoredWorkOrder[]; carried: ReadonlySet<string> },
  policy: Pick<DispatchPolicy, 'visitDueClockStops'>,
): Promise<DayFacts> {
  const ids = q.orders.map((o) => o.id);
  const clocks = await listOpenClocksOf(db, tenantId, ids);
  const dueAt = new Map<string, Date>();
  const risk = new Map<string, RiskClock>();
  for (const c of clocks) {
    // Rows come earliest due first: the first seen per order is its nearest promise.
    if (!risk.has(c.orderId)) risk.set(c.orderId, { dueAt: c.dueAt, kind: c.kind, ruleId: c.ruleId });
    if (!dueAt.has(c.orderId) && c.stopOn && policy.visitDueClockStops.includes(c.stopOn))
      dueAt.set(c.orderId, c.dueAt);
  }

  const needs = await listPartNeeds(db, tenantId, ids);
  const parts = new Map<string, OrderParts>();
  if (needs.length > 0) {
    const needing = new Set(needs.map((n) => n.orderId));
    const ranked = q.orders
      .filter((o) => needing.has(o.id))
      .sort(
        (a, b) =>
          Number(q.carried.has(b.id)) - Number(q.carried.has(a.id)) ||
          RANK[b.priority] - RANK[a.priority] ||
          (a.appointment?.start.getTime() ?? Infinity) - (b.appointment?.start.getTime() ?? Infinity) ||
          a.number.localeCompare(b.number),
      )
      .map((o) => o.id);
    const issued = await listIssuedForOrders(db, tenantId, ranked);
    const onHand = await stationStoreOnHand(db, tenantId, q.stationId);
    const names = new Map(needs.map((n) => [n.itemId, { itemCode: n.itemCode, itemName: n.itemName }]));
    for (const [orderId, r] of partsReadiness(ranked, needs, issued, onHand)) {
      parts.set(orderId, { ...r, lines: r.lines.map((l) => ({ ...l, ...names.get(l.itemId)! })) });
    }
  }

  const arrivals: DayFacts['arrivals'] = new Map();
  for (const a of await listArrivalsOf(db, tenantId, ids)) arrivals.set(a.orderId, a);
  return { dueAt, risk, parts, arrivals };
}

/** The reason text of an order left out of a plan for want of parts, naming what is missing. */
export function partsShortText(p: OrderParts): string {
  const missing = p.lines.filter((l) => l.short > 0).map((l) => `${l.itemName} ×${l.short}`);
  return `Needed parts are not in the station store: ${missing.join(', ')}`;
}

/** ENG-01 with DSP-01: per order, the parts the visit needs and how many were already issued for it. */
export async function partsToBring(db: Db, tenantId: string, orderIds: readonly string[]) {
  const needs = await listPartNeeds(db, tenantId, orderIds);
  const out = new Map<string, { itemCode: string; itemName: string; needed: number; issued: number }[]>();
  if (needs.length === 0) return out;
  const issued = await listIssuedForOrders(db, tenantId, [...new Set(needs.map((n) => n.orderId))]);
  for (const n of needs) {
    const got = issued.find((i) => i.orderId === n.orderId && i.itemId === n.itemId)?.quantity ?? 0;
    const line = { itemCode: n.itemCode, itemName: n.itemName, needed: n.quantity, issued: Math.min(n.quantity, got) };
    out.set(n.orderId, [...(out.get(n.orderId) ?? []), line]);
  }
  return out;
}
