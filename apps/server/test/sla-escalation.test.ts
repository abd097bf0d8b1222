import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listSlaClockEvents, listSlaClocksOfOrder } from '@daowei/db';
import { createTestPerson } from '@daowei/db/testing';
import type { Person } from '@daowei/domain';
import { createNotificationService } from '../src/features/notifications/notification.service.js';
import { createSlaService } from '../src/features/sla/sla.service.js';
import {
  call,
  createOrderVia,
  policy,
  startHarness,
  tokensOf,
  type Body,
  type Harness,
  type Tokens,
} from './harness.js';

/**
 * SLA-09 escalation: the policy names a position per clock kind and trigger (default for a fault: the
 * station's coordinator at the warning, its manager at the breach). The timer handlers are called
 * directly here (sla-timers.test.ts covers the queue); what is asserted is what those people see in
 * their inbox, and that a second delivery neither notifies nor records again.
 */
let h: Harness;
let tk: Tokens;
let managerToken: string;
let manager: Person;
let sla: ReturnType<typeof createSlaService>;

beforeAll(async () => {
  h = await startHarness();
  tk = await tokensOf(h);
  manager = await createTestPerson(h.database.db, h.t.tenant.id, {
    name: 'manager',
    unitId: h.t.units.station.id,
    positions: ['station_manager'],
    suffix: h.t.suffix,
  });
  sla = createSlaService({
    db: h.database.db,
    clock: h.clock,
    policy,
    notifications: createNotificationService({ db: h.database.db, clock: h.clock }),
  });
  h.clock.set('2026-11-23T02:00:00Z'); // Monday 10:00 Beijing
  const { order } = await createOrderVia(h, tk.hotline, 'fault'); // due 24:00 Beijing (16:00Z)
  orderId = order.id;
  orderNumber = order.number;
  h.clock.set('2026-11-23T14:00:00Z'); // 22:00 Beijing: past the 80 % line
  tk = await tokensOf(h);
  managerToken = await h.tokenFor(manager);
});
afterAll(async () => h?.close());

let orderId: string;
let orderNumber: string;

const escalations = async (token: string) => {
  const res = await call(h.app, token, 'GET', '/api/notifications');
  expect(res.status).toBe(200);
  return (res.body.items as Body[]).filter((n) => n.kind === 'sla.escalation' && n.orderId === orderId);
};

describe('SLA escalation', () => {
  it('SLA-09 a warning notifies the station’s coordinators once, with the order and the due time', async () => {
    const [clock] = await listSlaClocksOfOrder(h.database.db, h.t.tenant.id, orderId);
    const data = { tenantId: h.t.tenant.id, clockId: clock!.id };
    expect(await sla.fireWarning(data)).toBe(true);
    expect(await sla.fireWarning(data)).toBe(false);

    const seen = await escalations(tk.coordinator);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({
      recipient: { position: 'coordinator', unitId: h.t.units.station.id },
      payload: { trigger: 'warning', clockKind: 'fault_repair', ruleId: 'SLA-04', orderNumber },
    });
    expect(seen[0].payload.text['zh-CN']).toBe(
      `工单 ${orderNumber}「故障修复时限」即将超时，期限为 2026-11-24 00:00。`,
    );
    expect(await escalations(managerToken)).toEqual([]);
    expect(await escalations(tk.engineer)).toEqual([]);
  });

  it('SLA-09 a breach notifies the station manager once and records one escalation per trigger', async () => {
    const [clock] = await listSlaClocksOfOrder(h.database.db, h.t.tenant.id, orderId);
    const data = { tenantId: h.t.tenant.id, clockId: clock!.id };
    h.clock.set('2026-11-23T16:00:02Z');
    managerToken = await h.tokenFor(manager); // sessions idle out as the clock jumps (SEC-03)
    expect(await sla.fireBreach(data)).toBe(true);
    expect(await sla.fireBreach(data)).toBe(false);

    const seen = await escalations(managerToken);
    expect(seen).toHaveLength(1);
    expect(seen[0].payload).toMatchObject({ trigger: 'breach', dueAt: '2026-11-23T16:00:00.000Z' });
    expect(seen[0].payload.text.en).toBe(
      `Order ${orderNumber} "Fault repair deadline" is overdue: it was due 2026-11-24 00:00. Follow up and note the reason.`,
    );
    const events = await listSlaClockEvents(h.database.db, h.t.tenant.id, clock!.id);
    expect(events.map((e) => `${e.kind}:${e.occurrence}`)).toEqual([
      'escalation:warning',
      'warning:',
      'breach:',
      'escalation:breach',
    ]);
    const breachEscalation = events.find((e) => e.kind === 'escalation' && e.occurrence === 'breach');
    expect(breachEscalation!.payload).toMatchObject({ position: 'station_manager', notificationId: seen[0].id });
  });
});
