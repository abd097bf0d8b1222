import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type Browser } from './support/browser.js';
import { startServer, type RunningServer } from './support/server.js';
import { apiLogin, apiPost } from './support/api.js';

const PASSWORD = 'daowei123';

/**
 * ENG-03 / ENG-06 on a phone-sized Chromium: the engineer checks in on arrival (no geolocation
 * permission: the check-in still goes through without a position), then the customer rates the
 * visit and signs on the screen; the server stores the PNG signature.
 */
describe('arrival check-in and customer confirmation on the phone', () => {
  let server: RunningServer;
  let phone: Browser;
  let orderId = '';
  let engToken = '';

  beforeAll(async () => {
    server = await startServer({ DAOWEI_DEMO_ORDERS: '200' });
    phone = await launchBrowser({ width: 390, height: 844 });
    const coord = await apiLogin(server.url, 'coord1', PASSWORD);
    const eng1 = await apiLogin(server.url, 'eng1', PASSWORD);
    engToken = eng1.token;
    const created = await apiPost(server.url, coord.token, '/api/work-orders', {
      type: 'fault',
      acceptanceSerial: 'E2E-VISIT-1',
      product: 'broadband',
      business: 'home broadband',
      productNumber: 'BB-E2E-VISIT-1',
      customer: { name: '签字用户', phone: '13900002222', address: '西湖区文三路 2 号 1-101' },
      faultDescription: '无法上网',
    });
    orderId = created.order.id;
    const act = (action: string, body: unknown, token = eng1.token) =>
      apiPost(server.url, token, `/api/work-orders/${orderId}/actions/${action}`, body);
    await act('dispatch', { toPersonId: eng1.me.person.id, remark: '上门' }, coord.token);
    await act('take', {});
    // The slot opens in 30 minutes: arriving now is early, no escalation asked.
    const start = new Date(Date.now() + 30 * 60_000);
    await act('confirm_appointment', {
      window: { start: start.toISOString(), end: new Date(start.getTime() + 2 * 3_600_000).toISOString() },
    });
    await act('depart', {});
  });

  afterAll(async () => {
    await phone?.close();
    await server?.stop();
  });

  it('ENG-03 ENG-06 the engineer checks in, the customer rates and signs on screen', async () => {
    const page = await phone.context.newPage();
    await page.goto(`${server.url}/login`);
    await page.getByTestId('login-username').fill('eng1');
    await page.getByTestId('login-password').fill(PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.waitForURL(/\/m\/todo/);
    await page.goto(`${server.url}/m/orders/${orderId}`);
    await expect.poll(() => page.getByTestId('order-status').getAttribute('data-status')).toBe('en_route');

    await page.getByTestId('action-arrive').click();
    await expect.poll(() => page.getByTestId('arrive-position').textContent()).not.toMatch(/…/);
    await page.getByTestId('arrive-submit').click();
    await expect.poll(() => page.getByTestId('order-status').getAttribute('data-status')).toBe('on_site');

    await page.getByTestId('open-confirmation').click();
    await page.waitForURL(/\/confirm$/);
    await page.locator('.adm-rate-star').nth(4).click();
    const pad = page.getByTestId('signature-pad');
    const box = (await pad.boundingBox())!;
    await page.mouse.move(box.x + 30, box.y + 100);
    await page.mouse.down();
    await page.mouse.move(box.x + 120, box.y + 60, { steps: 8 });
    await page.mouse.move(box.x + 220, box.y + 120, { steps: 8 });
    await page.mouse.up();
    await page.getByTestId('confirm-submit').click();
    await page.getByTestId('confirmation-saved').waitFor();
    await page.screenshot({ path: '.tmp/e2e-customer-signed.png' });

    const res = await fetch(`${server.url}/api/work-orders/${orderId}/confirmation`, {
      headers: { authorization: `Bearer ${engToken}` },
    });
    const body = (await res.json()) as { confirmation: { satisfaction: number; signatureType: string } };
    expect(body.confirmation).toMatchObject({ satisfaction: 5, signatureType: 'image/png', declinedToSign: false });
  });
});
