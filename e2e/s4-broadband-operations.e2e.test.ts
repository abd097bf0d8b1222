import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type Browser } from './support/browser.js';
import { startServer, type RunningServer } from './support/server.js';
import { apiLogin, apiPost } from './support/api.js';
import { recordDissatisfiedCallback } from './support/callback-forms.js';
import { DEMO_PASSWORD as PASSWORD, loginInBrowser as login } from './support/login.js';

/** A local calendar day, `days` from today (the KPI period is a range of whole days). */
function day(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

interface Json {
  [k: string]: unknown;
}

/**
 * Flow S4 (broadband operations, 002): evening and weekend shifts are planned (ORG-06); a burst of
 * faults in one area becomes a batch incident the desk confirms and closes on the map (WO-11); every
 * install gets its callback within 7 days and every fault one before closing (CB-01); a dissatisfied
 * callback reopens the order (CB-02); the KPI page shows 24 h resolution and first-time-fix (KPI-01).
 */
describe('S4 broadband operations: shifts, a batch incident, callbacks that reopen, KPIs', () => {
  let server: RunningServer;
  let coordinator: Browser;
  let agent: Browser;
  let coordToken = '';
  let eng1Token = '';
  let eng1Id = '';
  const faults: { id: string; number: string }[] = [];
  let install = { id: '', number: '' };

  const get = async (token: string, path: string) => {
    const res = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
    if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as Json;
  };

  beforeAll(async () => {
    server = await startServer({ DAOWEI_DEMO_ORDERS: '50' });
    coordinator = await launchBrowser({ width: 1440, height: 900 });
    agent = await launchBrowser({ width: 1440, height: 900 });
    const coord = await apiLogin(server.url, 'coord1', PASSWORD);
    const eng1 = await apiLogin(server.url, 'eng1', PASSWORD);
    coordToken = coord.token;
    eng1Token = eng1.token;
    eng1Id = eng1.me.person.id;
    const areas = (await get(coordToken, '/api/areas')) as { items: { id: string }[] };
    const areaId = areas.items[0]!.id;
    // A place inside the area: a demo order's point there (the map draws the burst around it).
    const there = (await get(coordToken, `/api/work-orders?areaId=${areaId}&limit=20`)) as {
      items: { lat: number | null; lng: number | null }[];
    };
    const spot = there.items.find((o) => o.lat !== null) ?? { lat: 30.27, lng: 120.15 };
    const s = String(Date.now()).slice(-7);
    // WO-11: five faults of one area within minutes — the cable cut of the evening.
    for (let k = 0; k < 5; k++) {
      const created = await apiPost(server.url, coordToken, '/api/work-orders', {
        type: 'fault',
        acceptanceSerial: `E2E-S4-${s}-${k}`,
        product: 'broadband',
        business: 'home broadband',
        productNumber: `BB-S4-${s}-${k}`,
        customer: { name: `区域故障${k + 1}`, phone: `139${s}${k}`, address: `文三路 ${10 + k} 号` },
        faultDescription: '晚上突然全部断网',
        areaId,
        lat: spot.lat! + (k - 2) * 0.002,
        lng: spot.lng! + ((k % 2) - 0.5) * 0.003,
      });
      faults.push({ id: created.order.id, number: created.order.number });
    }
    // CB-01: an install finished on site today.
    const inst = await apiPost(server.url, coordToken, '/api/work-orders', {
      type: 'install',
      acceptanceSerial: `E2E-S4-I-${s}`,
      product: 'broadband',
      business: 'new line',
      productNumber: `BB-S4-I-${s}`,
      customer: { name: '装机回访', phone: `137${s}9`, address: '文一路 8 号' },
      broadband: { bandwidthMbps: 500, tariff: '500M 家庭套餐', accessMethod: 'FTTH', cooperationMode: 'self-run' },
      areaId,
    });
    install = { id: inst.order.id, number: inst.order.number };
    const act = (token: string, action: string, body: unknown) =>
      apiPost(server.url, token, `/api/work-orders/${install.id}/actions/${action}`, body);
    await act(coordToken, 'dispatch', { toPersonId: eng1Id, remark: '新装' });
    await act(eng1Token, 'take', {});
    await act(eng1Token, 'depart', {});
    await act(eng1Token, 'arrive', {});
    await act(eng1Token, 'complete', {
      customerContacted: true,
      handlingMinutes: 60,
      remark: '入户布线，测速正常',
      outcome: { kind: 'done' },
    });
  }, 300_000);

  afterAll(async () => {
    await coordinator?.close();
    await agent?.close();
    await server?.stop();
  });

  it('ORG-06 S4 the coordinator plans evening and weekend shifts for an engineer', { timeout: 240_000 }, async () => {
    const page = await coordinator.context.newPage();
    page.setDefaultTimeout(90_000);
    await login(page, server.url, 'coord1');
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    await page.getByTestId('menu-shifts').click();
    await page.getByTestId('shifts-table').waitFor();
    const monday = (await page.getByTestId('shifts-week').textContent())!.trim();
    await page.getByTestId(`roster-person-${eng1Id}`).click();
    // Defaults: evening, Monday to Friday, 18:00–22:00, this week.
    await page.getByTestId('roster-submit').click();
    await expect.poll(() => page.getByTestId('success-message').textContent()).toMatch(/已排|planned/);
    await page.getByTestId(`shift-${eng1Id}-${monday}-evening`).waitFor();

    // The weekend: Saturday and Sunday daytime.
    await page.getByTestId('roster-kind-weekend').click();
    const weekdays = page.getByTestId('roster-weekdays');
    for (const d of ['周一', '周二', '周三', '周四', '周五', '周六', '周日']) await weekdays.getByText(d).click();
    await page.getByTestId('roster-start').fill('09:00');
    await page.getByTestId('roster-end').fill('17:00');
    await page.getByTestId('roster-submit').click();
    const saturday = new Date(Date.parse(`${monday}T00:00:00Z`) + 5 * 86_400_000).toISOString().slice(0, 10);
    await page.getByTestId(`shift-${eng1Id}-${saturday}-weekend`).waitFor();
    await page.screenshot({ path: '.tmp/e2e-s4-shifts.png', fullPage: true });
  });

  it(
    'WO-11 S4 the burst of faults is proposed as one incident; the desk confirms it on the map and closes it',
    {
      timeout: 240_000,
    },
    async () => {
      const list = (await get(coordToken, '/api/batch-incidents')) as { items: { id: string; number: string }[] };
      let incident: { id: string; number: string } | null = null;
      for (const i of list.items) {
        const d = (await get(coordToken, `/api/batch-incidents/${i.id}`)) as { children: { number: string }[] };
        if (faults.every((f) => d.children.some((c) => c.number === f.number))) incident = i;
      }
      expect(incident, 'an incident holding the five faults').not.toBeNull();

      const page = await coordinator.context.newPage();
      page.setDefaultTimeout(90_000);
      await page.goto(`${server.url}/desk/incidents`);
      await page.getByTestId(`incident-${incident!.number}`).click();
      await page.getByTestId('incident-map').waitFor();
      for (const f of faults) await page.getByTestId('incident-map').getByTestId(`map-order-${f.number}`).waitFor();
      await page.getByTestId('incident-confirm').click();
      // The desk's answer: a toast on success, a dialog or an error message otherwise (shown in a failure).
      const answer = page.locator(
        '[data-testid="success-message"], [data-testid="conflict-message"], [data-testid="error-message"]',
      );
      await answer.first().waitFor();
      expect(await answer.first().textContent()).toMatch(/已确认|Confirmed/);
      await expect.poll(() => page.getByTestId('incident-state').textContent()).toMatch(/已确认|Confirmed/);
      await page.getByTestId('incident-close-note').fill('光缆已熔接，区域业务恢复');
      await page.getByTestId('incident-close').click();
      await page.getByTestId('incident-resolved').waitFor();
      await expect.poll(() => page.getByTestId('incident-state').textContent()).toMatch(/已结束|Finished/);
      await page.screenshot({ path: '.tmp/e2e-s4-incident.png', fullPage: true });
      for (const f of faults) {
        const d = (await get(coordToken, `/api/work-orders/${f.id}`)) as { order: { status: string } };
        expect(d.order.status).toBe('completed');
      }
    },
  );

  it(
    'CB-01 S4 the install gets its callback within 7 days and each fault one before closing',
    { timeout: 240_000 },
    async () => {
      const callback = await apiLogin(server.url, 'callback1', PASSWORD);
      const queue = (await get(callback.token, '/api/callbacks?limit=200')) as {
        items: { orderId: string; dueAt: string; rule?: string }[];
      };
      const installTask = queue.items.find((t) => t.orderId === install.id);
      expect(installTask, 'the install’s callback task').toBeDefined();
      expect(Date.parse(installTask!.dueAt) - Date.now()).toBeLessThanOrEqual(7 * 86_400_000);
      for (const f of faults)
        expect(
          queue.items.some((t) => t.orderId === f.id),
          f.number,
        ).toBe(true);

      const page = await agent.context.newPage();
      page.setDefaultTimeout(90_000);
      await login(page, server.url, 'callback1');
      await page.waitForURL((u) => !u.pathname.startsWith('/login'));
      await page.goto(`${server.url}/callbacks`);
      await page.getByTestId(`cb-row-${install.number}`).waitFor();
      await page.getByTestId(`cb-row-${faults[0]!.number}`).waitFor();
    },
  );

  it(
    'CB-02 S4 a dissatisfied callback on a fault of the incident reopens the order',
    { timeout: 240_000 },
    async () => {
      const page = await agent.context.newPage();
      page.setDefaultTimeout(90_000);
      await page.goto(`${server.url}/callbacks`);
      await recordDissatisfiedCallback(page, faults[0]!.number, {
        rootCause: '区域恢复后家里仍然断网',
        suggestion: '上门检查入户光纤',
        measure: '批量故障恢复后逐户抽测',
      });
      const d = (await get(coordToken, `/api/work-orders/${faults[0]!.id}`)) as {
        order: { status: string };
        events: { action: string }[];
      };
      expect(d.order.status).toBe('triaged');
      expect(d.events.map((e) => e.action).at(-1)).toBe('reopen');
    },
  );

  it(
    'KPI-01 SLA-04 S4 the KPI page shows 24 h fault resolution, first-time-fix and the 8 h fault target',
    { timeout: 240_000 },
    async () => {
      const page = await coordinator.context.newPage();
      page.setDefaultTimeout(90_000);
      await page.goto(`${server.url}/kpis?fromDay=${day(-1)}&toDay=${day(1)}`);
      for (const key of ['fault_resolved_within_hours_rate', 'first_time_fix_rate']) {
        const card = page.getByTestId(`kpi-card-${key}`);
        await card.waitFor();
        await expect.poll(async () => (await card.textContent()) ?? '').toMatch(/\d/);
      }
      // SLA-04: the average fault duration is read against the policy's 8 h target.
      expect(await page.getByTestId('kpi-target-average_fault_duration_hours').textContent()).toContain('8 小时');
      await page.screenshot({ path: '.tmp/e2e-s4-kpis.png', fullPage: true });
    },
  );
});
