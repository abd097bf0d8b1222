import { index, integer, jsonb, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import type { Position, WorkOrderStatus } from '@daowei/domain';
import { id, sameTenant, tenantId, timestamptz } from './columns.js';
import { people } from './people.js';
import { tenants } from './tenants.js';
import { workOrders } from './work-orders.js';

/**
 * WO-03 / AUD-01: the record of an order. One row per transition, numbered per order (`seq` from 1),
 * each carrying the hash of its predecessor (`prev_hash`) and its own `hash`, so an edit or a deleted
 * row breaks the chain. The table is append-only: a trigger (migration 0001) refuses UPDATE and
 * DELETE. `actor_id` is NULL for events raised by the system (SLA jobs).
 */
export const workOrderEvents = pgTable(
  'work_order_events',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    orderId: uuid('order_id').notNull(),
    seq: integer('seq').notNull(),
    action: text('action').notNull(),
    fromStatus: text('from_status').$type<WorkOrderStatus>(),
    toStatus: text('to_status').$type<WorkOrderStatus>().notNull(),
    actorId: uuid('actor_id'),
    actorPosition: text('actor_position').$type<Position>(),
    at: timestamptz('at').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    unique('work_order_events_order_seq_unique').on(t.orderId, t.seq),
    sameTenant('work_order_events_order_fk', { tenantId: t.tenantId, column: t.orderId }, workOrders),
    sameTenant('work_order_events_actor_fk', { tenantId: t.tenantId, column: t.actorId }, people),
    index('work_order_events_tenant_at_idx').on(t.tenantId, t.at),
  ],
);
