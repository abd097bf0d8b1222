import type { ChainedEvent, Position, WorkOrderStatus } from '@daowei/domain';
import type { workOrderEvents } from '../schema/work-order-events.js';

/** A stored event: the chained facts the hash covers, plus its row id and tenant. */
export type StoredEvent = ChainedEvent & {
  id: string;
  tenantId: string;
  fromStatus: WorkOrderStatus | null;
  toStatus: WorkOrderStatus;
  actorPosition: Position | null;
  payload: Record<string, unknown>;
};

export const toEvent = (r: typeof workOrderEvents.$inferSelect): StoredEvent => ({
  id: r.id,
  tenantId: r.tenantId,
  orderId: r.orderId,
  seq: r.seq,
  action: r.action,
  fromStatus: r.fromStatus,
  toStatus: r.toStatus,
  actorId: r.actorId,
  actorPosition: r.actorPosition,
  at: r.at,
  payload: r.payload,
  prevHash: r.prevHash,
  hash: r.hash,
});
