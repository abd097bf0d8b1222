import { integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, sameTenant, tenantId } from './columns.js';
import { people } from './people.js';
import { tenants } from './tenants.js';

/**
 * ENG-07 / api.md: a retried POST with the same Idempotency-Key returns the first answer. The key is
 * scoped to the person, so two users cannot collide; `request_hash` detects a key reused with a
 * different body.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    tenantId: tenantId().references(() => tenants.id),
    personId: uuid('person_id').notNull(),
    key: text('key').notNull(),
    requestHash: text('request_hash').notNull(),
    // NULL for an answer without a body (204).
    response: jsonb('response').$type<unknown>(),
    statusCode: integer('status_code').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ name: 'idempotency_keys_pk', columns: [t.tenantId, t.personId, t.key] }),
    sameTenant('idempotency_keys_person_fk', { tenantId: t.tenantId, column: t.personId }, people),
  ],
);
