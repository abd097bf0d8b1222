import { check, index, integer, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { createdAt, id, sameTenant, tenantId, timestamptz } from './columns.js';
import { people } from './people.js';
import { tenants } from './tenants.js';
import { workOrders } from './work-orders.js';

/**
 * DESK-06: a customer's self-service link to one order. Only the SHA-256 of the random token is
 * stored, so a database reader cannot open customers' pages; the hash is unique across tenants
 * because the public route finds the link by it alone. A newer link for the same order revokes the
 * older ones (`revoked_at`).
 */
export const selfServiceLinks = pgTable(
  'self_service_links',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    orderId: uuid('order_id').notNull(),
    tokenHash: text('token_hash').notNull(),
    issuedAt: timestamptz('issued_at').notNull(),
    expiresAt: timestamptz('expires_at').notNull(),
    revokedAt: timestamptz('revoked_at'),
    // NULL when the system issued it (at order creation).
    issuedBy: uuid('issued_by'),
    createdAt: createdAt(),
  },
  (t) => [
    unique('self_service_links_token_hash_unique').on(t.tokenHash),
    unique('self_service_links_tenant_id_unique').on(t.tenantId, t.id),
    sameTenant('self_service_links_order_fk', { tenantId: t.tenantId, column: t.orderId }, workOrders),
    sameTenant('self_service_links_issuer_fk', { tenantId: t.tenantId, column: t.issuedBy }, people),
    index('self_service_links_order_idx').on(t.tenantId, t.orderId),
  ],
);

/**
 * DESK-06 催办: one row per accepted urge. Kept out of the order's event chain on purpose: an urge
 * changes nothing of the order's lifecycle, and the chain's action list is the lifecycle table's.
 */
export const selfServiceUrges = pgTable(
  'self_service_urges',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    orderId: uuid('order_id').notNull(),
    linkId: uuid('link_id').notNull(),
    at: timestamptz('at').notNull(),
  },
  (t) => [
    sameTenant('self_service_urges_order_fk', { tenantId: t.tenantId, column: t.orderId }, workOrders),
    sameTenant('self_service_urges_link_fk', { tenantId: t.tenantId, column: t.linkId }, selfServiceLinks),
    index('self_service_urges_order_at_idx').on(t.tenantId, t.orderId, t.at),
  ],
);

/** DESK-06: the customer's rating of a finished order; one per order (the unique key enforces "once"). */
export const selfServiceRatings = pgTable(
  'self_service_ratings',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    orderId: uuid('order_id').notNull(),
    linkId: uuid('link_id').notNull(),
    satisfaction: integer('satisfaction').notNull(),
    comment: text('comment'),
    at: timestamptz('at').notNull(),
  },
  (t) => [
    unique('self_service_ratings_order_unique').on(t.tenantId, t.orderId),
    check('self_service_ratings_satisfaction_positive', sql`${t.satisfaction} >= 1`),
    sameTenant('self_service_ratings_order_fk', { tenantId: t.tenantId, column: t.orderId }, workOrders),
    sameTenant('self_service_ratings_link_fk', { tenantId: t.tenantId, column: t.linkId }, selfServiceLinks),
  ],
);
