import { sql } from 'drizzle-orm';
import { boolean, check, customType, index, integer, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { ATTACHMENT_KINDS, type AttachmentKind } from '@daowei/domain';
import { createdAt, id, oneOf, sameTenant, tenantId, timestamptz } from './columns.js';
import { people } from './people.js';
import { tenants } from './tenants.js';
import { workOrders } from './work-orders.js';

/**
 * WO-14: images live in the database as bytea, not in the data folder: the same code serves PGlite and
 * PostgreSQL, several server processes see the same files, a backup of the database is a backup of
 * the visit, and an image is written in the same transaction as the record that names it.
 */
export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  // node-postgres hands back a Buffer, PGlite a Uint8Array: both are Uint8Array.
  fromDriver: (v) => new Uint8Array(v),
});

/** ENG-04: a consent for a risky action, with the moment it was given and the customer's signature image. */
export const workOrderConsents = pgTable(
  'work_order_consents',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    orderId: uuid('order_id').notNull(),
    kind: text('kind').notNull(),
    backupConfirmed: boolean('backup_confirmed').notNull().default(false),
    quotedPriceFen: integer('quoted_price_fen'),
    note: text('note'),
    signature: bytea('signature').notNull(),
    signatureType: text('signature_type').notNull(),
    signedAt: timestamptz('signed_at').notNull(),
    recordedBy: uuid('recorded_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    sameTenant('work_order_consents_order_fk', { tenantId: t.tenantId, column: t.orderId }, workOrders),
    sameTenant('work_order_consents_by_fk', { tenantId: t.tenantId, column: t.recordedBy }, people),
    index('work_order_consents_order_idx').on(t.tenantId, t.orderId),
    check('work_order_consents_price_check', sql`${t.quotedPriceFen} is null or ${t.quotedPriceFen} >= 0`),
  ],
);

/** WO-14: photos, speed-test screenshots and documents of an order (size and type checked before insert). */
export const workOrderAttachments = pgTable(
  'work_order_attachments',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    orderId: uuid('order_id').notNull(),
    kind: text('kind').$type<AttachmentKind>().notNull(),
    contentType: text('content_type').notNull(),
    byteSize: integer('byte_size').notNull(),
    data: bytea('data').notNull(),
    caption: text('caption'),
    uploadedBy: uuid('uploaded_by').notNull(),
    uploadedAt: timestamptz('uploaded_at').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    sameTenant('work_order_attachments_order_fk', { tenantId: t.tenantId, column: t.orderId }, workOrders),
    sameTenant('work_order_attachments_by_fk', { tenantId: t.tenantId, column: t.uploadedBy }, people),
    index('work_order_attachments_order_idx').on(t.tenantId, t.orderId, t.kind),
    check('work_order_attachments_kind_check', oneOf(t.kind, ATTACHMENT_KINDS)),
    check('work_order_attachments_size_check', sql`${t.byteSize} > 0`),
  ],
);

/** ENG-03: the on-site checklist steps ticked for an order (the steps themselves are policy data). */
export const workOrderChecklistTicks = pgTable(
  'work_order_checklist_ticks',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    orderId: uuid('order_id').notNull(),
    step: text('step').notNull(),
    doneAt: timestamptz('done_at').notNull(),
    doneBy: uuid('done_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    unique('work_order_checklist_ticks_step_unique').on(t.orderId, t.step),
    sameTenant('work_order_checklist_ticks_order_fk', { tenantId: t.tenantId, column: t.orderId }, workOrders),
    sameTenant('work_order_checklist_ticks_by_fk', { tenantId: t.tenantId, column: t.doneBy }, people),
  ],
);

/**
 * ENG-06: the customer's confirmation, one per order: satisfaction, comment and either the signature
 * image or the recorded fact that the customer declined to sign (never forced; never both — CHECK).
 */
export const workOrderConfirmations = pgTable(
  'work_order_confirmations',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    orderId: uuid('order_id').notNull(),
    satisfaction: integer('satisfaction').notNull(),
    comment: text('comment'),
    declinedToSign: boolean('declined_to_sign').notNull(),
    signature: bytea('signature'),
    signatureType: text('signature_type'),
    confirmedAt: timestamptz('confirmed_at').notNull(),
    recordedBy: uuid('recorded_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    unique('work_order_confirmations_order_unique').on(t.orderId),
    sameTenant('work_order_confirmations_order_fk', { tenantId: t.tenantId, column: t.orderId }, workOrders),
    sameTenant('work_order_confirmations_by_fk', { tenantId: t.tenantId, column: t.recordedBy }, people),
    check(
      'work_order_confirmations_signature_check',
      sql`(${t.declinedToSign} and ${t.signature} is null) or (not ${t.declinedToSign} and ${t.signature} is not null)`,
    ),
  ],
);
