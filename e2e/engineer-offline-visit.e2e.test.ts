import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiLogin, apiPost } from './support/api.js';
import { launchBrowser, type Browser } from './support/browser.js';
import { DEMO_PASSWORD, loginInBrowser } from './support/login.js';
import { recordPhoneDiagnosis } from './support/phone-forms.js';
import { startServer, type RunningServer } from './support/server.js';

interface Detail {
  order: { id: string; number: string; status: string };
  events: { action: string; actorId: string | null }[];
}

/**
 * ENG-07 on a phone-sized Debian Chromium: a whole visit from departure to the customer's signature,
 * online; the same visit with the network cut (context.setOffline) — queued on the phone, shown as the
 * order will be, synced when the network returns, applied exactly once even when an answer is lost;
 * and a conflict (the order reassigned meanwhile) that the engineer reads and discards.
 */
describe('engineer visit offline: queue, sync once, conflict', () => {
  let server: RunningServer;
  let phone: Browser;
  let coord = '';
  let eng1 = { token: '', id: '' };
  let eng2Id = '';

  beforeAll(async () => {
    server = await startServer({ DAOWEI_DEMO_ORDERS: '60' });
    phone = await launchBrowser({ width: 390, height: 844 });
    coord = (await apiLogin(server.url, 'coord1', DEMO_PASSWORD)).token;
    const e1 = await apiLogin(server.url, 'eng1', DEMO_PASSWORD);
    eng1 = { token: e1.token, id: e1.me.person.id };
    eng2Id = (await apiLogin(server.url, 'eng2', DEMO_PASSWORD)).me.person.id;
  });

  afterAll(async () => {
    await phone?.close();
    await server?.stop();
  });

  const get = async (id: string): Promise<Detail> => {
    const res = await fetch(`${server.url}/api/work-orders/${id}`, { headers: { authorization: `Bearer ${coord}` } });
    return (await res.json()) as Detail;
  };
  const count = (d: Detail, action: string) => d.events.filter((e) => e.action === action).length;

  /** A fault held by eng1 with a window opening in 30 minutes (arriving now is early: no escalation). */
  async function confirmedOrder(serial: string): Promise<Detail> {
    const created = await apiPost(server.url, coord, '/api/work-orders', {
      type: 'fault',
      acceptanceSerial: serial,
      product: 'broadband',
      business: 'home broadband',
      productNumber: `BB-${serial}`,
      customer: { name: '离线用户', phone: '13900003333', address: '西湖区文三路 8 号 2-202' },
      faultDescription: '无法上网',
    });
    const id = created.order.id;
    const act = (action: string, body: unknown, token = eng1.token) =>
      apiPost(server.url, token, `/api/work-orders/${id}/actions/${action}`, body);
    await act('dispatch', { toPersonId: eng1.id, remark: '上门' }, coord);
    await act('take', {});
    const start = new Date(Date.now() + 30 * 60_000);
    await act('confirm_appointment', {
      window: { start: start.toISOString(), end: new Date(start.getTime() + 2 * 3_600_000).toISOString() },
    });
    return get(id);
  }

  const status = (page: Page) => page.getByTestId('order-status').getAttribute('data-status');

  async function signAndConfirm(page: Page) {
    await page.getByTestId('open-confirmation').click();
    await page.waitForURL(/\/confirm$/);
    await page.locator('.adm-rate-star').nth(4).click();
    const box = (await page.getByTestId('signature-pad').boundingBox())!;
    await page.mouse.move(box.x + 30, box.y + 100);
    await page.mouse.down();
    await page.mouse.move(box.x + 140, box.y + 50, { steps: 8 });
    await page.mouse.move(box.x + 230, box.y + 120, { steps: 8 });
    await page.mouse.up();
    await page.getByTestId('confirm-submit').click();
  }

  /** antd-mobile puts the test id on the input itself or on its wrapper, depending on the component. */
  const field = (page: Page, testId: string, tag: 'input' | 'textarea') =>
    page
      .getByTestId(testId)
      .locator(tag)
      .or(page.locator(`${tag}[data-testid="${testId}"]`))
      .first();

  async function complete(page: Page, remark: string) {
    await page.getByTestId('action-complete').click();
    await field(page, 'complete-handling-minutes', 'input').fill('40');
    await field(page, 'complete-remark', 'textarea').fill(remark);
    await page.getByTestId('complete-submit').click();
  }

  let page: Page;

  /** A 1×1 PNG, as a camera photo stand-in for the file input. */
  const PHOTO = {
    name: 'site.png',
    mimeType: 'image/png',
    buffer: Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
      'base64',
    ),
  };

  /** ENG-03 / WO-14 on site: tick the badge step and take a photo. */
  async function recordOnSite(page: Page) {
    await page.getByTestId('step-badge_shown').click();
    await expect
      .poll(() => page.getByTestId('step-badge_shown').getAttribute('data-done'), { timeout: 15_000 })
      .toBe('true');
    await page.getByTestId('photo-input').setInputFiles(PHOTO);
    await expect.poll(() => page.getByTestId('photos').textContent(), { timeout: 15_000 }).toContain('(1)');
  }

  /** ENG-05: the diagnosis of the current visit as the server has it. */
  const diagnosisOf = async (id: string) =>
    (
      (await (
        await fetch(`${server.url}/api/work-orders/${id}/diagnosis`, { headers: { authorization: `Bearer ${coord}` } })
      ).json()) as { diagnosis: Record<string, unknown> | null }
    ).diagnosis;

  const visitRecords = async (id: string) => {
    const read = async (what: string) =>
      (await (
        await fetch(`${server.url}/api/work-orders/${id}/${what}`, { headers: { authorization: `Bearer ${coord}` } })
      ).json()) as { items?: unknown[]; steps?: { code: string; doneAt: string | null }[] };
    return {
      photos: (await read('attachments')).items!.length,
      badge: (await read('checklist')).steps!.find((x) => x.code === 'badge_shown')!.doneAt !== null,
    };
  };

  it('ENG-03 ENG-05 ENG-06 DESK-04 a whole visit online: depart, arrive, diagnosis recorded, customer signs, complete (forbidden phrase caught first)', async () => {
    const order = await confirmedOrder('E2E-OFF-1');
    page = await phone.context.newPage();
    await loginInBrowser(page, server.url, 'eng1');
    await page.waitForURL(/\/m\/todo/);
    await page.goto(`${server.url}/m/orders/${order.order.id}`);
    await expect.poll(() => status(page)).toBe('appointment_confirmed');
    // ENG-02: the suggested departure and the kit for a fault before leaving.
    await page.getByTestId('departure-suggestion').waitFor();
    await page.getByTestId('kit-power_meter').click();
    await expect.poll(() => page.getByTestId('kit-count').textContent()).toMatch(/1\/4/);
    await page.getByTestId('action-depart').click();
    await expect.poll(() => status(page)).toBe('en_route');
    await page.getByTestId('action-arrive').click();
    await page.getByTestId('arrive-submit').click();
    await expect.poll(() => status(page)).toBe('on_site');
    await recordOnSite(page);
    expect(await visitRecords(order.order.id)).toEqual({ photos: 1, badge: true });
    // ENG-05: the completion form reminds the engineer that this fault's diagnosis is still missing.
    await page.getByTestId('action-complete').click();
    await page.getByTestId('complete-diagnosis-missing').waitFor();
    await page.locator('.adm-popup > .adm-mask').click({ position: { x: 20, y: 20 } });
    await page.getByTestId('action-sheet-complete').waitFor({ state: 'detached' });
    // ENG-05 / DESK-04: the diagnosis; the cause category picks the script the engineer explains it with.
    await recordPhoneDiagnosis(page, {
      reproduced: '间歇出现',
      minutes: 30,
      finding: '光猫 PON 口光衰过大，约 10 分钟掉线一次',
    });
    await page.getByTestId('diagnosis-script').first().waitFor();
    expect(await diagnosisOf(order.order.id)).toMatchObject({
      symptomReproduced: 'intermittent',
      observedMinutes: 30,
      causeCategory: 'ours',
      finding: '光猫 PON 口光衰过大，约 10 分钟掉线一次',
    });
    await signAndConfirm(page);
    await page.getByTestId('confirmation-saved').waitFor();
    await page.goBack();
    await expect.poll(() => status(page)).toBe('on_site');
    // DESK-04: the remark the customer will read is checked on the phone before it is sent.
    await complete(page, '我也没办法，光猫坏了');
    await page.getByText('服务忌语').waitFor();
    await field(page, 'complete-remark', 'textarea').fill('更换光猫后网络恢复，已当面测试');
    await page.getByTestId('complete-submit').click();
    await expect.poll(() => status(page)).toBe('completed');
    const after = await get(order.order.id);
    expect(['depart', 'arrive', 'diagnosis', 'complete'].map((a) => count(after, a))).toEqual([1, 1, 1, 1]);
  });

  it('ENG-07 ENG-05 the same visit with the network cut, the order never opened online: diagnosis included, queued on the phone, synced later, applied exactly once', async () => {
    const order = await confirmedOrder('E2E-OFF-2');
    const id = order.order.id;
    const eventsBefore = order.events.length;
    // Online once, on the to-do list only: the list is cached on the phone (IndexedDB) and, in the
    // background, everything its open orders' pages read — this order is never opened online, yet it
    // opens offline with its kit, steps, consents and cause scripts.
    await page.goto(`${server.url}/m/todo?scope=todo&type=fault`);
    const list = page.getByTestId('order-list-todo-fault');
    await list.waitFor();
    await expect.poll(() => list.getAttribute('data-prefetched'), { timeout: 60_000 }).not.toBeNull();
    expect(Number(await list.getAttribute('data-prefetched'))).toBeGreaterThan(7);

    // PWA: the service worker controls the page, so the app itself opens without network.
    // A string body: it runs in the page, where `navigator` exists (the Node-side types have no DOM).
    await page.waitForFunction('navigator.serviceWorker.controller !== null', null, { timeout: 20_000 });
    await phone.context.setOffline(true);
    await page.goto(`${server.url}/m/orders/${id}`);
    await expect.poll(() => status(page)).toBe('appointment_confirmed');
    await page.getByTestId('kit-count').waitFor();
    await page.getByTestId('cached-note').waitFor();
    await expect.poll(() => page.getByTestId('net-status').getAttribute('data-online')).toBe('false');
    await page.getByTestId('action-depart').click();
    await expect.poll(() => status(page)).toBe('en_route');
    await page.getByTestId('action-arrive').click();
    await page.getByTestId('arrive-submit').click();
    await expect.poll(() => status(page)).toBe('on_site');
    await recordOnSite(page);
    await recordPhoneDiagnosis(page, {
      reproduced: '未复现',
      minutes: 20,
      cause: '用户原因',
      finding: '用户路由器过热重启',
    });
    await signAndConfirm(page);
    await page.getByTestId('confirmation-queued').waitFor();
    await page.goBack();
    await complete(page, '重启光猫后恢复，已当面测速');
    await expect.poll(() => status(page)).toBe('completed');
    await expect.poll(() => page.getByTestId('outbox-waiting').textContent()).toContain('7');
    await page.screenshot({ path: '.tmp/e2e-offline-queued.png' });
    // Nothing reached the server while offline.
    expect((await get(id)).events.length).toBe(eventsBefore);

    // Back online; the first sync's answer for "depart" is lost on the way back (the server applied it).
    let lost = false;
    await page.route('**/api/work-orders/*/actions/depart', async (route) => {
      if (lost) return route.continue();
      lost = true;
      await route.fetch();
      await route.abort('failed');
    });
    await phone.context.setOffline(false);
    await expect.poll(() => lost).toBe(true);
    await page.goto(`${server.url}/m/outbox`);
    await page.getByTestId('outbox-sync').click();
    await expect
      .poll(async () => page.locator('[data-testid^="outbox-item-"][data-state="synced"]').count(), { timeout: 20_000 })
      .toBe(7);
    await page.screenshot({ path: '.tmp/e2e-offline-synced.png' });

    const after = await get(id);
    expect(after.order.status).toBe('completed');
    expect(['depart', 'arrive', 'diagnosis', 'complete'].map((a) => count(after, a))).toEqual([1, 1, 1, 1]);
    expect(after.events.length).toBe(eventsBefore + 4);
    expect(await diagnosisOf(id)).toMatchObject({
      symptomReproduced: 'no',
      observedMinutes: 20,
      causeCategory: 'customer_side',
    });
    expect(await visitRecords(id)).toEqual({ photos: 1, badge: true });
    const conf = await fetch(`${server.url}/api/work-orders/${id}/confirmation`, {
      headers: { authorization: `Bearer ${eng1.token}` },
    });
    expect(((await conf.json()) as { confirmation: { signatureType: string } }).confirmation.signatureType).toBe(
      'image/png',
    );
    await page.getByTestId('outbox-clear-synced').click();
    await expect.poll(() => page.locator('[data-testid^="outbox-item-"]').count()).toBe(0);
  });

  it('ENG-07 an order reassigned while the phone was offline: the queued depart is a conflict the engineer discards', async () => {
    const order = await confirmedOrder('E2E-OFF-3');
    const id = order.order.id;
    await page.goto(`${server.url}/m/orders/${id}`);
    await expect.poll(() => status(page)).toBe('appointment_confirmed');
    await phone.context.setOffline(true);
    await page.getByTestId('action-depart').click();
    await expect.poll(() => status(page)).toBe('en_route');
    await apiPost(server.url, coord, `/api/work-orders/${id}/actions/dispatch`, {
      toPersonId: eng2Id,
      remark: '改派',
    });
    await phone.context.setOffline(false);
    await expect.poll(() => page.getByTestId('outbox-conflicts').count(), { timeout: 20_000 }).toBe(1);
    await page.getByTestId('outbox-link').click();
    const item = page.locator('[data-testid^="outbox-item-"][data-state="conflict"]');
    await expect.poll(() => item.count()).toBe(1);
    expect(await page.locator('[data-testid^="outbox-reason-"]').textContent()).toContain('WO_OFFLINE_CONFLICT');
    await page.screenshot({ path: '.tmp/e2e-offline-conflict.png' });
    await page.locator('[data-testid^="outbox-discard-"]').click();
    await page.getByRole('button', { name: '确定' }).click();
    await expect.poll(() => item.count()).toBe(0);
    const after = await get(id);
    expect(after.events.filter((e) => e.action === 'depart' && e.actorId === eng1.id)).toHaveLength(0);
  });
});
