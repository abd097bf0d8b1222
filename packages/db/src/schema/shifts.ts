import { sql } from 'drizzle-orm';
import { check, index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { SHIFT_KINDS, type ShiftKind } from '@daowei/domain';
import { createdAt, id, oneOf, sameTenant, tenantId, timestamptz } from './columns.js';
import { people } from './people.js';
import { tenants } from './tenants.js';

/**
 * ORG-06: a person's working period, including evening and weekend shifts (错时服务). Stored as
 * concrete instants rather than a weekly pattern: the planner and the SLA clocks need "who works at
 * instant T", and patterns are expanded into rows when a roster is published.
 */
export const shifts = pgTable(
  'shifts',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    personId: uuid('person_id').notNull(),
    startsAt: timestamptz('starts_at').notNull(),
    endsAt: timestamptz('ends_at').notNull(),
    kind: text('kind').$type<ShiftKind>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    sameTenant('shifts_person_fk', { tenantId: t.tenantId, column: t.personId }, people),
    index('shifts_person_starts_idx').on(t.tenantId, t.personId, t.startsAt),
    check('shifts_kind_check', oneOf(t.kind, SHIFT_KINDS)),
    check('shifts_period_check', sql`${t.endsAt} > ${t.startsAt}`),
  ],
);
