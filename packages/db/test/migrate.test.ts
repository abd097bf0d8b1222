import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS_FOLDER, migrate, openDatabase, type Database } from '../src/index.js';

const url = process.env.DATABASE_URL;

async function journalSize(): Promise<number> {
  const journal = JSON.parse(await readFile(path.join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as {
    entries: unknown[];
  };
  return journal.entries.length;
}

async function appliedCount(database: Database): Promise<number> {
  const r = (await database.db.execute(
    sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
  )) as unknown as {
    rows: { n: number }[];
  };
  return r.rows[0]!.n;
}

describe('migrations', () => {
  it.runIf(!url)('the migration folder applies completely to a fresh PGlite', async () => {
    const database = await openDatabase({});
    try {
      await migrate(database);
      expect(await appliedCount(database)).toBe(await journalSize());
    } finally {
      await database.close();
    }
  });

  it.runIf(url)(
    'several processes migrating one fresh PostgreSQL database at once apply each migration once',
    async () => {
      const admin = await openDatabase({ url: url!, poolSize: 1 });
      const name = `daowei_mig_${process.pid}_${Date.now()}`;
      await admin.db.execute(sql.raw(`create database ${name}`));
      const target = new URL(url!);
      target.pathname = `/${name}`;
      const servers = await Promise.all([1, 2, 3, 4].map(() => openDatabase({ url: target.toString(), poolSize: 2 })));
      try {
        await Promise.all(servers.map((s) => migrate(s)));
        expect(await appliedCount(servers[0]!)).toBe(await journalSize());
      } finally {
        await Promise.all(servers.map((s) => s.close()));
        await admin.db.execute(sql.raw(`drop database ${name}`));
        await admin.close();
      }
    },
  );
});
