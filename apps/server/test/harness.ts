import { createHash, randomBytes } from 'node:crypto';
import { createSession, type Database } from '@daowei/db';
import { createTestTenant, openTestDatabase, type TestTenant } from '@daowei/db/testing';
import type { Person, Position } from '@daowei/domain';
import { buildApp, type App } from '../src/app.js';
import { FakeClock } from '../src/platform/clock.js';

export interface Harness {
  app: App;
  database: Database;
  clock: FakeClock;
  t: TestTenant;
  /** A bearer token for this person working in this position (a session row, as login makes). */
  tokenFor(person: Person, position?: Position): Promise<string>;
  close(): Promise<void>;
}

/** Starts the app on a real database (PGlite, or PostgreSQL when DATABASE_URL is set) with its own tenant. */
export async function startHarness(opts: { poolSize?: number } = {}): Promise<Harness> {
  const database = await openTestDatabase(opts);
  const clock = new FakeClock('2026-11-23T02:00:00Z');
  const app = await buildApp({ database, clock });
  const t = await createTestTenant(database.db);
  return {
    app,
    database,
    clock,
    t,
    async tokenFor(person, position) {
      const token = randomBytes(24).toString('base64url');
      await createSession(database.db, person.tenantId, {
        tokenHash: createHash('sha256').update(token).digest('hex'),
        personId: person.id,
        position: position ?? (await firstPosition(person)),
        now: clock.now(),
        expiresAt: new Date(clock.now().getTime() + 3_600_000),
      });
      return token;
    },
    async close() {
      await app.close();
      await database.close();
    },
  };

  async function firstPosition(person: Person): Promise<Position> {
    const { listPositions } = await import('@daowei/db');
    const [p] = await listPositions(database.db, person.tenantId, person.id);
    if (!p) throw new Error(`${person.name} holds no position`);
    return p;
  }
}

/** app.inject with a bearer token and JSON body; returns status and parsed body. */
export async function call(
  app: App,
  token: string | null,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  url: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: any }> {
  const res = await app.inject({
    method,
    url,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    ...(body !== undefined ? { payload: body as object } : {}),
  });
  return { status: res.statusCode, body: res.body ? JSON.parse(res.body) : null };
}
