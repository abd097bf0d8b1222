import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchBrowser, type Browser } from './support/browser.js';
import { startServer, type RunningServer } from './support/server.js';

/**
 * Issue 9 item 5: the Content-Security-Policy and the other security headers the server sends
 * (apps/server/src/http/security-headers.ts) must not break the built web app or the Swagger UI.
 * Both are loaded in Debian's Chromium; any CSP violation the browser reports fails the test.
 */
describe('security headers in the browser', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer({ DAOWEI_DEMO_ORDERS: '50' });
    browser = await launchBrowser();
    // Pages run in the browser, so this is a string (the e2e code is compiled without the DOM types).
    await browser.context.addInitScript({
      content: `window.__csp = [];
        document.addEventListener('securitypolicyviolation', (e) =>
          window.__csp.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sourceFile + ':' + e.lineNumber));`,
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** CSP violations seen by the page and by the console. */
  async function violations(page: Page, consoleLines: string[]): Promise<string[]> {
    const seen = (await page.evaluate('window.__csp')) as string[];
    return [...seen, ...consoleLines.filter((l) => /Content Security Policy/i.test(l))];
  }

  it('SEC-03 the web app logs in and shows the console under the CSP without a violation', async () => {
    const page = await browser.context.newPage();
    const consoleLines: string[] = [];
    page.on('console', (m) => consoleLines.push(m.text()));
    const res = await page.goto(`${server.url}/login`);
    expect(res?.headers()['content-security-policy']).toMatch(/script-src 'self'/);
    expect(res?.headers()['x-frame-options']).toBe('DENY');
    await page.getByTestId('login-username').fill('coord1');
    await page.getByTestId('login-password').fill('daowei123');
    await page.getByTestId('login-submit').click();
    await page.waitForURL((u) => !u.pathname.startsWith('/login'), { timeout: 30_000 });
    await page.waitForLoadState('networkidle');
    // The page really rendered (styles and scripts ran): the app root has content.
    expect(await page.locator('#root *').count()).toBeGreaterThan(10);
    expect(await violations(page, consoleLines)).toEqual([]);
    await page.close();
  });

  /**
   * Every operation the document describes, as Swagger UI shows it ("get /api/areas" under tag "org").
   * Swagger UI 5 virtualises the operations list once it has 150 rows or more (tags plus operations): it
   * renders only what is near the viewport, so the page is scrolled top to bottom and what appears is
   * collected on the way — a section that failed to render would be missing at the end.
   */
  async function scrollAndCollect(page: Page, tags: Set<string>, ops: Set<string>): Promise<void> {
    const collect = `({
      tags: [...document.querySelectorAll('.opblock-tag[data-tag]')].map((e) => e.getAttribute('data-tag')),
      ops: [...document.querySelectorAll('.opblock')].map((e) =>
        e.querySelector('.opblock-summary-method').textContent.toLowerCase() + ' ' +
        e.querySelector('.opblock-summary-path').getAttribute('data-path')),
    })`;
    // Two animation frames after a scroll: the virtualiser has measured and React has painted the rows.
    const settle = 'new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(null))))';
    for (let y = 0; ;) {
      await page.evaluate(`window.scrollTo(0, ${y})`);
      await page.evaluate(settle);
      const seen = (await page.evaluate(collect)) as { tags: string[]; ops: string[] };
      seen.tags.forEach((t) => tags.add(t));
      seen.ops.forEach((o) => ops.add(o));
      const [height, view] = (await page.evaluate('[document.documentElement.scrollHeight, window.innerHeight]')) as [
        number,
        number,
      ];
      if (y + view >= height) break;
      y += Math.floor(view / 2);
    }
  }

  it('SEC-03 INT-02 the Swagger UI at /api/docs renders every tag section and route under the CSP without a violation', async () => {
    const page = await browser.context.newPage();
    const consoleLines: string[] = [];
    const pageErrors: string[] = [];
    page.on('console', (m) => consoleLines.push(m.text()));
    page.on('pageerror', (e) => pageErrors.push(e.message));
    const res = await page.goto(`${server.url}/api/docs/`);
    expect(res?.headers()['content-security-policy']).toMatch(/default-src 'self'/);
    await page.locator('.opblock').first().waitFor({ timeout: 30_000 });
    // Styles applied: Swagger UI's own stylesheet gives an operation block a border.
    const border = await page.locator('.opblock').first().evaluate('(el) => getComputedStyle(el).borderTopStyle');
    expect(border).not.toBe('none');

    // What the page should show: the document it loads itself.
    const doc = (await (await page.request.get(`${server.url}/api/docs/json`)).json()) as {
      paths: Record<string, Record<string, { tags?: string[] }>>;
    };
    const expected = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({ tag: op.tags?.[0] ?? 'default', op: `${method} ${path}` })),
    );
    expect(expected.length).toBeGreaterThanOrEqual(150); // large enough that Swagger UI virtualises the list
    const tags = new Set<string>();
    const ops = new Set<string>();
    // A loaded machine may paint a row a frame late: up to three passes, each only adds what it sees.
    for (let pass = 0; pass < 3 && ops.size < expected.length; pass++) await scrollAndCollect(page, tags, ops);
    expect([...tags].sort()).toEqual([...new Set(expected.map((e) => e.tag))].sort());
    expect([...ops].sort()).toEqual(expected.map((e) => e.op).sort());
    expect(pageErrors).toEqual([]);
    expect(await violations(page, consoleLines)).toEqual([]);
    await page.close();
  });
});
