import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { lockDataDir } from '@daowei/db';
import { readConfig } from '../platform/config.js';

/**
 * `npm run backup [-- --out DIR]`: a consistent copy of the embedded database as one .tar.gz.
 * PGlite never fsyncs, so this is the protection against power loss. It takes the data-folder lock,
 * so it refuses to run while the server is running (stop it first, or back up PostgreSQL with pg_dump).
 */
async function main(): Promise<void> {
  const config = readConfig();
  if (config.databaseUrl) {
    console.error('DATABASE_URL is set: back up a PostgreSQL server with pg_dump instead.');
    process.exit(2);
  }
  const outIdx = process.argv.indexOf('--out');
  const outDir = resolve(outIdx > 0 ? process.argv[outIdx + 1]! : join(config.dataDir, '..', 'backups'));
  // The same lock the server holds on its database folder: refuse while the server runs.
  const lock = await lockDataDir(join(config.dataDir, 'pglite'));
  try {
    const pg = await PGlite.create({ dataDir: join(config.dataDir, 'pglite') });
    const blob = await pg.dumpDataDir('gzip');
    await pg.close();
    mkdirSync(outDir, { recursive: true });
    const file = join(outDir, `daowei-${new Date().toISOString().replace(/[:.]/g, '-')}.tar.gz`);
    writeFileSync(file, Buffer.from(await blob.arrayBuffer()));
    console.log(`Backup written: ${file}`);
    console.log(`Restore with: npm run restore -- ${file}`);
  } finally {
    await lock.release();
  }
}

main().catch((err: unknown) => {
  const e = err as { code?: string; message?: string };
  console.error(e.code === 'DATA_DIR_LOCKED' ? e.message : err);
  process.exit(1);
});
