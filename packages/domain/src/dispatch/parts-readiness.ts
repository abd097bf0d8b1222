/**
 * DSP-01/03 parts readiness 备件落实 as a pure rule. An order's needed parts are covered first by what
 * was issued for that order (borrow cards, less what came back), then by the station store's good
 * stock. The store is shared out across the day's orders in the order given — the caller passes them
 * most important first (carried over, then priority, then the earlier window) — so two visits never
 * count on the same last unit.
 */

export type PartsReadinessStatus = 'none' | 'issued' | 'available' | 'short';

export interface PartsReadinessLine {
  itemId: string;
  needed: number;
  /** Already issued for this order (borrowed and not returned). */
  issued: number;
  /** Set aside from the station store for this order. */
  fromStore: number;
  /** Still missing after both. */
  short: number;
}

export interface OrderPartsReadiness {
  status: PartsReadinessStatus;
  lines: PartsReadinessLine[];
}

export function partsReadiness(
  orderIds: readonly string[],
  needs: readonly { orderId: string; itemId: string; quantity: number }[],
  issued: readonly { orderId: string; itemId: string; quantity: number }[],
  storeOnHand: ReadonlyMap<string, number>,
): Map<string, OrderPartsReadiness> {
  const store = new Map(storeOnHand);
  const issuedOf = new Map(issued.map((i) => [`${i.orderId}:${i.itemId}`, i.quantity]));
  const out = new Map<string, OrderPartsReadiness>();
  for (const orderId of orderIds) {
    const own = needs.filter((n) => n.orderId === orderId);
    if (own.length === 0) {
      out.set(orderId, { status: 'none', lines: [] });
      continue;
    }
    const lines = own.map((n) => {
      const fromIssued = Math.min(n.quantity, Math.max(0, issuedOf.get(`${orderId}:${n.itemId}`) ?? 0));
      const left = n.quantity - fromIssued;
      const fromStore = Math.min(left, store.get(n.itemId) ?? 0);
      store.set(n.itemId, (store.get(n.itemId) ?? 0) - fromStore);
      return { itemId: n.itemId, needed: n.quantity, issued: fromIssued, fromStore, short: left - fromStore };
    });
    const status: PartsReadinessStatus = lines.some((l) => l.short > 0)
      ? 'short'
      : lines.every((l) => l.issued === l.needed)
        ? 'issued'
        : 'available';
    out.set(orderId, { status, lines });
  }
  return out;
}
