import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type Browser } from './support/browser.js';
import { startServer, type RunningServer } from './support/server.js';
import { apiLogin, apiPost } from './support/api.js';
import { DEMO_PASSWORD as PASSWORD, loginInBrowser as login } from './support/login.js';

/** Today in the demo tenant's zone (Asia/Shanghai): the day whose rosters and appointments the demo fills. */
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

/**
 * DSP-01/03: a coordinator plans his station's day on the board, reads the timelines, the unplanned
 * orders and the offline map, and applies the plan; an engineer who got an order from it sees it on
 * 我的待办.
 */
describe('dispatch board in the browser', () => {
  let server: RunningServer;
  let phone: Browser;
  let desk: Browser;
  let stationId = '';

  beforeAll(async () => {
    server = await startServer({ DAOWEI_DEMO_ORDERS: '200' });
    phone = await launchBrowser({ width: 390, height: 844 });
    desk = await launchBrowser({ width: 1440, height: 900 });
    // Two fresh faults this afternoon in an area of coord1's first station, whatever the demo's clock left.
    const coord = await apiLogin(server.url, 'coord1', PASSWORD);
    const auth = { authorization: `Bearer ${coord.token}`, 'content-type': 'application/json' };
    const areas = (await (await fetch(`${server.url}/api/areas`, { headers: auth })).json()) as {
      items: { id: string; stationId: string }[];
    };
    // eng1's station (西湖服务站): its engineers are the first demo logins.
    const eng1 = await apiLogin(server.url, 'eng1', PASSWORD);
    const tree = (await (await fetch(`${server.url}/api/org/tree`, { headers: auth })).json()) as {
      units: { id: string; parentId: string | null; kind: string }[];
      people: { id: string; unitId: string }[];
    };
    let unit = tree.units.find((u) => u.id === tree.people.find((p) => p.id === eng1.me.person.id)!.unitId);
    while (unit && unit.kind !== 'station') unit = tree.units.find((u) => u.id === unit!.parentId);
    const area = areas.items.find((a) => a.stationId === unit!.id)!;
    stationId = area.stationId;
    const plan = (await (
      await fetch(`${server.url}/api/dispatch/plan`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({ stationId, date: today() }),
      })
    ).json()) as { map: { areas: { id: string; polygon: [number, number][] }[] } };
    const ring = plan.map.areas.find((a) => a.id === area.id)!.polygon;
    const lng = ring.reduce((s, p) => s + p[0], 0) / ring.length;
    const lat = ring.reduce((s, p) => s + p[1], 0) / ring.length;
    for (const [k, hour] of [
      [1, '13'],
      [2, '15'],
    ] as const) {
      await apiPost(server.url, coord.token, '/api/work-orders', {
        type: 'fault',
        acceptanceSerial: `E2E-DSP-${k}`,
        product: 'broadband',
        business: 'home broadband',
        productNumber: `BB-E2E-DSP-${k}`,
        customer: { name: '调度测试', phone: `1390000222${k}`, address: `文三路 ${k} 号` },
        faultDescription: 'No internet',
        areaId: area.id,
        lat: lat + k * 0.001,
        lng,
        appointment: { start: `${today()}T${hour}:00:00+08:00`, end: `${today()}T${hour}:59:00+08:00` },
      });
    }
  });
  afterAll(async () => {
    await phone?.close();
    await desk?.close();
    await server?.stop();
  });

  it('DSP-01 DSP-03 the coordinator auto-plans and applies; the engineer sees the order on 我的待办', async () => {
    const page = await desk.context.newPage();
    await login(page, server.url, 'coord1');
    await page.getByTestId('menu-dispatch-board').click();
    await page.waitForURL(/\/dispatch/);
    await page.getByTestId('dispatch-station').click();
    await page.getByTestId(`dispatch-station-option-${stationId}`).last().click();
    await page.getByTestId('dispatch-date').fill(today());
    await page.getByTestId('dispatch-auto-plan').click();
    await page.getByTestId('dispatch-timeline').waitFor();
    await page.getByTestId('dispatch-map').waitFor();
    const stops = page.locator('[data-testid^="timeline-stop-"]');
    expect(await stops.count()).toBeGreaterThan(0);

    const applied = page.waitForResponse((r) => r.url().endsWith('/api/dispatch/plan/apply'));
    await page.getByTestId('dispatch-apply').click();
    const answer = (await (await applied).json()) as {
      dispatched: { orderId: string; number: string; engineerId: string }[];
    };
    await page.getByTestId('success-message').waitFor();
    expect(answer.dispatched.length).toBeGreaterThan(0);

    // An order the plan gave to a demo engineer whose login we know (the first few; logins are rate-limited).
    let engineerLogin = '';
    let number = '';
    for (let n = 1; n <= 8 && !engineerLogin; n++) {
      const who = await apiLogin(server.url, `eng${n}`, PASSWORD);
      const mine = answer.dispatched.find((d) => d.engineerId === who.me.person.id);
      if (mine) [engineerLogin, number] = [`eng${n}`, mine.number];
    }
    expect(engineerLogin).not.toBe('');
    const mobile = await phone.context.newPage();
    await login(mobile, server.url, engineerLogin);
    await mobile.waitForURL(/\/m\/todo/);
    await mobile.getByTestId('type-tab-fault').click();
    await mobile.getByTestId(`order-card-${number}`).first().waitFor();
  });
});
