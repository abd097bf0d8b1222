import { engineerBaseOf, getPerson, lastReportedPosition, type Db, type StoredWorkOrder } from '@daowei/db';
import { speedModel } from '@daowei/dispatch';
import {
  etaFrom,
  formatClock,
  formatDayTime,
  formatWindow,
  localParts,
  type CustomerEvent,
  type GeoPoint,
  type MessageChannel,
  type NotifyPolicy,
  type PolicyPack,
  type WorkOrderCommand,
} from '@daowei/domain';
import type { Outbox } from './outbox.service.js';

export type CustomerNotices = ReturnType<typeof createCustomerNotices>;

/** Where the ETA's travel time came from (kept with the message's facts for the desk). */
export type EtaSource = 'reported_now' | 'last_position' | 'base' | 'default';

/**
 * INT-01: which business changes the customer hears about, with the facts their templates name.
 * Every call runs inside the change's transaction; the occurrence key (order + its version, or the
 * event's own number) makes a retried request or a repeated trigger queue nothing new.
 */
export function createCustomerNotices({
  policy,
  notifyPolicy,
  outbox,
}: {
  policy: PolicyPack;
  notifyPolicy: NotifyPolicy;
  outbox: Pick<Outbox, 'enqueue'>;
}) {
  const locale = notifyPolicy.defaultLocale;
  const travel = speedModel();

  /** The order's address for a channel: its contact phone for SMS; the order has no other address today. */
  const addressOf = (order: StoredWorkOrder, channel: MessageChannel): string | null =>
    channel === 'sms' ? order.contactPhone || null : null;

  async function tell(
    tx: Db,
    order: StoredWorkOrder,
    event: CustomerEvent,
    occurrence: string,
    facts: Record<string, string | null>,
    opts: { logQueued?: boolean } = {},
  ) {
    const results = [];
    for (const channel of notifyPolicy.channels) {
      const to = addressOf(order, channel);
      if (!to) continue;
      results.push(
        await outbox.enqueue(
          tx,
          order.tenantId,
          {
            event,
            channel,
            to,
            orderId: order.id,
            occurrence: `${event}:${occurrence}`,
            params: { customerName: order.contactName, orderNo: order.number, ...facts },
            locale,
          },
          opts,
        ),
      );
    }
    return results;
  }

  async function engineerName(tx: Db, order: StoredWorkOrder) {
    if (!order.holderId) return null;
    return (await getPerson(tx, order.tenantId, order.holderId))?.name ?? null;
  }

  const windowText = (order: StoredWorkOrder) => (order.appointment ? formatWindow(locale, order.appointment) : null);

  /**
   * ENG-02/INT-01: travel minutes from where the engineer is — the position his phone sent with the
   * departure, else his last reported position (recent enough), else his base — to the customer, by the
   * planner's speed model at this time of day; the policy's default travel time without positions.
   */
  async function etaOf(tx: Db, order: StoredWorkOrder, reported: GeoPoint | null, now: Date) {
    const to = order.lat !== null && order.lng !== null ? { lat: order.lat, lng: order.lng } : null;
    let from: GeoPoint | null = reported;
    let source: EtaSource = 'reported_now';
    if (!from && order.holderId) {
      const since = new Date(now.getTime() - notifyPolicy.positionMaxAgeMinutes * 60_000);
      from = await lastReportedPosition(tx, order.tenantId, order.holderId, since);
      source = 'last_position';
      if (!from) {
        from = await engineerBaseOf(tx, order.tenantId, order.holderId);
        source = 'base';
      }
    }
    let minutes = policy.visit.departure.defaultTravelMinutes;
    if (from && to) {
      const p = localParts(now);
      minutes = Math.ceil(travel.matrix([from, to]).minutes(0, 1, p.hour * 60 + p.minute));
    } else {
      source = 'default';
    }
    return { eta: etaFrom(notifyPolicy, now, minutes), minutes, source };
  }

  return {
    etaOf,

    /** The lifecycle actions a customer hears of (WO-03), after the order and its event were written. */
    async onOrderAction(tx: Db, before: StoredWorkOrder, after: StoredWorkOrder, cmd: WorkOrderCommand, now: Date) {
      const occurrence = `${after.id}:v${after.version}`;
      switch (cmd.action) {
        case 'confirm_appointment': {
          const moved =
            before.appointment !== null &&
            (before.appointment.start.getTime() !== after.appointment?.start.getTime() ||
              before.appointment.end.getTime() !== after.appointment?.end.getTime());
          if (!moved && before.status === 'appointment_confirmed') return; // the same window confirmed again
          return tell(tx, after, moved ? 'appointment_changed' : 'appointment_confirmed', occurrence, {
            appointment: windowText(after),
            engineerName: await engineerName(tx, after),
          });
        }
        case 'reschedule':
          return tell(tx, after, 'appointment_changed', occurrence, {
            appointment: windowText(after),
            engineerName: await engineerName(tx, after),
          });
        case 'depart': {
          const reported = (cmd as { position?: GeoPoint }).position ?? null;
          const { eta, minutes, source } = await etaOf(tx, after, reported, now);
          return tell(tx, after, 'engineer_en_route', occurrence, {
            engineerName: await engineerName(tx, after),
            eta: formatClock(eta),
            etaAt: eta.toISOString(),
            travelMinutes: String(minutes),
            etaSource: source,
          });
        }
        case 'complete':
          if (after.status === 'completed') {
            return tell(tx, after, 'visit_completed', occurrence, { engineerName: await engineerName(tx, after) });
          }
          if (cmd.completion.outcome.kind === 'reschedule') {
            return tell(tx, after, 'appointment_changed', occurrence, {
              appointment: windowText(after),
              engineerName: await engineerName(tx, after),
            });
          }
          return;
        default:
          return;
      }
    },

    /** DESK-06: the customer moved the visit on the self-service page; the confirmation goes to them too. */
    customerRescheduled(tx: Db, order: StoredWorkOrder, eventSeq: number) {
      return tell(tx, order, 'appointment_changed', `${order.id}:e${eventSeq}`, {
        appointment: windowText(order),
        engineerName: null,
      });
    },

    /** DESK-03: the device is repaired and waits at the counter. */
    readyForPickup(tx: Db, order: StoredWorkOrder, receiptNumber: string, opts: { logQueued?: boolean } = {}) {
      // Once per receipt: the bench reaches "ready" once per device received.
      return tell(tx, order, 'ready_for_pickup', receiptNumber, { receiptNo: receiptNumber }, opts);
    },

    /** DESK-02/05: the desk promised to call back by `dueAt`. */
    callbackPromised(tx: Db, order: StoredWorkOrder, taskId: string, dueAt: Date) {
      return tell(tx, order, 'callback_promised', taskId, { callbackAt: formatDayTime(locale, dueAt) });
    },
  };
}
