import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { createSession, listPositions, updatePasswordHash, type Database } from '@daowei/db';
import { createTestTenant, openTestDatabase, type TestTenant } from '@daowei/db/testing';
import { DEFAULT_POLICY_PACK, type Person, type Position, type WorkOrderType } from '@daowei/domain';
import { buildApp, type App } from '../src/app.js';
import { hashPassword } from '../src/features/auth/password.js';
import { FakeClock } from '../src/platform/clock.js';
import { startJobQueue, type JobQueue, type JobQueueOptions } from '../src/platform/jobs.js';

export const policy = DEFAULT_POLICY_PACK;
export const MINUTE = 60_000;
export const DAY = 86_400_000;

export interface Harness {
  app: App;
  database: Database;
  clock: FakeClock;
  t: TestTenant;
  /** The job queue, when the harness was started with `jobs` (SLA timer tests). */
  jobs: JobQueue | null;
  /** A bearer token for this person working in this position (a session row, as login makes). */
  tokenFor(person: Person, position?: Position): Promise<string>;
  close(): Promise<void>;
}

/** Starts the app on a real database (PGlite, or PostgreSQL when DATABASE_URL is set) with its own tenant. */
export async function startHarness(opts: { poolSize?: number; jobs?: JobQueueOptions } = {}): Promise<Harness> {
  const database = await openTestDatabase(opts);
  const clock = new FakeClock('2026-11-23T02:00:00Z');
  const jobs = opts.jobs ? await startJobQueue(database, opts.jobs) : null;
  const app = await buildApp({ database, clock, ...(jobs ? { jobs } : {}) });
  const t = await createTestTenant(database.db);
  return {
    app,
    database,
    clock,
    t,
    jobs,
    async tokenFor(person, position) {
      const token = randomBytes(24).toString('base64url');
      await createSession(database.db, person.tenantId, {
        tokenHash: createHash('sha256').update(token).digest('hex'),
        personId: person.id,
        position: position ?? (await firstPosition(person)),
        now: clock.now(),
        expiresAt: new Date(clock.now().getTime() + policy.sessionIdleMinutes * MINUTE),
      });
      return token;
    },
    async close() {
      await app.close();
      await jobs?.stop();
      await database.close();
    },
  };

  async function firstPosition(person: Person): Promise<Position> {
    const [p] = await listPositions(database.db, person.tenantId, person.id);
    if (!p) throw new Error(`${person.name} holds no position`);
    return p;
  }
}

/** Response bodies are JSON of many shapes; tests read them as a user of the API would. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Body = any;

export interface Answer {
  status: number;
  body: Body;
}

/** app.inject with a bearer token and JSON body; returns status and parsed body. */
export async function call(
  app: App,
  token: string | null,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  url: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const res = await app.inject({
    method,
    url,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    ...(body !== undefined ? { payload: body as object } : {}),
  });
  return { status: res.statusCode, body: res.body ? JSON.parse(res.body) : null };
}

/** Tokens of the test tenant's people, each in their first position (engineer2: onsite_engineer). */
export interface Tokens {
  admin: string;
  hotline: string;
  coordinator: string;
  engineer: string;
  engineer2: string;
}

export async function tokensOf(h: Harness): Promise<Tokens> {
  const { admin, hotline, coordinator, engineer, engineer2 } = h.t;
  const [a, ho, c, e, e2] = await Promise.all(
    [admin, hotline, coordinator, engineer, engineer2].map((p) => h.tokenFor(p)),
  );
  return { admin: a!, hotline: ho!, coordinator: c!, engineer: e!, engineer2: e2! };
}

/** Sets a real argon2 password on a test person; returns their login. */
export async function givePassword(h: Harness, person: Person, password: string): Promise<string> {
  await updatePasswordHash(h.database.db, person.tenantId, person.id, await hashPassword(password));
  return person.login;
}

/** A distinct mobile number per call, so each test's customer is its own. */
export function newPhone(): string {
  return `138${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
}

/** A create body (docs/api.md) with the fields this type requires (WO-02); override what the test is about. */
export function orderBody(h: Harness, type: WorkOrderType = 'fault', over: Record<string, unknown> = {}): Body {
  const suffix = randomUUID().slice(0, 8);
  const base = {
    type,
    acceptanceSerial: `BSS-${suffix}`,
    product: 'broadband',
    business: 'home broadband',
    productNumber: `BB-${suffix}`,
    customer: { name: '王先生', phone: newPhone(), address: '望京街道 1 号 2-301' },
    areaId: h.t.area.id,
  };
  const perType: Record<WorkOrderType, Record<string, unknown>> = {
    install: {
      business: 'new line',
      broadband: { bandwidthMbps: 500, tariff: '500M 家庭套餐', accessMethod: 'FTTH', cooperationMode: 'self-run' },
    },
    fault: { faultDescription: 'No internet since this morning' },
    complaint: { business: 'service complaint', faultDescription: 'Engineer did not come at the agreed time' },
    inspection: { product: 'gas meter', business: 'annual safety inspection' },
    care_visit: { product: 'home care', business: 'weekly visit' },
    carry_in: { product: 'laptop', business: 'repair', productModel: 'ThinkPad X1 Carbon' },
    consultation: { business: 'tariff question' },
    paid_service: { product: 'PC', business: 'software installation' },
  };
  return { ...base, ...perType[type], ...over };
}

/** POST /api/work-orders that must succeed; returns the detail. */
export async function createOrderVia(
  h: Harness,
  token: string,
  type: WorkOrderType = 'fault',
  over: Record<string, unknown> = {},
): Promise<Body> {
  const res = await call(h.app, token, 'POST', '/api/work-orders', orderBody(h, type, over));
  if (res.status !== 201) throw new Error(`create ${type}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** POST /api/work-orders/:id/actions/:action. */
export function act(
  h: Harness,
  token: string,
  id: string,
  action: string,
  body: unknown = {},
  headers: Record<string, string> = {},
): Promise<Answer> {
  return call(h.app, token, 'POST', `/api/work-orders/${id}/actions/${action}`, body, headers);
}

/** An action that must succeed; returns the detail. */
export async function actOk(h: Harness, token: string, id: string, action: string, body: unknown = {}): Promise<Body> {
  const res = await act(h, token, id, action, body);
  if (res.status !== 200) throw new Error(`${action}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export const dispatchToPool = (h: Harness, coordinator: string, id: string) =>
  actOk(h, coordinator, id, 'dispatch', { toUnitId: h.t.units.team.id, remark: 'team pool' });

export const dispatchToPerson = (h: Harness, coordinator: string, id: string, personId: string) =>
  actOk(h, coordinator, id, 'dispatch', { toPersonId: personId, remark: 'yours' });

export const completeBody = (outcome: Record<string, unknown> = { kind: 'done' }, handlingMinutes = 45) => ({
  customerContacted: true,
  handlingMinutes,
  remark: 'done on site',
  outcome,
});

/** ENG-05: what an engineer found on site; a visited fault completes only once it is recorded. */
export const diagnosisBody = (over: Record<string, unknown> = {}) => ({
  symptomReproduced: 'yes',
  observedMinutes: 10,
  causeCategory: 'ours',
  finding: 'Connector at the splitter loose; re-terminated',
  ...over,
});

/** ENG-05: records the diagnosis of the visit (the order must be on site); returns the diagnosis view. */
export async function diagnoseOk(h: Harness, token: string, id: string, over: Record<string, unknown> = {}) {
  const res = await call(h.app, token, 'POST', `/api/work-orders/${id}/diagnosis`, diagnosisBody(over));
  if (res.status !== 201) throw new Error(`diagnosis: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as Body;
}

/** GET /api/work-orders/:id that must succeed. */
export async function getOrder(h: Harness, token: string, id: string): Promise<Body> {
  const res = await call(h.app, token, 'GET', `/api/work-orders/${id}`);
  if (res.status !== 200) throw new Error(`get ${id}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Every order of a list query, following nextCursor to the end. */
export async function listAll(h: Harness, token: string, query: Record<string, string> = {}, limit = 100) {
  const items: Body[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 1000; page++) {
    const qs = new URLSearchParams({ ...query, limit: String(limit), ...(cursor ? { cursor } : {}) });
    const res = await call(h.app, token, 'GET', `/api/work-orders?${qs}`);
    if (res.status !== 200) throw new Error(`list: ${res.status} ${JSON.stringify(res.body)}`);
    items.push(...res.body.items);
    cursor = res.body.nextCursor;
    if (!cursor) return items;
  }
  throw new Error('list never ended');
}

export const ids = (items: readonly Body[]): string[] => items.map((o) => o.id as string);
export const actions = (detail: Body): string[] => detail.events.map((e: Body) => e.action as string);
