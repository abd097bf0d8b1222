import { index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import type { Position } from '@daowei/domain';
import { createdAt, id, sameTenant, tenantId, timestamptz } from './columns.js';
import { people } from './people.js';
import { tenants } from './tenants.js';

/**
 * SEC-01 "exports are logged": one row per export of customer data — who (person and the position
 * they acted in), when, what (a stable name such as `work-orders.csv`), with which filters, and how
 * many rows left the system. Written by the shared export-log service in the export's own request;
 * never updated.
 */
export const exportLog = pgTable(
  'export_log',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    personId: uuid('person_id').notNull(),
    position: text('position').$type<Position>().notNull(),
    what: text('what').notNull(),
    filters: jsonb('filters').$type<Record<string, unknown>>().notNull(),
    rowCount: integer('row_count').notNull(),
    at: timestamptz('at').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    sameTenant('export_log_person_fk', { tenantId: t.tenantId, column: t.personId }, people),
    index('export_log_tenant_at_idx').on(t.tenantId, t.at),
  ],
);
