import { and, desc, eq, type SQL } from 'drizzle-orm';
import type { WorkOrderStatus, WorkOrderType } from '@daowei/domain';
import type { Db } from '../client.js';
import { workOrders } from '../schema/work-orders.js';

/** DESK-01: one line of a customer's order history at intake. */
export interface CustomerOrderLine {
  id: string;
  number: string;
  type: WorkOrderType;
  status: WorkOrderStatus;
  product: string;
  productNumber: string;
  acceptedAt: Date;
  closedAt: Date | null;
}

/**
 * The customer's orders, newest first. `vendorId` (vendor staff) narrows to that vendor's orders in
 * the SQL itself, so another vendor's history never leaves the database (SEC-02).
 */
export async function listCustomerOrders(
  db: Db,
  tenantId: string,
  customerId: string,
  opts: { vendorId: string | null; limit: number },
): Promise<CustomerOrderLine[]> {
  const where: SQL[] = [eq(workOrders.tenantId, tenantId), eq(workOrders.customerId, customerId)];
  if (opts.vendorId) where.push(eq(workOrders.vendorId, opts.vendorId));
  return db
    .select({
      id: workOrders.id,
      number: workOrders.number,
      type: workOrders.type,
      status: workOrders.status,
      product: workOrders.product,
      productNumber: workOrders.productNumber,
      acceptedAt: workOrders.acceptedAt,
      closedAt: workOrders.closedAt,
    })
    .from(workOrders)
    .where(and(...where))
    .orderBy(desc(workOrders.acceptedAt), desc(workOrders.id))
    .limit(opts.limit);
}
