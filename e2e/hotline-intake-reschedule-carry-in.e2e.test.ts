import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchBrowser, type Browser } from './support/browser.js';
import { startServer, type RunningServer } from './support/server.js';
import { apiLogin, apiPost } from './support/api.js';
import { loginInBrowser as login } from './support/login.js';

/**
 * Issue 5 in the browser. (a) A hotline agent takes a call on 热线受理, the rules send it on site and the
 * order is created with the customer's self-service link; the order is dispatched and its visit agreed;
 * the customer opens the link on a phone and moves the visit; the coordinator sees the new window and the
 * customer's reschedule on the order page. (b) A carry-in device goes from receipt (printable receipt with
 * the pickup voucher) through the bench to a re-tested, signed pickup on 送修台.
 */
const day = (offset: number) => {
  const d = new Date(Date.now() + offset * 86_400_000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

async function pick(page: Page, testId: string, option: string) {
  await page.getByTestId(testId).click();
  await page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: option })
    .first()
    .click();
}

describe('service desk in the browser (DESK-01, DESK-03, DESK-06)', () => {
  let server: RunningServer;
  let desk: Browser;
  let phone: Browser;
  let coordB: Browser;
  let areaName = '';
  let areaId = '';
  const s = String(Date.now()).slice(-8);
  const get = async (token: string, path: string) =>
    (await (await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}` } })).json()) as any; // eslint-disable-line @typescript-eslint/no-explicit-any

  beforeAll(async () => {
    server = await startServer({ DAOWEI_DEMO_ORDERS: '50' });
    desk = await launchBrowser();
    phone = await launchBrowser({ width: 390, height: 844 });
    coordB = await launchBrowser();
    const coord = await apiLogin(server.url, 'coord1', 'daowei123');
    const me = (await get(coord.token, '/api/me')) as { person: { unitId: string } };
    const areas = (await get(coord.token, '/api/areas')) as {
      items: { id: string; name: string; stationId: string | null }[];
    };
    const area = areas.items.find((a) => a.stationId === me.person.unitId) ?? areas.items[0]!;
    areaName = area.name;
    areaId = area.id;
  }, 180_000);
  afterAll(async () => {
    await desk?.close();
    await phone?.close();
    await coordB?.close();
    await server?.stop();
  });

  it('DESK-01 DESK-06 SLA-07 DESK-04 an agent takes a call and creates an on-site order; the customer reschedules through the link; the coordinator sees the change and writes to the customer', async () => {
    const page = await desk.context.newPage();
    await login(page, server.url, 'hotline1');
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    await page.getByTestId('menu-desk-intake').click();
    await page.getByTestId('intake-phone').fill(`137${s}`);
    await page.getByTestId('intake-lookup').click();
    await page.getByTestId('intake-unknown').waitFor();
    await pick(page, 'intake-symptom', '无法使用');
    await expect
      .poll(() => page.getByTestId('intake-decided').getAttribute('data-mode'), { timeout: 20_000 })
      .toBe('on_site');
    await page.getByTestId('intake-description').fill('家里宽带从早上开始上不了网');
    await page.getByTestId('intake-acceptanceSerial').fill(`E2E-HL-${s}`);
    await page.getByTestId('intake-product').fill('broadband');
    await page.getByTestId('intake-business').fill('home broadband');
    await page.getByTestId('intake-productNumber').fill(`BB-HL-${s}`);
    await page.getByTestId('intake-customerName').fill('陈女士');
    await page.getByTestId('intake-address').fill('文一路 66 号 3-502');
    await pick(page, 'intake-area', areaName);
    await page.getByTestId('intake-submit').click();
    const url = (await page.getByTestId('intake-self-service-url').textContent()) ?? '';
    const orderHref = (await page.getByTestId('intake-order-link').getAttribute('href')) ?? '';
    const orderId = orderHref.split('/').pop()!;
    expect(url).toContain('/s/');
    await page.screenshot({ path: '.tmp/e2e-desk-intake.png', fullPage: true });

    // The coordinator dispatches, the engineer takes and agrees a visit in two days (through the API).
    const coord = await apiLogin(server.url, 'coord1', 'daowei123');
    const eng = await apiLogin(server.url, 'eng1', 'daowei123');
    const base = `/api/work-orders/${orderId}/actions`;
    await apiPost(server.url, coord.token, `${base}/dispatch`, { toPersonId: eng.me.person.id, remark: '请跟进' });
    await apiPost(server.url, eng.token, `${base}/take`, {});
    const start = new Date(`${day(2)}T02:00:00Z`);
    await apiPost(server.url, eng.token, `${base}/confirm_appointment`, {
      window: { start: start.toISOString(), end: new Date(start.getTime() + 7_200_000).toISOString() },
    });

    // The customer, on a phone without logging in, moves the visit to 14:00–16:00 three days out.
    const customer = await phone.context.newPage();
    await customer.goto(url);
    await customer.getByTestId('ss-reschedule').waitFor();
    await customer.getByTestId('ss-reschedule-date').locator('input').fill(day(3));
    await customer.getByTestId('ss-slot-14-16').click();
    await customer.getByTestId('ss-reschedule-reason').locator('textarea').fill('那天要加班，改到后天下午');
    await customer.getByTestId('ss-reschedule-submit').click();
    await expect
      .poll(() => customer.getByTestId('ss-appointment').textContent(), { timeout: 20_000 })
      .toContain('14:00–16:00');
    await customer.screenshot({ path: '.tmp/e2e-desk-customer-reschedule.png', fullPage: true });

    // The coordinator sees the new window and the customer's reschedule on the order page.
    const board = await coordB.context.newPage();
    await login(board, server.url, 'coord1');
    await board.waitForURL((u) => !u.pathname.startsWith('/login'));
    await board.goto(`${server.url}/orders/${orderId}`);
    await expect.poll(() => board.getByTestId('order-timeline').textContent()).toContain('用户要求');
    expect(await board.locator('body').textContent()).toContain(`${day(3)} 14:00–16:00`);
    expect(await board.locator('[data-action="reschedule"]').count()).toBe(1);
    expect(await board.locator('[data-action="reschedule"]').textContent()).toContain('那天要加班');
    await board.screenshot({ path: '.tmp/e2e-desk-coordinator-sees-reschedule.png', fullPage: true });

    // DESK-04: a note to the customer with a forbidden phrase is refused with a script to say instead.
    await board.getByTestId('customer-message-text').fill('改期了，等着吧');
    await board.getByTestId('customer-message-send').click();
    await expect
      .poll(() => board.getByTestId('customer-message-refused').textContent(), { timeout: 20_000 })
      .toContain('等着吧');
    await board.getByTestId('customer-message-text').fill('已按您的新时间安排，工程师上门前会先来电');
    await board.getByTestId('customer-message-send').click();
    await expect
      .poll(() => board.getByTestId('customer-messages').textContent(), { timeout: 20_000 })
      .toContain('工程师上门前会先来电');
    await customer.reload();
    await expect
      .poll(() => customer.getByTestId('ss-messages').textContent(), { timeout: 20_000 })
      .toContain('工程师上门前会先来电');
  }, 180_000);

  it('DESK-03 a carry-in device goes from receipt (printable voucher) through the bench to a re-tested, signed pickup', async () => {
    const hotline = await apiLogin(server.url, 'hotline1', 'daowei123');
    const created = (await (
      await fetch(`${server.url}/api/desk/intakes`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${hotline.token}` },
        body: JSON.stringify({
          callerPhone: `136${s}`,
          requestKind: 'fault',
          symptom: 'hardware',
          devicePortable: true,
          description: '笔记本开机黑屏',
          order: {
            acceptanceSerial: `E2E-CI-${s}`,
            product: 'laptop',
            business: 'repair',
            productNumber: `LT-${s}`,
            productModel: 'ThinkPad T14',
            areaId,
            customer: { name: '刘先生', phone: `136${s}` },
          },
        }),
      })
    ).json()) as { mode: string; order: { id: string; number: string }; link: { path: string } };
    expect(created.mode, JSON.stringify(created)).toBe('carry_in');
    const { number, id } = created.order;

    // The counter works in its own browser (the desk's is still signed in from the call above).
    const counter = await launchBrowser();
    const page = await counter.context.newPage();
    await login(page, server.url, 'hotline1');
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    await page.getByTestId('menu-desk-carry-in').click();
    await page.getByTestId('receive-order').click();
    await page.locator('.ant-select-item-option', { hasText: number }).click();
    await page.getByTestId('receive-configuration').fill('i5 / 16 GB / 512 GB');
    await page.getByTestId('receive-condition').fill('A 面有划痕，屏幕完好');
    await page.getByTestId('receive-accessories').fill('充电器');
    await page.getByTestId('receive-receiptSignedBy').fill('刘先生');
    await page.getByTestId('receive-shelf').fill('B-02');
    await page.getByTestId('receive-submit').click();
    await page.getByTestId('carry-in-receipt').waitFor();
    expect(await page.getByTestId('receipt-customer-copy').getByTestId('receipt-number').textContent()).toBe(
      `R-${number}`,
    );
    expect(await page.getByTestId('receipt-customer-copy').locator('canvas').count()).toBe(1); // the voucher's QR code
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: '.tmp/e2e-desk-carry-in-receipt.png', fullPage: true });
    await page.emulateMedia({ media: 'screen' });

    await page.getByTestId('menu-desk-carry-in').click();
    const row = page.getByTestId(`carry-in-row-${number}`);
    for (const [step, label] of [
      ['diagnosing', '检测中'],
      ['repairing', '维修中'],
      ['ready', '待取件'],
    ] as const) {
      await row.getByTestId(`carry-in-to-${step}`).click();
      await expect.poll(() => row.getByTestId('carry-in-stage').textContent(), { timeout: 20_000 }).toBe(label);
    }
    // The customer's page says the device is ready.
    const customer = await phone.context.newPage();
    await customer.goto(`${server.url}${created.link.path}`);
    await expect.poll(() => customer.getByTestId('ss-messages').textContent(), { timeout: 20_000 }).toContain('修好');

    await row.getByTestId('carry-in-pickup').click();
    await page.getByTestId('pickup-retest-passed').check();
    await page.getByTestId('pickup-retest-note').fill('当面开机，显示正常');
    await page.getByTestId('pickup-signed-by').fill('刘先生');
    await page.getByTestId('pickup-submit').click();
    await expect.poll(() => row.count(), { timeout: 20_000 }).toBe(0);
    const record = await get(hotline.token, `/api/work-orders/${id}/carry-in`);
    expect(record).toMatchObject({ stage: 'picked_up', pickupSignedBy: '刘先生' });
    expect(record.steps.map((x: { stage: string }) => x.stage)).toEqual([
      'received',
      'diagnosing',
      'repairing',
      'ready',
      'picked_up',
    ]);
    await counter.close();
  }, 180_000);

  it('DESK-04 an admin adds a forbidden phrase on 话术管理; the check then flags it', async () => {
    const admin = await launchBrowser();
    const page = await admin.context.newPage();
    await login(page, server.url, 'admin');
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    await page.getByTestId('menu-desk-scripts').click();
    await page.getByRole('tab', { name: '服务忌语' }).click();
    await page.getByTestId('phrases-add').click();
    await page.getByTestId('phrase-text').fill('您自己弄吧');
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    await expect
      .poll(() => page.getByTestId('phrases-table').textContent(), { timeout: 20_000 })
      .toContain('您自己弄吧');
    await page.getByTestId('scripts-save').click();
    const token = (await apiLogin(server.url, 'hotline1', 'daowei123')).token;
    await expect.poll(async () => (await get(token, '/api/desk/library')).version, { timeout: 20_000 }).toBe(1);
    const res = await fetch(`${server.url}/api/text-check`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ text: '这个您 自己 弄吧' }),
    });
    expect(((await res.json()) as { ok: boolean }).ok).toBe(false);
    await admin.close();
  }, 120_000);
});
