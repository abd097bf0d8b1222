import { sql } from 'drizzle-orm';
import { boolean, index, pgTable, primaryKey, text, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { Position } from '@daowei/domain';
import { createdAt, id, sameTenant, tenantId } from './columns.js';
import { orgUnits } from './org-units.js';
import { tenants, vendors } from './tenants.js';

/**
 * ORG-01: a person belongs to one org unit. `vendor_id` is copied from the unit (NULL = operator
 * staff) so that visibility filters never need the tree. `login` is unique across tenants because
 * the login form does not ask for a tenant; it is compared case-insensitively.
 */
export const people = pgTable(
  'people',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    unitId: uuid('unit_id').notNull(),
    vendorId: uuid('vendor_id'),
    name: text('name').notNull(),
    staffNo: text('staff_no').notNull(),
    phone: text('phone').notNull(),
    login: text('login').notNull(),
    passwordHash: text('password_hash').notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('people_login_unique').on(sql`lower(${t.login})`),
    unique('people_tenant_id_unique').on(t.tenantId, t.id),
    sameTenant('people_unit_fk', { tenantId: t.tenantId, column: t.unitId }, orgUnits),
    sameTenant('people_vendor_fk', { tenantId: t.tenantId, column: t.vendorId }, vendors),
    index('people_tenant_unit_idx').on(t.tenantId, t.unitId),
    index('people_tenant_staff_no_idx').on(t.tenantId, t.staffNo),
    index('people_tenant_phone_idx').on(t.tenantId, t.phone),
  ],
);

/** ORG-02: the positions (职位) a person holds; a session works in one of them at a time. */
export const personPositions = pgTable(
  'person_positions',
  {
    tenantId: tenantId().references(() => tenants.id),
    personId: uuid('person_id').notNull(),
    position: text('position').$type<Position>().notNull(),
  },
  (t) => [
    primaryKey({ name: 'person_positions_pk', columns: [t.personId, t.position] }),
    sameTenant('person_positions_person_fk', { tenantId: t.tenantId, column: t.personId }, people),
  ],
);
