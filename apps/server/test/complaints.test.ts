import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPerson } from '@daowei/db/testing';
import { verifyAllChains } from '@daowei/db';
import type { Person } from '@daowei/domain';
import {
  act,
  actOk,
  call,
  completeBody,
  createOrderVia,
  dispatchToPerson,
  getOrder,
  startHarness,
  tokensOf,
  type Body,
  type Harness,
  type Tokens,
} from './harness.js';
import { addCallbackAgent, openTaskOf } from './callback-setup.js';

/**
 * CMP-01/02 over HTTP: a complaint is tracked to closure on its follow-up sheet (three principles and
 * the closing callback, refused with CMP_CLOSE_INCOMPLETE naming what is missing, whether closed from
 * the sheet or through the order's lifecycle); complaints about staff land in the station manager's log;
 * patterns per person and per area are counted over a period.
 */
let h: Harness;
let tk: Tokens;
let agent: string;
let manager: string;
let meta: Body;
const MONTH = { from: '2026-11-01T00:00:00+08:00', to: '2026-12-01T00:00:00+08:00' };

beforeAll(async () => {
  h = await startHarness();
  tk = await tokensOf(h);
  agent = await h.tokenFor(await addCallbackAgent(h));
  const stm: Person = await createTestPerson(h.database.db, h.t.tenant.id, {
    name: 'station-manager',
    unitId: h.t.units.station.id,
    positions: ['station_manager'],
    suffix: h.t.suffix,
  });
  manager = await h.tokenFor(stm);
  meta = (await call(h.app, tk.engineer, 'GET', '/api/meta')).body;
});
afterAll(async () => {
  // AUD-01: every order's history, closes included, is complete and its chain verifies.
  if (h) expect(await verifyAllChains(h.database.db, h.t.tenant.id)).toEqual([]);
  await h?.close();
});

/** A complaint order taken by the engineer and on site. */
async function complaintOnSite(): Promise<string> {
  const o = await createOrderVia(h, tk.hotline, 'complaint');
  const id: string = o.order.id;
  await dispatchToPerson(h, tk.coordinator, id, h.t.engineer.id);
  await actOk(h, tk.engineer, id, 'take');
  await actOk(h, tk.engineer, id, 'depart');
  await actOk(h, tk.engineer, id, 'arrive');
  return id;
}

const resolved = () =>
  completeBody({
    kind: 'resolved',
    causeCode: meta.complaintCauses[0].code,
    solution: 'apologised and rebooked',
    steps: 'called the customer',
  });

const sheet = (id: string, token: string, body: Body) => call(h.app, token, 'PUT', `/api/complaints/${id}`, body);
const close = (id: string, token: string) => call(h.app, token, 'POST', `/api/complaints/${id}/close`);

const FULL = (personId: string) => ({
  about: { kind: 'staff', personId },
  fixedWithCustomer: true,
  responsibility: { party: 'staff', personId },
  causeAnalysis: 'The engineer did not call ahead when running late',
  improvementMeasure: 'Late arrivals call the customer 30 minutes before the window ends',
});

describe('CMP-01 a complaint tracked to closure', () => {
  let id = '';

  it('CMP-01 a complaint nobody opened a sheet for is listed, missing everything', async () => {
    id = await complaintOnSite();
    const res = await call(h.app, tk.coordinator, 'GET', `/api/complaints?${new URLSearchParams(MONTH)}`);
    expect(res.status).toBe(200);
    const item = res.body.items.find((i: Body) => i.orderId === id);
    expect(item).toMatchObject({ opened: false, state: 'open', callback: null });
    expect(item.missing).toEqual([
      'follow_up_sheet',
      'order_completed',
      'fixed_with_customer',
      'responsibility',
      'cause_analysis',
      'improvement_measure',
      'callback',
    ]);
    const refused = await close(id, tk.coordinator);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('CMP_CLOSE_INCOMPLETE');
    expect(refused.body.details.missing).toContain('follow_up_sheet');
  });

  it('CMP-01 the sheet: about staff names the person; staff responsibility names the responsible person', async () => {
    expect((await sheet(id, tk.coordinator, { causeAnalysis: 'x' })).body).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { field: 'about' },
    });
    expect((await sheet(id, tk.coordinator, { about: { kind: 'staff' } })).status).toBe(400);
    const noPerson = await sheet(id, tk.coordinator, {
      about: { kind: 'service' },
      responsibility: { party: 'staff' },
    });
    expect(noPerson.status).toBe(400);
    expect(noPerson.body.details.field).toBe('responsibility.personId');
    const saved = await sheet(id, tk.coordinator, FULL(h.t.engineer.id));
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({
      opened: true,
      about: { kind: 'staff', personId: h.t.engineer.id },
      responsibility: { party: 'staff', personId: h.t.engineer.id },
      missing: ['order_completed', 'callback'],
    });
    expect(saved.body.history).toHaveLength(1);
    // Saving the same sheet again records nothing new; a real change is recorded with its fields only.
    expect((await sheet(id, tk.coordinator, FULL(h.t.engineer.id))).body.history).toHaveLength(1);
    const edited = await sheet(id, tk.coordinator, {
      ...FULL(h.t.engineer.id),
      causeAnalysis: 'Late and did not call ahead',
    });
    expect(edited.body.history).toHaveLength(2);
    expect(Object.keys(edited.body.history[1].fields)).toEqual(['causeAnalysis']);
    // Engineers do not keep complaint sheets.
    expect((await sheet(id, tk.engineer, { fixedWithCustomer: true })).status).toBe(403);
  });

  it('CMP-01 completed but not called back: the sheet and the lifecycle close are both refused naming the callback', async () => {
    await actOk(h, tk.engineer, id, 'complete', resolved());
    const refused = await close(id, agent);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'CMP_CLOSE_INCOMPLETE', details: { missing: ['callback'] } });
    const viaOrder = await act(h, agent, id, 'close', {});
    expect(viaOrder.status).toBe(409);
    expect(viaOrder.body).toMatchObject({ code: 'CMP_CLOSE_INCOMPLETE', details: { missing: ['callback'] } });
    const order = await getOrder(h, tk.coordinator, id);
    expect(order.order.status).toBe('completed');
    const view = (await call(h.app, tk.coordinator, 'GET', `/api/complaints/${id}`)).body;
    expect(view.callback).toMatchObject({ state: 'open' });
  });

  it('CMP-01 after the closing callback the complaint closes, and its order with it (one chained close event)', async () => {
    const task = await openTaskOf(h, agent, id);
    expect(task.ruleKey).toBe('complaint_completed');
    const answered = await call(h.app, agent, 'POST', `/api/callbacks/${task.id}/outcome`, {
      satisfaction: 'satisfied',
    });
    expect(answered.status).toBe(200);
    const closed = await close(id, agent);
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    expect(closed.body).toMatchObject({
      state: 'closed',
      missing: [],
      callback: { state: 'done', satisfaction: 'satisfied' },
    });
    const order = await getOrder(h, tk.coordinator, id);
    expect(order.order.status).toBe('closed');
    expect(order.events.at(-1)).toMatchObject({ action: 'close', fromStatus: 'completed', toStatus: 'closed' });
    const again = await sheet(id, tk.coordinator, { causeAnalysis: 'rewritten later' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('CMP_CLOSED');
    const closedList = await call(
      h.app,
      tk.coordinator,
      'GET',
      `/api/complaints?${new URLSearchParams({ ...MONTH, state: 'closed' })}`,
    );
    expect(closedList.body.items.map((i: Body) => i.orderId)).toContain(id);
  });

  it('CMP-01 a complete sheet lets the order be closed through its lifecycle; the sheet closes with it', async () => {
    const other = await complaintOnSite();
    await sheet(other, tk.coordinator, { ...FULL(h.t.engineer.id), about: { kind: 'service' } });
    await actOk(h, tk.engineer, other, 'complete', resolved());
    const task = await openTaskOf(h, agent, other);
    await call(h.app, agent, 'POST', `/api/callbacks/${task.id}/outcome`, { satisfaction: 'very_satisfied' });
    await actOk(h, agent, other, 'close', {});
    const view = (await call(h.app, tk.coordinator, 'GET', `/api/complaints/${other}`)).body;
    expect(view).toMatchObject({ state: 'closed' });
    expect(view.history.at(-1)).toMatchObject({ action: 'closed' });
  });

  it('CMP-01 other order types close as before', async () => {
    const install = await createOrderVia(h, tk.hotline, 'install');
    const fid: string = install.order.id;
    await dispatchToPerson(h, tk.coordinator, fid, h.t.engineer.id);
    await actOk(h, tk.engineer, fid, 'take');
    await actOk(h, tk.engineer, fid, 'complete', completeBody());
    expect((await act(h, tk.coordinator, fid, 'close', {})).status).toBe(200);
  });
});

describe('CMP-02 the station manager’s log and patterns', () => {
  let aboutEngineer: string[] = [];
  let responsibleEngineer2 = '';

  beforeAll(async () => {
    aboutEngineer = [await complaintOnSite(), await complaintOnSite()];
    for (const id of aboutEngineer) {
      await sheet(id, tk.coordinator, { about: { kind: 'staff', personId: h.t.engineer2.id } });
    }
    responsibleEngineer2 = await complaintOnSite();
    await sheet(responsibleEngineer2, tk.coordinator, {
      about: { kind: 'network' },
      responsibility: { party: 'staff', personId: h.t.engineer.id },
    });
  });

  it('CMP-02 complaints about staff land in the station manager’s log with the person; others do not', async () => {
    const res = await call(h.app, manager, 'GET', `/api/complaints/staff-log?${new URLSearchParams(MONTH)}`);
    expect(res.status).toBe(200);
    const ids = res.body.items.map((i: Body) => i.orderId);
    for (const id of aboutEngineer) expect(ids).toContain(id);
    expect(ids).not.toContain(responsibleEngineer2); // about the network, not a person
    const one = res.body.items.find((i: Body) => i.orderId === aboutEngineer[0]);
    expect(one.personName).toBe(h.t.engineer2.name);
    // The log is the station manager's: a coordinator may not read it; another station is refused.
    expect(
      (await call(h.app, tk.coordinator, 'GET', `/api/complaints/staff-log?${new URLSearchParams(MONTH)}`)).status,
    ).toBe(403);
    const foreign = await call(
      h.app,
      manager,
      'GET',
      `/api/complaints/staff-log?${new URLSearchParams({ ...MONTH, stationId: randomUUID() })}`,
    );
    expect(foreign.status).toBe(403);
  });

  it('CMP-02 the manager notes the follow-up; the log filters noted and not yet noted', async () => {
    const noted = await call(h.app, manager, 'POST', `/api/complaints/${aboutEngineer[0]}/manager-note`, {
      note: 'Talked with the engineer; he calls ahead from now on',
    });
    expect(noted.status).toBe(200);
    expect(noted.body.managerNote).toBe('Talked with the engineer; he calls ahead from now on');
    expect(noted.body.history.at(-1)).toMatchObject({ action: 'manager_noted' });
    const open = await call(
      h.app,
      manager,
      'GET',
      `/api/complaints/staff-log?${new URLSearchParams({ ...MONTH, noted: 'no' })}`,
    );
    const ids = open.body.items.map((i: Body) => i.orderId);
    expect(ids).toContain(aboutEngineer[1]);
    expect(ids).not.toContain(aboutEngineer[0]);
    const notStaff = await call(h.app, manager, 'POST', `/api/complaints/${responsibleEngineer2}/manager-note`, {
      note: 'x',
    });
    expect(notStaff.status).toBe(404);
  });

  it('CMP-02 patterns per person (the one complained about, else the one responsible): engineer 3, engineer2 2; per area 5', async () => {
    // Sheets with a person this month: the first describe's two sheets (engineer, about + responsible),
    // two about engineer2, and one with the engineer responsible → engineer 3, engineer2 2.
    const res = await call(
      h.app,
      tk.coordinator,
      'GET',
      `/api/complaints/patterns?${new URLSearchParams({ ...MONTH, by: 'person', top: '5' })}`,
    );
    expect(res.status).toBe(200);
    expect(res.body.items.map((i: Body) => [i.key, i.count])).toEqual([
      [h.t.engineer.id, 3],
      [h.t.engineer2.id, 2],
    ]);
    expect(res.body.items[0].name).toBe(h.t.engineer.name);
    expect(res.body.total).toBe(5);
    const top1 = await call(
      h.app,
      tk.coordinator,
      'GET',
      `/api/complaints/patterns?${new URLSearchParams({ ...MONTH, by: 'person', top: '1' })}`,
    );
    expect(top1.body.items).toHaveLength(1);
    const byArea = await call(
      h.app,
      tk.coordinator,
      'GET',
      `/api/complaints/patterns?${new URLSearchParams({ ...MONTH, by: 'area' })}`,
    );
    expect(byArea.body.items).toEqual([expect.objectContaining({ key: h.t.area.id, count: 5, name: h.t.area.name })]);
    // The same period a month later counts nothing.
    const later = await call(
      h.app,
      tk.coordinator,
      'GET',
      `/api/complaints/patterns?${new URLSearchParams({ from: '2026-12-01T00:00:00+08:00', to: '2027-01-01T00:00:00+08:00', by: 'area' })}`,
    );
    expect(later.body).toMatchObject({ total: 0, items: [] });
  });

  it('CMP-02 engineers read no complaints', async () => {
    expect((await call(h.app, tk.engineer, 'GET', `/api/complaints?${new URLSearchParams(MONTH)}`)).status).toBe(403);
    expect(
      (
        await call(
          h.app,
          tk.engineer,
          'GET',
          `/api/complaints/patterns?${new URLSearchParams({ ...MONTH, by: 'area' })}`,
        )
      ).status,
    ).toBe(403);
  });
});
