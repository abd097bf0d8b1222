import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, type Database } from '../src/index.js';
import { openTestDatabase } from '../src/testing/index.js';

let database: Database;

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database?.close());

async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await database.db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

describe('schema', () => {
  it('ORG-01 every business table has tenant_id', async () => {
    const tables = await rows<{ table_name: string }>(sql`
      select table_name from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`);
    const withTenant = await rows<{ table_name: string; is_nullable: string }>(sql`
      select table_name, is_nullable from information_schema.columns
      where table_schema = 'public' and column_name = 'tenant_id'`);
    const names = tables.map((t) => t.table_name);
    expect(names.length).toBeGreaterThan(15);
    expect(names).toContain('work_orders');
    // The tenants table is the tenant; every other table names one, and never leaves it empty.
    // login_failures is the one exception: login is global (logins are unique across tenants), and its
    // counters must exist for unknown login names too (SEC-03 lockout, docs/security.md).
    const global = ['tenants', 'login_failures'];
    const missing = names.filter((n) => !global.includes(n) && !withTenant.some((c) => c.table_name === n));
    expect(missing).toEqual([]);
    expect(withTenant.filter((c) => c.is_nullable !== 'NO')).toEqual([]);
  });

  it('ORG-01 a row cannot point at a row of another tenant (composite foreign keys)', async () => {
    const fks = await rows<{ table_name: string; constraint_name: string; columns: string }>(sql`
      select tc.table_name, tc.constraint_name, string_agg(kcu.column_name, ',' order by kcu.ordinal_position) as columns
      from information_schema.table_constraints tc
      join information_schema.key_column_usage kcu
        on kcu.constraint_name = tc.constraint_name and kcu.table_schema = tc.table_schema
      where tc.table_schema = 'public' and tc.constraint_type = 'FOREIGN KEY'
      group by tc.table_name, tc.constraint_name`);
    // Every foreign key is either the plain tenant reference or starts with tenant_id.
    const loose = fks.filter((f) => f.columns !== 'tenant_id' && !f.columns.startsWith('tenant_id,'));
    expect(loose).toEqual([]);
    expect(fks.length).toBeGreaterThan(20);
  });

  it('every instant is stored as timestamptz', async () => {
    const naive = await rows<{ table_name: string; column_name: string }>(sql`
      select table_name, column_name from information_schema.columns
      where table_schema = 'public' and data_type = 'timestamp without time zone'`);
    expect(naive).toEqual([]);
  });

  it('migrating an up-to-date database changes nothing', async () => {
    const count = async () =>
      (await rows<{ n: number }>(sql`select count(*)::int as n from drizzle.__drizzle_migrations`))[0]!.n;
    const before = await count();
    expect(before).toBeGreaterThanOrEqual(3);
    await migrate(database);
    expect(await count()).toBe(before);
  });
});
