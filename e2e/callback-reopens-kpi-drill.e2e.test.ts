import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type Browser } from './support/browser.js';
import { startServer, type RunningServer } from './support/server.js';
import { apiLogin, apiPost } from './support/api.js';
import { recordDissatisfiedCallback } from './support/callback-forms.js';
import { DEMO_PASSWORD as PASSWORD, loginInBrowser as login } from './support/login.js';

/** A local calendar day, `days` from today (the KPI period is a range of whole days). */
function day(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  return d.toISOString().slice(0, 10);
}

/**
 * Issue 7 walk-through: eng1 fixes a fault on site; the callback agent works the fault's callback in the
 * queue, reads the script, records "dissatisfied, not solved" with root cause, suggestion and an
 * improvement action, which reopens the order (CB-02); the KPI dashboard's repeat-fault figure then
 * drills down to that order, back in the queue as triaged (KPI-01).
 */
describe('dissatisfied callback reopens the order; the KPI drill-down reaches it', () => {
  let server: RunningServer;
  let desk: Browser;
  let coordinator: Browser;
  let number = '';
  let orderId = '';

  beforeAll(async () => {
    server = await startServer({ DAOWEI_DEMO_ORDERS: '50' });
    desk = await launchBrowser({ width: 1440, height: 900 });
    // One browser per person: a browser holds one signed-in session.
    coordinator = await launchBrowser({ width: 1440, height: 900 });
    const coord = await apiLogin(server.url, 'coord1', PASSWORD);
    const eng1 = await apiLogin(server.url, 'eng1', PASSWORD);
    const s = String(Date.now()).slice(-8);
    const areas = (await (
      await fetch(`${server.url}/api/areas`, { headers: { authorization: `Bearer ${coord.token}` } })
    ).json()) as { items: { id: string }[] };
    const created = await apiPost(server.url, coord.token, '/api/work-orders', {
      type: 'fault',
      acceptanceSerial: `E2E-CB-${s}`,
      product: 'broadband',
      business: 'home broadband',
      productNumber: `BB-CB-${s}`,
      customer: { name: '回访测试', phone: `138${s}`, address: '文二路 18 号 3-502' },
      faultDescription: '晚上经常断网',
      areaId: areas.items[0]!.id,
    });
    orderId = created.order.id;
    number = created.order.number;
    const act = (token: string, action: string, body: unknown) =>
      apiPost(server.url, token, `/api/work-orders/${orderId}/actions/${action}`, body);
    await act(coord.token, 'dispatch', { toPersonId: eng1.me.person.id, remark: '断网故障' });
    await act(eng1.token, 'take', {});
    await act(eng1.token, 'depart', {});
    await act(eng1.token, 'arrive', {});
    await apiPost(server.url, eng1.token, `/api/work-orders/${orderId}/diagnosis`, {
      symptomReproduced: 'intermittent',
      observedMinutes: 20,
      causeCategory: 'ours',
      finding: '光纤熔接点衰耗过大，晚间断续',
    });
    await act(eng1.token, 'complete', {
      customerContacted: true,
      handlingMinutes: 40,
      remark: '重新熔接光纤,测试正常',
      outcome: { kind: 'done' },
    });
  }, 240_000);

  afterAll(async () => {
    await desk?.close();
    await coordinator?.close();
    await server?.stop();
  });

  it(
    'CB-02 the agent records a dissatisfied answer from the queue and the order is reopened',
    { timeout: 240_000 },
    async () => {
      const page = await desk.context.newPage();
      page.setDefaultTimeout(90_000); // the shared 2-core machine can be slow to serve the first chunks
      await login(page, server.url, 'callback1');
      await page.waitForURL((u) => !u.pathname.startsWith('/login'));
      await page.goto(`${server.url}/callbacks`);
      await recordDissatisfiedCallback(page, number, {
        rootCause: '修好后当晚又断网',
        suggestion: '更换光猫并复查线路',
        measure: '故障上门后次日抽查断网记录',
      });
      const res = await fetch(`${server.url}/api/work-orders/${orderId}`, {
        headers: { authorization: `Bearer ${(await apiLogin(server.url, 'coord1', PASSWORD)).token}` },
      });
      const detail = (await res.json()) as { order: { status: string }; events: { action: string }[] };
      // Reopened orders go back to the coordinator's queue (lifecycle: reopen → triaged).
      expect(detail.order.status).toBe('triaged');
      expect(detail.events.map((e) => e.action).at(-1)).toBe('reopen');
    },
  );

  it('KPI-01 the dashboard figure drills down to the reopened order', { timeout: 240_000 }, async () => {
    const page = await coordinator.context.newPage();
    page.setDefaultTimeout(90_000);
    await login(page, server.url, 'coord1');
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    await page.goto(`${server.url}/kpis?fromDay=${day(-1)}&toDay=${day(1)}`);
    const card = page.getByTestId('kpi-card-repeat_fault_rate');
    await card.waitFor();
    await page.getByTestId('kpi-trend-chart').waitFor();
    await card.click();
    await page.waitForURL(/\/kpis\/orders\?/);
    const row = page.getByTestId(`kpi-drill-row-${number}`);
    await row.waitFor();
    await expect.poll(() => row.locator('[data-status]').first().getAttribute('data-status')).toBe('triaged');
    await page.screenshot({ path: '.tmp/e2e-kpi-drill.png', fullPage: true });
  });
});
