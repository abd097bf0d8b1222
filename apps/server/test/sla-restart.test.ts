import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  createSession,
  listSlaClockEvents,
  listSlaClocksOfOrder,
  migrate,
  openDatabase,
  type Database,
} from '@daowei/db';
import { createTestTenant } from '@daowei/db/testing';
import { DEFAULT_POLICY_PACK, parseSlaPolicy, type Person, type PolicyPack, type Position } from '@daowei/domain';
import { buildApp, type App } from '../src/app.js';
import { FakeClock } from '../src/platform/clock.js';
import { startJobQueue, type JobQueue } from '../src/platform/jobs.js';
import { call, orderBody } from './harness.js';

/**
 * SLA-09 "timers that survive restarts", end to end: an order's clock falls due while the server is
 * down; after the restart the persisted timer fires, the breach is recorded once and the escalation
 * notifies once. pg-boss compares due times with the database clock, so the clock is made due a few
 * real seconds ahead: a policy whose arrive-early promise is due at the window's start (0 min), with
 * the window starting 8 s after the order is taken.
 */
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const policy: PolicyPack = {
  ...DEFAULT_POLICY_PACK,
  sla: parseSlaPolicy({
    ...DEFAULT_POLICY_PACK.sla,
    clocks: DEFAULT_POLICY_PACK.sla.clocks.map((c) =>
      c.kind === 'arrive_early'
        ? {
            ...c,
            deadline: { kind: 'before_appointment', minutes: 0 },
            escalate: { breach: { position: 'coordinator' } },
          }
        : c,
    ),
  }),
};

async function openDurable(dir: string): Promise<Database> {
  const database = process.env.DATABASE_URL
    ? await openDatabase({ url: process.env.DATABASE_URL, poolSize: 4 })
    : await openDatabase({ dataDir: join(dir, 'pglite') });
  await migrate(database);
  return database;
}

async function tokenFor(database: Database, clock: FakeClock, person: Person, position: Position) {
  const token = randomBytes(24).toString('base64url');
  await createSession(database.db, person.tenantId, {
    tokenHash: createHash('sha256').update(token).digest('hex'),
    personId: person.id,
    position,
    now: clock.now(),
    expiresAt: new Date(clock.now().getTime() + 3_600_000),
  });
  return token;
}

describe('SLA timers across a restart', () => {
  it('SLA-09 a clock that falls due while the server is down breaches once, and escalates once, after the restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'daowei-sla-restart-'));
    const schema = `sla_restart_${randomUUID().slice(0, 8)}`;
    let database: Database | null = null;
    let jobs: JobQueue | null = null;
    let app: App | null = null;
    try {
      const start = Date.now();
      const clock = new FakeClock(new Date(start));
      database = await openDurable(dir);
      jobs = await startJobQueue(database, { schema, pollingIntervalSeconds: 0.5 });
      app = await buildApp({ database, clock, policy, jobs });
      const t = await createTestTenant(database.db);
      const hotline = await tokenFor(database, clock, t.hotline, 'hotline_agent');
      const h = { app, t } as unknown as Parameters<typeof orderBody>[0];
      const orderAt = Date.now();
      clock.set(new Date(orderAt));
      const window = {
        start: new Date(orderAt + 8_000).toISOString(),
        end: new Date(orderAt + 7_200_000).toISOString(),
      };
      const created = await call(
        app,
        hotline,
        'POST',
        '/api/work-orders',
        orderBody(h, 'fault', { appointment: window }),
      );
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      const orderId = created.body.order.id as string;
      const clocks = await listSlaClocksOfOrder(database.db, t.tenant.id, orderId);
      const arrive = clocks.find((c) => c.clock.kind === 'arrive_early')!;
      expect(arrive.clock.dueAt.toISOString()).toBe(window.start);

      // "Crash": everything stops before the due time; the due time passes while nothing runs.
      await app.close();
      await jobs.stop();
      await database.close();
      app = null;
      jobs = null;
      const dueMs = arrive.clock.dueAt.getTime();
      expect(Date.now(), 'the server stopped before the clock fell due').toBeLessThan(dueMs);
      await sleep(dueMs + 2_000 - Date.now());

      database = await openDurable(dir);
      jobs = await startJobQueue(database, { schema, pollingIntervalSeconds: 0.5 });
      clock.set(new Date(Date.now()));
      app = await buildApp({ database, clock, policy, jobs });
      const events = () => listSlaClockEvents(database!.db, t.tenant.id, arrive.id);
      const end = Date.now() + 20_000;
      while (!(await events()).some((e) => e.kind === 'breach') && Date.now() < end) await sleep(250);
      await sleep(1_500); // a second delivery would show up within a few polls

      const recorded = await events();
      expect(recorded.filter((e) => e.kind === 'breach')).toHaveLength(1);
      expect(recorded.filter((e) => e.kind === 'escalation')).toHaveLength(1);
      const coordinator = await tokenFor(database, clock, t.coordinator, 'coordinator');
      const inbox = await call(app, coordinator, 'GET', '/api/notifications');
      const escalations = inbox.body.items.filter((n: { orderId: string }) => n.orderId === orderId);
      expect(escalations).toHaveLength(1);
      expect(escalations[0].payload).toMatchObject({ trigger: 'breach', clockKind: 'arrive_early', ruleId: 'SLA-07' });
    } finally {
      await app?.close();
      await jobs?.stop();
      await database?.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 240_000);
});
