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

  it('DESK-06 reporting the same fault again through its link names the open request', async () => {
    const page = await phone.context.newPage();
    page.setDefaultTimeout(60_000);
    await page.goto(`${server.url}${path}`);
    await page.getByTestId('ss-report-text').locator('textarea').fill('还是上不了网');
    await page.getByTestId('ss-report-submit').click();
    await expect.poll(() => page.getByTestId('ss-report-duplicate').textContent()).toContain('仍在处理中');
  }, 90_000);

  it('DESK-06 after an install the customer reports a fault from the link and follows it on its own page', async () => {
    const hotline = await apiLogin(server.url, 'hotline1', PASSWORD);
    const coord = await apiLogin(server.url, 'coord1', PASSWORD);
    const eng1 = await apiLogin(server.url, 'eng1', PASSWORD);
    const s = String(Date.now()).slice(-8);
    const areas = (await (
      await fetch(`${server.url}/api/areas`, { headers: { authorization: `Bearer ${coord.token}` } })
    ).json()) as { items: { id: string }[] };
    const install = await apiPost(server.url, coord.token, '/api/work-orders', {
      type: 'install',
      acceptanceSerial: `E2E-SSI-${s}`,
      product: 'broadband',
      business: 'new line',
      productNumber: `BB-SSI-${s}`,
      customer: { name: '自助报修', phone: `136${s}`, address: '文二路 5 号' },
      broadband: { bandwidthMbps: 300, tariff: '300M', accessMethod: 'FTTH', cooperationMode: 'self-run' },
      areaId: areas.items[0]!.id,
    });
    const id = install.order.id;
    const act = (token: string, action: string, body: unknown) =>
      apiPost(server.url, token, `/api/work-orders/${id}/actions/${action}`, body);
    await act(coord.token, 'dispatch', { toPersonId: eng1.me.person.id, remark: '新装' });
    await act(eng1.token, 'take', {});
    await act(eng1.token, 'depart', {});
    await act(eng1.token, 'arrive', {});
    await act(eng1.token, 'complete', {
      customerContacted: true,
      handlingMinutes: 50,
      remark: '装好',
      outcome: { kind: 'done' },
    });
    const link = (await apiPost(
      server.url,
      hotline.token,
      `/api/work-orders/${id}/self-service-link`,
      {},
    )) as unknown as {
      path: string;
    };

    const page = await phone.context.newPage();
    page.setDefaultTimeout(60_000);
    await page.goto(`${server.url}${link.path}`);
    await expect.poll(() => page.getByTestId('ss-status').textContent()).toContain(install.order.number);
    await page.getByTestId('ss-report-text').locator('textarea').fill('光猫红灯一直闪，上不了网');
    await page.getByTestId('ss-report-submit').click();
    await page.waitForURL((u) => u.pathname.startsWith('/s/') && u.pathname !== link.path);
    await expect.poll(() => page.getByTestId('ss-status').textContent()).toContain('已受理');
    expect(await page.getByTestId('ss-status').textContent()).not.toContain(install.order.number);
    await page.screenshot({ path: '.tmp/e2e-ss-report.png', fullPage: true });
  }, 120_000);
});
