import { sql } from 'drizzle-orm';
import { check, index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, sameTenant, tenantId, timestamptz } from './columns.js';
import { people } from './people.js';
import { tenants } from './tenants.js';

export const SHIFT_KINDS = ['day', 'evening', 'weekend'] as const;
export type ShiftKind = (typeof SHIFT_KINDS)[number];

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
    check('shifts_kind_check', sql`${t.kind} in ('day', 'evening', 'weekend')`),
    check('shifts_period_check', sql`${t.endsAt} > ${t.startsAt}`),
  ],
);
