import type { Area, Certificate, ExternalAccount, OrgUnit, Person, Shift, Tenant, Vendor } from '@daowei/domain';
import type { externalAccounts } from '../schema/external-accounts.js';
import type { areas, orgUnits } from '../schema/org-units.js';
import type { people } from '../schema/people.js';
import type { shifts } from '../schema/shifts.js';
import type { personCertificates } from '../schema/skills.js';
import type { tenants, vendors } from '../schema/tenants.js';

/** Rows ↔ the domain's org types (ORG-01..06). Rows carry extra columns; the domain sees its own shape. */

export type StoredTenant = Tenant & { code: string; createdAt: Date };
export const toTenant = (r: typeof tenants.$inferSelect): StoredTenant => ({
  id: r.id,
  code: r.code,
  name: r.name,
  timeZone: r.timeZone,
  createdAt: r.createdAt,
});

export const toVendor = (r: typeof vendors.$inferSelect): Vendor => ({
  id: r.id,
  tenantId: r.tenantId,
  name: r.name,
  code: r.code,
});

export type StoredOrgUnit = OrgUnit & { code: string };
export const toOrgUnit = (r: typeof orgUnits.$inferSelect): StoredOrgUnit => ({
  id: r.id,
  tenantId: r.tenantId,
  parentId: r.parentId,
  kind: r.kind,
  name: r.name,
  code: r.code,
  vendorId: r.vendorId,
});

export const toArea = (r: typeof areas.$inferSelect): Area => ({
  id: r.id,
  tenantId: r.tenantId,
  name: r.name,
  code: r.code,
  stationId: r.stationId,
  polygon: r.polygon,
});

/** The password hash never leaves the repository except through findLoginAccount. */
export const toPerson = (r: typeof people.$inferSelect): Person => ({
  id: r.id,
  tenantId: r.tenantId,
  unitId: r.unitId,
  vendorId: r.vendorId,
  name: r.name,
  staffNo: r.staffNo,
  phone: r.phone,
  login: r.login,
  active: r.active,
});

export type StoredCertificate = Certificate & { id: string };
export const toCertificate = (r: typeof personCertificates.$inferSelect): StoredCertificate => ({
  id: r.id,
  tenantId: r.tenantId,
  personId: r.personId,
  skillCode: r.skillCode,
  certificateNo: r.certificateNo,
  validUntil: r.validUntil,
});

export type StoredShift = Shift & { id: string };
export const toShift = (r: typeof shifts.$inferSelect): StoredShift => ({
  id: r.id,
  tenantId: r.tenantId,
  personId: r.personId,
  start: r.startsAt,
  end: r.endsAt,
  kind: r.kind,
});

export type StoredExternalAccount = ExternalAccount & { id: string; createdAt: Date };
export const toExternalAccount = (r: typeof externalAccounts.$inferSelect): StoredExternalAccount => ({
  id: r.id,
  tenantId: r.tenantId,
  personId: r.personId,
  system: r.system,
  externalId: r.externalId,
  createdAt: r.createdAt,
});
