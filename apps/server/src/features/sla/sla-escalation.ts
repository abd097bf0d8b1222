import { getWorkOrder, listOrgUnits, recordSlaClockEvent, type Db, type StoredSlaClock } from '@daowei/db';
import { escalationOf, escalationText, type EscalationTrigger } from '@daowei/domain';
import type { NotificationService } from '../notifications/notification.service.js';

export const SLA_ESCALATION_NOTIFICATION = 'sla.escalation';

/**
 * SLA-09: tells the position the clock's policy names that the clock warned or breached — in the
 * transaction that records the warning / breach, once: the notification's dedupe key and the
 * escalation event's (clock, 'escalation', trigger) key both refuse a second one.
 *
 * The position is addressed in the order's station (or the vendor's top unit, per policy); an order
 * without a station escalates to its vendor's unit. The event records where it went, or why nowhere.
 */
export function createSlaEscalation(notifications: Pick<NotificationService, 'notify'> | undefined) {
  return async function escalate(tx: Db, s: StoredSlaClock, trigger: EscalationTrigger, now: Date): Promise<void> {
    const target = escalationOf(s.clock, trigger);
    if (!target || !notifications) return;
    const order = await getWorkOrder(tx, s.tenantId, s.orderId);
    if (!order) return;
    const vendorUnit = async () =>
      (await listOrgUnits(tx, s.tenantId, { vendorId: order.vendorId })).find((u) => u.kind === 'vendor')?.id ?? null;
    const unitId = (target.unit === 'station' ? order.stationId : null) ?? (await vendorUnit());
    const notification = unitId
      ? await notifications.notify(tx, s.tenantId, {
          recipient: { position: target.position, unitId },
          kind: SLA_ESCALATION_NOTIFICATION,
          orderId: order.id,
          payload: {
            clockId: s.id,
            clockKind: s.clock.kind,
            ruleId: s.clock.ruleId,
            trigger,
            dueAt: s.clock.dueAt.toISOString(),
            orderNumber: order.number,
            text: escalationText(s.clock, trigger, order.number),
          },
          dedupeKey: `sla:${s.id}:escalation:${trigger}`,
          at: now,
        })
      : null;
    await recordSlaClockEvent(tx, s.tenantId, {
      clockId: s.id,
      orderId: s.orderId,
      kind: 'escalation',
      occurrence: trigger,
      at: now,
      payload: {
        trigger,
        position: target.position,
        unitId,
        notificationId: notification?.id ?? null,
        ...(unitId ? {} : { undelivered: 'the order has no station or vendor unit' }),
      },
    });
  };
}
