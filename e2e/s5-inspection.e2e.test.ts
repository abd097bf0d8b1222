import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { apiLogin } from './support/api.js';
import { launchBrowser, type Browser } from './support/browser.js';
import { DEMO_PASSWORD, loginInBrowser } from './support/login.js';
import { startServer, type RunningServer } from './support/server.js';

async function api<T>(url: string, token: string, method: 'GET' | 'POST', body?: unknown): Promise<T> {
  const res = await fetch(url, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** Picks people in the crew select by name. */
async function pickPerson(page: Page, name: string) {
  await page.getByTestId('insp-crew-select').click();
  await page.keyboard.type(name);
  await page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: name })
    .first()
    .click();
  await page.keyboard.press('Escape');
}

interface PlanAnswer {
  targets: { customerName: string; month: number; order: { id: string; number: string } | null }[];
}
interface InspectionAnswer {
  crew: { personId: string; lead: boolean }[];
  findings: { item: string; result: string; hazardLevel: string | null }[];
  notice: {
    id: string;
    deadline: string;
    signed: boolean | null;
    refusalReason: string | null;
    refusalNote: string | null;
  } | null;
}

/**
 * S5, the inspection half (WO-17): the coordinator's yearly plan generates the orders now due; the
 * appointment call is logged; the crew must be two inspectors (one is refused with a clear message);
 * on a 390×844 phone the lead inspector records the items, a hazard produces the rectification notice
 * with its deadline, the customer refuses to sign and the reason is recorded; the notice prints so.
 */
describe('S5 inspection', () => {
  let server: RunningServer;
  let desk: Browser;
  let phone: Browser;
  let coordToken = '';
  const inspectors: { id: string; name: string }[] = [];

  beforeAll(async () => {
    server = await startServer({ DAOWEI_DEMO_ORDERS: '200' });
    desk = await launchBrowser();
    phone = await launchBrowser({ width: 390, height: 844 });
    coordToken = (await apiLogin(server.url, 'coord1', DEMO_PASSWORD)).token;
    for (const login of ['eng1', 'eng2']) {
      const me = (await apiLogin(server.url, login, DEMO_PASSWORD)).me as unknown as {
        person: { id: string; name: string };
      };
      inspectors.push({ id: me.person.id, name: me.person.name });
    }
  }, 240_000);

  afterAll(async () => {
    await phone?.close();
    await desk?.close();
    await server?.stop();
  });

  it('S5 inspection: plan → orders, appointment call, two inspectors, hazard → notice, refusal and reason recorded', async () => {
    const local = new Date(Date.now() + 8 * 3_600_000);
    const year = local.getUTCFullYear();
    const month = local.getUTCMonth() + 1;
    const later = month <= 9 ? month + 3 : null;

    const console_ = await desk.context.newPage();
    await loginInBrowser(console_, server.url, 'coord1');
    await console_.waitForURL((u) => !u.pathname.startsWith('/login'));
    await console_.goto(`${server.url}/inspections/plans`);
    await console_.getByTestId('insp-new-plan').click();
    await console_.getByTestId('insp-plan-name').fill(`${year} 年度入户安检（测试）`);
    await console_
      .getByTestId('insp-plan-targets')
      .fill(
        [`钱先生,13900008881,文一路 8 号 1-101,${month}`, later ? `孙女士,13900008882,文一路 8 号 2-202,${later}` : '']
          .filter(Boolean)
          .join('\n'),
      );
    await console_.getByTestId('insp-plan-submit').click();
    await console_.waitForURL(/\/inspections\/plans\/[0-9a-f-]{36}$/);
    const planId = console_.url().split('/').pop()!;
    await expect.poll(() => console_.getByTestId('insp-order-status').count()).toBe(1);
    const plan = await api<PlanAnswer>(`${server.url}/api/inspection-plans/${planId}`, coordToken, 'GET');
    const due = plan.targets.find((t) => t.customerName === '钱先生')!;
    expect(due.order).not.toBeNull();
    if (later) expect(plan.targets.find((t) => t.customerName === '孙女士')!.order).toBeNull();
    const orderId = due.order!.id;

    // The appointment call is logged.
    const call = await api<{ call: { outcome: string } }>(
      `${server.url}/api/work-orders/${orderId}/appointment-calls`,
      coordToken,
      'POST',
      { outcome: 'reached', note: '约好明天上午入户检查' },
    );
    expect(call.call.outcome).toBe('reached');

    // One inspector is refused; two are recorded.
    await console_.getByTestId('insp-assign').click();
    await pickPerson(console_, inspectors[0]!.name);
    await console_.getByTestId('insp-assign-ok').click();
    await expect.poll(() => console_.getByTestId('insp-crew-error').textContent()).toContain('2');
    await pickPerson(console_, inspectors[1]!.name);
    await console_.getByTestId('insp-assign-ok').click();
    await console_.getByTestId('success-message').waitFor();
    await console_.screenshot({ path: '.tmp/e2e-s5-plan.png' });

    // The lead inspector's phone.
    const page = await phone.context.newPage();
    await loginInBrowser(page, server.url, 'eng1');
    await page.waitForURL(/\/m\/todo/);
    await page.goto(`${server.url}/m/inspection/${orderId}`);
    await expect.poll(() => page.getByTestId('insp-crew').locator('.adm-tag').count()).toBe(2);
    await page.getByTestId('insp-action-take').click();
    await expect.poll(() => page.getByTestId('insp-order-status').getAttribute('data-status')).toBe('taken');
    await page.getByTestId('insp-action-depart').click();
    await page.getByTestId('insp-action-arrive').waitFor();
    await page.getByTestId('insp-action-arrive').click();
    await expect.poll(() => page.getByTestId('insp-order-status').getAttribute('data-status')).toBe('on_site');

    await page.getByTestId('insp-result-pipe').getByText('正常').click();
    await page.getByTestId('insp-save-pipe').click();
    await expect.poll(() => page.getByTestId('insp-item-pipe').locator('.adm-tag').count()).toBe(1);
    await page.getByTestId('insp-result-hose').getByText('有隐患').click();
    await page.getByTestId('insp-level-hose').getByText('一般隐患').click();
    await page.getByTestId('insp-note-hose').locator('textarea').fill('软管老化开裂，长度超过两米');
    await page.getByTestId('insp-save-hose').click();
    await expect.poll(() => page.getByTestId('insp-item-hose').locator('.adm-tag').count()).toBe(1);

    await page.getByTestId('insp-issue-notice').click();
    await page.getByTestId('insp-notice-deadline').waitFor();

    // The customer refuses to sign: the reason is recorded, nothing is forced.
    await page.getByTestId('insp-notice-refuse').click();
    await page.getByTestId('insp-refusal-reason').getByText('不认可检查结论').click();
    await page.getByTestId('insp-refusal-note').locator('textarea').fill('认为软管上个月才换过');
    await page.getByTestId('insp-record-refusal').click();
    await page.getByTestId('insp-notice-refused').waitFor();
    await page.screenshot({ path: '.tmp/e2e-s5-phone.png', fullPage: true });

    const detail = await api<InspectionAnswer>(
      `${server.url}/api/work-orders/${orderId}/inspection`,
      coordToken,
      'GET',
    );
    expect(detail.crew.map((c) => [c.personId, c.lead])).toEqual([
      [inspectors[0]!.id, true],
      [inspectors[1]!.id, false],
    ]);
    expect(detail.findings.map((f) => [f.item, f.result])).toEqual([
      ['pipe', 'ok'],
      ['hose', 'hazard'],
    ]);
    expect(detail.notice).toMatchObject({
      signed: false,
      refusalReason: 'disagrees',
      refusalNote: '认为软管上个月才换过',
    });

    // The printable notice shows the deadline and the refusal.
    await console_.goto(`${server.url}/inspections/notices/${detail.notice!.id}/print`);
    await expect.poll(() => console_.getByTestId('notice-deadline').textContent()).toContain(detail.notice!.deadline);
    await expect.poll(() => console_.getByTestId('notice-answer').textContent()).toContain('认为软管上个月才换过');
  }, 300_000);
});
