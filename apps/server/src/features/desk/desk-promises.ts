import { insertSlaClocks, listSlaClocksOfOrder, updateSlaClock, type Db, type StoredWorkOrder } from '@daowei/db';
import { applyClockEvent, slaChannelOfIntake, startClocks, type IntakeChannel } from '@daowei/domain';
import { slaFactsOf } from '../sla/sla-order-events.js';
import type { SlaService } from '../sla/sla.service.js';

export type DeskPromises = ReturnType<typeof createDeskPromises>;

/**
 * SLA-05 service-office promises on the persisted clocks: an order the desk opens from a call gets the
 * policy's channel clocks — the 30-minute hand-off to the coordinator queue (stopped by the
 * coordinator's triage or dispatch, sla-order-events.ts) and the 2-hour first contact (stopped by the
 * first call that reached the customer, or an agreed appointment/arrival). Numbers and selectors are
 * the SLA pack's; timers go through the SLA service like every clock's.
 */
export function createDeskPromises({
  sla,
}: {
  /** The tenant's current SLA policy version and the order's calendar, as every clock of the order uses. */
  sla: Pick<SlaService, 'scheduleTimers' | 'policyFor' | 'calendarOfOrder'>;
}) {
  return {
    /** In the intake's transaction, after the order is created (its channel-less clocks already run). */
    async start(tx: Db, order: StoredWorkOrder, channel: IntakeChannel, now: Date): Promise<void> {
      const slaChannel = slaChannelOfIntake(channel);
      if (!slaChannel) return;
      const calendar = await sla.calendarOfOrder(tx, order);
      const policy = await sla.policyFor(tx, order.tenantId);
      const facts = { ...slaFactsOf(order, null, policy), channel: slaChannel };
      const clocks = startClocks(facts, policy, calendar, now).filter((c) => !!c.definition.when.channels?.length);
      const stored = await insertSlaClocks(
        tx,
        order.tenantId,
        clocks.map((clock) => ({
          orderId: order.id,
          vendorId: order.vendorId,
          stationId: order.stationId,
          orderType: order.type,
          clock,
        })),
      );
      for (const s of stored) await sla.scheduleTimers(tx, s);
    },

    /** A logged call reached the customer: the open `customer_contacted` clocks stop now. */
    async customerReached(tx: Db, order: StoredWorkOrder, now: Date): Promise<void> {
      const calendar = await sla.calendarOfOrder(tx, order);
      for (const s of await listSlaClocksOfOrder(tx, order.tenantId, order.id)) {
        if (s.clock.stoppedAt || s.clock.definition.stopOn !== 'customer_contacted') continue;
        const at = new Date(Math.max(now.getTime(), s.clock.lastEventAt.getTime()));
        const next = applyClockEvent(s.clock, { type: 'stop', at, reason: 'completed' }, calendar);
        if (next !== s.clock) await updateSlaClock(tx, order.tenantId, s.id, next);
      }
    },
  };
}
