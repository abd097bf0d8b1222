import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_DESK_POLICY } from '@daowei/domain';
import { createDeskTasksService } from '../src/features/desk/desk-tasks.service.js';
import { createDeskNotices } from '../src/features/desk/desk-notices.js';
import { createScriptsService } from '../src/features/desk/scripts.service.js';
import { createNotificationService } from '../src/features/notifications/notification.service.js';
import {
  call,
  MINUTE,
  newPhone,
  orderBody,
  startHarness,
  tokensOf,
  type Body,
  type Harness,
  type Tokens,
} from './harness.js';

/** DESK-01/02/03/05 through HTTP on a real database, with pg-boss on this suite's own schema. */
const schema = `desk_${randomUUID().slice(0, 8)}`;
let h: Harness;
let tk: Tokens;
beforeAll(async () => {
  h = await startHarness({ jobs: { schema, pollingIntervalSeconds: 60 } });
  tk = await tokensOf(h);
});
afterAll(async () => h?.close());

const intake = (token: string, body: Record<string, unknown>) => call(h.app, token, 'POST', '/api/desk/intakes', body);
const orderFields = (type: 'fault' | 'carry_in') => {
  const { type: _t, ...rest } = orderBody(h, type);
  return rest;
};

describe('hotline intake (DESK-01, DESK-02, DESK-05, DESK-06)', () => {
  it('DESK-01 DESK-02 a misuse fault is guided on the phone: no order, a callback task due 2 h later with its timer job', async () => {
    const phone = newPhone();
    const res = await intake(tk.hotline, {
      callerPhone: phone,
      requestKind: 'fault',
      symptom: 'misuse',
      description: '路由器指示灯不亮，其实是电源没插好',
      guidance: '已指导您重新插好电源，请再试一次，有问题随时联系我们',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      mode: 'phone_guidance',
      decided: { mode: 'phone_guidance' },
      order: null,
      link: null,
    });
    expect(res.body.task).toMatchObject({ kind: 'guidance_callback', state: 'open', overdue: false });
    expect(new Date(res.body.task.dueAt).getTime() - h.clock.now().getTime()).toBe(120 * MINUTE);
    // The driver's result shape differs (pg: QueryResult, PGlite: Results); both carry `rows`.
    const jobs = (await h.database.db.execute(
      sql.raw(
        `select start_after from ${schema}.job where name = 'desk-task-due' and data->>'taskId' = '${res.body.task.id}'`,
      ),
    )) as unknown as { rows: Body[] };
    expect(jobs.rows).toHaveLength(1);
    expect(new Date(String(jobs.rows[0].start_after)).toISOString()).toBe(res.body.task.dueAt);

    const queue = await call(h.app, tk.hotline, 'GET', '/api/desk/tasks?state=open');
    expect(queue.body.items.map((t: Body) => t.id)).toContain(res.body.task.id);
  });

  it('DESK-02 when the timer fires the agent who took the call is told once; the task is then done with its result', async () => {
    const res = await intake(tk.hotline, {
      callerPhone: newPhone(),
      requestKind: 'fault',
      symptom: 'misuse',
      description: '电视没有信号，输入源选错了',
    });
    const taskId = res.body.task.id as string;
    const scripts = createScriptsService({ db: h.database.db, clock: h.clock, deskPolicy: DEFAULT_DESK_POLICY });
    const notices = createDeskNotices({
      notifications: createNotificationService({ db: h.database.db, clock: h.clock }),
      deskPolicy: DEFAULT_DESK_POLICY,
    });
    const tasks = createDeskTasksService({ db: h.database.db, clock: h.clock, scripts, onDue: notices.taskDue });
    const data = { tenantId: h.t.tenant.id, taskId };
    await tasks.fireDue(data); // early delivery: not due yet, nothing recorded
    h.clock.set(new Date(h.clock.now().getTime() + 121 * MINUTE).toISOString());
    tk = await tokensOf(h);
    await tasks.fireDue(data);
    await tasks.fireDue(data); // a second delivery changes nothing
    const inbox = await call(h.app, tk.hotline, 'GET', '/api/notifications');
    const due = inbox.body.items.filter(
      (n: Body) => n.kind === 'desk.guidance_callback_due' && n.payload.taskId === taskId,
    );
    expect(due).toHaveLength(1);
    const listed = await call(h.app, tk.hotline, 'GET', '/api/desk/tasks?state=open');
    expect(listed.body.items.find((t: Body) => t.id === taskId).overdue).toBe(true);

    const done = await call(h.app, tk.hotline, 'POST', `/api/desk/tasks/${taskId}/done`, { result: '客户确认已恢复' });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body).toMatchObject({ state: 'done', result: '客户确认已恢复' });
    const twice = await call(h.app, tk.hotline, 'POST', `/api/desk/tasks/${taskId}/done`, { result: '再次' });
    expect(twice.status).toBe(409);
  });

  it('DESK-05 a question not answerable now gets a promised reply (1 working day) and a task', async () => {
    const res = await intake(tk.hotline, {
      callerPhone: newPhone(),
      requestKind: 'question',
      symptom: 'other',
      description: '燃气表年检周期是怎么规定的？',
    });
    expect(res.body).toMatchObject({ mode: 'consultation', order: null, task: { kind: 'knowledge_reply' } });
    const due = new Date(res.body.task.dueAt).getTime();
    expect(due).toBeGreaterThan(h.clock.now().getTime());
    expect(due - h.clock.now().getTime()).toBeLessThanOrEqual(4 * 24 * 60 * MINUTE);
    const answered = await intake(tk.hotline, {
      callerPhone: newPhone(),
      requestKind: 'question',
      symptom: 'other',
      description: '营业厅几点关门？',
      answeredNow: true,
    });
    expect(answered.body.task).toBeNull();
  });

  it('DESK-01 DESK-06 an on-site fault opens an order for the coordinator and issues the customer link', async () => {
    const res = await intake(tk.hotline, {
      callerPhone: newPhone(),
      requestKind: 'fault',
      symptom: 'no_service',
      description: '整栋楼断网',
      order: orderFields('fault'),
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ mode: 'on_site', order: { type: 'fault', status: 'created' }, task: null });
    expect(res.body.link.path).toBe(`/s/${res.body.link.token}`);
    const pub = await call(h.app, null, 'GET', `/api/public/orders/${res.body.link.token}`);
    expect(pub.body.number).toBe(res.body.order.number);
  });

  it('DESK-01 the agent may overrule the rules; both modes are kept; an order mode without order fields is refused', async () => {
    const res = await intake(tk.hotline, {
      callerPhone: newPhone(),
      requestKind: 'fault',
      symptom: 'hardware',
      devicePortable: true,
      description: '笔记本开不了机',
      mode: 'on_site',
      order: orderFields('fault'),
    });
    expect(res.body).toMatchObject({ mode: 'on_site', decided: { mode: 'carry_in', ruleId: 'hardware-portable' } });
    const missing = await intake(tk.hotline, {
      callerPhone: newPhone(),
      requestKind: 'fault',
      symptom: 'hardware',
      devicePortable: true,
      description: '笔记本开不了机',
    });
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({ code: 'WO_REQUIRED_FIELD_MISSING', details: { field: 'body.order' } });
    const engineer = await intake(tk.engineer, {
      callerPhone: newPhone(),
      requestKind: 'question',
      symptom: 'other',
      description: 'x',
    });
    expect(engineer.status).toBe(403);
  });
});

describe('carry-in desk (DESK-03)', () => {
  it('DESK-03 receipt → diagnosing → repairing → ready (customer told) → pickup after a re-test, promised in 3 working days', async () => {
    const res = await intake(tk.hotline, {
      callerPhone: newPhone(),
      requestKind: 'fault',
      symptom: 'hardware',
      devicePortable: true,
      description: '笔记本屏幕闪烁',
      order: orderFields('carry_in'),
    });
    expect(res.body).toMatchObject({ mode: 'carry_in', order: { type: 'carry_in' } });
    const id = res.body.order.id as string;
    const url = `/api/work-orders/${id}/carry-in`;
    const receipt = await call(h.app, tk.hotline, 'POST', url, {
      configuration: 'i7 / 16 GB / 512 GB SSD',
      condition: '外壳轻微划痕',
      accessories: '电源适配器',
      receiptSignedBy: '王先生',
      shelf: 'A-03',
    });
    expect(receipt.status, JSON.stringify(receipt.body)).toBe(201);
    expect(receipt.body).toMatchObject({
      stage: 'received',
      receiptNumber: `R-${res.body.order.number}`,
      shelf: 'A-03',
    });
    // Monday 10:00 Beijing + 3 working days = close of Thursday's hours.
    expect(new Date(receipt.body.promisedAt).getTime()).toBeGreaterThan(new Date('2026-11-26T00:00:00Z').getTime());
    expect(new Date(receipt.body.promisedAt).getTime()).toBeLessThan(new Date('2026-11-27T00:00:00Z').getTime());

    const skip = await call(h.app, tk.hotline, 'POST', `${url}/pickup`, {
      retestPassed: true,
      retestNote: 'ok',
      signedBy: '王先生',
    });
    expect(skip.status).toBe(409);
    for (const stage of ['diagnosing', 'repairing']) {
      const step = await call(h.app, tk.hotline, 'POST', `${url}/stage`, { stage });
      expect(step.status, JSON.stringify(step.body)).toBe(200);
    }
    const rude = await call(h.app, tk.hotline, 'POST', `${url}/stage`, {
      stage: 'ready',
      note: '修好了，自己来拿，等着吧',
    });
    expect(rude.status).toBe(409);
    expect(rude.body).toMatchObject({
      code: 'DESK_FORBIDDEN_PHRASE',
      details: { field: 'body.note', phrase: '等着吧' },
    });
    const ready = await call(h.app, tk.hotline, 'POST', `${url}/stage`, { stage: 'ready' });
    expect(ready.body.stage).toBe('ready');
    const page = await call(h.app, null, 'GET', `/api/public/orders/${res.body.link.token}`);
    expect(page.body.messages[0].text).toContain('修好');

    const failed = await call(h.app, tk.hotline, 'POST', `${url}/pickup`, {
      retestPassed: false,
      retestNote: '仍闪烁',
      signedBy: '王先生',
    });
    expect(failed.status).toBe(400);
    const pickup = await call(h.app, tk.hotline, 'POST', `${url}/pickup`, {
      retestPassed: true,
      retestNote: '当面开机测试，屏幕正常',
      signedBy: '王先生',
    });
    expect(pickup.status, JSON.stringify(pickup.body)).toBe(200);
    expect(pickup.body).toMatchObject({ stage: 'picked_up', pickupSignedBy: '王先生' });
    expect(pickup.body.steps.map((s: Body) => s.stage)).toEqual([
      'received',
      'diagnosing',
      'repairing',
      'ready',
      'picked_up',
    ]);
    const board = await call(h.app, tk.hotline, 'GET', '/api/carry-in');
    expect(board.body.items.map((r: Body) => r.orderId)).not.toContain(id);
  });
});
