import { index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import type { Position } from '@daowei/domain';
import { createdAt, id, sameTenant, tenantId, timestamptz } from './columns.js';
import { people } from './people.js';
import { tenants } from './tenants.js';

/**
 * SEC-03 login sessions. Only a hash of the bearer token is stored, so a leaked table cannot be
 * replayed. Sessions live in the database (not in memory) because several server processes may
 * serve the same user.
 */
export const sessions = pgTable(
  'sessions',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    tokenHash: text('token_hash').notNull().unique('sessions_token_hash_unique'),
    personId: uuid('person_id').notNull(),
    position: text('position').$type<Position>().notNull(),
    createdAt: createdAt(),
    lastSeenAt: timestamptz('last_seen_at').notNull(),
    expiresAt: timestamptz('expires_at').notNull(),
  },
  (t) => [
    sameTenant('sessions_person_fk', { tenantId: t.tenantId, column: t.personId }, people),
    index('sessions_expires_idx').on(t.expiresAt),
    index('sessions_person_idx').on(t.tenantId, t.personId),
  ],
);
