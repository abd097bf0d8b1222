import {
  closeOpenFollowUps,
  getAppointmentHistory,
  getOrgUnit,
  getTenant,
  getWorkOrder,
  insertAppointmentCall,
  insertAppointmentChange,
  insertFollowUp,
  listOrgUnits,
  markFollowUpFired,
  type Db,
  type StoredWorkOrder,
  type Tx,
} from '@daowei/db';
import { evaluateRoutes, offerWindows } from '@daowei/dispatch';
import {
  DomainError,
  appointmentSlots,
  canSeeOrder,
  checkReschedule,
  decideCall,
  isHolder,
  type DispatchPolicy,
  type PolicyPack,
} from '@daowei/domain';
import type { AuthContext } from '../../http/auth-context.js';
import { viewerOf } from '../../http/viewer.js';
import type { Clock } from '../../platform/clock.js';
import { runIdempotent } from '../../platform/idempotency.js';
import type { JobQueue } from '../../platform/jobs.js';
import { currentSequences } from '../dispatch/current-day.js';
import { buildPlanInput } from '../dispatch/plan-request.adapter.js';
import type { NotificationService } from '../notifications/notification.service.js';
import { createTenantSlaPolicies, type TenantSlaPolicies } from '../sla/tenant-sla-policy.js';
import type { WorkOrderService } from '../work-orders/work-order.service.js';
import type { BookBody, CallBody, OffersQuery } from './appointments.schemas.js';

/** The pg-boss job that fires an "APT-01 call back at T" task at T. */
export const FOLLOW_UP_JOB = 'appointment.follow_up';
export const FOLLOW_UP_KIND = 'appointment.call_back_due';
export interface FollowUpJobData {
  tenantId: string;
  followUpId: string;
}

/**
 * APT-01/02 on the server: windows offered from real capacity (the planner's DSP-04 check over the
 * station's day as it stands), calls logged with "call back at T" becoming a task fired at T by a
 * persisted timer, and bookings/reschedules through the work-order lifecycle with the SLA-07 notice
 * verdict stored beside them (who asked, why, how much notice was missing, breach or not).
 */
export function createAppointmentService({
  db,
  clock,
  policy,
  dispatchPolicy,
  workOrders,
  notifications,
  jobs,
  onCustomerReached,
  slaPolicies,
}: {
  db: Db;
  clock: Clock;
  policy: PolicyPack;
  /** SLA-07: the tenant's current SLA policy version (its reschedule notice), not the shipped one. */
  slaPolicies?: TenantSlaPolicies;
  dispatchPolicy: DispatchPolicy;
  workOrders: Pick<WorkOrderService, 'actIn'>;
  notifications?: Pick<NotificationService, 'notify'>;
  jobs?: JobQueue | undefined;
  /** SLA-05: a call that reached the customer stops the first-contact promise (in the call's transaction). */
  onCustomerReached?: (tx: Db, order: StoredWorkOrder, now: Date) => Promise<void>;
}) {
  const slaPolicyOf = slaPolicies ?? createTenantSlaPolicies(policy.sla);

  async function visibleOrder(tx: Db, auth: AuthContext, id: string) {
    const order = await getWorkOrder(tx, auth.tenantId, id);
    if (!order || !canSeeOrder(order, viewerOf(auth)))
      throw new DomainError('NOT_FOUND', 'Work order not found', { id });
    return order;
  }

  return {
    /** APT-01: the day's windows, each with the engineers who could take the visit in it. */
    async offers(auth: AuthContext, orderId: string, q: OffersQuery) {
      const order = await visibleOrder(db, auth, orderId);
      const timeZone = (await getTenant(db, auth.tenantId))?.timeZone ?? 'Asia/Shanghai';
      const slots = appointmentSlots(dispatchPolicy, q.date, timeZone, clock.now());
      const station = order.stationId ? await getOrgUnit(db, auth.tenantId, order.stationId) : null;
      if (!station || order.lat === null || order.lng === null) {
        // Without a station or a location there is no capacity to look at: nothing can be promised.
        return { date: q.date, reason: station ? 'no_location' : 'no_station', windows: [] };
      }
      const units = await listOrgUnits(db, auth.tenantId, { vendorId: station.vendorId });
      const input = await buildPlanInput(
        db,
        { tenantId: auth.tenantId, station, units, date: q.date, timeZone, include: order },
        dispatchPolicy,
      );
      const current = evaluateRoutes(input.request, currentSequences(input));
      const minutes = (at: Date) => Math.round((at.getTime() - input.midnight.getTime()) / 60_000);
      const offers = offerWindows(
        current,
        order.id,
        slots.map((s) => ({ start: minutes(s.start), end: minutes(s.end) })),
      );
      return {
        date: q.date,
        reason: null,
        windows: slots.map((s, k) => ({
          start: s.start.toISOString(),
          end: s.end.toISOString(),
          available: offers[k]!.available,
          engineers: offers[k]!.engineers.length,
        })),
      };
    },

    /** APT-01: one call attempt; "call back at T" → a task for the caller, fired at T. */
    async logCall(auth: AuthContext, orderId: string, body: CallBody, key: string | null) {
      const now = clock.now();
      const decision = decideCall(dispatchPolicy, { outcome: body.outcome, callBackAt: body.callBackAt ?? null, now });
      return db.transaction((tx) =>
        runIdempotent(tx, auth, key, { op: 'appointment.call', orderId, body }, async () => {
          const order = await visibleOrder(tx, auth, orderId);
          await closeOpenFollowUps(tx, auth.tenantId, orderId, now);
          if (decision.outcome === 'reached') await onCustomerReached?.(tx, order, now);
          const call = await insertAppointmentCall(tx, auth.tenantId, {
            orderId,
            actorId: auth.personId,
            outcome: decision.outcome,
            callBackAt: decision.followUpAt,
            note: body.note ?? null,
            at: now,
          });
          let followUp = null;
          if (decision.followUpAt) {
            followUp = await insertFollowUp(tx, auth.tenantId, {
              orderId,
              callId: call.id,
              assigneeId: auth.personId,
              dueAt: decision.followUpAt,
            });
            const data: FollowUpJobData = { tenantId: auth.tenantId, followUpId: followUp.id };
            await jobs?.schedule(FOLLOW_UP_JOB, data, { runAt: decision.followUpAt, key: followUp.id, tx });
          }
          return {
            call: { id: call.id, outcome: call.outcome, callBackAt: call.callBackAt?.toISOString() ?? null },
            followUp: followUp ? { id: followUp.id, dueAt: followUp.dueAt.toISOString() } : null,
          };
        }),
      );
    },

    /** The follow-up timer: marks the task fired (once) and tells the caller in his inbox. */
    async fireFollowUp(data: FollowUpJobData) {
      await db.transaction(async (tx) => {
        const task = await markFollowUpFired(tx, data.tenantId, data.followUpId, clock.now());
        if (!task || !notifications) return;
        await notifications.notify(tx, data.tenantId, {
          recipient: { personId: task.assigneeId },
          kind: FOLLOW_UP_KIND,
          orderId: task.orderId,
          payload: { dueAt: task.dueAt.toISOString() },
          dedupeKey: `${FOLLOW_UP_KIND}:${task.id}`,
        });
      });
    },

    /**
     * APT-01/02: the customer's chosen window. The holder's first booking confirms the appointment;
     * any other change is a reschedule with its reason and who asked, checked against SLA-07.
     */
    async book(auth: AuthContext, orderId: string, body: BookBody, key: string | null) {
      const now = clock.now();
      return db.transaction((tx) =>
        runIdempotent(tx, auth, key, { op: 'appointment.book', orderId, body }, async () => {
          const order = await visibleOrder(tx, auth, orderId);
          const { appointment } = await slaPolicyOf(tx, auth.tenantId);
          const notice = checkReschedule(appointment, dispatchPolicy, {
            type: order.type,
            previous: order.appointment,
            askedBy: body.askedBy,
            now,
          });
          const confirm = !order.appointment && isHolder(order, viewerOf(auth));
          await workOrders.actIn(
            tx as Tx,
            auth,
            orderId,
            confirm
              ? { action: 'confirm_appointment', window: body.window }
              : { action: 'reschedule', window: body.window, reason: body.reason, askedBy: body.askedBy },
          );
          await insertAppointmentChange(tx, auth.tenantId, {
            orderId,
            actorId: auth.personId,
            askedBy: body.askedBy,
            reason: body.reason,
            previousStart: order.appointment?.start ?? null,
            previousEnd: order.appointment?.end ?? null,
            newStart: body.window.start,
            newEnd: body.window.end,
            requiredNoticeMinutes: notice?.requiredMinutes ?? null,
            shortByMinutes: notice?.shortByMinutes ?? 0,
            breach: notice?.breach ?? false,
            at: now,
          });
          return {
            action: confirm ? 'confirm_appointment' : 'reschedule',
            notice: notice
              ? {
                  requiredMinutes: notice.requiredMinutes,
                  requiredBy: notice.requiredBy.toISOString(),
                  inTime: notice.inTime,
                  shortByMinutes: notice.shortByMinutes,
                  breach: notice.breach,
                }
              : null,
          };
        }),
      );
    },

    /** The order's calls, call-backs and reschedules (APT-01/02), oldest first. */
    async history(auth: AuthContext, orderId: string) {
      await visibleOrder(db, auth, orderId);
      const h = await getAppointmentHistory(db, auth.tenantId, orderId);
      return {
        calls: h.calls.map((c) => ({
          id: c.id,
          outcome: c.outcome,
          callBackAt: c.callBackAt?.toISOString() ?? null,
          note: c.note,
          actorId: c.actorId,
          at: c.at.toISOString(),
        })),
        followUps: h.followUps.map((f) => ({
          id: f.id,
          dueAt: f.dueAt.toISOString(),
          state: f.state,
          firedAt: f.firedAt?.toISOString() ?? null,
          assigneeId: f.assigneeId,
        })),
        changes: h.changes.map((c) => ({
          askedBy: c.askedBy,
          reason: c.reason,
          previousStart: c.previousStart?.toISOString() ?? null,
          newStart: c.newStart.toISOString(),
          newEnd: c.newEnd.toISOString(),
          requiredNoticeMinutes: c.requiredNoticeMinutes,
          shortByMinutes: c.shortByMinutes,
          breach: c.breach,
          at: c.at.toISOString(),
        })),
      };
    },
  };
}

export type AppointmentService = ReturnType<typeof createAppointmentService>;
