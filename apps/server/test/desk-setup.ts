import type { WorkOrderType } from '@daowei/domain';
import { expect } from 'vitest';
import { actOk, call, dispatchToPerson, newPhone, orderBody, type Body, type Harness, type Tokens } from './harness.js';

/** What a caller tells the hotline (POST /api/desk/intakes); the order part is filled by orderBody. */
export interface IntakeCall {
  /** The order's own type for orderBody; the intake decides the type, so it is not sent. */
  type: WorkOrderType;
  requestKind: string;
  symptom: string;
  description: string;
  mode?: 'on_site' | 'carry_in';
  devicePortable?: boolean;
  /** Overrides of the order part (coordinates, address…). */
  order?: Record<string, unknown>;
}

export interface DeskOrder {
  id: string;
  number: string;
  /** The customer's self-service link token the desk hands out. */
  token: string;
  body: Body;
}

/** An order taken in at the desk by the hotline agent, with the customer's self-service link; must succeed. */
export async function deskIntake(h: Harness, hotline: string, c: IntakeCall): Promise<DeskOrder> {
  const { type: _t, ...order } = orderBody(h, c.type, c.order ?? {});
  const res = await call(h.app, hotline, 'POST', '/api/desk/intakes', {
    callerPhone: newPhone(),
    requestKind: c.requestKind,
    symptom: c.symptom,
    description: c.description,
    ...(c.mode ? { mode: c.mode } : {}),
    ...(c.devicePortable !== undefined ? { devicePortable: c.devicePortable } : {}),
    order,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return {
    id: res.body.order.id as string,
    number: res.body.order.number as string,
    token: res.body.link.token as string,
    body: res.body,
  };
}

/** A desk-taken order dispatched to the test engineer, who has taken it. */
export async function deskOrderTaken(h: Harness, tk: Tokens, c: IntakeCall): Promise<DeskOrder> {
  const o = await deskIntake(h, tk.hotline, c);
  await dispatchToPerson(h, tk.coordinator, o.id, h.t.engineer.id);
  await actOk(h, tk.engineer, o.id, 'take');
  return o;
}
