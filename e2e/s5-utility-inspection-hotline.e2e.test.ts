import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, signedInPeople } from './support/browser.js';
import { startServer, type RunningServer } from './support/server.js';
import { loginInBrowser as login } from './support/login.js';
import { arranger, phoneStatus, type Arranger, type Created } from './support/arrange.js';
import { recordPhoneDiagnosis, submitPhoneCompletion } from './support/phone-forms.js';
import { antInput, pickOption } from './support/antd.js';

/** Waits for what the user would see; the shared 2-core machine can take seconds per step. */
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 30_000 });

/**
 * S5 — utility inspection and hotline (flows.md). The inspection itself (yearly plan, two inspectors,
 * hazard notice refused with a reason, WO-17) is walked by e2e/s5-inspection.e2e.test.ts; this file walks
 * the hotline around it: the appointment call is logged on the order; a question that cannot be answered
 * now gets a promised reply time and a task (DESK-05); after the visit the customer reports a fault
 * through the self-service link, follows it, urges it and rates the service (DESK-06); a complaint is
 * followed to closure with its closing callback (CMP-01).
 */
describe('S5 utility inspection and hotline', () => {
  let server: RunningServer;
  let people: ReturnType<typeof signedInPeople>;
  let a: Arranger;
  let visit: Created;
  const s = String(Date.now()).slice(-8);
  let customerPhone: Awaited<ReturnType<typeof launchBrowser>> | undefined;
  const consoleOf = (who: string) => people.as(who, { width: 1440, height: 900 });

  beforeAll(async () => {
    server = await startServer({ DAOWEI_DEMO_ORDERS: '50' });
    people = signedInPeople(server.url, login);
    a = arranger(server.url);
    visit = await a.order('hotline1', 'fault', { faultDescription: '燃气表走字异常，怀疑漏气，要求上门检查' });
  }, 240_000);

  afterAll(async () => {
    await people?.closeAll();
    await customerPhone?.close();
    await server?.stop();
  });

  it('S5 APT-01 the coordinator logs the appointment calls on the order: no answer, then reached', async () => {
    const page = await consoleOf('coord1');
    await page.goto(`${server.url}/orders/${visit.id}`);
    await page.getByTestId('appointment-card').waitFor();
    await pickOption(page, 'appointment-call-outcome', '无人接听');
    await page.getByTestId('appointment-log-call').click();
    await poll(() => page.getByTestId('appointment-history').textContent()).toContain('无人接听');
    await pickOption(page, 'appointment-call-outcome', '已接通');
    await page.getByTestId('appointment-log-call').click();
    await poll(() => page.getByTestId('appointment-history').textContent()).toContain('已接通');

    const history = await a.get('coord1', `/api/work-orders/${visit.id}/appointment-history`);
    expect(history.calls.map((c: { outcome: string }) => c.outcome)).toEqual(['no_answer', 'reached']);
  }, 180_000);

  it('S5 DESK-05 a question the hotline cannot answer now gets a promised reply time and a task', async () => {
    const page = await consoleOf('hotline1');
    await page.getByTestId('menu-desk-intake').click();
    await page.getByTestId('intake-phone').fill(`135${s}`);
    await page.getByTestId('intake-lookup').click();
    await page.getByTestId('intake-unknown').waitFor();
    await pickOption(page, 'intake-kind', '咨询');
    await poll(() => page.getByTestId('intake-decided').getAttribute('data-mode')).toBe('consultation');
    const question = '家里想改装燃气灶位置，需要哪些审批、费用多少？';
    await page.getByTestId('intake-description').fill(question);
    await page.getByTestId('intake-submit').click();
    const promised = page.getByTestId('intake-task');
    await promised.waitFor();
    expect(await promised.textContent()).toMatch(/\d{2}:\d{2}/);

    // The task is on the desk's list with the question, until someone answers it.
    const tasks = page.getByTestId('desk-tasks');
    const task = tasks.locator('[data-testid^="desk-task-"]', { hasText: question }).first();
    await task.waitFor();
    expect(await task.textContent()).toContain(`135${s}`);
    await task
      .locator('[data-testid^="desk-task-result-"]')
      .fill('已回电：改管需报燃气公司审批，费用按价目表，已短信发送');
    await task.locator('[data-testid^="desk-task-done-"]').click();
    await poll(() => tasks.locator('[data-testid^="desk-task-"]', { hasText: question }).count()).toBe(0);
  }, 180_000);

  it('S5 DESK-06 after the visit the customer reports a fault through the self-service link, follows it, urges it and rates the service', async () => {
    // The coordinator dispatches the visit on the console; the engineer works it on the phone.
    const eng1 = (await a.get('eng1', '/api/me')).person as { id: string; name: string };
    const coord = await consoleOf('coord1');
    // The org tree answers slowly here (as on a busy server): a name typed as soon as the dialog opens
    // must still find the engineer once the tree arrives.
    await coord.route('**/api/org/tree', async (route) => {
      await new Promise((r) => setTimeout(r, 3000));
      await route.continue();
    });
    await coord.goto(`${server.url}/orders/${visit.id}`);
    await coord.getByTestId('action-dispatch').click();
    // The org tree's search box narrows the tree to the engineer (it opens the branches that match).
    await coord.getByTestId('dispatch-target').click();
    await antInput(coord, 'dispatch-target').fill(eng1.name);
    await coord.getByTestId(`dispatch-option-person-${eng1.id}`).last().click();
    await coord.getByTestId('dispatch-remark').fill('按约上门');
    await coord.getByTestId('dispatch-submit').click();
    await poll(() => coord.getByTestId('order-status').getAttribute('data-status')).toBe('assigned');
    await coord.unroute('**/api/org/tree');

    const eng = await people.as('eng1', { width: 390, height: 844 });
    await eng.goto(`${server.url}/m/orders/${visit.id}`);
    await eng.getByTestId('action-take').click();
    await poll(() => phoneStatus(eng)).toBe('taken');
    await eng.getByTestId('action-depart').click();
    await poll(() => phoneStatus(eng)).toBe('en_route');
    await eng.getByTestId('action-arrive').click();
    await eng.getByTestId('arrive-submit').click();
    await poll(() => phoneStatus(eng)).toBe('on_site');
    await recordPhoneDiagnosis(eng, { cause: '用户原因', finding: '表具接口松动，未见管道漏气' }); // ENG-05
    await submitPhoneCompletion(eng, 40, '表具接口松动，已紧固并检漏合格');
    await poll(() => phoneStatus(eng)).toBe('completed');

    const deskPage = await consoleOf('hotline1');
    await deskPage.goto(`${server.url}/orders/${visit.id}`);
    await deskPage.getByTestId('self-service-link').click();
    const url = (await deskPage.getByTestId('self-service-url').textContent()) ?? '';

    customerPhone = await launchBrowser({ width: 390, height: 844 });
    const page = await customerPhone.context.newPage();
    page.setDefaultTimeout(60_000);
    await page.goto(url);
    await poll(() => page.getByTestId('ss-status').textContent()).toContain(visit.number);
    await page.getByTestId('ss-report-text').locator('textarea').fill('检修后灶台旁还是有淡淡的燃气味');
    await page.getByTestId('ss-report-submit').click();
    await page.waitForURL((u) => u.pathname.startsWith('/s/') && url.indexOf(u.pathname) < 0);
    await poll(() => page.getByTestId('ss-status').textContent()).toContain('已受理');
    const number = /[A-Z]{2}-\d{8}-\d{6}/.exec((await page.getByTestId('ss-status').textContent()) ?? '')![0];
    await page.getByTestId('ss-history').waitFor();

    // 催办: the button then waits, and the station's coordinator hears of it.
    await page.getByTestId('ss-urge').click();
    await poll(() => page.getByTestId('ss-urge').textContent()).toContain('后可再次催办');
    await poll(async () => JSON.stringify(await a.get('coord1', '/api/notifications'))).toContain(number);

    // The fault is handled; the customer sees it done and rates the service once.
    const found = await a.get('coord1', `/api/work-orders?q=${number}`);
    const fault = found.items.find((o: { number: string }) => o.number === number) as { id: string };
    for (const [who, action, body] of [
      ['coord1', 'dispatch', { toPersonId: await a.personId('eng1'), remark: '用户催办，优先' }],
      ['eng1', 'take', {}],
      ['eng1', 'depart', {}],
      ['eng1', 'arrive', {}],
    ] as const) {
      await a.act(who, fault.id, action, body);
    }
    await a.diagnose('eng1', fault.id); // ENG-05
    await a.act('eng1', fault.id, 'complete', {
      customerContacted: true,
      handlingMinutes: 30,
      remark: '更换灶前阀，检漏合格',
      outcome: { kind: 'done' },
    });
    await page.reload();
    await page.getByTestId('ss-stars').locator('.adm-rate-star').nth(4).click();
    await page.getByTestId('ss-comment').locator('textarea').fill('师傅很专业，检查很仔细');
    await page.getByTestId('ss-rate').click();
    await page.getByText('感谢您的评价').first().waitFor();
    // The thanks toast comes before the page reads the rating back: the form goes once it has.
    await poll(() => page.getByTestId('ss-rate').count()).toBe(0);
  }, 240_000);

  it('S5 CMP-01 a complaint is followed to closure: sheet, closing callback, then closed', async () => {
    const complaint = await a.order('hotline1', 'complaint', { faultDescription: '安检员未出示证件，态度生硬' });
    const eng1 = await a.personId('eng1');
    await a.act('coord1', complaint.id, 'dispatch', { toPersonId: eng1, remark: '投诉处理' });
    await a.act('eng1', complaint.id, 'take');
    await a.act('eng1', complaint.id, 'complete', {
      customerContacted: true,
      handlingMinutes: 20,
      remark: '已上门致歉',
      outcome: {
        kind: 'resolved',
        causeCode: (await a.get('eng1', '/api/meta')).complaintCauses[0].code,
        solution: '当面致歉并重新讲解安检内容',
        steps: '班组内通报，安检员入户先亮证',
      },
    });
    // The desk's findings so far: about the inspector, fixed with the customer, the cause.
    const put = await fetch(`${server.url}/api/complaints/${complaint.id}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await a.token('callback1')}` },
      body: JSON.stringify({
        about: { kind: 'staff', personId: eng1 },
        fixedWithCustomer: true,
        responsibility: { party: 'staff', personId: eng1 },
        causeAnalysis: '入户未按规范先出示证件',
      }),
    });
    expect(put.status).toBe(200);

    // The closing callback from the queue.
    const page = await consoleOf('callback1');
    await page.goto(`${server.url}/callbacks`);
    const row = page.getByTestId(`cb-row-${complaint.number}`);
    await row.click();
    await page.getByTestId('cb-sat-satisfied').click();
    await page.getByTestId('cb-remark').fill('用户表示满意，接受道歉');
    await page.getByTestId('cb-submit').click();
    await poll(() => page.getByTestId('success-message').first().textContent()).toBeTruthy();

    // The sheet: the measure to prevent it again, then the complaint closes.
    await page.goto(`${server.url}/complaints`);
    await page.getByTestId(`cmp-row-${complaint.number}`).click();
    await page.getByTestId('cmp-sheet').waitFor();
    await page.getByTestId('cmp-measure').fill('入户先亮证写入安检规范，班前会抽查');
    await page.getByTestId('cmp-save').click();
    await poll(() => page.getByTestId('success-message').first().textContent()).toMatch(/已保存|saved/);
    await page.getByTestId('cmp-close').click();
    await page.getByTestId('cmp-closed').waitFor();
    await poll(async () => (await a.get('hotline1', `/api/work-orders/${complaint.id}`)).order.status).toBe('closed');
  }, 240_000);
});
