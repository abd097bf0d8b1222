import { PGlite } from '@electric-sql/pglite';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { lockDataDir, type DataDirLock } from './data-dir-lock.js';
import * as schema from './schema/index.js';

export type Schema = typeof schema;

/**
 * The one database type repositories are written against. drizzle-orm/pglite returns
 * `PgliteDatabase` and drizzle-orm/node-postgres `NodePgDatabase`; both extend
 * `PgDatabase<HKT, Schema>` and differ only in the raw query-result type, which repositories never
 * touch (they use the query builder). So the common base with the abstract HKT is enough and the
 * repositories compile once for both drivers.
 */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

/** A transaction handle (what `db.transaction(async (tx) => …)` passes). It is also a `Db`. */
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** postgres://… — use a PostgreSQL server (15+). Wins over `dataDir`. */
  url?: string;
  /** PGlite data directory, or 'memory://' (the default) for a throw-away in-memory database. */
  dataDir?: string;
  /** PostgreSQL pool size (default 10). */
  poolSize?: number;
  /**
   * A PGlite data-dir tarball (from `dumpDataDir`) to start from instead of running initdb. Used by
   * the test helper to start an already-migrated database in a fraction of the time.
   */
  loadDataDir?: Blob;
  /**
   * Take the data-dir lock (default true for a directory). Only one process may open a PGlite
   * directory: PGlite has no lock between processes, and two writers corrupt it.
   */
  lock?: boolean;
}

const MEMORY = 'memory://';

/**
 * Opens PGlite (embedded, default) or a PostgreSQL pool (`url`). Does not migrate: call
 * `migrate(database)` once at startup.
 */
export async function openDatabase(opts: OpenDatabaseOptions = {}): Promise<Database> {
  if (opts.url) return openPostgres(opts.url, opts.poolSize ?? 10);
  return openPglite(opts);
}

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle client that loses its connection (server restart) emits 'error' on the pool; without a
  // listener Node would crash the process. The next query simply gets a fresh connection.
  pool.on('error', () => {});
  const db = drizzlePg({ client: pool, schema });
  return {
    db,
    kind: 'postgres',
    close: () => pool.end(),
  };
}

async function openPglite(opts: OpenDatabaseOptions): Promise<Database> {
  const dataDir = opts.dataDir ?? MEMORY;
  const onDisk = !dataDir.startsWith(MEMORY);
  const lock: DataDirLock | null = onDisk && opts.lock !== false ? await lockDataDir(dataDir) : null;
  let client: PGlite;
  try {
    client = await PGlite.create({
      ...(onDisk ? { dataDir } : {}),
      ...(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {}),
    });
  } catch (e) {
    await lock?.release();
    throw e;
  }
  const db = drizzlePglite({ client, schema });
  return {
    db,
    kind: 'pglite',
    close: async () => {
      try {
        await client.close();
      } finally {
        await lock?.release();
      }
    },
  };
}

/** The underlying PGlite of a PGlite `Database` (for dumpDataDir backups and tests). */
export function pgliteOf(database: Database): PGlite {
  if (database.kind !== 'pglite') throw new Error('Not a PGlite database');
  return (database.db as unknown as { $client: PGlite }).$client;
}

/** The underlying pg Pool of a PostgreSQL `Database`. */
export function poolOf(database: Database): pg.Pool {
  if (database.kind !== 'postgres') throw new Error('Not a PostgreSQL database');
  return (database.db as unknown as { $client: pg.Pool }).$client;
}
