import { count, eq, sql } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Db } from '../client.js';
import { verifyAllChains } from '../repositories/event.repository.js';
import * as schema from '../schema/index.js';
import { openTestDatabase } from '../testing/test-database.js';
import { DEMO_ACCOUNTS } from './accounts.js';
import { hasAnyTenant, seedDemoData, type SeedDemoResult } from './seed.js';

/**
 * Seeds the full-size demo into a real database inside a transaction that is rolled back at the end:
 * demo logins are global (admin, eng1 …), so on a PostgreSQL shared by every test file a committed
 * demo would collide with the next run.
 */
class Rollback extends Error {}

let database: Database;

beforeAll(async () => {
  database = await openTestDatabase();
});

afterAll(async () => {
  await database?.close();
});

describe('seedDemoData', () => {
  it('ORG-01 AUD-01 seeds the 3000-order demo tenant in one transaction; rows and hash chains read back intact', async () => {
    const now = new Date('2026-11-23T03:00:00Z');
    let result: SeedDemoResult | undefined;
    const seen: Record<string, number> = {};
    let broken: string[] = [];
    const rolledBack = database.db
      .transaction(async (tx) => {
        const db = tx as unknown as Db;
        // An empty-of-demo database: other test files may have tenants of their own (shared PostgreSQL).
        const before = await hasAnyTenant(db);
        result = await seedDemoData(db, { seed: 'seed-test', passwordHash: 'not-a-real-hash', now });
        expect(await hasAnyTenant(db)).toBe(true);
        const tenantId = result.tenantId;
        const tables: [string, PgTable & { tenantId: AnyPgColumn }][] = [
          ['vendors', schema.vendors],
          ['org_units', schema.orgUnits],
          ['areas', schema.areas],
          ['people', schema.people],
          ['person_positions', schema.personPositions],
          ['skills', schema.skills],
          ['person_certificates', schema.personCertificates],
          ['shifts', schema.shifts],
          ['external_accounts', schema.externalAccounts],
          ['customers', schema.customers],
          ['customer_products', schema.customerProducts],
          ['work_orders', schema.workOrders],
          ['work_order_links', schema.workOrderLinks],
          ['work_order_events', schema.workOrderEvents],
          ['order_number_counters', schema.orderNumberCounters],
        ];
        for (const [name, table] of tables) {
          const [row] = await db.select({ n: count() }).from(table).where(eq(table.tenantId, tenantId));
          seen[name] = row?.n ?? -1;
        }
        const logins = await db
          .select({ login: schema.people.login })
          .from(schema.people)
          .where(eq(schema.people.tenantId, tenantId));
        seen.demoAccounts = DEMO_ACCOUNTS.filter((a) => logins.some((l) => l.login === a.login)).length;
        // AUD-01 after a trip through jsonb and timestamptz, checked as `npm run verify:events` does.
        broken = (await verifyAllChains(db, tenantId)).map((b) => `${b.number}: ${b.reason}`);
        const [{ statuses } = { statuses: 0 }] = await db
          .select({ statuses: sql<number>`count(distinct ${schema.workOrders.status})::int` })
          .from(schema.workOrders)
          .where(eq(schema.workOrders.tenantId, tenantId));
        seen.statuses = statuses;
        seen.tenantsBefore = before ? 1 : 0;
        throw new Rollback();
      })
      .catch((e: unknown) => {
        if (!(e instanceof Rollback)) throw e;
      });
    await rolledBack;

    expect(result).toBeDefined();
    const rows = (result as SeedDemoResult).rows;
    expect(rows.work_orders).toBe(3000);
    expect(rows.tenants).toBe(1);
    expect(rows.vendors).toBe(2);
    // Every table holds exactly what seedDemoData reports having inserted, all under the one tenant.
    for (const [name, n] of Object.entries(seen)) {
      if (name in rows) expect(n, name).toBe(rows[name]);
    }
    expect(seen.work_orders).toBe(3000);
    expect(seen.work_order_events).toBeGreaterThan(3000 * 5);
    expect(seen.demoAccounts).toBe(DEMO_ACCOUNTS.length);
    expect(seen.statuses).toBe(13);
    expect(broken).toEqual([]);
    // Rolled back: nothing of the demo stays behind for other tests.
    expect(
      await database.db.select({ n: count() }).from(schema.tenants).where(eq(schema.tenants.code, 'HZDEMO')),
    ).toEqual([{ n: 0 }]);
  }, 180_000); // seeds 3,000 orders: ~10 s alone, far longer on a loaded 2-core machine
});
