import type { StockLocation, StoredWorkOrder } from '@daowei/db';
import { canSeeOrder, DomainError, type PartsPolicy } from '@daowei/domain';
import type { AuthContext } from '../../http/auth-context.js';

/**
 * Who may see and touch which stock (SEC-02 applied to parts). Vendor staff work with their vendor's
 * stores and the operator's own (vendor NULL); operator staff with all. Anything else is answered as
 * missing, like a foreign order.
 */
export function canUseLocation(auth: AuthContext, location: StockLocation): boolean {
  if (auth.vendorId === null) return true;
  if (location.kind === 'van') return location.vendorId === auth.vendorId;
  return location.vendorId === null || location.vendorId === auth.vendorId;
}

/** A location the caller may use, or NOT_FOUND (the same answer as for one that does not exist). */
export function usableLocation(auth: AuthContext, location: StockLocation | null, id: string): StockLocation {
  if (!location || !canUseLocation(auth, location)) {
    throw new DomainError('NOT_FOUND', 'Stock location not found', { id });
  }
  return location;
}

/**
 * Parts against an order: store keepers of the order's vendor (they are neither supervisors nor
 * workers, so the order-list visibility does not cover them) or anyone who can see the order.
 */
export function canUseOrderParts(auth: AuthContext, order: StoredWorkOrder, policy: PartsPolicy): boolean {
  if (order.tenantId !== auth.tenantId) return false;
  if (auth.vendorId !== null && order.vendorId !== auth.vendorId) return false;
  return (
    policy.clerkPositions.includes(auth.position) ||
    canSeeOrder(order, {
      tenantId: auth.tenantId,
      personId: auth.personId,
      position: auth.position,
      unitIds: auth.unitIds,
      vendorId: auth.vendorId,
    })
  );
}

export function usableOrder(
  auth: AuthContext,
  order: StoredWorkOrder | null,
  id: string,
  policy: PartsPolicy,
): StoredWorkOrder {
  if (!order || !canUseOrderParts(auth, order, policy)) {
    throw new DomainError('NOT_FOUND', 'Work order not found', { id });
  }
  return order;
}
