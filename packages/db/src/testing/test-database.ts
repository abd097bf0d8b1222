import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase, pgliteOf, type Database } from '../client.js';
import { MIGRATIONS_FOLDER, migrate } from '../migrate.js';

/**
 * A migrated database for tests: PGlite in memory by default, or the PostgreSQL database named by
 * DATABASE_URL (CI runs the suites both ways). Tests isolate by creating their own tenant
 * (createTestTenant), so every test file may share one PostgreSQL database and never truncates.
 *
 * PGlite start-up: initdb plus the migrations take ~2.5 s per instance, and vitest gives each test
 * file a fresh module context. The first instance therefore saves a gzip'd dump of the freshly
 * migrated data directory in the OS temp dir, keyed by a hash of the migration files, and later
 * instances (other files, other workers, later runs) load it in ~0.6 s. A stale or corrupt dump is
 * simply never matched or is rebuilt.
 */

export interface TestDatabaseOptions {
  /** PostgreSQL pool size (default 10). The WO-04 concurrency test asks for more. */
  poolSize?: number;
}

export async function openTestDatabase(opts: TestDatabaseOptions = {}): Promise<Database> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const database = await openDatabase({ url, poolSize: opts.poolSize ?? 10 });
    // Concurrent workers queue on the migration advisory lock; all but the first find nothing to do.
    await migrate(database);
    return database;
  }
  return openMigratedPglite();
}

async function openMigratedPglite(): Promise<Database> {
  const file = await snapshotPath();
  const snapshot = await readFile(file).catch(() => null);
  if (snapshot) {
    try {
      return await openDatabase({ loadDataDir: new Blob([snapshot]) });
    } catch {
      // A truncated or foreign file: fall through and rebuild it.
    }
  }
  const database = await openDatabase({});
  await migrate(database);
  const dump = await pgliteOf(database).dumpDataDir('gzip');
  // Written under a unique name then renamed: parallel workers never read a half-written dump.
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(tmp, Buffer.from(await dump.arrayBuffer()));
  await rename(tmp, file);
  return database;
}

/**
 * The dump's name changes whenever a migration file or the PGlite build changes, so a dump never
 * outlives its schema or its engine.
 */
async function snapshotPath(): Promise<string> {
  const hash = createHash('sha256');
  const pgliteEntry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  hash.update(await readFile(path.join(path.dirname(pgliteEntry), '..', 'package.json')));
  const files = await readdir(MIGRATIONS_FOLDER, { recursive: true });
  for (const name of files.filter((f) => f.endsWith('.sql') || f.endsWith('.json')).sort()) {
    hash.update(name);
    hash.update(await readFile(path.join(MIGRATIONS_FOLDER, name)));
  }
  const dir = path.join(tmpdir(), 'daowei-test-pglite');
  await mkdir(dir, { recursive: true });
  return path.join(dir, `migrated-${hash.digest('hex').slice(0, 16)}.tar.gz`);
}
