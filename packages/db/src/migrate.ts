import { fileURLToPath } from 'node:url';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { poolOf, type Database, type Schema } from './client.js';

/**
 * The one migration folder, applied to PGlite and PostgreSQL alike. Resolved from this file rather
 * than the working directory so the server, the CLI and tests (run from anywhere) find it.
 */
export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../migrations', import.meta.url));

/**
 * Arbitrary but fixed key for pg_advisory_lock: "daowei migrate". Several server processes and test
 * workers may start at once against one PostgreSQL; drizzle's migrator is not safe to run twice
 * concurrently (both would see a migration as pending and apply it), so they queue on this lock and
 * the later ones find nothing left to do.
 */
const MIGRATION_LOCK_KEY = 4_711_000_001;

/** Applies pending migrations. Idempotent; safe to call from several processes at once. */
export async function migrate(database: Database): Promise<void> {
  if (database.kind === 'pglite') {
    // A PGlite directory has exactly one process (data-dir lock), so there is no one to race with.
    await migratePglite(database.db as unknown as PgliteDatabase<Schema>, { migrationsFolder: MIGRATIONS_FOLDER });
    return;
  }
  // Session-level advisory locks belong to a connection: hold one client for lock, migrate, unlock.
  const client = await poolOf(database).connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      await migrateNodePg(drizzlePg({ client }), { migrationsFolder: MIGRATIONS_FOLDER });
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    client.release();
  }
}
