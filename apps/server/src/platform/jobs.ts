import { randomUUID } from 'node:crypto';
import PgBoss from 'pg-boss';
import { pgliteOf, poolOf, type Database, type Db } from '@daowei/db';

/**
 * Persisted timers and background work (SLA warnings and breaches, callbacks due later, maintenance).
 * pg-boss keeps jobs in the database itself, so a job due while the server was down runs after the
 * restart, and with several server processes on one PostgreSQL exactly one of them takes each job
 * (SKIP LOCKED). On PGlite it runs through the same connection as the app (one process per folder).
 * Delivery is at least once: handlers must be idempotent (e.g. "record the breach unless recorded").
 */
export interface JobQueue {
  /**
   * Runs `name` with `data` at `runAt` (or now). A `key` makes scheduling idempotent: one pending job per
   * key. With `tx` the job is inserted in that transaction, so it exists exactly when the change that
   * needs it commits (on PGlite a second connection would wait for the open transaction forever).
   * The queue must exist already (`work` creates it).
   */
  schedule(name: string, data: object, opts?: { runAt?: Date; key?: string; tx?: Db }): Promise<string | null>;
  /** Handles jobs of `name` in this process. */
  work<T extends object>(name: string, handler: (data: T, jobId: string) => Promise<void>): Promise<void>;
  /** Runs `name` on a cron schedule (in the given zone) from every process; pg-boss sends each slot once. */
  every(name: string, cron: string, timeZone?: string): Promise<void>;
  stop(): Promise<void>;
}

export interface JobQueueOptions {
  /** pg-boss schema (tests use one per suite so they never see each other's jobs). */
  schema?: string;
  /** How often a worker looks for due jobs; bounds how late a timer fires. */
  pollingIntervalSeconds?: number;
}

/** pg-boss talks to the database through this, so it shares our PGlite instance or pg pool. */
function executorFor(database: Database): PgBoss.Db {
  if (database.kind === 'pglite') {
    const pg = pgliteOf(database);
    return {
      async executeSql(text: string, values: unknown[] = []) {
        // pg-boss sends its schema migrations as one multi-statement script without parameters;
        // PGlite runs those with exec() and parameterised single statements with query().
        if (values.length > 0) return { rows: (await pg.query(text, values as unknown[])).rows };
        const results = await pg.exec(text);
        return { rows: results.at(-1)?.rows ?? [] };
      },
    };
  }
  const pool = poolOf(database);
  return {
    async executeSql(text: string, values: unknown[] = []) {
      return { rows: (await pool.query(text, values)).rows };
    },
  };
}

/** The driver connection under a drizzle handle: a pg PoolClient or a PGlite Transaction. */
interface RawClient {
  query(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
}

/**
 * pg-boss's statement run on the connection of a drizzle transaction, so the job row is written inside
 * the caller's transaction. It goes to the driver as is: pg-boss reuses placeholders ($5 twice) and
 * relies on PostgreSQL typing each one once, which re-numbering through drizzle's `sql` would break.
 * `session.client` is drizzle's (internal) connection field for both drivers; jobs.test.ts covers it.
 */
function executorForTx(tx: Db): PgBoss.Db {
  const client = (tx as unknown as { session?: { client?: RawClient } }).session?.client;
  if (!client || typeof client.query !== 'function') throw new Error('No driver connection under this transaction');
  return {
    async executeSql(text: string, values: unknown[] = []) {
      return { rows: (await client.query(text, values)).rows };
    },
  };
}

export async function startJobQueue(database: Database, opts: JobQueueOptions = {}): Promise<JobQueue> {
  const polling = opts.pollingIntervalSeconds ?? 1;
  const boss = new PgBoss({
    db: executorFor(database),
    schema: opts.schema ?? 'pgboss',
    supervise: true,
    schedule: true,
  });
  boss.on('error', (err) => console.error('[jobs]', err.message));
  await boss.start();
  const queues = new Set<string>();
  const ensureQueue = async (name: string) => {
    if (queues.has(name)) return;
    // 'short': at most one queued job per singletonKey, so scheduling the same timer twice is one job.
    await boss.createQueue(name, { name, policy: 'short' });
    queues.add(name);
  };

  return {
    async schedule(name, data, { runAt, key, tx } = {}) {
      if (!tx) await ensureQueue(name);
      return boss.send(name, data, {
        ...(runAt ? { startAfter: runAt } : {}),
        ...(tx ? { db: executorForTx(tx) } : {}),
        // Every job carries a key: under the 'short' policy jobs without one would share a single slot.
        singletonKey: key ?? randomUUID(),
        retryLimit: 5,
        retryBackoff: true,
      });
    },
    async work(name, handler) {
      await ensureQueue(name);
      await boss.work<object>(name, { pollingIntervalSeconds: polling }, async (jobs) => {
        for (const job of jobs) await handler(job.data as never, job.id);
      });
    },
    async every(name, cron, timeZone = 'Asia/Shanghai') {
      await ensureQueue(name);
      await boss.schedule(name, cron, {}, { tz: timeZone });
    },
    async stop() {
      await boss.stop({ graceful: true, wait: true, timeout: 5_000 });
    },
  };
}
