import { seedDemoData, type Database, type Db, type SeedDemoOptions } from '@daowei/db';

class Rollback extends Error {}

/**
 * The demo tenant inside a transaction that is rolled back when `done` is called. The demo's logins
 * and codes are fixed, so two files seeding it on one shared PostgreSQL test database (CI runs every
 * db test file against one) would collide; inside a rolled-back transaction each file sees its own.
 * Everything the test does goes through the returned `db` (services may open nested transactions on it:
 * savepoints).
 */
export async function seedDemoInTransaction(
  database: Database,
  opts: SeedDemoOptions,
): Promise<{ db: Db; tenantId: string; done: () => Promise<void> }> {
  let release: () => void = () => undefined;
  let finished: Promise<unknown> = Promise.resolve();
  const ready = await new Promise<{ db: Db; tenantId: string }>((resolve, reject) => {
    finished = database.db
      .transaction(async (tx) => {
        const db = tx as unknown as Db;
        const seeded = await seedDemoData(db, opts);
        resolve({ db, tenantId: seeded.tenantId });
        await new Promise<void>((r) => (release = r));
        throw new Rollback();
      })
      .catch((e: unknown) => {
        if (!(e instanceof Rollback)) reject(e);
      });
  });
  return {
    ...ready,
    done: async () => {
      release();
      await finished;
    },
  };
}
