import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addTestVendor, createTestTenant, type TestTenant, type TestVendor } from '@daowei/db/testing';
import { listChannelSends } from '@daowei/db';
import { createNotificationService } from '../src/features/notifications/notification.service.js';
import {
  call,
  createOrderVia,
  MINUTE,
  startHarness,
  tokensOf,
  type Body,
  type Harness,
  type Tokens,
} from './harness.js';

/**
 * The shared inbox (INT-01 channel log, the in-app side of SLA-09 escalations): a notification is for
 * a person or for a position in one unit; the inbox shows mine and my position's, newest first, and
 * nobody else's — not another station's, vendor's or tenant's.
 */
let h: Harness;
let tk: Tokens;
let vb: TestVendor;
let tB: TestTenant;
let svc: ReturnType<typeof createNotificationService>;

beforeAll(async () => {
  h = await startHarness();
  tk = await tokensOf(h);
  vb = await addTestVendor(h.database.db, h.t, 'vb');
  tB = await createTestTenant(h.database.db);
  svc = createNotificationService({ db: h.database.db, clock: h.clock });
});
afterAll(async () => h?.close());

const inbox = async (token: string, query = '') => {
  const res = await call(h.app, token, 'GET', `/api/notifications${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as { items: Body[]; unread: number; nextCursor: string | null };
};
const text = (s: string) => ({ text: { 'zh-CN': s, en: s } });

describe('notifications inbox', () => {
  it('INT-01 shows my own and my position’s notifications, not another station’s, vendor’s or tenant’s', async () => {
    const db = h.database.db;
    const station = h.t.units.station.id;
    await db.transaction(async (tx) => {
      await svc.notify(tx, h.t.tenant.id, {
        recipient: { personId: h.t.coordinator.id },
        kind: 'test',
        payload: text('personal'),
      });
      h.clock.advance(MINUTE);
      await svc.notify(tx, h.t.tenant.id, {
        recipient: { position: 'coordinator', unitId: station },
        kind: 'test',
        payload: text('station A coordinators'),
      });
      await svc.notify(tx, h.t.tenant.id, {
        recipient: { position: 'station_manager', unitId: station },
        kind: 'test',
        payload: text('station A managers'),
      });
      await svc.notify(tx, h.t.tenant.id, {
        recipient: { position: 'coordinator', unitId: vb.units.station.id },
        kind: 'test',
        payload: text('vendor B coordinators'),
      });
      await svc.notify(tx, tB.tenant.id, {
        recipient: { position: 'coordinator', unitId: tB.units.station.id },
        kind: 'test',
        payload: text('tenant B coordinators'),
      });
    });
    const mine = await inbox(tk.coordinator);
    expect(mine.items.map((n) => n.payload.text.en)).toEqual(['station A coordinators', 'personal']);
    expect(mine.unread).toBe(2);
    // The engineer works in the same station's team but not as a coordinator.
    expect((await inbox(tk.engineer)).items).toEqual([]);
  });

  it('INT-01 marking read is for the whole position, answers 404 for somebody else’s, and pages', async () => {
    const mine = await inbox(tk.coordinator, '?unread=true');
    const shared = mine.items.find((n) => n.payload.text.en === 'station A coordinators');
    const read = await call(h.app, tk.coordinator, 'POST', `/api/notifications/${shared.id}/read`);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ id: shared.id, readBy: h.t.coordinator.id });
    expect(read.body.readAt).toBe(h.clock.now().toISOString());
    const again = await call(h.app, tk.coordinator, 'POST', `/api/notifications/${shared.id}/read`);
    expect(again.body.readAt).toBe(read.body.readAt);
    expect((await inbox(tk.coordinator, '?unread=true')).items.map((n) => n.payload.text.en)).toEqual(['personal']);

    // Another vendor's coordinator sees their own station's notification and cannot mark ours.
    const vbToken = await h.tokenFor(vb.coordinator);
    const theirs = await inbox(vbToken);
    expect(theirs.items.map((n) => n.payload.text.en)).toEqual(['vendor B coordinators']);
    const foreign = await call(h.app, vbToken, 'POST', `/api/notifications/${mine.items[1].id}/read`);
    expect(foreign.status).toBe(404);

    const page1 = await inbox(tk.coordinator, '?limit=1');
    expect(page1.items).toHaveLength(1);
    const page2 = await inbox(tk.coordinator, `?limit=1&cursor=${page1.nextCursor}`);
    expect(page2.items.map((n) => n.payload.text.en)).toEqual(['personal']);
    expect(page2.nextCursor).toBeNull();
    expect((await call(h.app, tk.coordinator, 'GET', '/api/notifications?cursor=bm9wZQ')).status).toBe(400);
  });

  it('INT-01 a dedupe key notifies once; a channel send through the local adapter is logged, not sent', async () => {
    const order = (await createOrderVia(h, tk.hotline, 'fault')).order;
    const first = await h.database.db.transaction((tx) =>
      svc.notify(tx, h.t.tenant.id, {
        recipient: { personId: h.t.admin.id },
        kind: 'test',
        orderId: order.id,
        payload: text('once'),
        dedupeKey: `test:${order.id}`,
      }),
    );
    const second = await h.database.db.transaction((tx) =>
      svc.notify(tx, h.t.tenant.id, {
        recipient: { personId: h.t.admin.id },
        kind: 'test',
        payload: text('twice'),
        dedupeKey: `test:${order.id}`,
      }),
    );
    expect(first).not.toBeNull();
    expect(second).toBeNull();
    expect((await inbox(tk.admin)).items.map((n) => n.payload.text.en)).toEqual(['once']);

    const sent = await h.database.db.transaction((tx) =>
      svc.send(tx, h.t.tenant.id, {
        channel: 'sms',
        to: order.phone ?? '13800000000',
        template: 'appointment_confirmed',
        params: { window: '10:00–12:00' },
        orderId: order.id,
      }),
    );
    expect(sent.status).toBe('recorded');
    const log = await listChannelSends(h.database.db, h.t.tenant.id, { orderId: order.id });
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({
      channel: 'sms',
      adapter: 'local',
      template: 'appointment_confirmed',
      status: 'recorded',
    });
  });

  it('INT-01 a notification written in a transaction that rolls back does not exist', async () => {
    await expect(
      h.database.db.transaction(async (tx) => {
        await svc.notify(tx, h.t.tenant.id, {
          recipient: { personId: h.t.admin.id },
          kind: 'test',
          payload: text('rolled back'),
        });
        throw new Error('the order action failed');
      }),
    ).rejects.toThrow('the order action failed');
    expect((await inbox(tk.admin)).items.map((n) => n.payload.text.en)).not.toContain('rolled back');
  });
});
