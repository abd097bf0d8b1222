import {
  closeOnsiteReport,
  insertOnsiteReport,
  listAttachments,
  listOpenOrderReportsOfKind,
  listOrderEventsByAction,
  type Db,
  type StoredWorkOrder,
} from '@daowei/db';
import { assertNoAccessNotePhoto, type PolicyPack, type WorkOrderCommand } from '@daowei/domain';
import type { AuthContext } from '../../http/auth-context.js';
import type { NotificationService } from '../notifications/notification.service.js';

const MIN = 60_000;

export type VisitOrderHooks = ReturnType<typeof createVisitOrderHooks>;

/**
 * What the visit rules add to a lifecycle action, inside the action's transaction (the work-order
 * service calls `afterAction` once the order and its event are written):
 * - APT-04: a check-in later than the apology threshold tells the station manager (the escalation note
 *   is on the arrive event already);
 * - APT-03: nobody home — the photo of the note must be on the order, the coordinator gets a follow-up
 *   (re-contact and rebook) with its due time, and the customer is told through the channel adapter;
 * - a new appointment (confirm or reschedule) closes the open no-access follow-ups: the rebook is done.
 */
export function createVisitOrderHooks({
  policy,
  notifications,
}: {
  policy: PolicyPack;
  notifications: Pick<NotificationService, 'notify' | 'send'>;
}) {
  const rules = policy.visit.noAccess;

  /** Photos uploaded since the visit began (the trip's depart event), oldest first. */
  async function photosThisVisit(tx: Db, order: StoredWorkOrder) {
    const departs = await listOrderEventsByAction(tx, order.tenantId, [order.id], ['depart']);
    const since = departs.reduce((t, e) => Math.max(t, e.at.getTime()), 0);
    return (await listAttachments(tx, order.tenantId, order.id)).filter(
      (a) => a.kind === 'photo' && a.uploadedAt.getTime() >= since,
    );
  }

  async function noAccess(
    tx: Db,
    auth: AuthContext,
    order: StoredWorkOrder,
    payload: Record<string, unknown>,
    now: Date,
  ) {
    const photos = await photosThisVisit(tx, order);
    assertNoAccessNotePhoto(policy.visit, photos.length);
    const dueAt = new Date(now.getTime() + rules.followUpDueMinutes * MIN);
    const report = await insertOnsiteReport(tx, auth.tenantId, {
      orderId: order.id,
      vendorId: order.vendorId,
      stationId: order.stationId,
      kind: 'no_access',
      state: 'open',
      details: {
        knockedAt: payload.knockedAt,
        call: payload.call,
        neighbour: payload.neighbour,
        waitedMinutes: payload.waitedMinutes,
        leftAt: payload.leftAt,
        missedWindow: payload.window ?? null,
        remark: payload.remark ?? null,
        customerNotified: true,
      },
      attachmentIds: photos.map((p) => p.id),
      forPosition: rules.followUpPosition,
      forUnitId: order.stationId,
      dueAt,
      clockKind: null,
      raisedBy: auth.personId,
      raisedAt: now,
    });
    if (order.stationId) {
      await notifications.notify(tx, auth.tenantId, {
        recipient: { position: rules.followUpPosition, unitId: order.stationId },
        kind: 'visit.no_access',
        orderId: order.id,
        payload: { number: order.number, reportId: report.id, dueAt: dueAt.toISOString() },
        dedupeKey: `visit.report:${report.id}`,
      });
    }
    // The customer learns we came and how to rebook (template rendered by the channel adapter).
    await notifications.send(tx, auth.tenantId, {
      channel: 'sms',
      to: order.contactPhone,
      template: 'visit.no_access',
      params: { number: order.number, visitedAt: payload.leftAt, reportId: report.id },
      orderId: order.id,
    });
  }

  return {
    async afterAction(
      tx: Db,
      auth: AuthContext,
      order: StoredWorkOrder,
      cmd: WorkOrderCommand,
      payload: Record<string, unknown>,
      now: Date,
    ): Promise<void> {
      if (cmd.action === 'arrive' && payload.handling === 'escalation' && order.stationId) {
        await notifications.notify(tx, auth.tenantId, {
          recipient: { position: 'station_manager', unitId: order.stationId },
          kind: 'visit.late_escalation',
          orderId: order.id,
          payload: {
            number: order.number,
            lateMinutes: payload.lateMinutes,
            escalationNote: payload.escalationNote,
            arrivedAt: payload.arrivedAt,
          },
          dedupeKey: `visit.late_escalation:${order.id}:${String(payload.arrivedAt)}`,
        });
      }
      if (cmd.action === 'no_access') await noAccess(tx, auth, order, payload, now);
      if (cmd.action === 'confirm_appointment' || cmd.action === 'reschedule') {
        for (const r of await listOpenOrderReportsOfKind(tx, auth.tenantId, order.id, 'no_access')) {
          await closeOnsiteReport(tx, auth.tenantId, r.id, {
            closedBy: auth.personId,
            closedAt: now,
            closeNote: cmd.action === 'reschedule' ? cmd.reason : null,
            compensationFen: null,
          });
        }
      }
    },
  };
}
