import { index, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { timestamptz } from './columns.js';

/**
 * SEC-03 login lockout: consecutive failed logins per login name, and until when the name is locked.
 * Tenant-less like login itself (logins are unique across tenants). Rows exist for any login name
 * tried, known or not, so a lockout answer does not reveal which logins exist; stale rows are pruned
 * on later failures. In the database, not in memory, so every server process sees the same counts.
 */
export const loginFailures = pgTable(
  'login_failures',
  {
    /** The login as matched: trimmed and lower-cased. */
    login: text('login').primaryKey(),
    failures: integer('failures').notNull(),
    lastFailedAt: timestamptz('last_failed_at').notNull(),
    lockedUntil: timestamptz('locked_until'),
  },
  (t) => [index('login_failures_last_failed_idx').on(t.lastFailedAt)],
);
