import {
  getPerson,
  linkExternalAccount,
  listAreas,
  listExternalAccounts,
  listOrgUnits,
  listPeople,
  listPositionsOf,
  searchExternalAccounts,
  searchPeople,
  type Db,
} from '@daowei/db';
import { DomainError } from '@daowei/domain';
import type { AuthContext } from '../../http/auth-context.js';

export type OrgService = ReturnType<typeof createOrgService>;

/**
 * The org tree, people and external-account mappings as the caller may see them: vendor staff see
 * their own vendor only (SEC-02), the operator's staff see every vendor of the tenant.
 */
export function createOrgService({ db }: { db: Db }) {
  return {
    async tree(auth: AuthContext) {
      const [units, people] = await Promise.all([
        listOrgUnits(db, auth.tenantId, { vendorId: auth.vendorId }),
        listPeople(db, auth.tenantId, { vendorId: auth.vendorId, activeOnly: true }),
      ]);
      const positions = await listPositionsOf(
        db,
        auth.tenantId,
        people.map((p) => p.id),
      );
      return {
        units: units.map((u) => ({ id: u.id, parentId: u.parentId, kind: u.kind, name: u.name, vendorId: u.vendorId })),
        people: people.map((p) => ({
          id: p.id,
          name: p.name,
          staffNo: p.staffNo,
          unitId: p.unitId,
          positions: positions.get(p.id) ?? [],
        })),
      };
    },

    /** Vendor staff see the areas their vendor's stations serve (SEC-02: no other vendor's stations). */
    async areas(auth: AuthContext) {
      const stationIds = auth.vendorId
        ? (await listOrgUnits(db, auth.tenantId, { vendorId: auth.vendorId }))
            .filter((u) => u.kind === 'station')
            .map((u) => u.id)
        : undefined;
      if (stationIds?.length === 0) return { items: [] };
      const areas = await listAreas(db, auth.tenantId, stationIds ? { stationIds } : {});
      return { items: areas.map((a) => ({ id: a.id, name: a.name, code: a.code, stationId: a.stationId })) };
    },

    /** ORG-05: find people by name, staff number or phone. */
    async searchPeople(auth: AuthContext, q: string) {
      const people = await searchPeople(db, auth.tenantId, q, { vendorId: auth.vendorId, limit: 50 });
      return {
        items: people.map((p) => ({ id: p.id, name: p.name, staffNo: p.staffNo, phone: p.phone, unitId: p.unitId })),
      };
    },

    /** ORG-05: list or search person ↔ external-system mappings. */
    async externalAccounts(auth: AuthContext, q: string | undefined) {
      const items = q
        ? await searchExternalAccounts(db, auth.tenantId, q, { vendorId: auth.vendorId })
        : await listExternalAccounts(db, auth.tenantId, { vendorId: auth.vendorId });
      return { items };
    },

    /** ORG-05: link a person to an id in an external business system (e.g. the operator's BSS). */
    async linkExternalAccount(auth: AuthContext, personId: string, system: string, externalId: string) {
      const person = await getPerson(db, auth.tenantId, personId);
      // Another vendor's person is answered as missing, so ids of other vendors cannot be probed.
      if (!person || (auth.vendorId !== null && person.vendorId !== auth.vendorId)) {
        throw new DomainError('NOT_FOUND', 'No such person', { personId });
      }
      const link = await linkExternalAccount(db, auth.tenantId, { personId, system, externalId });
      return {
        id: link.id,
        personId,
        personName: person.name,
        staffNo: person.staffNo,
        phone: person.phone,
        system: link.system,
        externalId: link.externalId,
      };
    },
  };
}
