import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '@daowei/db';
import { openTestDatabase } from '@daowei/db/testing';
import { startJobQueue } from '../src/platform/jobs.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const onPostgres = Boolean(process.env.DATABASE_URL);
const schema = () => `jobs_${randomUUID().slice(0, 8)}`;

/** A database that survives the "process" being stopped: a PGlite folder, or the PostgreSQL server. */
async function openDurable(dir: string): Promise<Database> {
  return process.env.DATABASE_URL
    ? openDatabase({ url: process.env.DATABASE_URL, poolSize: 4 })
    : openDatabase({ dataDir: join(dir, 'pglite') });
}

async function until(check: () => boolean, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!check() && Date.now() < end) await sleep(100);
}

// pg-boss compares due times with the database clock, so these tests wait real seconds (bounded).
describe('persisted timers (SLA-09)', () => {
  it('SLA-09 a timer that fell due while the server was down fires exactly once after the restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'daowei-jobs-'));
    const s = schema();
    try {
      let database = await openDurable(dir);
      let queue = await startJobQueue(database, { schema: s, pollingIntervalSeconds: 0.5 });
      await queue.schedule(
        'sla.breach',
        { clockId: 'c-1' },
        { runAt: new Date(Date.now() + 1_000), key: 'c-1:breach' },
      );
      // The same timer scheduled twice (e.g. a retried request) is still one job.
      await queue.schedule(
        'sla.breach',
        { clockId: 'c-1' },
        { runAt: new Date(Date.now() + 1_000), key: 'c-1:breach' },
      );
      await queue.stop();
      await database.close();

      await sleep(2_000); // the due time passes while nothing runs

      database = await openDurable(dir);
      queue = await startJobQueue(database, { schema: s, pollingIntervalSeconds: 0.5 });
      const fired: string[] = [];
      await queue.work<{ clockId: string }>('sla.breach', async (data) => {
        fired.push(data.clockId);
      });
      await until(() => fired.length > 0, 15_000);
      await sleep(1_500); // a second delivery would show up within a few polls
      await queue.stop();
      await database.close();
      expect(fired).toEqual(['c-1']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('SLA-09 a job scheduled inside a transaction exists only if the transaction commits', async () => {
    const database = await openTestDatabase();
    const queue = await startJobQueue(database, { schema: schema(), pollingIntervalSeconds: 0.5 });
    try {
      const fired: string[] = [];
      await queue.work<{ n: string }>('sla.tx', async (data) => {
        fired.push(data.n);
      });
      const soon = () => new Date(Date.now() + 500);
      await database.db
        .transaction(async (tx) => {
          await queue.schedule('sla.tx', { n: 'rolled back' }, { runAt: soon(), key: 'tx-1', tx });
          throw new Error('roll back');
        })
        .catch(() => undefined);
      await database.db.transaction(async (tx) => {
        await queue.schedule('sla.tx', { n: 'committed' }, { runAt: soon(), key: 'tx-2', tx });
      });
      await until(() => fired.length > 0, 15_000);
      await sleep(1_500);
      expect(fired).toEqual(['committed']);
    } finally {
      await queue.stop();
      await database.close();
    }
  }, 60_000);

  it.runIf(onPostgres)(
    'SLA-09 with two server processes on one database every timer fires exactly once',
    async () => {
      const s = schema();
      const a = await openDurable('');
      const b = await openDurable('');
      const qa = await startJobQueue(a, { schema: s, pollingIntervalSeconds: 0.5 });
      const qb = await startJobQueue(b, { schema: s, pollingIntervalSeconds: 0.5 });
      const fired: string[] = [];
      const record = async (data: { n: number }) => {
        fired.push(`${data.n}`);
      };
      await qa.work('sla.warn', record);
      await qb.work('sla.warn', record);
      const soon = new Date(Date.now() + 500);
      for (let n = 0; n < 20; n++) await qa.schedule('sla.warn', { n }, { runAt: soon, key: `warn-${n}` });
      await until(() => fired.length >= 20, 20_000);
      await sleep(1_500);
      await qa.stop();
      await qb.stop();
      await a.close();
      await b.close();
      expect(fired.sort((x, y) => Number(x) - Number(y))).toEqual(Array.from({ length: 20 }, (_, n) => `${n}`));
    },
    60_000,
  );
});
