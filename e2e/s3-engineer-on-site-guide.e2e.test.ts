import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchBrowser, type Browser } from './support/browser.js';
import { startClockServer, type ClockServer } from './support/clock.js';
import { loginInBrowser as login } from './support/login.js';
import { arranger, phoneField, phoneStatus, type Arranger, type Created } from './support/arrange.js';
import { recordPhoneDiagnosis } from './support/phone-forms.js';

const MIN = 60_000;
/** The machine is shared and loaded: give each UI step room to settle. */
const POLL = { timeout: 30_000 };
/** A small real PNG (a photo of the note at the door, of the device …) the phone's file input receives. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAEklEQVR4nGP4z8CAFWEXHbQSACj/P8Fu7N9hAAAAAElFTkSuQmCC',
  'base64',
);

async function signIn(browser: Browser, url: string, who: string, fakeClock = false): Promise<Page> {
  const page = await browser.context.newPage();
  page.setDefaultTimeout(60_000);
  // The engineer's phone runs on a clock the test can move with the server's (doorstep wait, lateness).
  if (fakeClock) await page.clock.install();
  // One console browser serves several people in turn: forget the previous sign-in first.
  await page.goto(`${url}/login`);
  await page.evaluate('localStorage.clear(); sessionStorage.clear()');
  await login(page, url, who);
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
  return page;
}

/** Draws a short stroke on the signature pad inside `container`. */
async function sign(page: Page, container: string) {
  const pad = page.getByTestId(container).locator('canvas');
  await pad.scrollIntoViewIfNeeded();
  const box = (await pad.boundingBox())!;
  await page.mouse.move(box.x + 30, box.y + 80);
  await page.mouse.down();
  await page.mouse.move(box.x + 120, box.y + 40, { steps: 6 });
  await page.mouse.move(box.x + 200, box.y + 100, { steps: 6 });
  await page.mouse.up();
}

/** Picks an antd-mobile Selector option by its text inside the control with this test id. */
async function choose(page: Page, testId: string, text: string) {
  await page.getByTestId(testId).locator('.adm-selector-item', { hasText: text }).first().click();
}

/**
 * S3 — the engineer's on-site guide (flows.md): a misuse case fixed by phone guidance gets its 2 h
 * callback (DESK-02); a visit with its suggested departure, a 20-minute-late arrival escalated (APT-04)
 * and nobody home (APT-03: the doorstep protocol, the note and its photo, the coordinator's follow-up);
 * the next visit with consents (ENG-04), an out-of-warranty quote signed (PAY-01), a take-back with a
 * loaner (WO-13), the device returned and signed for, and an uncertain fix called back 2–3 h later
 * (CB-01). Phone 390×844 for the engineer, console for the desk. The server's clock is movable
 * (e2e/support/clock-main.ts) and moves together with the phone's (Playwright clock).
 */
describe('S3 engineer on-site guide', () => {
  let server: ClockServer;
  let phone: Browser;
  let desk: Browser;
  let eng: Page;
  let a: Arranger;
  let order: Created;
  /** How far the server's (and the phone's) clock is ahead of real time. */
  let shift = 0;

  /** Moves the server's and the phone's clocks `minutes` forward together. */
  async function advance(minutes: number) {
    shift += minutes * MIN;
    await server.setClock(new Date(Date.now() + shift));
    await eng.clock.fastForward(minutes * MIN);
  }
  const serverNow = () => new Date(Date.now() + shift);

  async function openOrder(page: Page, id: string) {
    await page.goto(`${server.url}/m/orders/${id}`);
    await page.getByTestId('order-number').waitFor();
  }

  beforeAll(async () => {
    server = await startClockServer({ DAOWEI_DEMO_ORDERS: '50' });
    phone = await launchBrowser({ width: 390, height: 844 });
    desk = await launchBrowser({ width: 1440, height: 900 });
    a = arranger(server.url);
    // The desk's part: an out-of-warranty router fault for eng1, booked for a window an hour from now.
    order = await a.order('coord1', 'fault', {
      faultDescription: '路由器频繁断线，重启无效',
      productModel: 'HG8245 光猫',
      warranty: 'out_of_warranty',
    });
    await a.act('coord1', order.id, 'dispatch', { toPersonId: await a.personId('eng1'), remark: '上门检修' });
    await a.act('eng1', order.id, 'take');
    const start = new Date(Date.now() + 60 * MIN);
    await a.act('eng1', order.id, 'confirm_appointment', {
      window: { start: start.toISOString(), end: new Date(start.getTime() + 120 * MIN).toISOString() },
    });
    eng = await signIn(phone, server.url, 'eng1', true);
  }, 240_000);

  afterAll(async () => {
    await phone?.close();
    await desk?.close();
    await server?.stop();
  });

  it('S3 DESK-02 phone guidance fixes a misuse case without a visit; a callback task is due 2 h later', async () => {
    const page = await signIn(desk, server.url, 'hotline1');
    await page.goto(`${server.url}/desk/intake`);
    await page.getByTestId('intake-phone').fill('13755550303');
    await page.getByTestId('intake-lookup').click();
    await page.getByTestId('intake-unknown').waitFor();
    await page.getByTestId('intake-symptom').click();
    await page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: '使用不当' })
      .first()
      .click();
    await expect.poll(() => page.getByTestId('intake-decided').getAttribute('data-mode'), POLL).toBe('phone_guidance');
    await page.getByTestId('intake-description').fill('电视机顶盒遥控器切到了 AV 模式，没有画面');
    await page.getByTestId('intake-guidance').fill('指导客户按遥控器“信号源”键切回 HDMI，画面恢复');
    await page.getByTestId('intake-submit').click();
    const task = page.getByTestId('intake-task');
    await task.waitFor();
    expect(await task.textContent()).toMatch(/\d{2}:\d{2}/);
    await page.close();
  });

  it('S3 ENG-02 APT-04 the departure time is suggested; arriving 20 min late needs the escalation, recorded on the order', async () => {
    await openOrder(eng, order.id);
    const suggestion = eng.getByTestId('departure-suggestion');
    await suggestion.waitFor();
    const leaveAt = Date.parse((await suggestion.getAttribute('data-leave-at')) ?? '');
    expect(leaveAt).toBeGreaterThan(Date.now());
    await eng.getByTestId('action-depart').click();
    await expect.poll(() => phoneStatus(eng), POLL).toBe('en_route');

    await advance(80); // the window opened 20 minutes ago
    await eng.getByTestId('action-arrive').click();
    await expect.poll(() => eng.getByTestId('arrive-late').textContent(), POLL).toMatch(/迟到 2\d 分钟/);
    await phoneField(eng, 'arrive-escalation-note', 'textarea').fill('路上堵车迟到，已报站长，站长致电客户致歉');
    await eng.getByTestId('arrive-submit').click();
    await expect.poll(() => phoneStatus(eng), POLL).toBe('on_site');
    const arrival = eng.locator('[data-action="arrive"]').first();
    await expect
      .poll(async () => (await eng.getByTestId('order-timeline').textContent()) ?? '', POLL)
      .toContain('已升级（经理致歉）');
    expect(await arrival.count()).toBe(1);

    // The station manager reads the escalation on the order in the console.
    const page = await signIn(desk, server.url, 'manager1');
    await page.goto(`${server.url}/orders/${order.id}`);
    const timeline = page.getByTestId('order-timeline');
    await expect.poll(async () => (await timeline.textContent()) ?? '', POLL).toContain('站长致电客户致歉');
    expect(await timeline.textContent()).toMatch(/迟到 2\d 分钟/);
    await page.close();
  });

  it('S3 APT-03 nobody home: knock, call, neighbour, note with its photo, the wait — then the coordinator’s follow-up', async () => {
    await eng.getByTestId('action-no_access').click();
    const sheet = eng.getByTestId('no-access-form');
    await sheet.waitFor();
    await eng.getByTestId('no-access-knock').click();
    await eng.getByTestId('no-access-knocked').waitFor();
    await choose(eng, 'no-access-call-outcome', '无人接听');
    await choose(eng, 'no-access-neighbour-outcome', '邻居提供了情况');
    await phoneField(eng, 'no-access-neighbour-note', 'textarea').fill('对门邻居说客户白天上班，晚上六点后在家');
    await eng.getByTestId('no-access-photo').setInputFiles({ name: 'note.png', mimeType: 'image/png', buffer: PNG });
    await expect.poll(() => sheet.textContent(), POLL).toContain('留言条照片已保存');
    await eng.getByTestId('no-access-note-left').click();
    expect(await eng.getByTestId('no-access-submit').isDisabled()).toBe(true); // not waited yet
    await advance(11);
    await expect.poll(() => eng.getByTestId('no-access-waited').textContent(), POLL).toMatch(/已等候 1\d 分钟$/);
    await eng.getByTestId('no-access-submit').click();
    await expect.poll(() => phoneStatus(eng), POLL).toBe('taken');
    await expect
      .poll(async () => (await eng.getByTestId('order-timeline').textContent()) ?? '', POLL)
      .toContain('等候 1');

    // The coordinator's list: the rebook is due; the customer asks for tomorrow morning.
    const page = await signIn(desk, server.url, 'coord1');
    await page.goto(`${server.url}/onsite-reports`);
    const row = page.getByTestId(`onsite-report-${order.number}-no_access`);
    await row.waitFor();
    expect(await row.textContent()).toContain('无人接听');
    const start = new Date(serverNow().getTime() + 30 * MIN);
    await a.act('coord1', order.id, 'reschedule', {
      reason: '客户来电改约，晚上在家',
      askedBy: 'customer',
      window: { start: start.toISOString(), end: new Date(start.getTime() + 120 * MIN).toISOString() },
    });
    await page.reload();
    await page.getByTestId('onsite-reports-state').getByText('已关闭').click();
    await page.getByTestId(`onsite-report-${order.number}-no_access`).waitFor();
    await page.close();
  });

  it('S3 ENG-04 PAY-01 WO-13 next visit: consents signed, the out-of-warranty quote signed, taken back with a loaner', async () => {
    // The store has a loaner modem; eng1 borrows it for this order (the parts desk's part, by API).
    const item = await a.post<{ id: string }>('admin', '/api/parts/items', {
      code: `LOANER-${Date.now() % 100000}`,
      name: '周转光猫',
      category: 'loaner',
      tracking: 'serialised',
    });
    const me = await a.get<{ person: { unitId: string } }>('eng1', '/api/me');
    const store = await a.post<{ id: string }>('admin', '/api/parts/locations', {
      kind: 'station',
      name: '西湖站周转库',
      unitId: me.person.unitId,
    });
    const serial = `ZZ${Date.now() % 1_000_000}`;
    const received = await a.post<{ received: { unitId: string }[] }>('admin', '/api/parts/receipts', {
      locationId: store.id,
      itemId: item.id,
      units: [{ serial }],
    });
    await a.post('admin', '/api/parts/borrows', {
      orderId: order.id,
      engineerId: await a.personId('eng1'),
      storeId: store.id,
      lines: [{ itemId: item.id, unitId: received.received[0]!.unitId }],
    });
    const repair = await a.post<{ id: string }>('admin', '/api/pay/price-items', {
      code: `REPAIR-${Date.now() % 100000}`,
      name: '光猫检测维修费',
      kind: 'labour',
      priceFen: 8000,
    });
    await a.post('eng1', `/api/pay/orders/${order.id}/quotes`, { lines: [{ priceItemId: repair.id, quantity: 1 }] });

    await openOrder(eng, order.id);
    await eng.getByTestId('action-depart').click();
    await expect.poll(() => phoneStatus(eng), POLL).toBe('en_route');
    await eng.getByTestId('action-arrive').click();
    await eng.getByTestId('arrive-submit').click();
    await expect.poll(() => phoneStatus(eng), POLL).toBe('on_site');

    // ENG-04: data-risk work with the backup confirmed, then opening the device — each signed.
    for (const [label, backup] of [
      ['数据风险操作', true],
      ['拆机', false],
    ] as const) {
      await choose(eng, 'consent-kind', label);
      if (backup) await eng.getByTestId('consent-backup').click();
      await sign(eng, 'consent-signature');
      await eng.getByTestId('consent-submit').click();
      await eng.getByTestId('consent-submit').waitFor({ state: 'detached' });
    }
    await expect.poll(async () => (await eng.getByTestId('consents').textContent()) ?? '', POLL).toContain('(2)');

    // PAY-01: the customer accepts the quote by signing on the phone.
    await eng.getByTestId('mobile-quote').waitFor();
    await sign(eng, 'quote-signature');
    await eng.getByTestId('quote-accept').click();
    await expect.poll(() => eng.getByTestId('mobile-quote').getAttribute('data-status'), POLL).toBe('accepted');

    // WO-13: not fixable here — the modem goes to the workshop, the loaner stays, the customer signs.
    await eng.getByTestId('take-back-open').click();
    await phoneField(eng, 'take-back-device').fill('华为 HG8245 光猫');
    await phoneField(eng, 'take-back-serial').fill('HW-2231-778');
    await phoneField(eng, 'take-back-configNotes', 'textarea').fill('PPPoE 账号已记录，WiFi 名称 chen-home');
    await phoneField(eng, 'take-back-dataNotes', 'textarea').fill('设备内无客户数据');
    const due = new Date(serverNow().getTime() + 3 * 86_400_000);
    await phoneField(eng, 'take-back-promisedReturnDate').fill(due.toISOString().slice(0, 10));
    await choose(eng, 'take-back-loaner', serial);
    await sign(eng, 'take-back-signature');
    // The stroke is drawn at the pad's measured place; if the panel moved under it meanwhile (the loaner
    // list re-read on a busy machine), the customer signs again — as on a real phone.
    const submitReceipt = eng.getByTestId('take-back-submit');
    await expect
      .poll(async () => {
        if (await submitReceipt.isEnabled()) return true;
        await sign(eng, 'take-back-signature');
        return submitReceipt.isEnabled();
      }, POLL)
      .toBe(true);
    await submitReceipt.click();
    const taken = eng.locator('[data-testid^="take-back-"][data-status="out"]');
    await taken.first().waitFor();
    expect(await taken.first().textContent()).toContain('已留周转机');
  });

  it('S3 WO-13 CB-01 the device comes back and the customer signs; an uncertain fix is called back 2–3 h later', async () => {
    await eng.getByTestId('take-back-return').click();
    await sign(eng, 'take-back-signature');
    await eng.getByTestId('take-back-return-submit').click();
    await eng.locator('[data-testid^="take-back-"][data-status="returned"]').first().waitFor();

    // ENG-05: the diagnosis of the visit before the fault can be completed.
    await recordPhoneDiagnosis(eng, { reproduced: '间歇出现', minutes: 30, finding: '光猫主板间歇重启，送修后恢复' });
    await eng.getByTestId('action-complete').click();
    await phoneField(eng, 'complete-handling-minutes').fill('75');
    await phoneField(eng, 'complete-remark', 'textarea').fill('光猫维修后归还，恢复上网；断线原因待观察');
    await eng.getByTestId('complete-uncertain-fix').click();
    await eng.getByTestId('complete-submit').click();
    await expect.poll(() => phoneStatus(eng), POLL).toBe('completed');
    const completedAt = serverNow().getTime();

    // The callback agent's queue: the order, to be called 2–3 h after the completion.
    const page = await signIn(desk, server.url, 'callback1');
    await page.goto(`${server.url}/callbacks`);
    const row = page.getByTestId(`cb-row-${order.number}`);
    await row.waitFor();
    const tasks = await a.get<{ items: { orderId: string; ruleKey: string; notBefore: string; dueAt: string }[] }>(
      'callback1',
      '/api/callbacks?state=open&limit=200',
    );
    const task = tasks.items.find((t) => t.orderId === order.id)!;
    expect(task.ruleKey).toBe('uncertain_fix');
    expect(Math.round((Date.parse(task.notBefore) - completedAt) / MIN)).toBeGreaterThanOrEqual(119);
    expect(Math.round((Date.parse(task.dueAt) - completedAt) / MIN)).toBeLessThanOrEqual(181);
    await page.close();
  });
});
