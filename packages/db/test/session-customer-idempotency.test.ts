import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createSession,
  deleteExpiredSessions,
  deleteSession,
  findCustomerByPhone,
  findOrCreateCustomer,
  findSessionByTokenHash,
  getIdempotentResponse,
  listCustomerProducts,
  saveIdempotentResponse,
  setSessionPosition,
  touchSession,
  upsertCustomerProduct,
  type Database,
  type Db,
} from '../src/index.js';
import { createTestTenant, openTestDatabase, type TestTenant } from '../src/testing/index.js';

let database: Database;
let db: Db;
let t: TestTenant;

beforeAll(async () => {
  database = await openTestDatabase();
  db = database.db;
  t = await createTestTenant(db);
});
afterAll(() => database?.close());

const T0 = new Date('2026-11-23T01:00:00Z');
const minutes = (m: number) => new Date(T0.getTime() + m * 60_000);

describe('sessions', () => {
  it('SEC-03 a session is found by its token hash with its person, touched, switched and deleted', async () => {
    const hash = `h-${t.suffix}-1`;
    const s = await createSession(db, t.tenant.id, {
      tokenHash: hash,
      personId: t.engineer2.id,
      position: 'onsite_engineer',
      now: T0,
      expiresAt: minutes(720),
    });
    const found = await findSessionByTokenHash(db, hash);
    expect(found).toMatchObject({
      session: { id: s.id, position: 'onsite_engineer', lastSeenAt: T0, expiresAt: minutes(720) },
      person: { id: t.engineer2.id, name: t.engineer2.name },
      tenant: { id: t.tenant.id, timeZone: 'Asia/Shanghai' },
    });
    await touchSession(db, t.tenant.id, s.id, { now: minutes(10), expiresAt: minutes(730) });
    await setSessionPosition(db, t.tenant.id, s.id, 'team_lead');
    expect((await findSessionByTokenHash(db, hash))!.session).toMatchObject({
      lastSeenAt: minutes(10),
      expiresAt: minutes(730),
      position: 'team_lead',
    });
    expect(await deleteSession(db, t.tenant.id, s.id)).toBe(true);
    expect(await findSessionByTokenHash(db, hash)).toBeNull();
  });

  it('SEC-03 expired sessions are removed, live ones kept', async () => {
    const mk = (n: number, expiresAt: Date) =>
      createSession(db, t.tenant.id, {
        tokenHash: `h-${t.suffix}-x${n}`,
        personId: t.engineer.id,
        position: 'onsite_engineer',
        now: T0,
        expiresAt,
      });
    await mk(1, new Date('2000-01-01T00:00:00Z'));
    await mk(2, new Date('2999-01-01T00:00:00Z'));
    expect(await deleteExpiredSessions(db, new Date('2001-01-01T00:00:00Z'))).toBeGreaterThanOrEqual(1);
    expect(await findSessionByTokenHash(db, `h-${t.suffix}-x1`)).toBeNull();
    expect(await findSessionByTokenHash(db, `h-${t.suffix}-x2`)).not.toBeNull();
  });
});

describe('customers', () => {
  it('DESK-01 find-or-create by phone returns one customer even when two desks race', async () => {
    const input = { name: '王先生', phone: '139 0000-1111', address: '滨江区 1 号' };
    const [a, b] = await Promise.all([
      db.transaction((tx) => findOrCreateCustomer(tx, t.tenant.id, input)),
      db.transaction((tx) => findOrCreateCustomer(tx, t.tenant.id, { ...input, name: '王' })),
    ]);
    expect(a!.customer.id).toBe(b!.customer.id);
    expect([a!.created, b!.created].sort()).toEqual([false, true]);
    expect(await findCustomerByPhone(db, t.tenant.id, '13900001111')).toMatchObject({
      id: a!.customer.id,
      phone: '13900001111',
    });
    // Another tenant's customer with the same phone is another customer.
    const other = await createTestTenant(db);
    const c = await findOrCreateCustomer(db, other.tenant.id, input);
    expect(c.created).toBe(true);
    expect(c.customer.id).not.toBe(a!.customer.id);
  });

  it('WO-02 a customer’s products are recorded once and their details filled in later', async () => {
    const base = { customerId: t.customer.id, product: 'broadband', productNumber: 'BB77' };
    await upsertCustomerProduct(db, t.tenant.id, base);
    await upsertCustomerProduct(db, t.tenant.id, { ...base, productModel: 'HG8245', warranty: 'in_warranty' });
    await upsertCustomerProduct(db, t.tenant.id, base);
    expect(await listCustomerProducts(db, t.tenant.id, t.customer.id)).toEqual([
      expect.objectContaining({ ...base, productModel: 'HG8245', warranty: 'in_warranty', purchaseDate: null }),
    ]);
  });
});

describe('idempotency keys', () => {
  it('ENG-07 the first answer for a key is kept; a repeat cannot overwrite it', async () => {
    const key = { personId: t.engineer.id, key: 'k-1', requestHash: 'r1' };
    expect(await getIdempotentResponse(db, t.tenant.id, t.engineer.id, 'k-1')).toBeNull();
    expect(
      await saveIdempotentResponse(db, t.tenant.id, { ...key, response: { order: { id: 'x' } }, statusCode: 200 }),
    ).toBe(true);
    expect(await saveIdempotentResponse(db, t.tenant.id, { ...key, response: { other: true }, statusCode: 409 })).toBe(
      false,
    );
    expect(await getIdempotentResponse(db, t.tenant.id, t.engineer.id, 'k-1')).toMatchObject({
      requestHash: 'r1',
      response: { order: { id: 'x' } },
      statusCode: 200,
    });
    // Keys are per person: a colleague's identical key is a different request.
    expect(await getIdempotentResponse(db, t.tenant.id, t.engineer2.id, 'k-1')).toBeNull();
    expect(
      await saveIdempotentResponse(db, t.tenant.id, {
        personId: t.engineer.id,
        key: 'k-204',
        requestHash: 'r',
        response: undefined,
        statusCode: 204,
      }),
    ).toBe(true);
    expect(await getIdempotentResponse(db, t.tenant.id, t.engineer.id, 'k-204')).toMatchObject({
      response: null,
      statusCode: 204,
    });
  });
});
