import { date, foreignKey, index, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, sameTenant, tenantId } from './columns.js';
import { people } from './people.js';
import { tenants } from './tenants.js';

/** ORG-03: a skill a job may need (e.g. FTTH install, gas appliance repair), by tenant-chosen code. */
export const skills = pgTable(
  'skills',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    createdAt: createdAt(),
  },
  (t) => [unique('skills_tenant_code_unique').on(t.tenantId, t.code)],
);

/**
 * ORG-03: a certificate (skill exam passed) with its expiry. Renewals are new rows, so the history of
 * qualifications stays; "qualified on day D" = some row with valid_until >= D. `valid_until` is a
 * calendar date (no time zone): a certificate is valid through that whole day where the work happens.
 */
export const personCertificates = pgTable(
  'person_certificates',
  {
    id: id(),
    tenantId: tenantId().references(() => tenants.id),
    personId: uuid('person_id').notNull(),
    skillCode: text('skill_code').notNull(),
    certificateNo: text('certificate_no').notNull(),
    validUntil: date('valid_until', { mode: 'string' }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    sameTenant('person_certificates_person_fk', { tenantId: t.tenantId, column: t.personId }, people),
    foreignKey({
      name: 'person_certificates_skill_fk',
      columns: [t.tenantId, t.skillCode],
      foreignColumns: [skills.tenantId, skills.code],
    }),
    index('person_certificates_person_idx').on(t.tenantId, t.personId),
  ],
);
