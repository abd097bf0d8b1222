import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type Browser } from './support/browser.js';
import { startServer, type RunningServer } from './support/server.js';
import { apiLogin, apiPost } from './support/api.js';

const PASSWORD = 'daowei123';

/**
 * DESK-06: the desk creates an order and issues the customer's link on the order page; the customer opens it on a phone
 * without logging in, reads the progress in plain words and urges once (the button then waits).
 */
describe('customer self-service page in the browser', () => {
  let server: RunningServer;
  let phone: Browser;
  let desk: Browser;
  let path = '';
  let number = '';

  beforeAll(async () => {
    server = await startServer({ DAOWEI_DEMO_ORDERS: '50' });
    phone = await launchBrowser({ width: 390, height: 844 });
    desk = await launchBrowser();
    const hotline = await apiLogin(server.url, 'hotline1', PASSWORD);
    const s = String(Date.now()).slice(-8);
    const areas = (await (
      await fetch(`${server.url}/api/areas`, { headers: { authorization: `Bearer ${hotline.token}` } })
    ).json()) as { items: { id: string }[] };
    const detail = await apiPost(server.url, hotline.token, '/api/work-orders', {
      type: 'fault',
      acceptanceSerial: `E2E-SS-${s}`,
      product: 'broadband',
      business: 'home broadband',
      productNumber: `BB-SS-${s}`,
      customer: { name: '自助测试', phone: `139${s}`, address: '文三路 8 号' },
      faultDescription: '上不了网',
      areaId: areas.items[0]!.id,
    });
    number = detail.order.number;
    // The desk issues the link from the order page and copies it.
    const deskPage = await desk.context.newPage();
    await deskPage.goto(`${server.url}/login`);
    await deskPage.getByTestId('login-username').fill('hotline1');
    await deskPage.getByTestId('login-password').fill(PASSWORD);
    await deskPage.getByTestId('login-submit').click();
    await deskPage.waitForURL((u) => !u.pathname.startsWith('/login'));
    await deskPage.goto(`${server.url}/orders/${detail.order.id}`);
    await deskPage.getByTestId('self-service-link').click();
    const shown = (await deskPage.getByTestId('self-service-url').textContent()) ?? '';
    path = new URL(shown).pathname;
  }, 120_000);
  afterAll(async () => {
    await phone?.close();
    await desk?.close();
    await server?.stop();
  });

  it('DESK-06 the customer sees progress without logging in and urges once', async () => {
    const page = await phone.context.newPage();
    await page.goto(`${server.url}${path}`);
    await expect.poll(() => page.getByTestId('ss-status').textContent()).toContain(number);
    expect(await page.getByTestId('ss-status').textContent()).toContain('已受理');
    await page.getByTestId('ss-urge').click();
    await expect.poll(() => page.getByTestId('ss-urge').textContent()).toContain('后可再次催办');
    expect(await page.getByTestId('ss-urge').isDisabled()).toBe(true);
    await page.goto(`${server.url}/s/not-a-real-link-token-0000000000`);
    await expect.poll(() => page.getByText('这个链接已失效').count()).toBe(1);
  }, 60_000);
});
