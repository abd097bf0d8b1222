import { PHONE_VISIBLE_POSITIONS, isSupervisor, isWorker } from '../org/positions.js';
import type { Actor } from './lifecycle.js';
import { isOpenStatus, type WorkOrder } from './work-order.types.js';

/**
 * SEC-01 least privilege and SEC-02 vendor isolation, decided on an order's facts. The data layer
 * filters by tenant and vendor in its queries; this is the rule those queries implement and the check
 * the server makes before showing one order.
 */
export interface Viewer extends Actor {
  /** The viewer's vendor; null for the operator's own staff, who oversee every vendor of the tenant. */
  vendorId: string | null;
  /** When given, an order of another tenant is never visible (belt and braces over the data layer). */
  tenantId?: string;
}

export type VisibleOrder = Pick<
  WorkOrder,
  'tenantId' | 'vendorId' | 'status' | 'offeredToPersonId' | 'offeredToUnitId' | 'holderId'
>;

/**
 * An offer is an invitation to take the order, so it shows the order only while it is still on offer
 * (WO-04: to the person, or to a pool the viewer belongs to). Once a colleague has taken it, the rest of
 * the pool no longer sees the customer's details.
 */
function isOpenOfferTo(order: VisibleOrder, viewer: Viewer): boolean {
  if (order.status !== 'assigned') return false;
  if (order.offeredToPersonId) return order.offeredToPersonId === viewer.personId;
  return order.offeredToUnitId !== null && viewer.unitIds.includes(order.offeredToUnitId);
}

/**
 * - Another tenant's order: never. Another vendor's order: never for vendor staff (SEC-02).
 * - Supervising positions (desk, coordinators, managers, callback …) see every order of their vendor,
 *   operator staff every order of the tenant. A team lead supervises, so sees the vendor's orders.
 * - Field and bench positions see the orders offered to them and the ones they hold, including the
 *   ones they finished (their "done" list).
 * - Any other position (parts, finance) sees no orders through this rule; features that need them
 *   grant narrower views of their own.
 */
export function canSeeOrder(order: VisibleOrder, viewer: Viewer): boolean {
  if (viewer.tenantId !== undefined && order.tenantId !== viewer.tenantId) return false;
  if (viewer.vendorId !== null && order.vendorId !== viewer.vendorId) return false;
  if (isSupervisor(viewer.position)) return true;
  if (isWorker(viewer.position)) return order.holderId === viewer.personId || isOpenOfferTo(order, viewer);
  return false;
}

/**
 * SEC-01: the customer's number in full only for positions whose job is calling customers, or for the
 * engineer who holds the order while it is open; everyone else gets a masked number.
 */
export function phoneVisibleTo(order: VisibleOrder, viewer: Viewer): boolean {
  if (!canSeeOrder(order, viewer)) return false;
  if (PHONE_VISIBLE_POSITIONS.includes(viewer.position)) return true;
  return order.holderId === viewer.personId && isOpenStatus(order.status);
}

/**
 * Keeps the first three and last four characters, as Chinese mobile numbers are usually shown
 * (138****5678): enough to recognise a number, not enough to dial it. Shorter numbers keep less.
 */
export function maskPhone(phone: string): string {
  const s = phone.trim();
  if (s.length >= 8) return `${s.slice(0, 3)}${'*'.repeat(s.length - 7)}${s.slice(-4)}`;
  if (s.length >= 5) return `${'*'.repeat(s.length - 2)}${s.slice(-2)}`;
  return '*'.repeat(s.length);
}

/** The phone number as this viewer may see it. */
export function phoneAsSeenBy(order: VisibleOrder & Pick<WorkOrder, 'contactPhone'>, viewer: Viewer): string {
  return phoneVisibleTo(order, viewer) ? order.contactPhone : maskPhone(order.contactPhone);
}
