import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  createOrderVia,
  dispatchToPool,
  givePassword,
  MINUTE,
  policy,
  startHarness,
  type Harness,
} from './harness.js';

const PASSWORD = 'Correct-Horse-7';

describe('auth and sessions over HTTP', () => {
  let h: Harness;
  let login: string;
  beforeAll(async () => {
    h = await startHarness();
    login = await givePassword(h, h.t.engineer, PASSWORD);
  });
  afterAll(async () => h?.close());

  // Each login comes from its own address unless a test says otherwise, so only the rate-limit test
  // counts against the per-client limit.
  let client = 0;
  const nextAddress = () => `10.1.${Math.floor(++client / 250)}.${client % 250}`;
  const logIn = (loginName: string, password: string, remoteAddress = nextAddress()) =>
    h.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: loginName, password }, remoteAddress });

  it('SEC-03 login with the right argon2 password answers a token that works on /api/me', async () => {
    const res = await logIn(login, PASSWORD);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.token).toMatch(/^[A-Za-z0-9_-]{32,}$/);
    expect(new Date(body.expiresAt).getTime()).toBe(h.clock.now().getTime() + policy.sessionIdleMinutes * MINUTE);
    expect(body.me.person).toMatchObject({ id: h.t.engineer.id, name: h.t.engineer.name });
    expect(body.me.position).toBe('onsite_engineer');
    const me = await call(h.app, body.token, 'GET', '/api/me');
    expect(me.status).toBe(200);
    expect(me.body.person.id).toBe(h.t.engineer.id);
    expect(me.body.tenant.id).toBe(h.t.tenant.id);
  });

  it('SEC-03 the login name is matched regardless of case and surrounding spaces', async () => {
    const res = await logIn(`  ${login.toUpperCase()} `, PASSWORD);
    expect(res.statusCode, res.body).toBe(200);
  });

  it('SEC-03 a wrong password and an unknown login get the same 401 AUTH_INVALID_CREDENTIALS body', async () => {
    const wrong = await logIn(login, 'not-the-password');
    const unknown = await logIn(`nobody-${h.t.suffix}`, PASSWORD);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual({ code: 'AUTH_INVALID_CREDENTIALS', message: expect.any(String) });
    expect(unknown.body).toBe(wrong.body);
  });

  it('SEC-03 a person without a real password (placeholder hash) cannot log in', async () => {
    const res = await logIn(h.t.coordinator.login, 'not-a-real-hash');
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('AUTH_INVALID_CREDENTIALS');
  });

  it('SEC-03 a blank login is refused as a validation error naming the field', async () => {
    const res = await logIn('   ', PASSWORD);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'body.login' } });
  });

  it('SEC-03 requests without a token, or with an unknown one, are 401 UNAUTHENTICATED', async () => {
    expect((await call(h.app, null, 'GET', '/api/me')).body.code).toBe('UNAUTHENTICATED');
    const bogus = await call(h.app, 'no-such-token', 'GET', '/api/work-orders');
    expect(bogus.status).toBe(401);
    expect(bogus.body.code).toBe('UNAUTHENTICATED');
  });

  it('SEC-03 a session idle longer than the policy allows answers 401 AUTH_SESSION_EXPIRED', async () => {
    const { token } = (await logIn(login, PASSWORD)).json();
    h.clock.advance(policy.sessionIdleMinutes * MINUTE - MINUTE);
    expect((await call(h.app, token, 'GET', '/api/me')).status).toBe(200);
    // The use above slid the expiry: a full idle period from now, plus a moment, is too long.
    h.clock.advance(policy.sessionIdleMinutes * MINUTE + 1);
    const expired = await call(h.app, token, 'GET', '/api/me');
    expect(expired.status).toBe(401);
    expect(expired.body.code).toBe('AUTH_SESSION_EXPIRED');
    // The expired session is gone for good: the next try is simply unauthenticated.
    expect((await call(h.app, token, 'GET', '/api/me')).body.code).toBe('UNAUTHENTICATED');
  });

  it('SEC-03 sliding expiry: a session used regularly outlives the idle period many times over', async () => {
    const { token } = (await logIn(login, PASSWORD)).json();
    const step = (policy.sessionIdleMinutes * MINUTE * 2) / 3;
    for (let i = 0; i < 5; i++) {
      h.clock.advance(step);
      const me = await call(h.app, token, 'GET', '/api/me');
      expect(me.status, `use ${i + 1}`).toBe(200);
    }
  });

  it('SEC-03 logout ends the session: the token stops working', async () => {
    const { token } = (await logIn(login, PASSWORD)).json();
    const out = await call(h.app, token, 'POST', '/api/auth/logout');
    expect(out.status).toBe(204);
    const me = await call(h.app, token, 'GET', '/api/me');
    expect(me.status).toBe(401);
    expect(me.body.code).toBe('UNAUTHENTICATED');
  });

  it('SEC-03 login attempts beyond the policy rate per client answer 429 RATE_LIMITED; other clients are unaffected', async () => {
    const addr = '10.9.8.7'; // only this test logs in from here
    // A different unknown login each time, so the per-account lockout (security.test.ts) stays out of it.
    for (let i = 0; i < policy.loginAttemptsPerMinute; i++) {
      const res = await logIn(`${login}-nobody-${i}`, `wrong-${i}`, addr);
      expect(res.statusCode, `attempt ${i + 1}`).toBe(401);
    }
    const limited = await logIn(login, PASSWORD, addr);
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toEqual({ code: 'RATE_LIMITED', message: expect.any(String) });
    const elsewhere = await logIn(login, PASSWORD, '10.9.8.8');
    expect(elsewhere.statusCode).toBe(200);
  });

  it('SEC-03 malformed JSON is a 400 naming the body, with no parser internals', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: nextAddress(),
      headers: { 'content-type': 'application/json' },
      payload: '{"login": "x", "password": ',
    });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'body' } });
    expect(res.body).not.toMatch(/\bat\s+\S+\s+\(|node_modules|stack/i);
  });

  it('SEC-03 an unknown route answers the error shape, not a framework page', async () => {
    const res = await call(h.app, await h.tokenFor(h.t.admin), 'GET', '/api/no-such-thing');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ code: 'NOT_FOUND', message: expect.any(String) });
  });

  it('ORG-02 switching to a held position changes /api/me and what the person may do', async () => {
    // engineer2 holds onsite_engineer and team_lead, and starts in onsite_engineer.
    const token = await h.tokenFor(h.t.engineer2, 'onsite_engineer');
    const order = await createOrderVia(h, await h.tokenFor(h.t.hotline), 'fault');
    const id = order.order.id;
    expect((await call(h.app, token, 'GET', `/api/work-orders/${id}`)).status).toBe(404);
    const dispatchAsEngineer = await call(h.app, token, 'POST', `/api/work-orders/${id}/actions/dispatch`, {
      toUnitId: h.t.units.team.id,
      remark: 'pool',
    });
    // An on-site engineer sees only orders offered to or held by them: this one is not even there.
    expect(dispatchAsEngineer.status).toBe(404);
    expect(dispatchAsEngineer.body.code).toBe('NOT_FOUND');

    const switched = await call(h.app, token, 'PUT', '/api/me/position', { position: 'team_lead' });
    expect(switched.status).toBe(200);
    expect(switched.body.position).toBe('team_lead');
    expect(switched.body.positions).toEqual(['onsite_engineer', 'team_lead']);
    expect((await call(h.app, token, 'GET', '/api/me')).body.position).toBe('team_lead');

    // As team lead the order of the vendor is visible and may be dispatched.
    const seen = await call(h.app, token, 'GET', `/api/work-orders/${id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.actions).toContain('dispatch');
    await dispatchToPool(h, token, id);
  });

  it('ORG-02 switching to a position not held is 403 ORG_POSITION_NOT_HELD and changes nothing', async () => {
    const token = await h.tokenFor(h.t.engineer, 'onsite_engineer');
    const res = await call(h.app, token, 'PUT', '/api/me/position', { position: 'admin' });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('ORG_POSITION_NOT_HELD');
    expect((await call(h.app, token, 'GET', '/api/me')).body.position).toBe('onsite_engineer');
    const bogus = await call(h.app, token, 'PUT', '/api/me/position', { position: 'emperor' });
    expect(bogus.status).toBe(400);
    expect(bogus.body.details.field).toBe('body.position');
  });
});

describe('no stack traces to clients', () => {
  it('SEC-03 an internal failure (database gone) answers exactly { code: INTERNAL, message }', async () => {
    const h = await startHarness();
    const token = await h.tokenFor(h.t.hotline);
    expect((await call(h.app, token, 'GET', '/api/work-orders')).status).toBe(200);
    await h.database.close();
    try {
      for (const [method, url] of [
        ['GET', '/api/work-orders'],
        ['GET', '/api/me'],
      ] as const) {
        const res = await h.app.inject({ method, url, headers: { authorization: `Bearer ${token}` } });
        expect(res.statusCode, url).toBe(500);
        expect(res.json(), url).toEqual({ code: 'INTERNAL', message: 'Internal error' });
      }
      const login = await h.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { login: h.t.hotline.login, password: 'x' },
      });
      expect(login.statusCode).toBe(500);
      expect(login.json()).toEqual({ code: 'INTERNAL', message: 'Internal error' });
    } finally {
      await h.app.close();
    }
  });
});
