import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { apiLogin } from './support/api.js';
import { launchBrowser, type Browser } from './support/browser.js';
import { DEMO_PASSWORD, loginInBrowser } from './support/login.js';
import { startServer, type RunningServer } from './support/server.js';

/** Today and a weekday a few days ahead, in the tenant's zone (Asia/Shanghai). */
function localDay(offsetDays = 0): { iso: string; weekday: number } {
  const d = new Date(Date.now() + 8 * 3_600_000 + offsetDays * 86_400_000);
  return { iso: d.toISOString().slice(0, 10), weekday: d.getUTCDay() };
}

async function getJson<T>(url: string, token: string): Promise<T> {
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  if (!res.ok) throw new Error(`GET ${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

interface AgreementAnswer {
  id: string;
  visits: {
    id: string;
    plannedDate: string | null;
    order: { id: string; number: string } | null;
    nextVisitId: string | null;
  }[];
}
interface CareVisitAnswer {
  visit: {
    ticks: Record<string, string>;
    contentConfirmedAt: string | null;
    condition: string | null;
    nextVisitId: string | null;
  };
  calls: { outcome: string; note: string | null }[];
}

/** Draws a stroke on the signature pad inside `scope`. */
async function sign(page: Page) {
  const pad = page.getByTestId('signature-pad');
  await pad.scrollIntoViewIfNeeded();
  const box = (await pad.boundingBox())!;
  await page.mouse.move(box.x + 30, box.y + 60);
  await page.mouse.down();
  await page.mouse.move(box.x + 120, box.y + 30, { steps: 8 });
  await page.mouse.move(box.x + 220, box.y + 90, { steps: 8 });
  await page.mouse.up();
}

/**
 * S7 (WO-16): the coordinator sets up a weekly home-care agreement in the console; its visits are
 * generated with orders offered to the carer; on a 390×844 phone the carer takes the first visit,
 * confirms the content by phone (logged), ticks the services and — before leaving — the customer's
 * valuables check, has the customer sign, records the evaluation and books the next visit.
 */
describe('S7 home-care recurring visits', () => {
  let server: RunningServer;
  let desk: Browser;
  let phone: Browser;
  let coordToken = '';
  let carer = { id: '', name: '' };

  beforeAll(async () => {
    server = await startServer({ DAOWEI_DEMO_ORDERS: '200' });
    desk = await launchBrowser();
    phone = await launchBrowser({ width: 390, height: 844 });
    coordToken = (await apiLogin(server.url, 'coord1', DEMO_PASSWORD)).token;
    const eng = await apiLogin(server.url, 'eng1', DEMO_PASSWORD);
    const me = eng.me as unknown as { person: { id: string; name: string } };
    carer = { id: me.person.id, name: me.person.name };
  }, 240_000);

  afterAll(async () => {
    await phone?.close();
    await desk?.close();
    await server?.stop();
  });

  it('S7 agreement → generated visits → phone confirmation → content and valuables → signature → evaluation → next visit booked', async () => {
    // The console: a weekly agreement whose visit day is three days from now.
    const visitDay = localDay(3);
    const console_ = await desk.context.newPage();
    await loginInBrowser(console_, server.url, 'coord1');
    await console_.waitForURL((u) => !u.pathname.startsWith('/login'));
    await console_.goto(`${server.url}/care/agreements`);
    await console_.getByTestId('care-new-agreement').click();
    await console_.getByTestId('care-form-name').fill('周奶奶');
    await console_.getByTestId('care-form-phone').fill('13900007777');
    await console_.getByTestId('care-form-address').fill('拱墅区和睦路 9 号 2-301');
    await console_.getByTestId('care-form-contents').getByText('居室清洁').click();
    await console_.getByTestId('care-form-contents').getByText('测量血压血糖').click();
    const dayNames = ['日', '一', '二', '三', '四', '五', '六'];
    await console_.getByTestId('care-form-weekdays').getByText(dayNames[visitDay.weekday]!, { exact: true }).click();
    await console_.getByTestId('care-form-start').fill('14:00');
    await console_.getByTestId('care-form-end').fill('15:30');
    await console_.getByTestId('care-form-start-date').fill(localDay(0).iso);
    await console_.getByTestId('care-form-carer').click();
    await console_.keyboard.type(carer.name);
    await console_
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: carer.name })
      .first()
      .click();
    await console_.getByTestId('care-form-submit').click();
    await console_.getByTestId('success-message').waitFor();
    await console_.getByTestId('care-agreement-link').filter({ hasText: '周奶奶' }).first().click();
    await console_.waitForURL(/\/care\/agreements\/[0-9a-f-]{36}$/);
    const agreementId = console_.url().split('/').pop()!;
    // Four weeks ahead: four weekly visits, each with its order.
    await expect.poll(() => console_.getByTestId('care-visit-order').count()).toBeGreaterThanOrEqual(4);
    await console_.screenshot({ path: '.tmp/e2e-s7-agreement.png' });

    const agreement = await getJson<AgreementAnswer>(`${server.url}/api/care-agreements/${agreementId}`, coordToken);
    const planned = agreement.visits.filter((v) => v.order);
    expect(planned.length).toBeGreaterThanOrEqual(4);
    const first = planned[0]!;
    const second = planned[1]!;

    // The carer's phone.
    const page = await phone.context.newPage();
    await loginInBrowser(page, server.url, 'eng1');
    await page.waitForURL(/\/m\/todo/);
    await page.goto(`${server.url}/m/care/${first.order!.id}`);
    await page.getByTestId('care-action-take').click();
    await expect.poll(() => page.getByTestId('care-order-status').getAttribute('data-status')).toBe('taken');

    // The day before: the content is confirmed by phone; the call is logged.
    await page.getByTestId('care-call-outcome').getByText('已确认服务内容与时间').click();
    await page.getByTestId('care-call-note').locator('textarea').fill('周奶奶说下午在家，血压计在客厅');
    await page.getByTestId('care-log-call').click();
    await expect.poll(() => page.getByTestId('care-content-confirmed').textContent()).toContain('服务内容已确认');
    await expect.poll(() => page.getByTestId('care-call-row').count()).toBe(1);

    // On the day: depart, arrive, do the services.
    await page.getByTestId('care-action-depart').click();
    await page.getByTestId('care-action-arrive').waitFor();
    await page.getByTestId('care-action-arrive').click();
    await expect.poll(() => page.getByTestId('care-order-status').getAttribute('data-status')).toBe('on_site');
    await page.getByTestId('care-tick-cleaning').click();
    await page.getByTestId('care-tick-health_check').click();
    await page.getByTestId('care-save-ticks').click();
    // Not signed before the valuables check.
    await page.getByTestId('care-sign-blocked').waitFor();
    await page.getByTestId('care-tick-valuables_checked').click();
    await page.getByTestId('care-tick-home_safe').click();
    await page.getByTestId('care-save-ticks').click();

    // The customer signs on the carer's phone.
    await page.getByTestId('care-satisfaction').waitFor();
    await page.getByTestId('care-satisfaction').locator('.adm-rate-star').nth(4).click();
    await sign(page);
    await page.getByTestId('care-sign').click();
    await page.getByTestId('care-signed').waitFor();

    // The carer's evaluation, then the next visit.
    await page.getByTestId('care-condition').getByText('状况平稳').click();
    await page.getByTestId('care-rating').locator('.adm-rate-star').nth(4).click();
    await page.getByTestId('care-evaluation-note').locator('textarea').fill('精神不错，已提醒按时服药');
    await page.getByTestId('care-save-evaluation').click();
    await page.getByTestId('care-evaluated').waitFor();
    await expect.poll(() => page.getByTestId('care-next-proposal').textContent()).toContain(second.plannedDate!);
    await page.getByTestId('care-book-next').click();
    await expect.poll(() => page.getByTestId('care-next-booked').textContent()).toContain(second.plannedDate!);
    await page.screenshot({ path: '.tmp/e2e-s7-phone.png', fullPage: true });

    // What the server kept.
    const eng = await apiLogin(server.url, 'eng1', DEMO_PASSWORD);
    const visit = await getJson<CareVisitAnswer>(
      `${server.url}/api/work-orders/${first.order!.id}/care-visit`,
      eng.token,
    );
    expect(visit.calls).toEqual([
      expect.objectContaining({ outcome: 'confirmed', note: '周奶奶说下午在家，血压计在客厅' }),
    ]);
    expect(visit.visit.contentConfirmedAt).not.toBeNull();
    expect(Object.keys(visit.visit.ticks).sort()).toEqual([
      'cleaning',
      'health_check',
      'home_safe',
      'valuables_checked',
    ]);
    expect(visit.visit.condition).toBe('stable');
    expect(visit.visit.nextVisitId).toBe(second.id);
    const confirmation = await getJson<{ confirmation: { signatureType: string; declinedToSign: boolean } }>(
      `${server.url}/api/work-orders/${first.order!.id}/confirmation`,
      eng.token,
    );
    expect(confirmation.confirmation).toMatchObject({ signatureType: 'image/png', declinedToSign: false });
  }, 300_000);
});
