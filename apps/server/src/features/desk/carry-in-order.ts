import { appendEvent, getForUpdate, getWorkOrder, updateWorkOrder, type StoredWorkOrder, type Tx } from '@daowei/db';
import { CARRY_IN_BENCH_STEP, carryInOrderMove, type CarryInStage, type Completion } from '@daowei/domain';
import type { AuthContext } from '../../http/auth-context.js';
import type { CallbackService } from '../callbacks/callback.service.js';
import type { SlaService } from '../sla/sla.service.js';

/**
 * DESK-03: the carry-in order follows its device, inside the counter step's transaction — receipt takes
 * it (the receiver holds it), bench stages name the step, `ready` completes it (SLA-05 carry-in clock
 * stops, CB-01 callbacks by rule), the signed pickup closes it (every remaining clock stops). Each move
 * is the lifecycle's event with `payload.via = 'carry_in'`, so the history reads like any order's.
 */
export function createCarryInOrderMoves({
  sla,
  callbacks,
}: {
  sla?: Pick<SlaService, 'onOrderAction'> | undefined;
  callbacks?: Pick<CallbackService, 'onOrderEvent'> | undefined;
}) {
  return async function follow(
    tx: Tx,
    auth: AuthContext,
    orderId: string,
    stage: CarryInStage,
    at: Date,
    info: { receivedAt: Date; note: string | null },
  ): Promise<StoredWorkOrder> {
    const order = (await getForUpdate(tx, auth.tenantId, orderId))!;
    const move = carryInOrderMove(order.status, stage);
    if (!move) {
      const step = CARRY_IN_BENCH_STEP[stage];
      if (!step || order.step === step) return order;
      return updateWorkOrder(tx, auth.tenantId, order.id, { step }, order.version);
    }
    const completion: Completion | null =
      move.action === 'complete'
        ? {
            customerContacted: true,
            handlingMinutes: Math.max(0, Math.round((at.getTime() - info.receivedAt.getTime()) / 60_000)),
            remark: info.note ?? '送修设备已修好，待取机',
            outcome: { kind: 'done' },
          }
        : null;
    const changes = {
      status: move.to,
      step: move.to,
      ...(move.action === 'take' ? { holderId: auth.personId } : {}),
      ...(completion ? { completedAt: at, completion } : {}),
      ...(move.action === 'close' ? { closedAt: at } : {}),
    };
    await updateWorkOrder(tx, auth.tenantId, order.id, changes, order.version);
    await appendEvent(tx, auth.tenantId, {
      orderId: order.id,
      action: move.action,
      fromStatus: order.status,
      toStatus: move.to,
      actorId: auth.personId,
      actorPosition: auth.position,
      at,
      payload: { via: 'carry_in', stage, ...(info.note ? { remark: info.note } : {}) },
    });
    const updated = (await getWorkOrder(tx, auth.tenantId, order.id))!;
    const cmd =
      move.action === 'complete' ? { action: 'complete' as const, completion: completion! } : { action: move.action };
    await sla?.onOrderAction(tx, updated, cmd, at);
    if (move.action === 'complete') await callbacks?.onOrderEvent(tx, updated, 'completed', at);
    return updated;
  };
}
