import { join } from 'node:path';
import { analyzeDatabase, openDatabase, migrate, hasAnyTenant, seedDemoData, DEMO_ACCOUNTS } from '@daowei/db';
import { buildApp } from './app.js';
import { buildMarkedKpiSpans } from './jobs/kpi.jobs.js';
import { registerMaintenanceJobs } from './jobs/maintenance.jobs.js';
import { systemClock } from './platform/clock.js';
import { startJobQueue } from './platform/jobs.js';
import { readConfig } from './platform/config.js';
import { hashPassword } from './features/auth/password.js';

/**
 * `npm start`: one process, the embedded database in ./data by default (DATABASE_URL for a
 * PostgreSQL server), migrations applied, demo data on first start unless --no-demo.
 */
async function main(): Promise<void> {
  const config = readConfig();
  // Opening an embedded database takes an exclusive lock on its folder: PGlite has no lock between
  // processes, and a second server on the same folder would corrupt it (DATA_DIR_LOCKED).
  const database = await openDatabase(
    config.databaseUrl ? { url: config.databaseUrl } : { dataDir: join(config.dataDir, 'pglite') },
  );
  await migrate(database);
  let demo = false;
  if (config.loadDemo && !(await hasAnyTenant(database.db))) {
    console.log('Loading demo data (first start)…');
    await seedDemoData(database.db, {
      seed: config.demoSeed,
      orders: config.demoOrders,
      passwordHash: await hashPassword('daowei123'),
    });
    await buildMarkedKpiSpans(database.db);
    demo = true;
  }
  await analyzeDatabase(database.db);
  const jobs = await startJobQueue(database);
  await registerMaintenanceJobs(jobs, database.db, systemClock);
  const app = await buildApp({ database, jobs, webDist: config.webDist, logger: { level: config.logLevel } });
  await app.listen({ host: config.host, port: config.port });
  const url = `http://${config.host}:${config.port}`;
  console.log(`\nDaowei is running at ${url}  (API docs: ${url}/api/docs)`);
  console.log(`Database: ${config.databaseUrl ? 'PostgreSQL server' : `embedded PGlite in ${config.dataDir}`}`);
  if (demo || config.loadDemo) {
    console.log('Demo accounts (password daowei123):');
    for (const a of DEMO_ACCOUNTS) console.log(`  ${a.login.padEnd(14)} ${a.description}`);
  }

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping…`);
    await app.close();
    await jobs.stop();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((err: unknown) => {
  const e = err as { code?: string; message?: string };
  console.error(e.code === 'DATA_DIR_LOCKED' ? e.message : err);
  process.exit(1);
});
