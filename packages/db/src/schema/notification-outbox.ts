import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, oneOf, sameTenant, tenantId, timestamptz } from './columns.js';
import { people } from './people.js';
import { tenants } from './tenants.js';
import { workOrders } from './work-orders.js';

export const OUTBOX_STATES = ['pending', 'sending', 'sent', 'dead', 'held'] as const;
export type OutboxState = (typeof OUTBOX_STATES)[number];

/**
 * INT-01: the tenant's own wording of a customer message, per event, channel and language. An edit
 * adds a version (the old ones stay: a sent message names the version it was rendered from); the
 * highest version is the one in use. Without a row the shipped default (version 0) is used.
 */
export const notificationTemplates = pgTable(
  'notification_templates',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    event: text('event').notNull(),
    channel: text('channel').notNull(),
    locale: text('locale').notNull(),
    version: integer('version').notNull(),
    subject: text('subject'),
    body: text('body').notNull(),
    /** Off: this event is not sent on this channel (kept as a version so the switch is on record). */
    enabled: boolean('enabled').notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    unique('notification_templates_version_unique').on(t.tenantId, t.event, t.channel, t.locale, t.version),
    sameTenant('notification_templates_created_by_fk', { tenantId: t.tenantId, column: t.createdBy }, people),
    check('notification_templates_version_check', sql`${t.version} >= 1`),
  ],
);

/**
 * INT-01 outbox: one row per customer message, written in the transaction of the business change that
 * causes it, delivered after commit by a job. `dedupe_key` (event occurrence + channel + recipient)
 * makes "sent once" a constraint: a retried request or a redelivered job finds the row and stops.
 * Every try is a row of `notification_sends` (outbox_id, attempt).
 */
export const notificationOutbox = pgTable(
  'notification_outbox',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    event: text('event').notNull(),
    channel: text('channel').notNull(),
    recipient: text('recipient').notNull(),
    orderId: uuid('order_id'),
    dedupeKey: text('dedupe_key').notNull(),
    locale: text('locale').notNull(),
    /** 0 = the shipped default wording. */
    templateVersion: integer('template_version').notNull(),
    subject: text('subject'),
    body: text('body').notNull(),
    params: jsonb('params').$type<Record<string, string | null>>().notNull(),
    status: text('status').$type<OutboxState>().notNull(),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull(),
    nextAttemptAt: timestamptz('next_attempt_at').notNull(),
    /** While "sending": after this the try counts as interrupted and the message is tried again. */
    lockedUntil: timestamptz('locked_until'),
    lastError: text('last_error'),
    queuedAt: timestamptz('queued_at').notNull(),
    sentAt: timestamptz('sent_at'),
    updatedAt: timestamptz('updated_at').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    unique('notification_outbox_tenant_id_unique').on(t.tenantId, t.id),
    unique('notification_outbox_dedupe_unique').on(t.tenantId, t.dedupeKey),
    sameTenant('notification_outbox_order_fk', { tenantId: t.tenantId, column: t.orderId }, workOrders),
    index('notification_outbox_due_idx').on(t.status, t.nextAttemptAt),
    index('notification_outbox_tenant_queued_idx').on(t.tenantId, t.queuedAt),
    index('notification_outbox_order_idx').on(t.tenantId, t.orderId),
    check('notification_outbox_status_check', oneOf(t.status, OUTBOX_STATES)),
    check('notification_outbox_attempts_check', sql`${t.attempts} >= 0 and ${t.maxAttempts} >= 1`),
  ],
);
