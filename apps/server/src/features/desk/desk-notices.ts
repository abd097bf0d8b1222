import { getIntake, type Db, type StoredDeskTask, type StoredWorkOrder } from '@daowei/db';
import type { DeskPolicy } from '@daowei/domain';
import type { NotificationService } from '../notifications/notification.service.js';

/**
 * Who the desk's events reach, through the shared notifications service (INT-01), always inside the
 * event's transaction with a dedupe key so a retried trigger tells nobody twice.
 */
export function createDeskNotices({
  notifications,
  deskPolicy,
}: {
  notifications: Pick<NotificationService, 'notify' | 'send' | 'customerNotices'>;
  deskPolicy: DeskPolicy;
}) {
  return {
    /** DESK-06 催办: the order's coordinator hears of every urge; repeated urges reach the station manager. */
    async urged(tx: Db, order: StoredWorkOrder, urgeCount: number) {
      if (!order.stationId) return;
      const payload = { number: order.number, urgeCount };
      await notifications.notify(tx, order.tenantId, {
        recipient: { position: 'coordinator', unitId: order.stationId },
        kind: 'desk.urged',
        orderId: order.id,
        payload,
        dedupeKey: `desk.urged:${order.id}:${urgeCount}`,
      });
      if (urgeCount >= deskPolicy.urgeEscalateToManagerAt) {
        await notifications.notify(tx, order.tenantId, {
          recipient: { position: 'station_manager', unitId: order.stationId },
          kind: 'desk.urge_escalated',
          orderId: order.id,
          payload,
          dedupeKey: `desk.urge_escalated:${order.id}:${urgeCount}`,
        });
      }
    },

    /** DESK-06: the customer moved their visit through the link — the coordinator plans around it. */
    async customerRescheduled(tx: Db, order: StoredWorkOrder, eventSeq: number) {
      if (!order.stationId) return;
      await notifications.notify(tx, order.tenantId, {
        recipient: { position: 'coordinator', unitId: order.stationId },
        kind: 'desk.customer_rescheduled',
        orderId: order.id,
        payload: {
          number: order.number,
          appointment: order.appointment
            ? { start: order.appointment.start.toISOString(), end: order.appointment.end.toISOString() }
            : null,
        },
        dedupeKey: `desk.customer_rescheduled:${order.id}:${eventSeq}`,
      });
      // INT-01: the customer gets the new time in writing too.
      await notifications.customerNotices.customerRescheduled(tx, order, eventSeq);
    },

    /** DESK-02/05: a follow-up fell due — the agent who took the request is told. */
    async taskDue(tx: Db, task: StoredDeskTask) {
      const intake = await getIntake(tx, task.tenantId, task.intakeId);
      if (!intake) return;
      await notifications.notify(tx, task.tenantId, {
        recipient: { personId: intake.createdBy },
        kind: `desk.${task.kind}_due`,
        orderId: task.orderId,
        payload: { taskId: task.id, callerPhone: intake.callerPhone, dueAt: task.dueAt.toISOString() },
        dedupeKey: `desk.task_due:${task.id}`,
      });
    },

    /** DESK-03: the device is ready — the customer gets a message on their channel (INT-01 outbox, once). */
    async carryInReady(tx: Db, order: StoredWorkOrder, receiptNumber: string) {
      const queued = await notifications.customerNotices.readyForPickup(tx, order, receiptNumber, { logQueued: false });
      const sms = queued.find((q) => q !== null);
      if (sms?.duplicate) return;
      // The send log's line for the queued SMS (the desk's record of "customer told").
      await notifications.send(tx, order.tenantId, {
        channel: 'sms',
        to: order.contactPhone,
        template: 'desk.carry_in_ready',
        params: { number: order.number, receiptNumber },
        orderId: order.id,
        outboxId: sms?.id ?? null,
      });
    },
  };
}
