import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addTestVendor, createTestPerson } from '@daowei/db/testing';
import type { Person } from '@daowei/domain';
import {
  actOk,
  call,
  createOrderVia,
  startHarness,
  tokensOf,
  type Body,
  type Harness,
  type Tokens,
} from './harness.js';

const PNG = `data:image/png;base64,${Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]).toString('base64')}`;
const WINDOW = { start: '2026-11-23T03:00:00.000Z', end: '2026-11-23T05:00:00.000Z' };
const H = 3_600_000;
const plus = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();

/**
 * What a visit files for someone else, with a deadline: a network resource change for the operator's
 * resource manager (WO-15) and damage to the customer's property, compensated within 48 h (SLA-08).
 */
describe('on-site reports (WO-15, SLA-08)', () => {
  let h: Harness;
  let tk: Tokens;
  let resourceManager: string;
  let manager: string;
  let otherManager: string;
  let people: Person[] = [];
  /** Sessions made at the clock's current time (moving the clock a day ahead expires older ones). */
  async function signInAll() {
    tk = await tokensOf(h);
    const [r, m, o] = await Promise.all(people.map((p) => h.tokenFor(p)));
    [resourceManager, manager, otherManager] = [r!, m!, o!];
  }
  beforeAll(async () => {
    h = await startHarness();
    const db = h.database.db;
    const tenantId = h.t.tenant.id;
    const person = (name: string, unitId: string, position: 'resource_manager' | 'station_manager') =>
      createTestPerson(db, tenantId, { name, unitId, positions: [position], suffix: h.t.suffix });
    const other = await addTestVendor(db, h.t, 'vb');
    people = [
      await person('resource', h.t.operatorUnit.id, 'resource_manager'),
      await person('manager', h.t.units.station.id, 'station_manager'),
      await person('vb-manager', other.units.station.id, 'station_manager'),
    ];
    await signInAll();
  });
  afterAll(async () => h?.close());

  async function onSite() {
    h.clock.set('2026-11-23T02:00:00Z');
    await signInAll();
    const id: string = (await createOrderVia(h, tk.hotline, 'fault')).order.id;
    await actOk(h, tk.coordinator, id, 'dispatch', { toPersonId: h.t.engineer.id, remark: 'yours' });
    await actOk(h, tk.engineer, id, 'take');
    await actOk(h, tk.engineer, id, 'confirm_appointment', { window: WINDOW });
    await actOk(h, tk.engineer, id, 'depart');
    h.clock.set('2026-11-23T02:55:00Z');
    await actOk(h, tk.engineer, id, 'arrive');
    return id;
  }
  const post = (token: string, path: string, body: unknown, headers: Record<string, string> = {}) =>
    call(h.app, token, 'POST', `/api/${path}`, body, headers);
  const get = (token: string, path: string) => call(h.app, token, 'GET', `/api/${path}`);
  const clockOf = async (id: string, kind: string) =>
    ((await get(tk.coordinator, `work-orders/${id}/clocks`)).body.items as Body[]).find((c) => c.kind === kind);

  describe('WO-15 resource change', () => {
    it('WO-15 a change made on site reaches the resource manager’s list with a 24 h deadline; acknowledged, it closes', async () => {
      const id = await onSite();
      h.clock.set('2026-11-23T03:30:00Z');
      const filed = await post(tk.engineer, `work-orders/${id}/resource-changes`, {
        changeKind: 'port_changed',
        description: '原分光器口损坏，改接备用口',
        before: '分光器 B-12 口 3',
        after: '分光器 B-12 口 7',
        changedAt: '2026-11-23T03:20:00.000Z',
      });
      expect(filed.status, JSON.stringify(filed.body)).toBe(201);
      // The deadline runs from when the change was made (SLA pack clock resource_change_report, 24 h).
      expect(filed.body).toMatchObject({
        kind: 'resource_change',
        state: 'open',
        forPosition: 'resource_manager',
        clockKind: 'resource_change_report',
        dueAt: plus('2026-11-23T03:20:00.000Z', 24 * H),
      });
      expect(await clockOf(id, 'resource_change_report')).toMatchObject({ state: 'running', stoppedAt: null });

      const list = await get(resourceManager, 'onsite-reports');
      expect(list.status).toBe(200);
      const mine = (list.body.items as Body[]).find((r) => r.orderId === id);
      expect(mine).toMatchObject({
        details: { changeKind: 'port_changed', before: '分光器 B-12 口 3', after: '分光器 B-12 口 7' },
        order: { address: expect.any(String) },
        overdue: false,
      });
      const told = (await get(resourceManager, 'notifications?limit=50')).body.items as Body[];
      expect(told.find((n) => n.kind === 'visit.resource_change' && n.orderId === id)).toBeTruthy();
      // Not the coordinator's to work; the engineer cannot acknowledge their own report.
      expect((await get(tk.coordinator, 'onsite-reports?kind=resource_change')).status).toBe(403);
      expect((await post(tk.engineer, `onsite-reports/${mine.id}/close`, { note: 'ok' })).status).toBe(404);

      // Overdue shows after the deadline; the acknowledgement closes the report and stops the clock.
      h.clock.set(plus('2026-11-23T03:20:00.000Z', 25 * H));
      await signInAll();
      const overdue = (await get(resourceManager, 'onsite-reports')).body.items.find((r: Body) => r.orderId === id);
      expect(overdue.overdue).toBe(true);
      const ack = await post(resourceManager, `onsite-reports/${mine.id}/close`, { note: '资源系统已更新端口' });
      expect(ack.body).toMatchObject({ state: 'closed', closeNote: '资源系统已更新端口', overdue: false });
      expect(await clockOf(id, 'resource_change_report')).toMatchObject({ state: 'breached' });
      expect((await clockOf(id, 'resource_change_report')).stoppedAt).toBe(h.clock.now().toISOString());
      expect((await get(resourceManager, 'onsite-reports')).body.items.map((r: Body) => r.orderId)).not.toContain(id);
    });

    it('WO-15 an unknown change kind or a change in the future is refused; another engineer cannot file', async () => {
      const id = await onSite();
      const unknown = await post(tk.engineer, `work-orders/${id}/resource-changes`, {
        changeKind: 'moved_the_exchange',
        description: 'x',
      });
      expect([unknown.status, unknown.body.details?.field]).toEqual([400, 'changeKind']);
      const future = await post(tk.engineer, `work-orders/${id}/resource-changes`, {
        changeKind: 'other',
        description: 'x',
        changedAt: plus(h.clock.now().toISOString(), H),
      });
      expect([future.status, future.body.details?.field]).toEqual([400, 'changedAt']);
      const stranger = await post(tk.engineer2, `work-orders/${id}/resource-changes`, {
        changeKind: 'other',
        description: 'x',
      });
      expect(stranger.status).toBe(404);
    });
  });

  describe('SLA-08 damage', () => {
    it('SLA-08 a damage report with a photo starts the 48 h compensation clock; settled, the clock stops', async () => {
      const id = await onSite();
      h.clock.set('2026-11-23T03:40:00Z');
      const noPhoto = await post(tk.engineer, `work-orders/${id}/damage-reports`, {
        item: '木地板',
        description: '搬梯子时划伤约10厘米',
      });
      expect([noPhoto.status, noPhoto.body.details?.field]).toEqual([400, 'photo']);
      const filed = await post(tk.engineer, `work-orders/${id}/damage-reports`, {
        item: '木地板',
        description: '搬梯子时划伤约10厘米',
        estimatedFen: 30_000,
        customerPresent: true,
        photo: PNG,
      });
      expect(filed.status, JSON.stringify(filed.body)).toBe(201);
      expect(filed.body).toMatchObject({
        kind: 'damage',
        forPosition: 'station_manager',
        clockKind: 'damage_compensation',
        dueAt: plus('2026-11-23T03:40:00.000Z', 48 * H),
        details: { item: '木地板', estimatedFen: 30_000, customerPresent: true },
      });
      // The photo is an ordinary attachment of the order (WO-14).
      const photos = (await get(tk.engineer, `work-orders/${id}/attachments`)).body.items as Body[];
      expect(photos.find((p) => p.id === filed.body.attachmentIds[0])).toMatchObject({
        kind: 'photo',
        caption: '木地板',
      });
      expect(await clockOf(id, 'damage_compensation')).toMatchObject({
        state: 'running',
        dueAt: plus('2026-11-23T03:40:00.000Z', 48 * H),
      });

      // The station manager works it; another vendor's manager never sees it.
      const list = (await get(manager, 'onsite-reports?kind=damage')).body.items as Body[];
      expect(list.map((r) => r.orderId)).toContain(id);
      const foreign = await get(otherManager, 'onsite-reports?kind=damage');
      expect((foreign.body.items as Body[]).map((r) => r.orderId)).not.toContain(id);
      expect(
        (await post(otherManager, `onsite-reports/${filed.body.id}/close`, { note: 'x', compensationFen: 0 })).status,
      ).toBe(404);

      const noAmount = await post(manager, `onsite-reports/${filed.body.id}/close`, { note: '已赔偿' });
      expect([noAmount.status, noAmount.body.details?.field]).toEqual([400, 'compensationFen']);
      h.clock.set('2026-11-24T10:00:00Z');
      await signInAll();
      const settled = await post(manager, `onsite-reports/${filed.body.id}/close`, {
        note: '与客户协商，现金赔偿',
        compensationFen: 25_000,
      });
      expect(settled.body).toMatchObject({ state: 'closed', compensationFen: 25_000 });
      expect(await clockOf(id, 'damage_compensation')).toMatchObject({
        state: 'met',
        stoppedAt: '2026-11-24T10:00:00.000Z',
      });
      const onOrder = (await get(tk.coordinator, `work-orders/${id}/onsite-reports`)).body.items as Body[];
      expect(onOrder.map((r) => [r.kind, r.state])).toEqual([['damage', 'closed']]);
    });

    it('SLA-08 the desk may record a damage the customer reports by phone, without a photo', async () => {
      const id = await onSite();
      const filed = await post(tk.coordinator, `work-orders/${id}/damage-reports`, {
        item: '门框',
        description: '客户来电称安装后门框掉漆',
      });
      expect(filed.status).toBe(201);
      expect(filed.body.attachmentIds).toEqual([]);
    });
  });
});
