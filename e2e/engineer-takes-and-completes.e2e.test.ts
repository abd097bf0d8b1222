import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type Browser } from './support/browser.js';
import { startServer, type RunningServer } from './support/server.js';
import { apiLogin, apiPost } from './support/api.js';
import { DEMO_PASSWORD as PASSWORD, loginInBrowser as login } from './support/login.js';
import { submitPhoneCompletion } from './support/phone-forms.js';

/**
 * Foundation walk-through in a real browser against the real server on a fresh embedded database:
 * an engineer takes an install order on the phone page and completes it; a coordinator then sees it
 * completed in the console with its history.
 */
describe('engineer and coordinator in the browser', () => {
  let server: RunningServer;
  let phone: Browser;
  let desk: Browser;
  let number = '';

  beforeAll(async () => {
    server = await startServer({ DAOWEI_DEMO_ORDERS: '200' });
    phone = await launchBrowser({ width: 390, height: 844 });
    desk = await launchBrowser({ width: 1440, height: 900 });
    // A fresh install order, offered to eng1 in person, so it is the newest on eng1's list.
    const coord = await apiLogin(server.url, 'coord1', PASSWORD);
    const eng1 = await apiLogin(server.url, 'eng1', PASSWORD);
    const created = await apiPost(server.url, coord.token, '/api/work-orders', {
      type: 'install',
      acceptanceSerial: 'E2E-0001',
      product: 'broadband',
      business: 'home broadband',
      productNumber: 'BB-E2E-0001',
      customer: { name: '测试用户', phone: '13900001111', address: '西湖区文三路 1 号 2-301' },
      broadband: { bandwidthMbps: 1000, tariff: '千兆融合套餐', accessMethod: 'FTTH', cooperationMode: 'self' },
    });
    await apiPost(server.url, coord.token, `/api/work-orders/${created.order.id}/actions/dispatch`, {
      toPersonId: eng1.me.person.id,
      remark: '今日装机',
    });
    number = created.order.number;
  });

  afterAll(async () => {
    await phone?.close();
    await desk?.close();
    await server?.stop();
  });

  it('WO-04 WO-07 ENG-01 the engineer takes the install order on 我的待办 and completes it', async () => {
    const page = await phone.context.newPage();
    await login(page, server.url, 'eng1');
    await page.waitForURL(/\/m\/todo/);
    const card = page.getByTestId(`order-card-${number}`).first();
    await card.waitFor();
    await card.click();
    await page.waitForURL(/\/m\/orders\//);
    await expect.poll(() => page.getByTestId('order-status').getAttribute('data-status')).toBe('assigned');

    await page.getByTestId('action-take').click();
    await expect.poll(() => page.getByTestId('order-status').getAttribute('data-status')).toBe('taken');

    await submitPhoneCompletion(page, 50, '光猫已安装，测速正常');
    await expect.poll(() => page.getByTestId('order-status').getAttribute('data-status')).toBe('completed');
    await page.screenshot({ path: '.tmp/e2e-engineer-completed.png' });
  });

  it('WO-03 the coordinator sees the order completed with its history', async () => {
    const page = await desk.context.newPage();
    await login(page, server.url, 'coord1');
    await page.waitForURL(/\/orders/);
    await page
      .getByTestId('filter-search')
      .locator('input')
      .or(page.locator('input[data-testid="filter-search"]'))
      .first()
      .fill(number);
    await page.keyboard.press('Enter');
    const row = page.getByTestId(`order-row-${number}`);
    await row.waitFor();
    await expect.poll(() => row.locator('[data-status]').first().getAttribute('data-status')).toBe('completed');
    await row.click();
    await page.waitForURL(/\/orders\/[0-9a-f-]{36}/);
    const timeline = page.getByTestId('order-timeline');
    await timeline.waitFor();
    const actions = await timeline
      .locator('[data-action]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-action')));
    expect(actions).toEqual(['create', 'dispatch', 'take', 'complete']);
    await page.screenshot({ path: '.tmp/e2e-coordinator-detail.png', fullPage: true });
  });
});
