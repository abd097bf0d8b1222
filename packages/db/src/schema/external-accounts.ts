import { index, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, sameTenant, tenantId } from './columns.js';
import { people } from './people.js';
import { tenants } from './tenants.js';

/**
 * ORG-05: a person's id in an external business system (e.g. the operator's BSS). An external id
 * maps to one person per tenant and system; the unique key is what makes "already linked" a 409.
 */
export const externalAccounts = pgTable(
  'external_accounts',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    personId: uuid('person_id').notNull(),
    system: text('system').notNull(),
    externalId: text('external_id').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    unique('external_accounts_tenant_system_external_unique').on(t.tenantId, t.system, t.externalId),
    sameTenant('external_accounts_person_fk', { tenantId: t.tenantId, column: t.personId }, people),
    index('external_accounts_person_idx').on(t.tenantId, t.personId),
  ],
);
