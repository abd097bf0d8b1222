import { sql } from 'drizzle-orm';
import { check, date, integer, pgTable, primaryKey, text, unique, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, sameTenant, tenantId, timestamptz } from './columns.js';
import { people } from './people.js';
import { tenants } from './tenants.js';

/**
 * SLA-01: a tenant's own calendar days on top of the official dataset — a local holiday, a make-up
 * working day, a closure (typhoon), or a day of an official notice the dataset does not have yet. One
 * row per local date; a later edit replaces it. `closure` works like a holiday and is named apart so
 * admins and explanations can tell them apart.
 */
export const calendarDays = pgTable(
  'calendar_days',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    date: date('date', { mode: 'string' }).notNull(),
    kind: text('kind').$type<'holiday' | 'working' | 'closure'>().notNull(),
    name: text('name').notNull(),
    source: text('source').$type<'admin' | 'official_notice'>().notNull(),
    updatedBy: uuid('updated_by').notNull(),
    createdAt: createdAt(),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    unique('calendar_days_tenant_date_unique').on(t.tenantId, t.date),
    sameTenant('calendar_days_updated_by_fk', { tenantId: t.tenantId, column: t.updatedBy }, people),
    check('calendar_days_kind_check', sql`${t.kind} in ('holiday', 'working', 'closure')`),
    check('calendar_days_source_check', sql`${t.source} in ('admin', 'official_notice')`),
  ],
);

/**
 * SLA-01: years whose official notice an admin has entered or imported. Until a year is here (or in the
 * dataset), deadlines falling in it are provisional and admins see a warning.
 */
export const calendarDeclaredYears = pgTable(
  'calendar_declared_years',
  {
    tenantId: tenantId().references(() => tenants.id),
    year: integer('year').notNull(),
    declaredBy: uuid('declared_by').notNull(),
    declaredAt: timestamptz('declared_at').notNull(),
  },
  (t) => [
    primaryKey({ name: 'calendar_declared_years_pk', columns: [t.tenantId, t.year] }),
    sameTenant('calendar_declared_years_by_fk', { tenantId: t.tenantId, column: t.declaredBy }, people),
    check('calendar_declared_years_year_check', sql`${t.year} between 1900 and 2999`),
  ],
);
