import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Person } from '@daowei/domain';
import {
  actions,
  call,
  DAY,
  getOrder,
  startHarness,
  tokensOf,
  type Body,
  type Harness,
  type Tokens,
} from './harness.js';
import { addCallbackAgent, completeOk, dissatisfied, openTaskOf, takenOrder } from './callback-setup.js';

/**
 * CB-01/02 through the API: completing an order queues the callback its rules give; the agent logs
 * attempts and the answer; a dissatisfied answer reopens the order through the lifecycle.
 */
let h: Harness;
let tk: Tokens;
let agent: Person;
let cb: string;

beforeAll(async () => {
  h = await startHarness();
  agent = await addCallbackAgent(h);
  await at('2026-11-23T02:00:00Z');
});
afterAll(async () => h?.close());

/** Moves the server clock and logs everyone in again (idle sessions expire as the clock jumps). */
async function at(iso: string): Promise<void> {
  h.clock.set(iso);
  tk = await tokensOf(h);
  cb = await h.tokenFor(agent);
}

describe('callbacks', () => {
  it('CB-01 a completed install gets a callback task due within 7 days, in the agent’s queue with its order', async () => {
    await at('2026-11-23T02:00:00Z');
    const id = await takenOrder(h, tk, 'install');
    await at('2026-11-24T03:00:00Z');
    await completeOk(h, tk.engineer, id);
    const task = await openTaskOf(h, cb, id);
    expect(task).toMatchObject({
      kind: 'satisfaction',
      ruleKey: 'install_completed',
      ruleId: 'CB-01',
      rules: { id: 'default-callback', version: 1 },
      state: 'open',
      raisedAt: '2026-11-24T03:00:00.000Z',
      attempts: [],
    });
    expect(Date.parse(task.dueAt) - Date.parse(task.raisedAt)).toBeLessThanOrEqual(7 * DAY);
    expect(task.dueAt).toBe('2026-12-01T03:00:00.000Z');
    expect(task.order).toMatchObject({ id, type: 'install', status: 'completed' });
  });

  it('CB-01 the queue is due first, and engineers cannot read it', async () => {
    const res = await call(h.app, cb, 'GET', '/api/callbacks?state=open');
    expect(res.status).toBe(200);
    const due = res.body.items.map((t: Body) => Date.parse(t.dueAt));
    expect(due).toEqual([...due].sort((a, b) => a - b));
    expect((await call(h.app, tk.engineer, 'GET', '/api/callbacks')).status).toBe(403);
  });

  it('CB-02 attempts are logged; unanswered calls up to the limit make the task unreachable', async () => {
    await at('2026-11-25T02:00:00Z');
    const id = await takenOrder(h, tk, 'install');
    await completeOk(h, tk.engineer, id);
    const task = await openTaskOf(h, cb, id);
    const later = await call(h.app, cb, 'POST', `/api/callbacks/${task.id}/attempts`, {
      result: 'call_back_later',
      callBackAt: '2026-11-25T10:00:00Z',
    });
    expect(later.status).toBe(200);
    expect(later.body).toMatchObject({ state: 'open', callBackAt: '2026-11-25T10:00:00.000Z', unansweredAttempts: 0 });
    const noWhen = await call(h.app, cb, 'POST', `/api/callbacks/${task.id}/attempts`, { result: 'call_back_later' });
    expect(noWhen.status).toBe(400);
    for (const result of ['no_answer', 'busy']) {
      const r = await call(h.app, cb, 'POST', `/api/callbacks/${task.id}/attempts`, { result });
      expect(r.body).toMatchObject({ state: 'open' });
    }
    const last = await call(h.app, cb, 'POST', `/api/callbacks/${task.id}/attempts`, { result: 'no_answer' });
    expect(last.body).toMatchObject({ state: 'unreachable', unansweredAttempts: 3, consequence: 'unreachable' });
    expect(last.body.attempts.map((a: Body) => a.result)).toEqual([
      'call_back_later',
      'no_answer',
      'busy',
      'no_answer',
    ]);
    const again = await call(h.app, cb, 'POST', `/api/callbacks/${task.id}/outcome`, { satisfaction: 'satisfied' });
    expect(again.status).toBe(409);
  });

  it('CB-02 a dissatisfied answer without a root cause is refused (400), and nothing changes', async () => {
    await at('2026-11-26T02:00:00Z');
    const id = await takenOrder(h, tk, 'fault');
    await completeOk(h, tk.engineer, id);
    const task = await openTaskOf(h, cb, id);
    const { rootCause: _r, ...noCause } = dissatisfied(h.t.coordinator.id);
    const res = await call(h.app, cb, 'POST', `/api/callbacks/${task.id}/outcome`, noCause);
    expect(res.status).toBe(400);
    expect(res.body.details.field).toBe('rootCause');
    const { improvementAction: _i, ...noAction } = dissatisfied(h.t.coordinator.id);
    const res2 = await call(h.app, cb, 'POST', `/api/callbacks/${task.id}/outcome`, noAction);
    expect(res2.status).toBe(400);
    expect(res2.body.details.field).toBe('improvementAction.ownerId');
    expect((await openTaskOf(h, cb, id)).state).toBe('open');
    expect((await getOrder(h, tk.coordinator, id)).order.status).toBe('completed');
  });

  it('CB-02 a dissatisfied callback reopens the order: its history shows reopen by the callback agent', async () => {
    await at('2026-11-27T02:00:00Z');
    const id = await takenOrder(h, tk, 'fault');
    await completeOk(h, tk.engineer, id);
    const task = await openTaskOf(h, cb, id);
    await at('2026-11-27T05:00:00Z');
    const res = await call(h.app, cb, 'POST', `/api/callbacks/${task.id}/outcome`, dissatisfied(h.t.coordinator.id));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      state: 'done',
      satisfaction: 'dissatisfied',
      consequence: 'reopen',
      rootCause: 'The line drops again every evening',
      improvementAction: { ownerId: h.t.coordinator.id, dueDate: '2026-12-15' },
      finishedBy: agent.id,
    });
    const detail = await getOrder(h, tk.coordinator, id);
    expect(detail.order.status).toBe('triaged');
    expect(actions(detail)).toEqual(['create', 'dispatch', 'take', 'complete', 'reopen']);
    const reopen = detail.events.at(-1);
    expect(reopen).toMatchObject({
      action: 'reopen',
      fromStatus: 'completed',
      toStatus: 'triaged',
      actorId: agent.id,
      actorPosition: 'callback_agent',
      at: '2026-11-27T05:00:00.000Z',
    });
    expect(reopen.payload).toMatchObject({ callbackTaskId: task.id, ruleId: 'CB-02' });
    // The chain still verifies with the reopen appended.
    const verify = await call(h.app, tk.admin, 'GET', `/api/work-orders/${id}`);
    expect(verify.status).toBe(200);
  });

  it('CB-02 a satisfied answer finishes the task and leaves the order as it is', async () => {
    await at('2026-11-28T02:00:00Z');
    const id = await takenOrder(h, tk, 'install');
    await completeOk(h, tk.engineer, id);
    const task = await openTaskOf(h, cb, id);
    const res = await call(h.app, cb, 'POST', `/api/callbacks/${task.id}/outcome`, { satisfaction: 'very_satisfied' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ state: 'done', consequence: 'close_allowed', improvementAction: null });
    expect((await getOrder(h, tk.coordinator, id)).order.status).toBe('completed');
  });
});
