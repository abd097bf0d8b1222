import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type Browser } from './support/browser.js';
import { startServer, type RunningServer } from './support/server.js';
import { apiLogin, apiPost } from './support/api.js';
import { DEMO_PASSWORD as PASSWORD, loginInBrowser as login } from './support/login.js';

/**
 * Issue 7, CMP-01/02 in the console: a complaint about eng1 is handled on site; the callback agent
 * completes its follow-up sheet on /complaints and tries to close it — refused, the closing callback is
 * missing; after the callback the complaint closes with its order. The station manager (manager2) finds it in
 * the staff complaint log with the engineer's name.
 */
describe('a complaint is followed up to closure; the station manager sees it in the staff log', () => {
  let server: RunningServer;
  let agentBrowser: Browser;
  let managerBrowser: Browser;
  let number = '';
  let orderId = '';
  let agentToken = '';

  async function call(token: string, method: string, path: string, body?: unknown) {
    const res = await fetch(`${server.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    return { status: res.status, body: (await res.json()) as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
  }

  beforeAll(async () => {
    server = await startServer({ DAOWEI_DEMO_ORDERS: '50' });
    agentBrowser = await launchBrowser({ width: 1440, height: 900 });
    managerBrowser = await launchBrowser({ width: 1440, height: 900 });
    const coord = await apiLogin(server.url, 'coord1', PASSWORD);
    const eng1 = await apiLogin(server.url, 'eng1', PASSWORD);
    agentToken = (await apiLogin(server.url, 'callback1', PASSWORD)).token;
    const s = String(Date.now()).slice(-8);
    // manager2 manages one station only (manager1 also works as coordinator): the complaint is in their area.
    const manager = await apiLogin(server.url, 'manager2', PASSWORD);
    const station = (manager.me.person as { unitId?: string }).unitId;
    const areas = (await call(coord.token, 'GET', '/api/areas')).body as { items: { id: string; stationId: string }[] };
    const area = areas.items.find((a) => a.stationId === station) ?? areas.items[0]!;
    const meta = (await call(coord.token, 'GET', '/api/meta')).body as { complaintCauses: { code: string }[] };
    const created = await apiPost(server.url, coord.token, '/api/work-orders', {
      type: 'complaint',
      acceptanceSerial: `E2E-CMP-${s}`,
      product: 'broadband',
      business: 'service complaint',
      productNumber: `BB-CMP-${s}`,
      customer: { name: '投诉测试', phone: `139${s}`, address: '文三路 90 号 2-101' },
      faultDescription: '工程师未按约定时间上门',
      areaId: area.id,
    });
    orderId = created.order.id;
    number = created.order.number;
    const act = (token: string, action: string, body: unknown) =>
      apiPost(server.url, token, `/api/work-orders/${orderId}/actions/${action}`, body);
    await act(coord.token, 'dispatch', { toPersonId: eng1.me.person.id, remark: '投诉上门' });
    await act(eng1.token, 'take', {});
    await act(eng1.token, 'depart', {});
    await act(eng1.token, 'arrive', {});
    await act(eng1.token, 'complete', {
      customerContacted: true,
      handlingMinutes: 30,
      remark: '当面致歉,重新约定',
      outcome: {
        kind: 'resolved',
        causeCode: meta.complaintCauses[0]!.code,
        solution: '致歉并重新约定',
        steps: '电话确认',
      },
    });
    // The desk opened the sheet: about eng1, responsibility and cause found; the measure is still missing.
    const sheet = await call(agentToken, 'PUT', `/api/complaints/${orderId}`, {
      about: { kind: 'staff', personId: eng1.me.person.id },
      fixedWithCustomer: true,
      responsibility: { party: 'staff', personId: eng1.me.person.id },
      causeAnalysis: '工程师迟到未提前告知客户',
    });
    expect(sheet.status).toBe(200);
  }, 240_000);

  afterAll(async () => {
    await agentBrowser?.close();
    await managerBrowser?.close();
    await server?.stop();
  });

  it(
    'CMP-01 the agent completes the sheet; closing is refused until the closing callback is done',
    { timeout: 240_000 },
    async () => {
      const page = await agentBrowser.context.newPage();
      page.setDefaultTimeout(90_000);
      await login(page, server.url, 'callback1');
      await page.waitForURL((u) => !u.pathname.startsWith('/login'));
      await page.goto(`${server.url}/complaints`);
      const row = page.getByTestId(`cmp-row-${number}`);
      await row.waitFor();
      await row.click();
      await page.getByTestId('cmp-sheet').waitFor();
      await page.getByTestId('cmp-missing-improvement_measure').first().waitFor();
      await page.getByTestId('cmp-measure').fill('迟到超过15分钟须提前电话告知客户');
      await page.getByTestId('cmp-save').click();
      await expect.poll(() => page.getByTestId('success-message').textContent()).toMatch(/已保存|saved/);
      await page.getByTestId('cmp-close').click();
      // CMP-01: refused, naming the closing callback.
      await page.getByTestId('cmp-sheet').getByTestId('cmp-missing-callback').waitFor();
      const task = (
        (await call(agentToken, 'GET', '/api/callbacks?state=open&limit=200')).body.items as {
          id: string;
          orderId: string;
        }[]
      ).find((t) => t.orderId === orderId)!;
      expect(
        (await call(agentToken, 'POST', `/api/callbacks/${task.id}/outcome`, { satisfaction: 'satisfied' })).status,
      ).toBe(200);
      await page.reload();
      await page.getByTestId(`cmp-row-${number}`).click();
      await page.getByTestId('cmp-close').click();
      await page.getByTestId('cmp-closed').waitFor();
      const order = await call(agentToken, 'GET', `/api/work-orders/${orderId}`);
      expect(order.body.order.status).toBe('closed');
      await page.screenshot({ path: '.tmp/e2e-complaint-closed.png', fullPage: true });
    },
  );

  it('CMP-02 the station manager finds the complaint about eng1 in the staff log', { timeout: 240_000 }, async () => {
    const page = await managerBrowser.context.newPage();
    page.setDefaultTimeout(90_000);
    await login(page, server.url, 'manager2');
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    await page.goto(`${server.url}/complaints/staff-log`);
    const person = page.getByTestId(`staff-person-${number}`);
    await person.waitFor();
    expect((await person.textContent())?.trim().length).toBeGreaterThan(0);
    await page.getByTestId('cmp-patterns').waitFor();
  });
});
