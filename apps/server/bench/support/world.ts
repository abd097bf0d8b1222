import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { createSession, type Db } from '@daowei/db';
import { createTestPerson, createTestTenant, type TestTenant } from '@daowei/db/testing';
import { DEFAULT_POLICY_PACK, type Person, type Position } from '@daowei/domain';

/**
 * A tenant for the scripts that drive a real server process (crash:test, bench:load): one vendor
 * branch with as many engineers and desk agents as asked, a parts clerk, a station store holding a
 * bulk item, and a bearer token per person. People and sessions are direct inserts (the fast way to
 * 500 engineers; login itself is measured by bench:api); everything else goes through the API.
 */
export interface World {
  t: TestTenant;
  tokens: { hotline: string; coordinator: string; clerk: string };
  engineers: { person: Person; token: string }[];
  desk: { person: Person; token: string }[];
  parts: { storeId: string; itemId: string };
}

const HOUR = 3_600_000;

async function sessionFor(db: Db, person: Person, position: Position): Promise<string> {
  const token = randomBytes(24).toString('base64url');
  const now = new Date();
  await createSession(db, person.tenantId, {
    tokenHash: createHash('sha256').update(token).digest('hex'),
    personId: person.id,
    position,
    now,
    // Long enough for a bounded run; idle expiry is the policy's (SEC-03) and is tested elsewhere.
    expiresAt: new Date(now.getTime() + Math.max(DEFAULT_POLICY_PACK.sessionIdleMinutes * 60_000, 2 * HOUR)),
  });
  return token;
}

export async function post(url: string, token: string, path: string, body: unknown): Promise<Record<string, unknown>> {
  const res = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${path}: ${res.status} ${text}`);
  return JSON.parse(text) as Record<string, unknown>;
}

export async function createWorld(
  db: Db,
  url: string,
  opts: { engineers: number; deskAgents?: number; stock?: number },
): Promise<World> {
  const t = await createTestTenant(db);
  const tenantId = t.tenant.id;
  const person = (name: string, unitId: string, positions: Position[]) =>
    createTestPerson(db, tenantId, { name, unitId, positions, suffix: t.suffix });
  const clerkPerson = await person('clerk', t.units.station.id, ['parts_clerk']);
  const engineers: World['engineers'] = [];
  for (let i = 0; i < opts.engineers; i++) {
    const p = i === 0 ? t.engineer : await person(`eng${i}`, t.units.team.id, ['onsite_engineer']);
    engineers.push({ person: p, token: await sessionFor(db, p, 'onsite_engineer') });
  }
  const desk: World['desk'] = [];
  for (let i = 0; i < (opts.deskAgents ?? 0); i++) {
    const p = i === 0 ? t.hotline : await person(`desk${i}`, t.operatorUnit.id, ['hotline_agent']);
    desk.push({ person: p, token: await sessionFor(db, p, 'hotline_agent') });
  }
  const tokens = {
    hotline: await sessionFor(db, t.hotline, 'hotline_agent'),
    coordinator: await sessionFor(db, t.coordinator, 'coordinator'),
    clerk: await sessionFor(db, clerkPerson, 'parts_clerk'),
  };
  const s = randomUUID().slice(0, 6);
  const item = await post(url, tokens.clerk, '/api/parts/items', {
    code: `CABLE-${s}`,
    name: '皮线光缆',
    category: 'cable',
    tracking: 'bulk',
    unitOfMeasure: 'm',
  });
  const store = await post(url, tokens.clerk, '/api/parts/locations', {
    kind: 'station',
    name: '站库',
    unitId: t.units.station.id,
  });
  const parts = { storeId: store.id as string, itemId: item.id as string };
  await post(url, tokens.clerk, '/api/parts/receipts', {
    locationId: parts.storeId,
    itemId: parts.itemId,
    quantity: opts.stock ?? 100_000,
  });
  return { t, tokens, engineers, desk, parts };
}

/** A fault order body in the world's area (the fields a fault needs, WO-02). */
export function faultOrderBody(w: World, n: number): Record<string, unknown> {
  const suffix = randomUUID().slice(0, 8);
  return {
    type: 'fault',
    acceptanceSerial: `BSS-${suffix}`,
    product: 'broadband',
    business: 'home broadband',
    productNumber: `BB-${suffix}`,
    customer: {
      name: `客户${n}`,
      phone: `137${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`,
      address: `望京街道 ${n} 号`,
    },
    areaId: w.t.area.id,
    faultDescription: 'No internet since this morning',
  };
}
