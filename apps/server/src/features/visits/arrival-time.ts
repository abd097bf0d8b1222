import { listOrderEventsByAction, type Db, type StoredWorkOrder } from '@daowei/db';
import { arrivalInstant, type WorkOrderCommand } from '@daowei/domain';

type Arrive = Extract<WorkOrderCommand, { action: 'arrive' }>;

/**
 * ENG-07: the instant a check-in counts from. Online it is the server's now; a check-in that waited in
 * the phone's outbox (Offline-Queued-At) counts from the phone's time of arrival — the body's
 * `arrivedAt`, else the time it was queued — kept between the trip's departure and now (domain
 * `arrivalInstant`). The client's `arrivedAt` never passes through unchecked.
 */
export async function withArrivalTime(
  tx: Db,
  order: StoredWorkOrder,
  cmd: Arrive,
  queuedAt: Date | null,
  now: Date,
): Promise<Arrive> {
  const deviceAt = queuedAt ? (cmd.arrivedAt ?? queuedAt) : null;
  let notBefore: Date | null = null;
  if (deviceAt) {
    const departs = await listOrderEventsByAction(tx, order.tenantId, [order.id], ['depart']);
    // The departure's own phone time when it waited offline too (payload.departedAt), else its record time.
    const last = departs.reduce((t, e) => {
      const p = (e.payload ?? {}) as { departedAt?: unknown };
      const at = typeof p.departedAt === 'string' ? new Date(p.departedAt).getTime() : e.at.getTime();
      return Math.max(t, Number.isNaN(at) ? e.at.getTime() : at);
    }, -Infinity);
    notBefore = Number.isFinite(last) ? new Date(last) : null;
  }
  const { at, source } = arrivalInstant({ deviceAt, notBefore, now });
  return { ...cmd, arrivedAt: at, arrivalTimeSource: source, deviceArrivedAt: deviceAt };
}
