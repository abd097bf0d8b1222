import { and, asc, eq, gt, inArray, isNull, lt, or } from 'drizzle-orm';
import type { WorkOrderStatus } from '@daowei/domain';
import type { Db } from '../client.js';
import { toWorkOrder, type StoredWorkOrder } from '../mappers/work-order.mapper.js';
import { workOrders } from '../schema/work-orders.js';

/**
 * DSP-03: the orders a station's day plan considers — in one of `statuses`, with an appointment
 * overlapping [from, to), or without an appointment when `unscheduled` is true (open work still
 * waiting for a visit). Capped: a day plan beyond `limit` orders is a data problem, not a plan.
 */
export async function listStationOrdersForDay(
  db: Db,
  tenantId: string,
  q: { stationId: string; statuses: readonly WorkOrderStatus[]; from: Date; to: Date; limit: number },
): Promise<StoredWorkOrder[]> {
  const rows = await db
    .select()
    .from(workOrders)
    .where(
      and(
        eq(workOrders.tenantId, tenantId),
        eq(workOrders.stationId, q.stationId),
        inArray(workOrders.status, [...q.statuses]),
        or(
          and(lt(workOrders.appointmentStart, q.to), gt(workOrders.appointmentEnd, q.from)),
          isNull(workOrders.appointmentStart),
        ),
      ),
    )
    .orderBy(asc(workOrders.acceptedAt), asc(workOrders.id))
    .limit(q.limit);
  return rows.map(toWorkOrder);
}
