import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type Browser } from './support/browser.js';
import { startServer, type RunningServer } from './support/server.js';
import { apiLogin, apiPost } from './support/api.js';
import { DEMO_PASSWORD as PASSWORD, loginInBrowser as login } from './support/login.js';
import { submitPhoneCompletion } from './support/phone-forms.js';

/**
 * Issue 6 Done-means in a real browser: the administrator (a store keeper position) issues cable on a borrow
 * card from the console order page; the engineer, on a phone-sized page, uses part of it on the visit,
 * returns the rest, and the order then completes (PART-02/03).
 */
/** The machine is shared and loaded: give each UI step room to settle. */
const POLL = { timeout: 20_000 };

describe('parts: borrow → use on a visit → return the rest → the order completes', () => {
  let server: RunningServer;
  let phone: Browser;
  let desk: Browser;
  let orderId = '';
  const code = `CABLE-E2E-${Date.now() % 100000}`;

  beforeAll(async () => {
    server = await startServer({ DAOWEI_DEMO_ORDERS: '50' });
    phone = await launchBrowser({ width: 390, height: 844 });
    desk = await launchBrowser({ width: 1440, height: 900 });
    const manager = await apiLogin(server.url, 'admin', PASSWORD);
    const coord = await apiLogin(server.url, 'coord1', PASSWORD);
    const eng1 = await apiLogin(server.url, 'eng1', PASSWORD);
    const me = (await (
      await fetch(`${server.url}/api/me`, { headers: { authorization: `Bearer ${eng1.token}` } })
    ).json()) as { person: { unitId: string } };
    // Arranged through the public API: an item, the station's store with 50 m of cable, an order held by eng1.
    const post = (token: string, path: string, body: unknown) =>
      apiPost(server.url, token, path, body) as unknown as Promise<{ id: string }>;
    const item = await post(manager.token, '/api/parts/items', {
      code,
      name: '皮线光缆',
      category: 'cable',
      tracking: 'bulk',
      unitOfMeasure: 'm',
    });
    const store = await post(manager.token, '/api/parts/locations', {
      kind: 'station',
      name: '西湖站备件库',
      unitId: me.person.unitId,
    });
    await post(manager.token, '/api/parts/receipts', { locationId: store.id, itemId: item.id, quantity: 50 });
    const created = await apiPost(server.url, coord.token, '/api/work-orders', {
      type: 'install',
      acceptanceSerial: 'E2E-PARTS-1',
      product: 'broadband',
      business: 'home broadband',
      productNumber: 'BB-E2E-PARTS-1',
      customer: { name: '备件测试', phone: '13900002222', address: '西湖区文三路 9 号 1-101' },
      broadband: { bandwidthMbps: 500, tariff: '五百兆套餐', accessMethod: 'FTTH', cooperationMode: 'self' },
    });
    orderId = created.order.id;
    await apiPost(server.url, coord.token, `/api/work-orders/${orderId}/actions/dispatch`, {
      toPersonId: eng1.me.person.id,
      remark: '需带光缆',
    });
    await apiPost(server.url, eng1.token, `/api/work-orders/${orderId}/actions/take`, {});
  });

  afterAll(async () => {
    await phone?.close();
    await desk?.close();
    await server?.stop();
  });

  it('PART-02 the store keeper issues 20 m of cable to the engineer on a borrow card from the order page', async () => {
    const page = await desk.context.newPage();
    await login(page, server.url, 'admin');
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    await page.goto(`${server.url}/orders/${orderId}`);
    const card = page.getByTestId('order-parts');
    await card.waitFor();
    await page.getByTestId('borrow-store').click();
    await page.locator('.ant-select-item-option', { hasText: '西湖站备件库' }).click();
    await page.getByTestId('borrow-item').click();
    await page.locator('.ant-select-item-option', { hasText: code }).click();
    await page
      .locator('[data-testid="borrow-quantity"] input, input[data-testid="borrow-quantity"]')
      .first()
      .fill('20');
    await page.getByTestId('borrow-submit').click();
    await page.getByTestId(`borrow-line-${code}`).waitFor();
    await page.screenshot({ path: '.tmp/e2e-parts-borrow-card.png', fullPage: true });
  });

  it('PART-03 on the phone the engineer uses 12 m, returns the rest, and then completes the order', async () => {
    const page = await phone.context.newPage();
    await login(page, server.url, 'eng1');
    await page.waitForURL(/\/m\/todo/);
    await page.goto(`${server.url}/m/orders/${orderId}`);
    const line = page.getByTestId(`parts-line-${code}`);
    await line.waitFor();
    await expect.poll(() => line.getAttribute('data-outstanding'), POLL).toBe('20');
    await expect.poll(() => page.getByTestId('parts-settled').getAttribute('data-settled'), POLL).toBe('false');

    const qty = page.locator(`[data-testid="parts-use-qty-${code}"] input`);
    await qty.fill('12');
    await qty.blur();
    await page.getByTestId(`parts-use-${code}`).click();
    await expect.poll(() => line.getAttribute('data-outstanding'), POLL).toBe('8');
    await page.getByTestId(`parts-return-${code}`).click();
    await expect.poll(() => line.getAttribute('data-outstanding'), POLL).toBe('0');
    await expect.poll(() => page.getByTestId('parts-settled').getAttribute('data-settled'), POLL).toBe('true');

    await submitPhoneCompletion(page, 40, '放线 12 米，余料已退库');
    await expect.poll(() => page.getByTestId('order-status').getAttribute('data-status'), POLL).toBe('completed');
    await page.screenshot({ path: '.tmp/e2e-parts-phone-completed.png', fullPage: true });
  });

  it('PART-01 the ledger shows the borrow, the use and the return against the order', async () => {
    const manager = await apiLogin(server.url, 'admin', PASSWORD);
    const res = await fetch(`${server.url}/api/parts/movements?orderId=${orderId}`, {
      headers: { authorization: `Bearer ${manager.token}` },
    });
    const body = (await res.json()) as { items: { kind: string; quantity: number }[] };
    expect(body.items.map((m) => `${m.kind}:${m.quantity}`).sort()).toEqual(['borrow:20', 'consume:12', 'return:8']);
  });
});
