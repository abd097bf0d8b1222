import { getArea, getOrgUnit, getPerson, getVendor, type Db } from '@daowei/db';
import { DomainError } from '@daowei/domain';
import type { AuthContext } from '../../http/auth-context.js';

/**
 * The vendor of an agreement or a plan: vendor staff plan for their own vendor; operator staff name
 * the vendor, or an area served by a vendor's station. Unknown ids are refused naming the field.
 */
export async function vendorFor(
  tx: Db,
  auth: AuthContext,
  body: { vendorId?: string | undefined; areaId?: string | undefined },
) {
  const area = body.areaId ? await getArea(tx, auth.tenantId, body.areaId) : null;
  if (body.areaId && !area) throw new DomainError('VALIDATION_FAILED', 'Unknown area', { field: 'areaId' });
  const station = area?.stationId ? await getOrgUnit(tx, auth.tenantId, area.stationId) : null;
  const vendorId = auth.vendorId ?? body.vendorId ?? station?.vendorId ?? null;
  if (!vendorId) {
    throw new DomainError('VALIDATION_FAILED', 'Name the vendor, or an area served by a vendor station', {
      field: 'vendorId',
    });
  }
  if (!auth.vendorId && body.vendorId && !(await getVendor(tx, auth.tenantId, body.vendorId))) {
    throw new DomainError('VALIDATION_FAILED', 'Unknown vendor', { field: 'vendorId' });
  }
  if (station?.vendorId && station.vendorId !== vendorId) {
    throw new DomainError('VALIDATION_FAILED', 'This area is served by another vendor', { field: 'areaId' });
  }
  return vendorId;
}

/** An active person of the vendor, or VALIDATION_FAILED naming the field. */
export async function vendorPerson(tx: Db, auth: AuthContext, vendorId: string, personId: string, field: string) {
  const person = await getPerson(tx, auth.tenantId, personId);
  if (!person || !person.active || person.vendorId !== vendorId) {
    throw new DomainError('VALIDATION_FAILED', 'No such active person of this vendor', { field });
  }
  return person;
}

/** Vendor staff see their vendor's rows; the operator's staff see every vendor of the tenant. */
export const seesVendor = (auth: AuthContext, vendorId: string) => auth.vendorId === null || auth.vendorId === vendorId;
