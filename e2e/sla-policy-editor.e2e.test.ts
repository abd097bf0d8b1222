import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type Browser } from './support/browser.js';
import { startServer, type RunningServer } from './support/server.js';
import { loginInBrowser as login } from './support/login.js';

/**
 * Issue 8 on the console, SLA-01/02 settings: the operator's admin gives a team 24×7 working hours and
 * shortens the install promise from 3 to 2 days in the policy editor; the save makes version 2, the
 * history keeps version 1 and the diff names the changed number; re-evaluating all clocks reports the moves.
 */
describe('admin: team working hours and the SLA policy editor', () => {
  let server: RunningServer;
  let desk: Browser;

  beforeAll(async () => {
    server = await startServer({ DAOWEI_DEMO_ORDERS: '20' });
    desk = await launchBrowser({ width: 1440, height: 900 });
  }, 240_000);

  afterAll(async () => {
    await desk?.close();
    await server?.stop();
  });

  it('SLA-01 SLA-02 the admin sets 24×7 hours for a team and saves install 3 → 2 days as version 2 with a diff', async () => {
    const page = await desk.context.newPage();
    await login(page, server.url, 'admin');
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    await page.getByTestId('menu-calendar').click();

    // Working hours: a 24×7 team that works through public holidays.
    await page.getByTestId('sla-tab-zones').click();
    await page.getByTestId('area-zones').waitFor();
    await page.getByTestId('hours-unit').click();
    await page.locator('.ant-select-dropdown .ant-select-item-option').first().click();
    await page.getByTestId('hours-name').fill('故障抢修 24 小时班');
    await page.getByRole('button', { name: '套用 7×24' }).click();
    await page.getByTestId('hours-save').click();
    await page.getByTestId('unit-hours').getByText('故障抢修 24 小时班').waitFor();
    expect(await page.getByTestId('unit-hours').textContent()).toContain('照常工作');

    // The policy editor: install 3 → 2 days, saved as a new version; the old one stays in the history.
    await page.getByTestId('sla-tab-policy').click();
    await page.getByTestId('policy-current-version').waitFor();
    expect(await page.getByTestId('policy-current-version').textContent()).toContain('1');
    // antd puts the test id on the input or on its wrapper, depending on the version.
    const id = '[data-testid="policy-deadline-install_complete"]';
    const days = page.locator(`input${id}, ${id} input`).first();
    await days.fill('2');
    await days.blur();
    await page.getByTestId('policy-note').fill('装机时限缩短为2天');
    await page.getByTestId('policy-save').click();
    await page.getByTestId('policy-current-version').getByText('第 2 版').waitFor();
    const versions = (await page.getByTestId('policy-versions').textContent()) ?? '';
    expect(versions).toContain('v2');
    expect(versions).toContain('v1');
    expect(versions).toContain('装机时限缩短为2天');

    await page.getByTestId('policy-diff-run').click();
    const diff = page.getByTestId('policy-diff');
    await diff.waitFor();
    const text = (await diff.textContent()) ?? '';
    expect(text).toContain('clocks.install_complete.deadline.days');
    expect(text).toContain('3');
    expect(text).toContain('2');

    // SLA-02: the running clocks keep version 1 until the admin re-evaluates them all, which reports the moves.
    await page.getByTestId('policy-reevaluate-all').click();
    await page.locator('.ant-popconfirm .ant-btn-primary').click();
    const done = page.locator('.ant-message').getByText(/已检查 \d+ 个工单，\d+ 个时限有变动（第 2 版）/);
    await done.waitFor({ timeout: 60_000 });
    await page.close();
  }, 120_000);
});
