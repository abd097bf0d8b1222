import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getLoginFailures } from '@daowei/db';
import { DEFAULT_POLICY_PACK } from '@daowei/domain';
import { buildApp, type App } from '../src/app.js';
import { call, givePassword, MINUTE, startHarness, type Harness } from './harness.js';

/**
 * Issue 9 item 5 — security basics on the server: login lockout per account (SEC-03) with the
 * FakeClock, and security headers on every kind of answer.
 */

// A generous per-address rate, so these tests meet the per-account lockout and not the rate limit.
const policy = { ...DEFAULT_POLICY_PACK, loginAttemptsPerMinute: 1000 };
const N = policy.loginLockoutFailures;
const M = policy.loginLockoutMinutes;

describe('login lockout per account (SEC-03)', () => {
  let h: Harness;
  let app: App;
  beforeAll(async () => {
    h = await startHarness();
    app = await buildApp({ database: h.database, clock: h.clock, policy });
  });
  afterAll(async () => {
    await app?.close();
    await h?.close();
  });

  const login = (name: string, password: string) =>
    call(app, null, 'POST', '/api/auth/login', { login: name, password });

  it('SEC-03 the policy pack sets the lockout: 5 failures lock an account for 15 minutes by default', () => {
    expect(DEFAULT_POLICY_PACK.loginLockoutFailures).toBe(5);
    expect(DEFAULT_POLICY_PACK.loginLockoutMinutes).toBe(15);
  });

  it(`SEC-03 after ${N} consecutive failures the account is locked for ${M} minutes, even for the right password; then it opens`, async () => {
    const name = await givePassword(h, h.t.coordinator, 'right-password-1');
    for (let i = 0; i < N; i++) {
      const res = await login(name, `wrong-${i}`);
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('AUTH_INVALID_CREDENTIALS');
    }
    const locked = await login(name, 'right-password-1');
    expect(locked.status).toBe(429);
    expect(locked.body).toMatchObject({ code: 'RATE_LIMITED', details: { retryAfterSeconds: M * 60 } });
    // Another spelling of the same login is the same account.
    expect((await login(` ${name.toUpperCase()} `, 'right-password-1')).status).toBe(429);

    h.clock.advance(M * MINUTE - 1000);
    const almost = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { login: name, password: 'right-password-1' },
    });
    expect(almost.statusCode).toBe(429);
    expect(almost.headers['retry-after']).toBe('1');

    h.clock.advance(1000);
    const open = await login(name, 'right-password-1');
    expect(open.status).toBe(200);
    expect(open.body.token).toEqual(expect.any(String));
    expect(await getLoginFailures(h.database.db, name)).toBeNull(); // a success clears the count
  });

  it('SEC-03 the failures must be consecutive: a successful login resets the count', async () => {
    const name = await givePassword(h, h.t.engineer, 'right-password-2');
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < N - 1; i++) expect((await login(name, 'nope')).status).toBe(401);
      expect((await login(name, 'right-password-2')).status).toBe(200);
    }
  });

  it('SEC-03 a lock that ran out starts the count again from zero', async () => {
    const name = await givePassword(h, h.t.engineer2, 'right-password-3');
    for (let i = 0; i < N; i++) await login(name, 'nope');
    expect((await login(name, 'right-password-3')).status).toBe(429);
    h.clock.advance(M * MINUTE);
    // One more failure after the lock is the first of a new series, not the sixth of the old one.
    expect((await login(name, 'nope')).status).toBe(401);
    expect((await getLoginFailures(h.database.db, name))?.failures).toBe(1);
    expect((await login(name, 'right-password-3')).status).toBe(200);
  });

  it("SEC-03 one account's lock does not touch another account", async () => {
    const victim = await givePassword(h, h.t.hotline, 'right-password-4');
    const other = await givePassword(h, h.t.admin, 'right-password-5');
    for (let i = 0; i < N; i++) await login(victim, 'nope');
    expect((await login(victim, 'right-password-4')).status).toBe(429);
    expect((await login(other, 'right-password-5')).status).toBe(200);
  });

  it('SEC-03 an unknown login locks the same way, so the lockout does not reveal which logins exist', async () => {
    const ghost = `nobody-${h.t.suffix}`;
    const answers = [];
    for (let i = 0; i <= N; i++) answers.push((await login(ghost, 'nope')).status);
    expect(answers).toEqual([...Array<number>(N).fill(401), 429]);
  });
});

describe('security headers on every answer (issue 9 item 5)', () => {
  let h: Harness;
  let token: string;
  beforeAll(async () => {
    h = await startHarness();
    token = await h.tokenFor(h.t.coordinator);
  });
  afterAll(async () => h?.close());

  it('SEC-03 API answers, errors, 404s, the OpenAPI JSON and the Swagger UI page all carry the security headers', async () => {
    const requests = [
      { method: 'GET' as const, url: '/api/me', headers: { authorization: `Bearer ${token}` } },
      { method: 'GET' as const, url: '/api/me' },
      { method: 'GET' as const, url: '/api/no-such-route' },
      {
        method: 'POST' as const,
        url: '/api/auth/login',
        payload: '{',
        headers: { 'content-type': 'application/json' },
      },
      { method: 'GET' as const, url: '/api/work-orders/%E4%B8', headers: { authorization: `Bearer ${token}` } },
      { method: 'GET' as const, url: '/api/docs/json' },
      { method: 'GET' as const, url: '/api/docs/' },
      { method: 'GET' as const, url: '/api/health' },
    ];
    for (const req of requests) {
      const res = await h.app.inject(req);
      const where = `${req.method} ${req.url} → ${res.statusCode}`;
      expect(res.headers['content-security-policy'], where).toMatch(/default-src 'self'/);
      expect(res.headers['content-security-policy'], where).toMatch(/script-src 'self'(;|$)/);
      expect(res.headers['content-security-policy'], where).toMatch(/frame-ancestors 'none'/);
      expect(res.headers['content-security-policy'], where).not.toMatch(/unsafe-eval|upgrade-insecure-requests/);
      expect(res.headers['x-content-type-options'], where).toBe('nosniff');
      expect(res.headers['x-frame-options'], where).toBe('DENY');
      expect(res.headers['strict-transport-security'], where).toMatch(/max-age=\d+/);
      expect(res.headers['referrer-policy'], where).toBe('no-referrer');
      expect(res.headers['cross-origin-opener-policy'], where).toBe('same-origin');
      expect(res.headers['x-powered-by'], where).toBeUndefined();
    }
  });
});
