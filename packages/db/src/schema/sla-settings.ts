import { sql } from 'drizzle-orm';
import { check, integer, jsonb, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import type { SlaPolicy, WorkingHours } from '@daowei/domain';
import { createdAt, id, sameTenant, tenantId, timestamptz } from './columns.js';
import { orgUnits } from './org-units.js';
import { people } from './people.js';
import { tenants } from './tenants.js';

/**
 * SLA-01 working hours per team (or station): the weekly spans, make-up-day hours, whether the team
 * works through public holidays, and the order types it takes. One row per unit; an edit replaces it
 * and applies to new clocks, resumed ones and on re-evaluate (a stored deadline never moves by itself).
 */
export const unitWorkingHours = pgTable(
  'unit_working_hours',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    unitId: uuid('unit_id').notNull(),
    hours: jsonb('hours').$type<WorkingHours>().notNull(),
    updatedBy: uuid('updated_by').notNull(),
    createdAt: createdAt(),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    unique('unit_working_hours_tenant_unit_unique').on(t.tenantId, t.unitId),
    sameTenant('unit_working_hours_unit_fk', { tenantId: t.tenantId, column: t.unitId }, orgUnits),
    sameTenant('unit_working_hours_updated_by_fk', { tenantId: t.tenantId, column: t.updatedBy }, people),
  ],
);

/**
 * SLA-02 per-tenant SLA policy versions: each admin edit is a new row (append-only; older versions are
 * kept so clocks stamped with them stay explainable and admins can diff versions). The highest version
 * is the tenant's current policy; a tenant without rows uses the shipped policy.
 */
export const slaPolicyVersions = pgTable(
  'sla_policy_versions',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    version: integer('version').notNull(),
    policy: jsonb('policy').$type<SlaPolicy>().notNull(),
    note: text('note'),
    createdBy: uuid('created_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    // Two admins saving at once: one gets the version, the other a conflict (unique violation).
    unique('sla_policy_versions_tenant_version_unique').on(t.tenantId, t.version),
    sameTenant('sla_policy_versions_created_by_fk', { tenantId: t.tenantId, column: t.createdBy }, people),
    check('sla_policy_versions_version_check', sql`${t.version} >= 1`),
  ],
);
