import { join } from 'node:path';
import { openDatabase, verifyAllChains } from '@daowei/db';
import { readConfig } from '../platform/config.js';

/**
 * `npm run verify:events`: AUD-01 tamper check. Re-computes every order's hash chain and lists each
 * order whose history was edited, had an event deleted or reordered. Exit code 1 when any is broken.
 * On the embedded database it needs the data folder, so run it while the server is stopped.
 */
async function main(): Promise<void> {
  const config = readConfig();
  const database = await openDatabase(
    config.databaseUrl ? { url: config.databaseUrl } : { dataDir: join(config.dataDir, 'pglite') },
  );
  try {
    const broken = await verifyAllChains(database.db);
    if (broken.length === 0) {
      console.log('Every work-order history verifies: no event was edited, deleted or reordered.');
      return;
    }
    console.error(`${broken.length} work order(s) with a broken history:`);
    for (const b of broken)
      console.error(`  ${b.number}  (order ${b.orderId}) broken at event #${b.brokenAtSeq}: ${b.reason}`);
    process.exitCode = 1;
  } finally {
    await database.close();
  }
}

main().catch((err: unknown) => {
  const e = err as { code?: string; message?: string };
  console.error(e.code === 'DATA_DIR_LOCKED' ? e.message : err);
  process.exit(2);
});
