import { openDatabase } from '@daowei/db';
import { DEFAULT_POLICY_PACK } from '@daowei/domain';
import { createScratchDatabase, startServer, type ServerProcess } from '../support/server-process.js';
import { createWorld, faultOrderBody, post, type World } from '../support/world.js';
import { checkCrashConsistency, type OutageTimer, type Verdict } from './checker.js';
import { createDriver, type DriverStats, type Target } from './driver.js';

/**
 * Issue 9 item 3, crash consistency: the real server on a fresh PostgreSQL database, engineers working
 * orders through it, SIGKILL at seeded random moments, restart, resend what was cut, and at the end the
 * checker's verdict. Before each kill an order gets an appointment whose SLA-07 "arrive 5 min early"
 * deadline falls inside the coming outage, so its breach timer is due while no server runs.
 */
export interface CrashProfile {
  seed: number;
  /** Engineers working at once (one more takes the timer orders). */
  engineers: number;
  ordersPerEngineer: number;
  kills: number;
  /** The server runs this long (seeded uniform) before each kill. */
  upMs: [number, number];
  /** Pause between the kill and the restart. */
  downMs: number;
  timersPerOutage: number;
  pgServer?: string;
  log?: (line: string) => void;
}

export const SHORT_PROFILE: CrashProfile = {
  seed: 9,
  engineers: 4,
  ordersPerEngineer: 6,
  kills: 2,
  upMs: [1_500, 3_500],
  downMs: 1_000,
  timersPerOutage: 1,
};

export const FULL_PROFILE: CrashProfile = {
  seed: 20261206,
  engineers: 10,
  ordersPerEngineer: 12,
  kills: 5,
  upMs: [2_000, 6_000],
  downMs: 1_500,
  timersPerOutage: 2,
};

export interface CrashReport {
  profile: CrashProfile;
  verdict: Verdict;
  kills: { killedAt: number; readyAt: number; downMs: number }[];
  resent: number;
  refused: DriverStats['refused'];
  serverErrors: number;
  timersInOutage: number;
  timersNotInOutage: number;
  seconds: number;
}

/** mulberry32: a small seeded generator, so a failing run can be repeated exactly. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** The policy's SLA-07 lead: the arrive-early deadline is this long before the window starts. */
const ARRIVE_EARLY_MS = DEFAULT_POLICY_PACK.sla.appointment.arriveEarlyMinutes * 60_000;

/** An order taken by the timer engineer, ready for an appointment. */
async function takenTimerOrder(url: string, w: World, n: number): Promise<string> {
  const eng = w.engineers.at(-1)!;
  const created = await post(url, w.tokens.hotline, '/api/work-orders', faultOrderBody(w, n));
  const id = (created.order as { id: string }).id;
  await post(url, w.tokens.coordinator, `/api/work-orders/${id}/actions/dispatch`, {
    toPersonId: eng.person.id,
    remark: 'timer',
  });
  await post(url, eng.token, `/api/work-orders/${id}/actions/take`, {});
  return id;
}

/** SLA-07: the appointment starts 5 min after `dueAt`, so the arrive-early clock is due at `dueAt`. */
async function appointSoAsToBeDueAt(url: string, w: World, id: string, dueAt: number): Promise<void> {
  const start = new Date(dueAt + ARRIVE_EARLY_MS);
  await post(url, w.engineers.at(-1)!.token, `/api/work-orders/${id}/actions/confirm_appointment`, {
    window: { start: start.toISOString(), end: new Date(start.getTime() + 2 * 3_600_000).toISOString() },
  });
}

export async function runCrashTest(profile: CrashProfile): Promise<CrashReport> {
  const log = profile.log ?? (() => undefined);
  const random = rng(profile.seed);
  const started = Date.now();
  const scratch = await createScratchDatabase(profile.pgServer, 'daowei_crash');
  let server: ServerProcess | null = null;
  try {
    server = await startServer({ databaseUrl: scratch.url });
    const port = Number(new URL(server.url).port);
    log(`server up on ${server.url} (db ${scratch.name})`);
    const database = await openDatabase({ url: scratch.url, poolSize: 2 });
    const world = await createWorld(database.db, server.url, { engineers: profile.engineers + 1 });
    await database.close();

    const target: Target = { url: server.url };
    const stats: DriverStats = { acks: [], resent: 0, refused: [], serverErrors: 0 };
    const driver = createDriver(target, world, stats);
    let n = 0;
    const workers = world.engineers.slice(0, profile.engineers).map(async (eng) => {
      for (let i = 0; i < profile.ordersPerEngineer; i++) {
        const orderId = await driver.prepareOrder(++n, eng.person.id);
        if (orderId) await driver.work(eng, orderId, random() < 0.7);
      }
    });

    const timers: OutageTimer[] = [];
    const kills: CrashReport['kills'] = [];
    let timersNotInOutage = 0;
    for (let k = 0; k < profile.kills; k++) {
      const upMs = profile.upMs[0] + random() * (profile.upMs[1] - profile.upMs[0]);
      const ready: string[] = [];
      for (let i = 0; i < profile.timersPerOutage; i++) {
        ready.push(await takenTimerOrder(server.url, world, 10_000 + k * 10 + i));
      }
      const plannedKill = Date.now() + upMs;
      const dueAt = plannedKill + 1_000 + random() * 500;
      const pending: { orderId: string; dueAt: number }[] = [];
      for (const orderId of ready) {
        await appointSoAsToBeDueAt(server.url, world, orderId, dueAt);
        pending.push({ orderId, dueAt });
      }
      await sleep(Math.max(0, plannedKill - Date.now()));
      const killedAt = Date.now();
      await server.kill();
      log(`kill ${k + 1}/${profile.kills} after ${Math.round(upMs)} ms; ${stats.acks.length} acknowledged so far`);
      await sleep(profile.downMs);
      const respawnedAt = Date.now();
      server = await startServer({ databaseUrl: scratch.url, port });
      target.url = server.url;
      kills.push({ killedAt, readyAt: server.readyAt, downMs: server.readyAt - killedAt });
      log(`restarted in ${server.readyAt - respawnedAt} ms (down ${server.readyAt - killedAt} ms)`);
      for (const p of pending) {
        // Only a deadline that passed while no server ran counts; one that a slow kill let fire first doesn't.
        if (p.dueAt > killedAt && p.dueAt < server.readyAt) {
          timers.push({ ...p, killedAt, respawnedAt, readyAt: server.readyAt });
        } else timersNotInOutage += 1;
      }
    }
    await Promise.all(workers);
    log(`load finished: ${stats.acks.length} acknowledged, ${stats.resent} resent after a kill`);

    // Timers run on pg-boss's polling; give the last ones a bounded wait.
    const deadline = Date.now() + 20_000;
    let verdict = await checkCrashConsistency(scratch.url, world.t.tenant.id, stats.acks, timers);
    while (!verdict.ok && verdict.problems.every((p) => p.includes('fired 0 times')) && Date.now() < deadline) {
      await sleep(1_000);
      verdict = await checkCrashConsistency(scratch.url, world.t.tenant.id, stats.acks, timers);
    }
    if (stats.refused.length > 0) {
      verdict.ok = false;
      verdict.problems.push(...stats.refused.map((r) => `refused ${r.step}: ${r.status} ${r.body}`));
    }
    if (stats.serverErrors > 0) {
      verdict.ok = false;
      verdict.problems.push(`${stats.serverErrors} answers were 5xx`);
    }
    return {
      profile: { ...profile, log: undefined },
      verdict,
      kills,
      resent: stats.resent,
      refused: stats.refused,
      serverErrors: stats.serverErrors,
      timersInOutage: timers.length,
      timersNotInOutage,
      seconds: (Date.now() - started) / 1000,
    };
  } catch (e) {
    if (server) log(server.tail());
    throw e;
  } finally {
    await server?.stop().catch(() => undefined);
    await scratch.drop().catch((e: unknown) => log(`could not drop ${scratch.name}: ${String(e)}`));
  }
}
