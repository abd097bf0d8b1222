import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, givePassword, orderBody, startHarness, tokensOf, type Harness, type Tokens } from './harness.js';

/**
 * Issue 9 item 5, CSRF: sessions travel only as `Authorization: Bearer` (the web app keeps the token
 * in memory/storage and sets the header itself). A browser attaches cookies to a forged cross-site
 * request but never an Authorization header, so a cookie holding a valid token must not authorise
 * anything — that is what makes CSRF inapplicable (docs/reliability.md). Login sets no cookie.
 */
describe('session transport (SEC-03, CSRF)', () => {
  let h: Harness;
  let tk: Tokens;
  beforeAll(async () => {
    h = await startHarness();
    tk = await tokensOf(h);
  });
  afterAll(async () => h?.close());

  it('SEC-03 a valid session token sent as a cookie alone authorises no write and no read', async () => {
    const asCookie = (url: string, method: 'GET' | 'POST', payload?: object) =>
      h.app.inject({
        method,
        url,
        headers: { cookie: `token=${tk.hotline}; session=${tk.hotline}; daowei_session=${tk.hotline}` },
        ...(payload ? { payload } : {}),
      });
    const write = await asCookie('/api/work-orders', 'POST', orderBody(h, 'fault'));
    expect(write.statusCode).toBe(401);
    expect(JSON.parse(write.body).code).toBe('UNAUTHENTICATED');
    expect((await asCookie('/api/work-orders', 'GET')).statusCode).toBe(401);
    // The same token as a bearer header works: the refusal above is about the transport, not the token.
    expect((await call(h.app, tk.hotline, 'POST', '/api/work-orders', orderBody(h, 'fault'))).status).toBe(201);
  });

  it('SEC-03 login answers the token in the body and sets no cookie', async () => {
    const login = await givePassword(h, h.t.coordinator, 'correct horse 9');
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { login, password: 'correct horse 9' },
    });
    expect(res.statusCode).toBe(200);
    expect(typeof JSON.parse(res.body).token).toBe('string');
    expect(res.headers['set-cookie']).toBeUndefined();
  });
});
