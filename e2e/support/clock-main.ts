import { createServer } from 'node:http';
import { join } from 'node:path';
import { hasAnyTenant, listUnbreachedOpenSlaClocks, migrate, openDatabase, seedDemoData } from '@daowei/db';
import { DEFAULT_POLICY_PACK } from '@daowei/domain';
import { buildApp } from '../../apps/server/src/app.js';
import { createServices } from '../../apps/server/src/services.js';
import { hashPassword } from '../../apps/server/src/features/auth/password.js';
import { buildMarkedKpiSpans } from '../../apps/server/src/jobs/kpi.jobs.js';
import type { Clock } from '../../apps/server/src/platform/clock.js';
import { readConfig } from '../../apps/server/src/platform/config.js';
import { startJobQueue } from '../../apps/server/src/platform/jobs.js';

/**
 * Test-only server entry for the browser flows that need days to pass (S2). It is main.ts with one
 * difference: the server's clock is the real clock shifted by an offset, and a control port (loopback,
 * this process only — never part of the product) moves it. Moving the clock then delivers the SLA and
 * coverage-claim timers that became due, as pg-boss would have at that instant had the days really
 * passed (the handlers re-read their clock and record once, so a delivery too early does nothing).
 */
class ShiftedClock implements Clock {
  offsetMs = 0;
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
}

async function main(): Promise<void> {
  const config = readConfig();
  const clock = new ShiftedClock();
  const database = await openDatabase(
    config.databaseUrl ? { url: config.databaseUrl } : { dataDir: join(config.dataDir, 'pglite') },
  );
  await migrate(database);
  if (!(await hasAnyTenant(database.db))) {
    await seedDemoData(database.db, {
      seed: config.demoSeed,
      orders: config.demoOrders,
      passwordHash: await hashPassword('daowei123'),
    });
    await buildMarkedKpiSpans(database.db);
  }
  const jobs = await startJobQueue(database);
  const app = await buildApp({ database, jobs, clock, webDist: config.webDist, logger: { level: config.logLevel } });
  // The same services over the same database and clock, to deliver due timers by hand.
  const services = createServices({ db: database.db, clock, policy: DEFAULT_POLICY_PACK });
  await app.listen({ host: config.host, port: config.port });

  const control = createServer((req, res) => {
    let raw = '';
    req.on('data', (b: Buffer) => (raw += b.toString()));
    req.on('end', () => {
      void (async () => {
        try {
          const body = JSON.parse(raw || '{}') as {
            at?: string | null;
            claims?: { tenantId: string; claimId: string }[];
          };
          clock.offsetMs = body.at ? new Date(body.at).getTime() - Date.now() : 0;
          let fired = 0;
          for (const s of await listUnbreachedOpenSlaClocks(database.db)) {
            const data = { tenantId: s.tenantId, clockId: s.id };
            await services.sla.fireWarning(data);
            await services.sla.fireBreach(data);
            fired += 1;
          }
          for (const c of body.claims ?? []) await services.coverageClaims.fireDue(c);
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ now: clock.now().toISOString(), checked: fired }));
        } catch (e) {
          res.writeHead(500);
          res.end(String(e instanceof Error ? e.stack : e));
        }
      })();
    });
  });
  control.listen(0, '127.0.0.1', () => {
    const a = control.address();
    console.log(`Clock control on ${typeof a === 'object' && a ? a.port : '?'}`);
    console.log(`\nDaowei is running at http://${config.host}:${config.port}`);
  });

  process.on('SIGTERM', () => {
    void (async () => {
      control.close();
      await app.close();
      await jobs.stop();
      await database.close();
      process.exit(0);
    })();
  });
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
