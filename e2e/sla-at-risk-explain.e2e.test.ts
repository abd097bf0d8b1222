import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type Browser } from './support/browser.js';
import { startServer, type RunningServer } from './support/server.js';
import { apiLogin, apiPost } from './support/api.js';
import { loginInBrowser as login, DEMO_PASSWORD as PASSWORD } from './support/login.js';

/**
 * Issue 8 walk-through on the console: a fault registered after the fact, with the agreed window
 * already begun, has its "arrive 5 min before the window" promise (SLA-07) breached at once. The
 * coordinator finds it on the at-risk page flagged for having no reason (SLA-04), notes the reason
 * there, then opens the order and reads the clock's rule, due time and explanation (SLA-02).
 */
describe('coordinator: at-risk view, overdue reason, order clocks with explain', () => {
  let server: RunningServer;
  let desk: Browser;
  let number = '';

  beforeAll(async () => {
    server = await startServer({ DAOWEI_DEMO_ORDERS: '50' });
    desk = await launchBrowser({ width: 1440, height: 900 });
    const coord = await apiLogin(server.url, 'coord1', PASSWORD);
    const areas = (await (
      await fetch(`${server.url}/api/areas`, { headers: { authorization: `Bearer ${coord.token}` } })
    ).json()) as { items: { id: string }[] };
    const s = String(Date.now()).slice(-8);
    const hour = 3_600_000;
    const created = await apiPost(server.url, coord.token, '/api/work-orders', {
      type: 'fault',
      acceptanceSerial: `E2E-SLA-${s}`,
      product: 'broadband',
      business: 'home broadband',
      productNumber: `BB-SLA-${s}`,
      customer: { name: '时限测试', phone: `139${s}`, address: '文三路 8 号 1-101' },
      faultDescription: '光猫红灯，无法上网',
      areaId: areas.items[0]!.id,
      appointment: {
        start: new Date(Date.now() - 3 * hour).toISOString(),
        end: new Date(Date.now() - 2 * hour).toISOString(),
      },
    });
    number = created.order.number;
  }, 240_000);

  afterAll(async () => {
    await desk?.close();
    await server?.stop();
  });

  it('SLA-04 SLA-02 the breached order is flagged until the coordinator notes why, then its clocks explain the deadline', async () => {
    const page = await desk.context.newPage();
    await login(page, server.url, 'coord1');
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    await page.getByTestId('menu-sla-at-risk').click();
    await page.getByTestId('atrisk-filter-state-breached').click();
    const flag = page.getByTestId(`atrisk-flagged-${number}-arrive_early`);
    await flag.waitFor();
    await page.getByTestId('atrisk-flagged-count').waitFor();

    await page.getByTestId(`atrisk-add-reason-${number}-arrive_early`).click();
    await page.getByTestId('atrisk-reason-input').fill('工单补录，用户预约时段已过，已电话改约');
    await page.getByTestId('atrisk-reason-save').click();
    await flag.waitFor({ state: 'detached' });
    const row = page.getByTestId(`atrisk-row-${number}-arrive_early`);
    expect(await row.textContent()).toContain('工单补录');

    await page.getByTestId(`atrisk-order-${number}`).click();
    await page.waitForURL((u) => u.pathname.startsWith('/orders/'));
    const clock = page.getByTestId('clock-arrive_early');
    await clock.waitFor();
    expect(await page.getByTestId('clock-state-arrive_early').getAttribute('data-state')).toBe('breached');
    expect(await page.getByTestId('clock-left-arrive_early').textContent()).toContain('已超时');
    await page.getByTestId('clock-explain-toggle-arrive_early').click();
    const explain = page.getByTestId('clock-explain-arrive_early');
    await explain.waitFor();
    // The explanation names the rule and the window the deadline was computed from.
    const text = (await explain.textContent()) ?? '';
    expect(text).toContain('SLA-07');
    expect(text).toContain('约定时段');
    await page.close();
  }, 120_000);
});
