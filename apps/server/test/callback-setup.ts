import { createTestPerson } from '@daowei/db/testing';
import type { Person } from '@daowei/domain';
import { actOk, call, completeBody, createOrderVia, dispatchToPerson, type Body, type Harness } from './harness.js';

/** A callback agent (回访专员) of the operator, who sees every vendor's callbacks. */
export function addCallbackAgent(h: Harness): Promise<Person> {
  return createTestPerson(h.database.db, h.t.tenant.id, {
    name: 'callback',
    unitId: h.t.operatorUnit.id,
    positions: ['callback_agent'],
    suffix: h.t.suffix,
  });
}

/** Creates an order of this type and has the test engineer take it; returns its id. */
export async function takenOrder(
  h: Harness,
  tk: { hotline: string; coordinator: string; engineer: string },
  type: 'install' | 'fault',
) {
  const o = await createOrderVia(h, tk.hotline, type);
  const id: string = o.order.id;
  await dispatchToPerson(h, tk.coordinator, id, h.t.engineer.id);
  await actOk(h, tk.engineer, id, 'take');
  return id;
}

export const completeOk = (h: Harness, engineer: string, id: string) =>
  actOk(h, engineer, id, 'complete', completeBody());

/** The open callback task of an order in the agent's queue. */
export async function openTaskOf(h: Harness, token: string, orderId: string): Promise<Body> {
  const res = await call(h.app, token, 'GET', '/api/callbacks?state=open&limit=200');
  if (res.status !== 200) throw new Error(`queue: ${res.status} ${JSON.stringify(res.body)}`);
  const task = res.body.items.find((t: Body) => t.orderId === orderId);
  if (!task) throw new Error(`no open callback for ${orderId}`);
  return task;
}

export const dissatisfied = (ownerId: string) => ({
  satisfaction: 'dissatisfied',
  problemSolved: false,
  rootCause: 'The line drops again every evening',
  suggestion: 'Replace the optical modem',
  improvementAction: { ownerId, measure: 'Check modem firmware on every fault visit', dueDate: '2026-12-15' },
});
