import {
  appendEvent,
  getForUpdate,
  getWorkOrder,
  insertCustomerMessage,
  updateWorkOrder,
  type Db,
  type IncidentChildRow,
  type Tx,
  type StoredIncident,
  type StoredWorkOrder,
} from '@daowei/db';
import {
  childOnIncidentClose,
  incidentCompletion,
  isOpenStatus,
  type ChildOnClose,
  type Position,
} from '@daowei/domain';
import type { NotificationService } from '../notifications/notification.service.js';
import type { SlaService } from '../sla/sla.service.js';
import type { CallbackService } from '../callbacks/callback.service.js';
import type { DeskPromises } from './desk-promises.js';

export interface FanOutActor {
  tenantId: string;
  personId: string;
  position: Position;
}

/**
 * WO-11: what one incident step does to each linked child, inside the step's transaction — the child's
 * own event (its history shows the incident), the customer's message on their self-service page and an
 * SMS through the notifications service (INT-01), and on close the children waiting on the outage
 * completed as fixed by it (SLA clocks stop, CB-01 callback tasks are created like for any fault).
 */
export function createIncidentFanOut({
  notifications,
  sla,
  callbacks,
  promises,
}: {
  notifications: Pick<NotificationService, 'notify' | 'send'>;
  sla?: Pick<SlaService, 'onOrderAction'> | undefined;
  callbacks?: Pick<CallbackService, 'onOrderEvent'> | undefined;
  promises?: Pick<DeskPromises, 'customerReached'> | undefined;
}) {
  async function event(
    tx: Db,
    actor: FanOutActor,
    order: StoredWorkOrder,
    action: string,
    at: Date,
    payload: Record<string, unknown>,
  ) {
    await appendEvent(tx, actor.tenantId, {
      orderId: order.id,
      action,
      fromStatus: order.status,
      toStatus: order.status,
      actorId: actor.personId,
      actorPosition: actor.position,
      at,
      payload,
    });
  }

  /** Tells one child's customer a text (self-service page + SMS), once per incident step. */
  async function tellCustomer(tx: Db, actor: FanOutActor, order: StoredWorkOrder, text: string, ref: string, at: Date) {
    await insertCustomerMessage(tx, actor.tenantId, {
      orderId: order.id,
      text,
      authorId: actor.personId,
      confirmedFlags: null,
      at,
    });
    await notifications.send(tx, actor.tenantId, {
      channel: 'sms',
      to: order.contactPhone,
      template: 'desk.incident_progress',
      params: { number: order.number, incident: ref, text },
      orderId: order.id,
    });
  }

  return {
    /**
     * A link or unlink, recorded in the child's history. Linked under a confirmed incident, the child is
     * taken up by the desk (SLA-05 hand-off stops, as a triage would) and its customer is told of the
     * outage in the same step (the first-contact promise is met).
     */
    async linkEvent(
      tx: Db,
      actor: FanOutActor,
      order: StoredWorkOrder,
      incident: StoredIncident,
      linked: boolean,
      at: Date,
    ) {
      await event(tx, actor, order, linked ? 'incident_linked' : 'incident_unlinked', at, {
        incidentId: incident.id,
        incidentNumber: incident.number,
      });
      if (!linked) return;
      await sla?.onOrderAction(tx, order, { action: 'triage', remark: incident.number }, at);
      await promises?.customerReached(tx, order, at);
    },

    /** A progress step reaches every open linked child: its event, its customer's message and SMS. */
    async progress(
      tx: Db,
      actor: FanOutActor,
      incident: StoredIncident,
      children: readonly IncidentChildRow[],
      step: { progress: string; text: string; note: string | null },
      at: Date,
    ) {
      let told = 0;
      for (const c of children) {
        if (c.state !== 'linked' || !isOpenStatus(c.status)) continue;
        const order = await getWorkOrder(tx, actor.tenantId, c.orderId);
        if (!order) continue;
        await event(tx, actor, order, 'incident_progress', at, {
          incidentId: incident.id,
          incidentNumber: incident.number,
          progress: step.progress,
          note: step.note,
        });
        await tellCustomer(tx, actor, order, step.text, incident.number, at);
        told++;
      }
      return told;
    },

    /**
     * Closing: each linked child by the rule (childOnIncidentClose). Completed children get the
     * lifecycle's `complete` event and its consequences; those with an engineer at the door are told
     * to their engineer; every open child's customer reads the restored message.
     */
    async close(
      tx: Tx,
      actor: FanOutActor,
      incident: StoredIncident,
      children: readonly IncidentChildRow[],
      step: { text: string; note: string },
      at: Date,
    ) {
      const outcomes: { orderId: string; number: string; outcome: ChildOnClose }[] = [];
      for (const c of children) {
        if (c.state !== 'linked') continue;
        const order = await getForUpdate(tx, actor.tenantId, c.orderId);
        if (!order) continue;
        const outcome = childOnIncidentClose(order.status);
        outcomes.push({ orderId: order.id, number: order.number, outcome });
        if (outcome === 'untouched') continue;
        await tellCustomer(tx, actor, order, step.text, incident.number, at);
        if (outcome === 'left_with_engineer') {
          await event(tx, actor, order, 'incident_progress', at, {
            incidentId: incident.id,
            incidentNumber: incident.number,
            progress: 'restored',
            note: step.note,
          });
          if (order.holderId) {
            await notifications.notify(tx, actor.tenantId, {
              recipient: { personId: order.holderId },
              kind: 'desk.incident_closed',
              orderId: order.id,
              payload: { number: order.number, incident: incident.number, note: step.note },
              dedupeKey: `desk.incident_closed:${incident.id}:${order.id}`,
            });
          }
          continue;
        }
        const completion = incidentCompletion(incident.number, step.note);
        await updateWorkOrder(
          tx,
          actor.tenantId,
          order.id,
          { status: 'completed', step: 'completed', completedAt: at, completion },
          order.version,
        );
        await appendEvent(tx, actor.tenantId, {
          orderId: order.id,
          action: 'complete',
          fromStatus: order.status,
          toStatus: 'completed',
          actorId: actor.personId,
          actorPosition: actor.position,
          at,
          payload: { viaIncident: { id: incident.id, number: incident.number }, remark: completion.remark },
        });
        const updated = (await getWorkOrder(tx, actor.tenantId, order.id))!;
        await sla?.onOrderAction(tx, updated, { action: 'complete', completion }, at);
        await callbacks?.onOrderEvent(tx, updated, 'completed', at);
      }
      return outcomes;
    },
  };
}
