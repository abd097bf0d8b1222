import { and, asc, eq, ilike, or } from 'drizzle-orm';
import { DomainError } from '@daowei/domain';
import type { Db } from '../client.js';
import { toExternalAccount, type StoredExternalAccount } from '../mappers/org.mapper.js';
import { externalAccounts } from '../schema/external-accounts.js';
import { people } from '../schema/people.js';
import { clampLimit, containsPattern } from './helpers.js';

/** ORG-05: links between people and their ids in external business systems (e.g. the operator's BSS). */

export interface ExternalAccountView {
  id: string;
  personId: string;
  personName: string;
  staffNo: string;
  phone: string;
  system: string;
  externalId: string;
}

/**
 * Links a person to an external id. An id already linked (to anyone) in that system is refused with
 * ORG_EXTERNAL_ACCOUNT_TAKEN; ON CONFLICT DO NOTHING makes that check race-free.
 */
export async function linkExternalAccount(
  db: Db,
  tenantId: string,
  input: { personId: string; system: string; externalId: string },
): Promise<StoredExternalAccount> {
  const [row] = await db
    .insert(externalAccounts)
    .values({ tenantId, ...input })
    .onConflictDoNothing({ target: [externalAccounts.tenantId, externalAccounts.system, externalAccounts.externalId] })
    .returning();
  if (!row) {
    throw new DomainError(
      'ORG_EXTERNAL_ACCOUNT_TAKEN',
      `${input.system} account ${input.externalId} is already linked`,
      {
        system: input.system,
        externalId: input.externalId,
      },
    );
  }
  return toExternalAccount(row);
}

export async function unlinkExternalAccount(db: Db, tenantId: string, id: string): Promise<boolean> {
  const rows = await db
    .delete(externalAccounts)
    .where(and(eq(externalAccounts.tenantId, tenantId), eq(externalAccounts.id, id)))
    .returning({ id: externalAccounts.id });
  return rows.length > 0;
}

const view = {
  id: externalAccounts.id,
  personId: externalAccounts.personId,
  personName: people.name,
  staffNo: people.staffNo,
  phone: people.phone,
  system: externalAccounts.system,
  externalId: externalAccounts.externalId,
};

/** Lists mappings, optionally of one person or one vendor's people. */
export async function listExternalAccounts(
  db: Db,
  tenantId: string,
  filter: { personId?: string; vendorId?: string | null; limit?: number } = {},
): Promise<ExternalAccountView[]> {
  const where = [eq(externalAccounts.tenantId, tenantId)];
  if (filter.personId) where.push(eq(externalAccounts.personId, filter.personId));
  if (filter.vendorId) where.push(eq(people.vendorId, filter.vendorId));
  return db
    .select(view)
    .from(externalAccounts)
    .innerJoin(people, and(eq(people.tenantId, externalAccounts.tenantId), eq(people.id, externalAccounts.personId)))
    .where(and(...where))
    .orderBy(asc(people.name), asc(externalAccounts.system), asc(externalAccounts.externalId))
    .limit(clampLimit(filter.limit, 100, 500));
}

/** ORG-05: search mappings by the person's name, staff number or phone, or by the external id. */
export async function searchExternalAccounts(
  db: Db,
  tenantId: string,
  q: string,
  opts: { vendorId?: string | null; limit?: number } = {},
): Promise<ExternalAccountView[]> {
  const p = containsPattern(q);
  const where = [
    eq(externalAccounts.tenantId, tenantId),
    or(ilike(people.name, p), ilike(people.staffNo, p), ilike(people.phone, p), ilike(externalAccounts.externalId, p))!,
  ];
  if (opts.vendorId) where.push(eq(people.vendorId, opts.vendorId));
  return db
    .select(view)
    .from(externalAccounts)
    .innerJoin(people, and(eq(people.tenantId, externalAccounts.tenantId), eq(people.id, externalAccounts.personId)))
    .where(and(...where))
    .orderBy(asc(people.name), asc(externalAccounts.system), asc(externalAccounts.externalId))
    .limit(clampLimit(opts.limit));
}
