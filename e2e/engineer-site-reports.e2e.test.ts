import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchBrowser, type Browser } from './support/browser.js';
import { startServer, type RunningServer } from './support/server.js';
import { loginInBrowser as login } from './support/login.js';
import { arranger, phoneField, phoneStatus, type Arranger, type Created } from './support/arrange.js';

const POLL = { timeout: 30_000 };
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAEklEQVR4nGP4z8CAFWEXHbQSACj/P8Fu7N9hAAAAAElFTkSuQmCC',
  'base64',
);

async function signIn(browser: Browser, url: string, who: string): Promise<Page> {
  const page = await browser.context.newPage();
  page.setDefaultTimeout(60_000);
  await login(page, url, who);
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
  return page;
}

/**
 * WO-15 and SLA-08 in the browser: on site, the engineer reports a network port change for the resource
 * manager and records a scratched floor with its photo (both through the phone's outbox); in the console
 * the reports are listed with their deadlines — the change acknowledged, the compensation settled.
 */
describe('on-site reports: resource change and damage', () => {
  let server: RunningServer;
  let phone: Browser;
  let desk: Browser;
  let a: Arranger;
  let order: Created;

  beforeAll(async () => {
    server = await startServer({ DAOWEI_DEMO_ORDERS: '50' });
    phone = await launchBrowser({ width: 390, height: 844 });
    desk = await launchBrowser({ width: 1440, height: 900 });
    a = arranger(server.url);
    order = await a.order('coord1', 'fault', { faultDescription: '入户光纤中断' });
    await a.act('coord1', order.id, 'dispatch', { toPersonId: await a.personId('eng1'), remark: '上门' });
    await a.act('eng1', order.id, 'take');
    const start = new Date(Date.now() + 30 * 60_000);
    await a.act('eng1', order.id, 'confirm_appointment', {
      window: { start: start.toISOString(), end: new Date(start.getTime() + 7_200_000).toISOString() },
    });
    await a.act('eng1', order.id, 'depart');
    await a.act('eng1', order.id, 'arrive');
  }, 240_000);

  afterAll(async () => {
    await phone?.close();
    await desk?.close();
    await server?.stop();
  });

  it('WO-15 SLA-08 the engineer files a resource change and a damage with its photo on the phone', async () => {
    const eng = await signIn(phone, server.url, 'eng1');
    await eng.goto(`${server.url}/m/orders/${order.id}`);
    await expect.poll(() => phoneStatus(eng), POLL).toBe('on_site');
    const panels = eng.getByTestId('site-reports');
    await panels.getByText('网络资源变更上报').click();
    await eng.getByTestId('resource-change-kind').locator('.adm-selector-item', { hasText: '端口' }).first().click();
    await phoneField(eng, 'resource-change-description', 'textarea').fill('原分光器口损坏，改接备用口');
    await phoneField(eng, 'resource-change-before').fill('分光器 B-12 口 3');
    await phoneField(eng, 'resource-change-after').fill('分光器 B-12 口 7');
    await eng.getByTestId('resource-change-submit').click();
    await expect.poll(() => phoneField(eng, 'resource-change-description', 'textarea').inputValue(), POLL).toBe('');

    await panels.getByText('客户财物损坏登记').click();
    await phoneField(eng, 'damage-item').fill('木地板');
    await phoneField(eng, 'damage-description', 'textarea').fill('搬梯子时划伤约10厘米');
    await phoneField(eng, 'damage-estimated').fill('300');
    await eng.getByTestId('damage-photo').setInputFiles({ name: 'floor.png', mimeType: 'image/png', buffer: PNG });
    await expect.poll(() => eng.getByTestId('damage-submit').isDisabled(), POLL).toBe(false);
    await eng.getByTestId('damage-submit').click();
    await expect.poll(() => phoneField(eng, 'damage-item').inputValue(), POLL).toBe('');

    const reports = await a.get<{ items: { kind: string; state: string; dueAt: string; raisedAt: string }[] }>(
      'eng1',
      `/api/work-orders/${order.id}/onsite-reports`,
    );
    expect(reports.items.map((r) => r.kind).sort()).toEqual(['damage', 'resource_change']);
    const damage = reports.items.find((r) => r.kind === 'damage')!;
    expect(Date.parse(damage.dueAt) - Date.parse(damage.raisedAt)).toBe(48 * 3_600_000);
  });

  it('WO-15 SLA-08 in the console the change is acknowledged and the compensation settled; the clocks stop', async () => {
    const page = await signIn(desk, server.url, 'admin');
    await page.goto(`${server.url}/onsite-reports`);
    for (const [kind, note, yuan] of [
      ['resource_change', '资源系统已更新端口', null],
      ['damage', '与客户协商现金赔偿', '250'],
    ] as const) {
      const row = page.getByTestId(`onsite-report-${order.number}-${kind}`);
      await row.waitFor();
      await row.getByTestId('onsite-report-close').click();
      await page.getByTestId('onsite-report-close-note').fill(note);
      if (yuan)
        await page
          .getByTestId('onsite-report-compensation')
          .locator('input')
          .or(page.locator('input[data-testid="onsite-report-compensation"]'))
          .first()
          .fill(yuan);
      await page.getByTestId('onsite-report-close-submit').click();
      await row.waitFor({ state: 'detached' });
    }
    await page.goto(`${server.url}/orders/${order.id}`);
    const card = page.getByTestId('order-onsite-reports');
    await expect.poll(async () => (await card.textContent()) ?? '', POLL).toContain('已赔偿 250.00 元');
    const clocks = await a.get<{ items: { kind: string; stoppedAt: string | null }[] }>(
      'admin',
      `/api/work-orders/${order.id}/clocks`,
    );
    for (const kind of ['resource_change_report', 'damage_compensation']) {
      expect(clocks.items.find((c) => c.kind === kind)?.stoppedAt).not.toBeNull();
    }
  });
});
