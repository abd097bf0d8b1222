import { randomUUID } from 'node:crypto';
import type { Area, Person, Position, Vendor } from '@daowei/domain';
import type { Db } from '../client.js';
import type { StoredOrgUnit, StoredTenant } from '../mappers/org.mapper.js';
import type { NewStoredWorkOrder, StoredWorkOrder } from '../mappers/work-order.mapper.js';
import { findOrCreateCustomer, type Customer } from '../repositories/customer.repository.js';
import { appendEvent } from '../repositories/event.repository.js';
import { createArea, createOrgUnit, createTenant, createVendor } from '../repositories/org.repository.js';
import { createPerson } from '../repositories/people.repository.js';
import { insertWorkOrder } from '../repositories/work-order.repository.js';

/**
 * A fresh tenant per test (or per file): isolation without truncating, so all test files can share
 * one PostgreSQL database and run in parallel. Codes and logins carry a random suffix because logins
 * are unique across tenants.
 *
 * Shape: operator unit (admin, hotline agent) → vendor unit → station (coordinator) → team (two
 * on-site engineers), and one area served by the station.
 */
export interface TestVendor {
  vendor: Vendor;
  units: { vendor: StoredOrgUnit; station: StoredOrgUnit; team: StoredOrgUnit };
  area: Area;
  coordinator: Person;
  engineer: Person;
  engineer2: Person;
}

export interface TestTenant extends TestVendor {
  tenant: StoredTenant;
  operatorUnit: StoredOrgUnit;
  admin: Person;
  hotline: Person;
  customer: Customer;
  /** For logins in HTTP tests: every test person's login is `<name>-<suffix>`. */
  suffix: string;
}

/** Stored for every test person; HTTP tests that log in replace it with a real argon2 hash. */
export const TEST_PASSWORD_HASH = 'not-a-real-hash';

export async function createTestTenant(db: Db, opts: { timeZone?: string } = {}): Promise<TestTenant> {
  const suffix = randomUUID().slice(0, 8);
  const tenant = await createTenant(db, {
    code: `t-${suffix}`,
    name: `Test tenant ${suffix}`,
    ...(opts.timeZone ? { timeZone: opts.timeZone } : {}),
  });
  const operatorUnit = await createOrgUnit(db, tenant.id, {
    parentId: null,
    kind: 'operator',
    name: 'Operator',
    code: 'op',
    vendorId: null,
  });
  const person = (name: string, unitId: string, positions: Position[]) =>
    createTestPerson(db, tenant.id, { name, unitId, positions, suffix });
  const admin = await person('admin', operatorUnit.id, ['admin']);
  const hotline = await person('hotline', operatorUnit.id, ['hotline_agent']);
  const branch = await addTestVendor(db, { tenant, operatorUnit, suffix }, 'va');
  const { customer } = await findOrCreateCustomer(db, tenant.id, {
    name: '李女士',
    phone: randomPhone('138'),
    address: '朝阳区望京街道 8 号 3-201',
    lat: 39.99,
    lng: 116.47,
    areaId: branch.area.id,
  });
  return { tenant, operatorUnit, admin, hotline, customer, suffix, ...branch };
}

/** Adds another vendor branch (vendor → station → team, people, area) under the tenant's operator. */
export async function addTestVendor(
  db: Db,
  t: Pick<TestTenant, 'tenant' | 'operatorUnit' | 'suffix'>,
  code: string,
): Promise<TestVendor> {
  const tenantId = t.tenant.id;
  const vendor = await createVendor(db, tenantId, { code, name: `Vendor ${code}` });
  const unit = (parentId: string, kind: 'vendor' | 'station' | 'team', unitCode: string) =>
    createOrgUnit(db, tenantId, { parentId, kind, name: unitCode, code: unitCode, vendorId: vendor.id });
  const vendorUnit = await unit(t.operatorUnit.id, 'vendor', `${code}`);
  const station = await unit(vendorUnit.id, 'station', `${code}-station`);
  const team = await unit(station.id, 'team', `${code}-team`);
  const area = await createArea(db, tenantId, {
    stationId: station.id,
    name: `${code} area`,
    code: `${code}-area`,
    polygon: [
      [116.4, 39.9],
      [116.5, 39.9],
      [116.5, 40.0],
      [116.4, 40.0],
    ],
  });
  const person = (name: string, unitId: string, positions: Position[]) =>
    createTestPerson(db, tenantId, { name: `${code}-${name}`, unitId, positions, suffix: t.suffix });
  const coordinator = await person('coordinator', station.id, ['coordinator']);
  const engineer = await person('engineer', team.id, ['onsite_engineer']);
  const engineer2 = await person('engineer2', team.id, ['onsite_engineer', 'team_lead']);
  return { vendor, units: { vendor: vendorUnit, station, team }, area, coordinator, engineer, engineer2 };
}

let staffCounter = 0;

export function createTestPerson(
  db: Db,
  tenantId: string,
  input: { name: string; unitId: string; positions: Position[]; suffix: string },
): Promise<Person> {
  staffCounter += 1;
  return createPerson(db, tenantId, {
    unitId: input.unitId,
    name: input.name,
    staffNo: `S${String(staffCounter).padStart(4, '0')}`,
    phone: randomPhone('139'),
    login: `${input.name}-${input.suffix}`,
    passwordHash: TEST_PASSWORD_HASH,
    positions: input.positions,
  });
}

/** A valid new fault order for the tenant's first vendor; override what the test is about. */
export function testOrderInput(t: TestTenant, over: Partial<NewStoredWorkOrder> = {}): NewStoredWorkOrder {
  return {
    vendorId: t.vendor.id,
    acceptanceSerial: `BSS-${randomUUID().slice(0, 8)}`,
    type: 'fault',
    status: 'created',
    priority: 'normal',
    product: 'broadband',
    business: 'home broadband',
    productNumber: 'BB0211002233',
    customerId: t.customer.id,
    contactName: t.customer.name,
    contactPhone: t.customer.phone,
    address: t.customer.address,
    areaId: t.area.id,
    lat: 39.99,
    lng: 116.47,
    appointment: null,
    step: 'created',
    customerMessage: null,
    faultDescription: 'No internet since this morning',
    broadband: null,
    productModel: null,
    purchaseDate: null,
    warranty: 'unknown',
    stationId: t.units.station.id,
    offeredToPersonId: null,
    offeredToUnitId: null,
    holderId: null,
    suspendReason: null,
    parentOrderId: null,
    repeatOfOrderId: null,
    acceptedAt: new Date('2026-11-23T01:00:00Z'),
    completedAt: null,
    closedAt: null,
    policyId: 'default',
    policyVersion: 1,
    ...over,
  };
}

/**
 * Inserts an order with its creation event in one transaction, as the server does. The event records
 * the order's status as given (a test may create it straight into `assigned`).
 */
export async function createTestOrder(
  db: Db,
  t: TestTenant,
  over: Partial<NewStoredWorkOrder> = {},
): Promise<StoredWorkOrder> {
  const input = testOrderInput(t, over);
  return db.transaction(async (tx) => {
    const order = await insertWorkOrder(tx, t.tenant.id, input);
    await appendEvent(tx, t.tenant.id, {
      orderId: order.id,
      action: 'create',
      fromStatus: null,
      toStatus: order.status,
      actorId: t.hotline.id,
      actorPosition: 'hotline_agent',
      at: order.acceptedAt,
      payload: { type: order.type },
    });
    return order;
  });
}

function randomPhone(prefix: string): string {
  return `${prefix}${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
}
