import type { Position, WorkOrderStatus } from '@daowei/domain';
import type { PgInsertValue, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../client.js';
import { customerProducts, customers } from '../schema/customers.js';
import { externalAccounts } from '../schema/external-accounts.js';
import { areas, orgUnits } from '../schema/org-units.js';
import { people, personPositions } from '../schema/people.js';
import { shifts } from '../schema/shifts.js';
import { engineerAreas, engineerBases } from '../schema/dispatch.js';
import { personCertificates, skills } from '../schema/skills.js';
import { tenants, vendors } from '../schema/tenants.js';
import { workOrderEvents } from '../schema/work-order-events.js';
import { orderNumberCounters, workOrderLinks, workOrders } from '../schema/work-orders.js';
import { DEMO_DEFAULTS, generateDemoData } from './generate.js';
import { PRODUCT_NAMES } from './catalog.js';
import type { DemoData, DemoOrder } from './types.js';
import { engineerDispatchFacts } from './engineer-dispatch.js';
import { plannedWorkRows } from './planned-work.js';
import { careAgreements } from '../schema/care-agreements.js';
import { inspectionPlans, inspectionTargets } from '../schema/inspections.js';

export interface SeedDemoOptions {
  seed?: number | string;
  /** Hash (argon2, SEC-03) of the one password every demo account shares; hashed by the caller. */
  passwordHash: string;
  now?: Date;
  orders?: number;
  engineers?: number;
  days?: number;
}

export interface SeedDemoResult {
  tenantId: string;
  /** Rows inserted per table. */
  rows: Record<string, number>;
  /** Time spent generating and inserting, ms (for the first-start banner and benchmarks). */
  generateMs: number;
  insertMs: number;
}

/** The seed `npm start` uses: the README's demo accounts find the same orders on every fresh start. */
export const DEMO_SEED = 'daowei-demo';

/**
 * PostgreSQL caps one statement at 65,535 bind parameters; rows per INSERT are sized to stay well below
 * that whatever the table's width, and capped at 1,000 because larger statements stop getting faster.
 */
const MAX_PARAMS = 30_000;
const MAX_ROWS = 1000;

/**
 * Loads a generated demo tenant in ONE transaction (all or nothing: a half-seeded tenant would look
 * like real data that lost rows) with multi-row INSERTs. Parents go before children, and orders in
 * acceptance order, so every foreign key (including an order's link to the earlier order it repeats or
 * came from) points at a row already written.
 */
export async function seedDemoData(db: Db, opts: SeedDemoOptions): Promise<SeedDemoResult> {
  const t0 = performance.now();
  const data = generateDemoData({
    seed: opts.seed ?? DEMO_SEED,
    now: opts.now ?? new Date(),
    orders: opts.orders ?? DEMO_DEFAULTS.orders,
    engineers: opts.engineers ?? DEMO_DEFAULTS.engineers,
    days: opts.days ?? DEMO_DEFAULTS.days,
  });
  const t1 = performance.now();
  const rows = await insertDemoData(db, data, opts.passwordHash);
  return { tenantId: data.tenant.id, rows, generateMs: t1 - t0, insertMs: performance.now() - t1 };
}

/** Inserts already generated demo data (tests and benchmarks that want the objects too). */
export async function insertDemoData(db: Db, data: DemoData, passwordHash: string): Promise<Record<string, number>> {
  const rows: Record<string, number> = {};
  await db.transaction(async (tx) => {
    const put = async <T extends PgTable>(name: string, table: T, values: PgInsertValue<T>[]) => {
      rows[name] = values.length;
      if (values.length === 0) return;
      const width = Object.keys(values[0] as object).length;
      const size = Math.max(1, Math.min(MAX_ROWS, Math.floor(MAX_PARAMS / width)));
      for (let i = 0; i < values.length; i += size) await tx.insert(table).values(values.slice(i, i + size));
    };
    const { tenant } = data;
    await put('tenants', tenants, [{ id: tenant.id, code: tenant.code, name: tenant.name, timeZone: tenant.timeZone }]);
    await put('vendors', vendors, data.vendors);
    await put('org_units', orgUnits, data.units);
    await put(
      'areas',
      areas,
      data.areas.map((a) => ({
        id: a.id,
        tenantId: a.tenantId,
        stationId: a.stationId,
        name: a.name,
        code: a.code,
        polygon: a.polygon,
      })),
    );
    await put(
      'people',
      people,
      data.people.map((p) => ({ ...p, passwordHash })),
    );
    await put('person_positions', personPositions, data.positions);
    await put('skills', skills, data.skills);
    await put('person_certificates', personCertificates, data.certificates);
    await put(
      'shifts',
      shifts,
      data.shifts.map((s) => ({
        tenantId: s.tenantId,
        personId: s.personId,
        startsAt: s.start,
        endsAt: s.end,
        kind: s.kind,
      })),
    );
    const dispatchFacts = engineerDispatchFacts(data);
    await put('engineer_bases', engineerBases, dispatchFacts.bases);
    await put('engineer_areas', engineerAreas, dispatchFacts.links);
    await put('external_accounts', externalAccounts, data.externalAccounts);
    await put(
      'customers',
      customers,
      data.customers.map((c) => ({
        id: c.id,
        tenantId: c.tenantId,
        name: c.name,
        phone: c.phone,
        address: c.address,
        lat: c.lat,
        lng: c.lng,
        areaId: c.areaId,
        createdAt: c.createdAt,
        updatedAt: c.createdAt,
      })),
    );
    await put(
      'customer_products',
      customerProducts,
      data.products.map((p) => ({
        id: p.id,
        tenantId: p.tenantId,
        customerId: p.customerId,
        product: PRODUCT_NAMES[p.kind],
        productNumber: p.productNumber,
        productModel: p.deviceModel,
        purchaseDate: p.since,
        warranty: 'unknown' as const,
      })),
    );
    const lastEventAt = new Map<string, Date>();
    for (const e of data.events) lastEventAt.set(e.orderId, e.at);
    await put(
      'work_orders',
      workOrders,
      data.orders.map((o) => orderRow(o, data, lastEventAt.get(o.id) ?? o.acceptedAt)),
    );
    const acceptedAt = new Map(data.orders.map((o) => [o.id, o.acceptedAt]));
    await put(
      'work_order_links',
      workOrderLinks,
      data.links.map((l) => ({ ...l, createdAt: acceptedAt.get(l.toOrderId) })),
    );
    await put(
      'work_order_events',
      workOrderEvents,
      data.events.map((e) => ({
        tenantId: e.tenantId,
        orderId: e.orderId,
        seq: e.seq,
        action: e.action,
        fromStatus: e.fromStatus as WorkOrderStatus | null,
        toStatus: e.toStatus as WorkOrderStatus,
        actorId: e.actorId,
        actorPosition: e.actorPosition as Position | null,
        at: e.at,
        payload: e.payload as Record<string, unknown>,
        prevHash: e.prevHash,
        hash: e.hash,
      })),
    );
    await put('order_number_counters', orderNumberCounters, data.orderNumberCounters);
    // WO-16/17: an agreement and a yearly inspection plan to show (their visits and orders are made on demand).
    const planned = plannedWorkRows(data, data.orders.at(-1)?.acceptedAt ?? new Date());
    await put('care_agreements', careAgreements, planned.agreements);
    await put('inspection_plans', inspectionPlans, planned.plans);
    await put('inspection_targets', inspectionTargets, planned.targets);
  });
  return rows;
}

/** One work_orders row; spelled out column by column so a new NOT NULL column is a type error here. */
function orderRow(o: DemoOrder, data: DemoData, updatedAt: Date): typeof workOrders.$inferInsert {
  return {
    id: o.id,
    tenantId: o.tenantId,
    vendorId: o.vendorId,
    number: o.number,
    acceptanceSerial: o.acceptanceSerial,
    type: o.type,
    status: o.status,
    priority: o.priority,
    product: o.product,
    business: o.business,
    productNumber: o.productNumber,
    customerId: o.customerId,
    contactName: o.contactName,
    contactPhone: o.contactPhone,
    address: o.address,
    areaId: o.areaId,
    lat: o.lat,
    lng: o.lng,
    appointmentStart: o.appointment?.start ?? null,
    appointmentEnd: o.appointment?.end ?? null,
    step: o.step,
    customerMessage: o.customerMessage,
    faultDescription: o.faultDescription,
    broadband: o.broadband,
    productModel: o.productModel,
    purchaseDate: o.purchaseDate,
    warranty: o.warranty,
    stationId: o.stationId,
    offeredToPersonId: o.offeredToPersonId,
    offeredToUnitId: o.offeredToUnitId,
    holderId: o.holderId,
    suspendReason: o.suspendReason,
    parentOrderId: o.parentOrderId,
    repeatOfOrderId: o.repeatOfOrderId,
    completion: o.completion,
    policyId: data.policy.id,
    policyVersion: data.policy.version,
    acceptedAt: o.acceptedAt,
    completedAt: o.completedAt,
    closedAt: o.closedAt,
    createdAt: o.acceptedAt,
    updatedAt,
    version: o.version,
  };
}

/** First start: load the demo only into an empty database. */
export async function hasAnyTenant(db: Db): Promise<boolean> {
  const rows = await db.select({ id: tenants.id }).from(tenants).limit(1);
  return rows.length > 0;
}
