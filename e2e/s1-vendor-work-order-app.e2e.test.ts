import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchBrowser, type Browser } from './support/browser.js';
import { startServer, type RunningServer } from './support/server.js';
import { loginInBrowser as login } from './support/login.js';
import { arranger, phoneField, phoneStatus, type Arranger, type Created } from './support/arrange.js';
import { submitPhoneCompletion } from './support/phone-forms.js';

/** Waits for what the user would see; the shared 2-core machine can take seconds per step. */
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 30_000 });

/** A local calendar day `days` from today, as the phone's date field takes it. */
function day(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Picks a position from the phone header's sheet and waits until the header shows it. */
async function choosePosition(page: Page, position: string, label: string) {
  await page.getByTestId('position-switcher').click();
  await page.getByTestId(`position-option-${position}`).click();
  await poll(() => page.getByTestId('position-switcher').textContent()).toContain(label);
}

/** 我的待办 → 装维工单 → one type tab, then the order's card. */
async function openFromTodo(page: Page, url: string, typeTab: string, number: string) {
  if (!new URL(page.url()).pathname.startsWith('/m/todo')) await page.goto(`${url}/m/todo`);
  await page.getByTestId('tab-all').click();
  await page.getByTestId(`type-tab-${typeTab}`).click();
  await page.getByTestId(`order-card-${number}`).first().click();
  await page.waitForURL(/\/m\/orders\//);
  await poll(() => page.getByTestId('order-number').textContent()).toBe(number);
}

/** Opens the phone's 回单 sheet with the handling time and remark filled; the outcome is the caller's. */
async function startCompletion(page: Page, minutes: number, remark: string) {
  await page.getByTestId('action-complete').click();
  await phoneField(page, 'complete-handling-minutes').fill(String(minutes));
  await phoneField(page, 'complete-remark', 'textarea').fill(remark);
}

/**
 * S1 — the broadband vendor's work-order app (flows.md): the engineer's day on the phone (390×844),
 * the team lead handing a complaint on, the three complaint outcomes that do not close the matter, and
 * the admin's mapping of a person to the operator's BSS account.
 */
describe('S1 broadband vendor work-order app', () => {
  let server: RunningServer;
  let leadPhone: Browser;
  let engPhone: Browser;
  let console_: Browser;
  let a: Arranger;
  let install: Created;
  let complaint: Created;
  let toReschedule: Created;
  let misdispatched: Created;

  beforeAll(async () => {
    server = await startServer({ DAOWEI_DEMO_ORDERS: '50' });
    leadPhone = await launchBrowser({ width: 390, height: 844 });
    engPhone = await launchBrowser({ width: 390, height: 844 });
    console_ = await launchBrowser({ width: 1440, height: 900 });
    a = arranger(server.url);
    // The desk's part: an install offered to lead1 in person, a complaint offered to him to hand on,
    // and two complaints eng1 already holds.
    install = await a.order('coord1', 'install');
    await a.act('coord1', install.id, 'dispatch', { toPersonId: await a.personId('lead1'), remark: '今日装机' });
    complaint = await a.order('hotline1', 'complaint');
    await a.act('hotline1', complaint.id, 'triage', { remark: '投诉已核实' });
    await a.act('coord1', complaint.id, 'dispatch', { toPersonId: await a.personId('lead1'), remark: '请班组处理' });
    toReschedule = await a.order('hotline1', 'complaint');
    misdispatched = await a.order('hotline1', 'complaint');
    for (const c of [toReschedule, misdispatched]) {
      await a.act('coord1', c.id, 'dispatch', { toPersonId: await a.personId('eng1'), remark: '投诉上门' });
      await a.act('eng1', c.id, 'take');
    }
  }, 240_000);

  afterAll(async () => {
    await leadPhone?.close();
    await engPhone?.close();
    await console_?.close();
    await server?.stop();
  });

  it('S1 WO-04 APT-01 WO-07 an engineer chooses a position, takes an install from 我的待办 → 装维工单 → 开通工单, calls the customer and completes it', async () => {
    const page = await leadPhone.context.newPage();
    page.setDefaultTimeout(60_000);
    await login(page, server.url, 'lead1');
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    if (!new URL(page.url()).pathname.startsWith('/m/')) await page.goto(`${server.url}/m/todo`);
    await choosePosition(page, 'onsite_engineer', '上门工程师');
    await poll(() => page.locator('.adm-nav-bar-title').first().textContent()).toBe('我的待办');
    expect(await page.getByTestId('tab-all').textContent()).toBe('装维工单');
    expect(await page.getByTestId('type-tab-install').textContent()).toBe('开通工单');

    await openFromTodo(page, server.url, 'install', install.number);
    await poll(() => phoneStatus(page)).toBe('assigned');
    await page.getByTestId('action-take').click();
    await poll(() => phoneStatus(page)).toBe('taken');

    // APT-01: the number is a tap-to-call link; after the call the engineer records that it got through.
    expect(await page.getByTestId('order-phone-call').getAttribute('href')).toMatch(/^tel:1\d{10}$/);
    await page.getByTestId('call-log-reached').click();
    await poll(() => page.getByTestId('call-log-entry').first().getAttribute('data-outcome')).toBe('reached');
    expect(await page.getByTestId('call-log-entry').first().textContent()).toContain('已接通');

    await submitPhoneCompletion(page, 45, '光猫已装好，测速 500M 达标');
    await poll(() => phoneStatus(page)).toBe('completed');
    const detail = await a.get('coord1', `/api/work-orders/${install.id}`);
    expect(detail.completion).toMatchObject({ handlingMinutes: 45, remark: '光猫已装好，测速 500M 达标' });
    const calls = await a.get('coord1', `/api/work-orders/${install.id}/appointment-history`);
    expect(calls.calls.map((c: { outcome: string }) => c.outcome)).toEqual(['reached']);
  }, 180_000);

  it('S1 WO-06 the team lead takes a complaint in 投诉工单 and dispatches it to an engineer picked from the org tree', async () => {
    const page = leadPhone.context.pages().at(-1)!;
    await choosePosition(page, 'team_lead', '班组长');
    await openFromTodo(page, server.url, 'complaint', complaint.number);
    await page.getByTestId('action-take').click();
    await poll(() => phoneStatus(page)).toBe('taken');

    await page.getByTestId('action-dispatch').click();
    const eng1 = await a.get('eng1', '/api/me');
    await page.getByTestId('dispatch-search').locator('input').fill(eng1.person.name);
    const option = page.getByTestId(`dispatch-option-person-${eng1.person.id}`);
    // The picker shows where the person sits in the org tree (station / team) beside the name.
    const item = page.locator('.adm-check-list-item', { has: option });
    expect(await item.locator('.adm-list-item-description').textContent()).toContain(' / ');
    await option.click();
    await phoneField(page, 'dispatch-remark', 'textarea').fill('用户投诉装机慢，请今天上门处理');
    await page.getByTestId('dispatch-submit').click();
    await poll(() => phoneStatus(page)).toBe('assigned');
    const detail = await a.get('coord1', `/api/work-orders/${complaint.id}`);
    expect(detail.order.offeredToPersonId).toBe(eng1.person.id);
  }, 120_000);

  it('S1 WO-07 WO-08 the engineer completes complaints: unresolved → a linked fault order, a reschedule with date and slot, a misdispatch back to triage', async () => {
    const page = await engPhone.context.newPage();
    page.setDefaultTimeout(60_000);
    await login(page, server.url, 'eng1');
    await page.waitForURL(/\/m\/todo/);

    // Unresolved → fault (WO-08): the fault order appears linked to the complaint.
    await openFromTodo(page, server.url, 'complaint', complaint.number);
    await page.getByTestId('action-take').click();
    await poll(() => phoneStatus(page)).toBe('taken');
    await startCompletion(page, 30, '已上门查看，线路问题需转故障处理');
    await page.getByTestId('complete-outcome-unresolved_to_fault').click();
    await phoneField(page, 'complete-steps', 'textarea').fill('测光功率 -29dBm，分光器端口疑似故障');
    await page.getByTestId('complete-submit').click();
    await poll(() => phoneStatus(page)).toBe('completed');
    // The fault goes to triage (the engineer no longer sees it); the team lead follows the link both ways.
    const lead = leadPhone.context.pages().at(-1)!;
    await lead.goto(`${server.url}/m/orders/${complaint.id}`);
    const linked = lead.getByTestId('linked-orders').locator('[data-testid^="linked-order-"]');
    await poll(() => linked.count()).toBe(1);
    await linked.first().click();
    await poll(() => lead.getByTestId('field-type').textContent()).toContain('故障');
    expect(await lead.getByTestId('linked-orders').textContent()).toContain(complaint.number);

    // Reschedule: the complaint stays open with the new date and slot.
    await page.goto(`${server.url}/m/orders/${toReschedule.id}`);
    await poll(() => page.getByTestId('order-number').textContent()).toBe(toReschedule.number);
    await startCompletion(page, 10, '用户今天不在家');
    await page.getByTestId('complete-outcome-reschedule').click();
    await phoneField(page, 'complete-reschedule-reason', 'textarea').fill('用户出差，约后天下午');
    await phoneField(page, 'complete-date').fill(day(2));
    await page.getByTestId('slot-14-16').click();
    await page.getByTestId('complete-submit').click();
    await poll(() => page.getByTestId('field-appointment').textContent()).toContain('14:00');
    expect(await page.getByTestId('field-appointment').textContent()).toContain(day(2).slice(5));
    expect(['completed', 'closed']).not.toContain(await phoneStatus(page));

    // Misdispatched: back to the desk's triage.
    await page.goto(`${server.url}/m/orders/${misdispatched.id}`);
    await poll(() => page.getByTestId('order-number').textContent()).toBe(misdispatched.number);
    await startCompletion(page, 5, '不属于本组业务');
    await page.getByTestId('complete-outcome-misdispatched').click();
    await phoneField(page, 'complete-misdispatch-remark', 'textarea').fill('用户投诉的是固话，不是宽带，派错了');
    await page.getByTestId('complete-submit').click();
    await poll(async () => (await a.get('hotline1', `/api/work-orders/${misdispatched.id}`)).order.status).toBe(
      'triaged',
    );
  }, 240_000);

  it('S1 ORG-05 an admin links a person to a BSS account and finds the mapping by phone', async () => {
    const eng1 = await a.get('eng1', '/api/me');
    const found = await a.get('admin', `/api/people?q=${encodeURIComponent(eng1.person.name)}`);
    const phone = (found.items ?? found).find((p: { id: string }) => p.id === eng1.person.id).phone as string;
    const page = await console_.context.newPage();
    page.setDefaultTimeout(60_000);
    await login(page, server.url, 'admin');
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    await page.getByTestId('menu-external-accounts').click();
    await page.getByTestId('external-link-person').click();
    await page.keyboard.type(eng1.person.name);
    await page.getByTestId(`external-person-option-${eng1.person.id}`).click();
    const bssId = `BSS-${String(Date.now()).slice(-6)}`;
    await page.getByTestId('external-link-external-id').fill(bssId);
    await page.getByTestId('external-link-submit').click();
    await page.getByTestId(`external-row-${bssId}`).waitFor();

    // Another day: the admin only has the engineer's phone number.
    await page.reload();
    await page.getByTestId('external-search').fill(phone);
    await page.getByTestId('external-search-submit').click();
    const row = page.getByTestId(`external-row-${bssId}`);
    await row.waitFor();
    expect(await row.textContent()).toContain(eng1.person.name);
    expect(await row.textContent()).toContain('BSS');
  }, 120_000);
});
