import { existsSync, readFileSync, readdirSync, renameSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { lockDataDir } from '@daowei/db';
import { readConfig } from '../platform/config.js';

/**
 * `npm run restore -- FILE.tar.gz`: puts a backup made by `npm run backup` back as the embedded
 * database. The current database folder is kept aside (renamed with a timestamp), never deleted.
 */
async function main(): Promise<void> {
  const config = readConfig();
  const file = process.argv.slice(2).find((a) => a.endsWith('.tar.gz'));
  if (!file || !existsSync(file)) {
    console.error('Usage: npm run restore -- path/to/daowei-….tar.gz');
    process.exit(2);
  }
  // The same lock the server holds on its database folder: refuse while the server runs.
  const lock = await lockDataDir(join(config.dataDir, 'pglite'));
  try {
    const target = join(config.dataDir, 'pglite');
    if (existsSync(target) && readdirSync(target).length > 0) {
      const aside = `${target}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      renameSync(target, aside);
      console.log(`Current database kept at ${aside}`);
    }
    const blob = new Blob([readFileSync(resolve(file))]);
    const pg = await PGlite.create({ dataDir: target, loadDataDir: blob });
    const { rows } = await pg.query<{ n: number }>('select count(*)::int as n from work_orders');
    await pg.close();
    console.log(`Restored ${file}: ${rows[0]?.n ?? 0} work orders.`);
  } finally {
    await lock.release();
  }
}

main().catch((err: unknown) => {
  const e = err as { code?: string; message?: string };
  console.error(e.code === 'DATA_DIR_LOCKED' ? e.message : err);
  process.exit(1);
});
