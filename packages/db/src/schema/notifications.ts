import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import type { Position } from '@daowei/domain';
import { createdAt, id, sameTenant, tenantId, timestamptz } from './columns.js';
import { notificationOutbox } from './notification-outbox.js';
import { orgUnits } from './org-units.js';
import { people } from './people.js';
import { tenants } from './tenants.js';
import { workOrders } from './work-orders.js';

/**
 * The in-app inbox (shared by every feature that tells staff something: SLA escalations, urgent
 * dispatches, …). A notification is addressed to one person, or to a position in one org unit (whoever
 * works in that position in that unit sees it; the first to read it marks it read for all of them).
 * `dedupe_key` makes "notify once" a constraint: a timer delivered twice notifies once.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    recipientPersonId: uuid('recipient_person_id'),
    recipientPosition: text('recipient_position').$type<Position>(),
    recipientUnitId: uuid('recipient_unit_id'),
    kind: text('kind').notNull(),
    orderId: uuid('order_id'),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    dedupeKey: text('dedupe_key'),
    createdAt: createdAt(),
    readAt: timestamptz('read_at'),
    readBy: uuid('read_by'),
  },
  (t) => [
    unique('notifications_tenant_id_unique').on(t.tenantId, t.id),
    unique('notifications_dedupe_unique').on(t.tenantId, t.dedupeKey),
    sameTenant('notifications_person_fk', { tenantId: t.tenantId, column: t.recipientPersonId }, people),
    sameTenant('notifications_unit_fk', { tenantId: t.tenantId, column: t.recipientUnitId }, orgUnits),
    sameTenant('notifications_order_fk', { tenantId: t.tenantId, column: t.orderId }, workOrders),
    sameTenant('notifications_read_by_fk', { tenantId: t.tenantId, column: t.readBy }, people),
    index('notifications_person_idx').on(t.tenantId, t.recipientPersonId, t.createdAt),
    index('notifications_position_idx').on(t.tenantId, t.recipientUnitId, t.recipientPosition, t.createdAt),
    // Exactly one way of addressing: a person, or a position in a unit.
    check(
      'notifications_recipient_check',
      sql`(${t.recipientPersonId} is not null and ${t.recipientPosition} is null and ${t.recipientUnitId} is null)
        or (${t.recipientPersonId} is null and ${t.recipientPosition} is not null and ${t.recipientUnitId} is not null)`,
    ),
  ],
);

/**
 * INT-01: every message handed to a channel adapter (SMS, WeChat, e-mail, webhook), logged whatever the
 * adapter. The local adapter (development, tests, air-gapped installs) only writes this row.
 * A message of the outbox has one 'recorded' row when queued and one row per delivery try
 * (`outbox_id`, `attempt`, 'sent' or 'failed' with the `error`).
 */
export const notificationSends = pgTable(
  'notification_sends',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    notificationId: uuid('notification_id'),
    orderId: uuid('order_id'),
    channel: text('channel').notNull(),
    adapter: text('adapter').notNull(),
    recipient: text('recipient').notNull(),
    template: text('template').notNull(),
    params: jsonb('params').$type<Record<string, unknown>>().notNull(),
    status: text('status').$type<'recorded' | 'sent' | 'failed'>().notNull(),
    at: timestamptz('at').notNull(),
    outboxId: uuid('outbox_id'),
    attempt: integer('attempt'),
    error: text('error'),
    createdAt: createdAt(),
  },
  (t) => [
    sameTenant('notification_sends_notification_fk', { tenantId: t.tenantId, column: t.notificationId }, notifications),
    sameTenant('notification_sends_order_fk', { tenantId: t.tenantId, column: t.orderId }, workOrders),
    sameTenant('notification_sends_outbox_fk', { tenantId: t.tenantId, column: t.outboxId }, notificationOutbox),
    index('notification_sends_tenant_at_idx').on(t.tenantId, t.at),
    index('notification_sends_outbox_idx').on(t.tenantId, t.outboxId),
    check('notification_sends_status_check', sql`${t.status} in ('recorded', 'sent', 'failed')`),
  ],
);
