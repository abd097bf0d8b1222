import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiLogin, apiPost } from './support/api.js';
import { phoneField } from './support/arrange.js';
import { launchBrowser, type Browser } from './support/browser.js';
import { DEMO_PASSWORD, loginInBrowser } from './support/login.js';
import { startServer, type RunningServer } from './support/server.js';

/** Today and a weekday a few days ahead, in the tenant's zone (Asia/Shanghai). */
function localDay(offsetDays = 0): { iso: string; weekday: number; month: number; year: number } {
  const d = new Date(Date.now() + 8 * 3_600_000 + offsetDays * 86_400_000);
  return {
    iso: d.toISOString().slice(0, 10),
    weekday: d.getUTCDay(),
    month: d.getUTCMonth() + 1,
    year: d.getUTCFullYear(),
  };
}

async function api<T>(url: string, token: string, method: 'GET' | 'POST' = 'GET', body?: unknown): Promise<T> {
  const res = await fetch(url, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

interface OrderAnswer {
  order: { id: string; number: string; status: string };
  events: { action: string }[];
}

/** Draws a stroke on the signature pad (the one inside `container` when given). */
async function sign(page: Page, container?: string) {
  const pad = (container ? page.getByTestId(container) : page).locator('canvas').first();
  await pad.scrollIntoViewIfNeeded();
  const box = (await pad.boundingBox())!;
  await page.mouse.move(box.x + 30, box.y + 60);
  await page.mouse.down();
  await page.mouse.move(box.x + 120, box.y + 30, { steps: 8 });
  await page.mouse.move(box.x + 220, box.y + 90, { steps: 8 });
  await page.mouse.up();
}

/** PWA: the service worker controls the page, so the app itself opens without network (polled from outside the page: its CSP forbids eval). */
async function swControls(page: Page) {
  await expect.poll(() => page.evaluate('navigator.serviceWorker.controller !== null'), { timeout: 30_000 }).toBe(true);
}

/**
 * Back online: sync from the outbox page and wait until nothing is pending and at least `count`
 * submissions show as synced. The phone's outbox may still list what an earlier test of this file synced
 * for the same engineer, so the exactly-once proof is the server's records each test reads afterwards.
 */
async function syncAll(page: Page, url: string, count: number) {
  await page.goto(`${url}/m/outbox`);
  await page.getByTestId('outbox-sync').click();
  const items = (state: string) => page.locator(`[data-testid^="outbox-item-"][data-state="${state}"]`).count();
  await expect
    .poll(async () => (await items('pending')) === 0 && (await items('synced')) >= count, { timeout: 60_000 })
    .toBe(true);
  expect(await items('conflict')).toBe(0);
}

/**
 * ENG-07 on the planned-work phone pages (390×844 Debian Chromium, network cut with context.setOffline):
 * a WO-16 care visit done offline from departure to the next visit booked, synced once even when an
 * answer is lost; a WO-17 inspection recorded offline by the second inspector — who finds the order in
 * 我的待办 marked as such (ENG-01) — with the notice issued and signed offline, synced once.
 */
describe('planned work offline: care visit and inspection', () => {
  let server: RunningServer;
  let phone: Browser;
  let coord = '';
  const people: Record<string, { id: string; token: string }> = {};

  beforeAll(async () => {
    server = await startServer({ DAOWEI_DEMO_ORDERS: '40' });
    phone = await launchBrowser({ width: 390, height: 844 });
    coord = (await apiLogin(server.url, 'coord1', DEMO_PASSWORD)).token;
    for (const login of ['eng1', 'eng2']) {
      const me = await apiLogin(server.url, login, DEMO_PASSWORD);
      people[login] = { id: me.me.person.id, token: me.token };
    }
  }, 240_000);

  afterAll(async () => {
    await phone?.close();
    await server?.stop();
  });

  const events = async (id: string) => (await api<OrderAnswer>(`${server.url}/api/work-orders/${id}`, coord)).events;
  const count = (list: { action: string }[], action: string) => list.filter((e) => e.action === action).length;

  it('ENG-07 WO-16 a care visit done with the network cut is queued, then synced once (a lost answer resent)', async () => {
    const visitDay = localDay(3);
    const agreement = await api<{ visits: { order: { id: string } | null }[] }>(
      `${server.url}/api/care-agreements`,
      coord,
      'POST',
      {
        customer: { name: '吴阿姨', phone: '13900006161', address: '拱墅区大关路 3 号 1-201' },
        contents: ['cleaning', 'health_check'],
        schedule: { kind: 'weekly', everyWeeks: 1, weekdays: [visitDay.weekday], start: '09:00', end: '10:30' },
        startDate: localDay(0).iso,
        carerId: people.eng1!.id,
      },
    );
    const id = agreement.visits[0]!.order!.id;

    const page = await phone.context.newPage();
    await loginInBrowser(page, server.url, 'eng1');
    await page.waitForURL(/\/m\/todo/);
    const status = () => page.getByTestId('care-order-status').getAttribute('data-status');
    // Online once: the visit is taken and cached on the phone; the service worker controls the page.
    await page.goto(`${server.url}/m/care/${id}`);
    await page.getByTestId('care-action-take').click();
    await expect.poll(status, { timeout: 30_000 }).toBe('taken');
    await swControls(page);
    await page.reload();
    await expect.poll(status, { timeout: 30_000 }).toBe('taken');
    const before = await events(id);

    await phone.context.setOffline(true);
    await page.reload();
    await page.getByTestId('cached-note').waitFor({ timeout: 30_000 });
    await page.getByTestId('care-action-depart').click();
    await expect.poll(status).toBe('en_route');
    await page.getByTestId('care-action-arrive').click();
    await expect.poll(status).toBe('on_site');
    await page.getByTestId('care-call-outcome').getByText('已确认服务内容与时间').click();
    await page.getByTestId('care-log-call').click();
    await expect.poll(() => page.getByTestId('care-call-row').getAttribute('data-queued')).toBe('true');
    await expect.poll(() => page.getByTestId('care-content-confirmed').textContent()).toContain('服务内容已确认');
    for (const code of ['cleaning', 'health_check', 'valuables_checked', 'home_safe']) {
      await page.getByTestId(`care-tick-${code}`).click();
    }
    await page.getByTestId('care-save-ticks').click();
    await page.getByTestId('care-satisfaction').waitFor();
    await page.getByTestId('care-satisfaction').locator('.adm-rate-star').nth(4).click();
    await sign(page);
    await page.getByTestId('care-sign').click();
    await expect.poll(() => page.getByTestId('care-signed').getAttribute('data-queued')).toBe('true');
    await page.getByTestId('care-condition').getByText('状况平稳').click();
    await page.getByTestId('care-rating').locator('.adm-rate-star').nth(3).click();
    await page.getByTestId('care-save-evaluation').click();
    await page.getByTestId('care-evaluated').waitFor();
    await page.getByTestId('care-book-next').click();
    await page.getByTestId('care-next-booked').waitFor();
    await expect.poll(() => page.getByTestId('order-pending-note').textContent()).toContain('7');
    await page.screenshot({ path: '.tmp/e2e-care-offline-queued.png', fullPage: true });
    // Nothing reached the server while offline.
    expect((await events(id)).length).toBe(before.length);

    // Back online; the first answer to the ticks is lost on the way back (the server applied them).
    let lost = false;
    await page.route('**/api/work-orders/*/care-visit/ticks', async (route) => {
      if (lost) return route.continue();
      lost = true;
      await route.fetch();
      await route.abort('failed');
    });
    await phone.context.setOffline(false);
    await syncAll(page, server.url, 7);
    expect(lost).toBe(true);

    const after = await events(id);
    expect(['depart', 'arrive'].map((a) => count(after, a))).toEqual([1, 1]);
    const eng = people.eng1!.token;
    const visit = await api<{
      calls: unknown[];
      visit: { ticks: Record<string, string>; condition: string; rating: number; nextVisitId: string | null };
    }>(`${server.url}/api/work-orders/${id}/care-visit`, eng);
    expect(visit.calls).toHaveLength(1);
    expect(Object.keys(visit.visit.ticks).sort()).toEqual([
      'cleaning',
      'health_check',
      'home_safe',
      'valuables_checked',
    ]);
    expect(visit.visit).toMatchObject({ condition: 'stable', rating: 4 });
    expect(visit.visit.nextVisitId).not.toBeNull();
    const confirmation = await api<{ confirmation: { signatureType: string } }>(
      `${server.url}/api/work-orders/${id}/confirmation`,
      eng,
    );
    expect(confirmation.confirmation.signatureType).toBe('image/png');
    await page.getByTestId('outbox-clear-synced').click();
    await page.close();
  }, 300_000);

  it('WO-17 ENG-01 ENG-07 the second inspector finds the order in 我的待办 and records it offline: finding, notice, signature, synced once', async () => {
    const now = localDay(0);
    const plan = await api<{ targets: { order: { id: string; number: string } | null }[] }>(
      `${server.url}/api/inspection-plans`,
      coord,
      'POST',
      {
        year: now.year,
        name: `${now.year} 离线安检（测试）`,
        targets: [
          { customerName: '郑先生', contactPhone: '13900006262', address: '文三路 20 号 3-301', month: now.month },
        ],
      },
    );
    const { id, number } = plan.targets[0]!.order!;
    await api(`${server.url}/api/work-orders/${id}/inspectors`, coord, 'POST', {
      personIds: [people.eng1!.id, people.eng2!.id],
    });
    await api(`${server.url}/api/work-orders/${id}/actions/take`, people.eng1!.token, 'POST', {});

    const page = await phone.context.newPage();
    // The phone was signed in as the carer: sign out (a string body runs in the page, where localStorage is).
    await page.goto(`${server.url}/login`);
    await page.evaluate('localStorage.clear(); sessionStorage.clear()');
    await loginInBrowser(page, server.url, 'eng2');
    await page.waitForURL(/\/m\/todo/);
    // ENG-01: the lead holds the order; the second inspector still finds it, marked as second.
    await page.goto(`${server.url}/m/todo?scope=todo&type=other`);
    const card = page.getByTestId(`crew-card-${number}`);
    await card.waitFor({ timeout: 30_000 });
    expect(await card.getByTestId('crew-role').textContent()).toContain('第二检查员');
    await card.click();
    await page.waitForURL(new RegExp(`/m/inspection/${id}$`));
    await expect.poll(() => page.getByTestId('insp-crew').locator('.adm-tag').count(), { timeout: 30_000 }).toBe(2);
    await swControls(page);

    await phone.context.setOffline(true);
    await page.reload();
    await page.getByTestId('cached-note').waitFor({ timeout: 30_000 });
    await page.getByTestId('insp-result-pipe').getByText('正常').click();
    await page.getByTestId('insp-save-pipe').click();
    await expect.poll(() => page.getByTestId('insp-item-pipe').locator('.adm-tag').count()).toBe(1);
    await page.getByTestId('insp-result-hose').getByText('有隐患').click();
    await page.getByTestId('insp-level-hose').getByText('一般隐患').click();
    await page.getByTestId('insp-note-hose').locator('textarea').fill('软管接口松动');
    await page.getByTestId('insp-save-hose').click();
    await expect.poll(() => page.getByTestId('insp-item-hose').locator('.adm-tag').count()).toBe(1);
    await page.getByTestId('insp-issue-notice').click();
    await expect.poll(() => page.getByTestId('insp-notice-deadline').getAttribute('data-queued')).toBe('true');
    await sign(page);
    await page.getByTestId('insp-notice-sign').click();
    await page.getByTestId('insp-notice-signed').waitFor();
    await page.screenshot({ path: '.tmp/e2e-inspection-offline-queued.png', fullPage: true });
    const offline = await api<{ findings: unknown[]; notice: unknown }>(
      `${server.url}/api/work-orders/${id}/inspection`,
      coord,
    );
    expect(offline).toMatchObject({ findings: [], notice: null });

    await phone.context.setOffline(false);
    await syncAll(page, server.url, 4);
    const synced = await api<{
      findings: { item: string; result: string }[];
      notice: { signed: boolean; hasSignature: boolean; hazards: { item: string }[] } | null;
    }>(`${server.url}/api/work-orders/${id}/inspection`, coord);
    expect(synced.findings.map((f) => `${f.item}:${f.result}`).sort()).toEqual(['hose:hazard', 'pipe:ok']);
    expect(synced.notice).toMatchObject({ signed: true, hasSignature: true, hazards: [{ item: 'hose' }] });
    await page.goto(`${server.url}/m/inspection/${id}`);
    await page.getByTestId('insp-notice-signed').waitFor();
    await expect.poll(() => page.getByTestId('insp-notice-deadline').getAttribute('data-queued')).toBe('false');
    await page.close();
  }, 300_000);

  it('ENG-07 WO-13 a take-back receipt signed with the network cut is queued with its signature and synced once', async () => {
    const created = await apiPost(server.url, coord, '/api/work-orders', {
      type: 'fault',
      acceptanceSerial: 'E2E-OFF-TB',
      product: 'broadband',
      business: 'home broadband',
      productNumber: 'BB-E2E-OFF-TB',
      customer: { name: '带回用户', phone: '13900006363', address: '西湖区文二路 5 号 1-102' },
      faultDescription: '光猫反复重启',
    });
    const id = created.order.id;
    const eng = people.eng1!.token;
    await apiPost(server.url, coord, `/api/work-orders/${id}/actions/dispatch`, {
      toPersonId: people.eng1!.id,
      remark: '上门',
    });
    for (const action of ['take', 'depart', 'arrive']) {
      await apiPost(server.url, eng, `/api/work-orders/${id}/actions/${action}`, {});
    }

    const page = await phone.context.newPage();
    await page.goto(`${server.url}/login`);
    await page.evaluate('localStorage.clear(); sessionStorage.clear()');
    await loginInBrowser(page, server.url, 'eng1');
    await page.waitForURL(/\/m\/todo/);
    await page.goto(`${server.url}/m/orders/${id}`);
    await page.getByTestId('take-backs').waitFor({ timeout: 30_000 });
    await swControls(page);
    await phone.context.setOffline(true);
    await page.reload();
    await page.getByTestId('cached-note').waitFor({ timeout: 30_000 });
    await page.getByTestId('take-back-open').click();
    await phoneField(page, 'take-back-device').fill('中兴 F663 光猫');
    await phoneField(page, 'take-back-configNotes', 'textarea').fill('宽带账号已抄录');
    await phoneField(page, 'take-back-dataNotes', 'textarea').fill('设备内无客户数据');
    await phoneField(page, 'take-back-promisedReturnDate').fill(localDay(3).iso);
    await sign(page, 'take-back-signature');
    await page.getByTestId('take-back-submit').click();
    await expect.poll(() => page.getByTestId('take-back-queued').textContent()).toContain('中兴 F663 光猫');
    const takeBacks = async () =>
      (
        await api<{ items: { device: string; status: string }[] }>(
          `${server.url}/api/parts/orders/${id}/take-backs`,
          eng,
        )
      ).items;
    expect(await takeBacks()).toEqual([]);

    await phone.context.setOffline(false);
    await syncAll(page, server.url, 1);
    expect((await takeBacks()).map((t) => `${t.device}:${t.status}`)).toEqual(['中兴 F663 光猫:out']);
    await page.close();
  }, 300_000);
});
