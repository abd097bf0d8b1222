import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ledgerMismatches } from '@daowei/db';
import { randomUUID } from 'node:crypto';
import {
  act,
  actOk,
  call,
  completeBody,
  startHarness,
  tokensOf,
  type Body,
  type Harness,
  type Tokens,
} from './harness.js';
import { borrow, orderOnSite, partsWorld, receive, type PartsWorld } from './parts-setup.js';

const SIG = 'data:image/png;base64,iVBORw0KGgo=';

describe('take-back repair with a loaner unit over HTTP (WO-13)', () => {
  let h: Harness;
  let tk: Tokens;
  let w: PartsWorld;
  let loaner: Body;
  beforeAll(async () => {
    h = await startHarness();
    tk = await tokensOf(h);
    w = await partsWorld(h, tk);
    const res = await call(h.app, w.clerk, 'POST', '/api/parts/items', {
      code: `LOAN-${h.t.suffix}`,
      name: '周转机 笔记本',
      category: 'loaner',
      tracking: 'serialised',
    });
    loaner = res.body;
    await receive(h, w, { itemId: loaner.id, units: [{ serial: `L-1-${h.t.suffix}` }] });
  });
  afterAll(async () => {
    if (h) expect(await ledgerMismatches(h.database.db, h.t.tenant.id)).toEqual([]);
    await h?.close();
  });

  const placeOfLoaner = async () => {
    const s = (await call(h.app, w.clerk, 'GET', `/api/parts/locations/${w.storeId}/stock`)).body;
    return s.units.find((u: Body) => u.serial === `L-1-${h.t.suffix}`) ? 'store' : 'elsewhere';
  };

  it('WO-13 device taken back on a signed receipt, loaner left; on return the customer signs and the loaner comes home', async () => {
    const id = await orderOnSite(h, tk);
    const b = await borrow(h, w.clerk, {
      orderId: id,
      engineerId: h.t.engineer.id,
      storeId: w.storeId,
      lines: [{ itemId: loaner.id }],
    });
    expect(b.status, JSON.stringify(b.body)).toBe(200);
    const lineId = b.body.lines[0].id;
    const receipt = {
      device: '笔记本电脑',
      serial: 'NB-77',
      configNotes: '无特殊配置',
      dataNotes: '客户已备份照片',
      promisedReturnDate: '2026-11-26',
      loanerLineId: lineId,
    };
    const unsigned = await call(h.app, tk.engineer, 'POST', `/api/parts/orders/${id}/take-backs`, receipt);
    expect(unsigned.status).toBe(400);
    expect(unsigned.body.details.field).toBe('signature');
    const tb = await call(h.app, tk.engineer, 'POST', `/api/parts/orders/${id}/take-backs`, {
      ...receipt,
      signature: SIG,
    });
    expect(tb.status, JSON.stringify(tb.body)).toBe(200);
    expect(tb.body).toMatchObject({ status: 'out', promisedReturnDate: '2026-11-26' });
    expect(await placeOfLoaner()).toBe('elsewhere');
    // The loaner line is settled (installed at the customer's): the order can complete meanwhile.
    expect((await act(h, tk.engineer, id, 'complete', completeBody())).status).toBe(200);

    const notBack = await call(h.app, tk.engineer, 'POST', `/api/parts/take-backs/${tb.body.id}/return`, {
      signature: SIG,
    });
    expect(notBack.body.code).toBe('WO_LOANER_NOT_BACK');
    const back = await call(h.app, tk.engineer, 'POST', `/api/parts/take-backs/${tb.body.id}/return`, {
      signature: SIG,
      loanerBack: true,
    });
    expect(back.status, JSON.stringify(back.body)).toBe(200);
    expect(back.body.status).toBe('returned');
    expect(await placeOfLoaner()).toBe('store');
    const twice = await call(h.app, tk.engineer, 'POST', `/api/parts/take-backs/${tb.body.id}/return`, {
      signature: SIG,
      loanerBack: true,
    });
    expect(twice.body.code).toBe('WO_TAKE_BACK_CLOSED');
    const ledger = await call(h.app, w.clerk, 'GET', `/api/parts/movements?orderId=${id}`);
    // recover and return share one transaction (and instant): compare as a set of kinds.
    expect(ledger.body.items.map((m: Body) => m.kind).sort()).toEqual(['borrow', 'install', 'recover', 'return']);
  });

  it('ENG-07 WO-13 a take-back queued offline applies once when sent twice; on an order cancelled meanwhile it is WO_OFFLINE_CONFLICT and nothing is written', async () => {
    const receipt = {
      device: '光猫',
      configNotes: '桥接模式，VLAN 已记录',
      dataNotes: '无',
      promisedReturnDate: '2026-11-25',
      signature: SIG,
    };
    const queued = (key: string) => ({ 'idempotency-key': key, 'offline-queued-at': new Date().toISOString() });
    const id = await orderOnSite(h, tk);
    const key = randomUUID();
    const path = `/api/parts/orders/${id}/take-backs`;
    const first = await call(h.app, tk.engineer, 'POST', path, receipt, queued(key));
    const again = await call(h.app, tk.engineer, 'POST', path, receipt, queued(key));
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    expect((await call(h.app, tk.engineer, 'GET', path)).body.items).toHaveLength(1);

    const gone = await orderOnSite(h, tk);
    await actOk(h, tk.coordinator, gone, 'cancel', { reason: '客户改约后取消' });
    const late = await call(
      h.app,
      tk.engineer,
      'POST',
      `/api/parts/orders/${gone}/take-backs`,
      receipt,
      queued(randomUUID()),
    );
    expect(late.status, JSON.stringify(late.body)).toBe(409);
    expect(late.body).toMatchObject({ code: 'WO_OFFLINE_CONFLICT', details: { reason: 'cancelled' } });
    expect((await call(h.app, tk.coordinator, 'GET', `/api/parts/orders/${gone}/take-backs`)).body.items).toEqual([]);
  });

  it('WO-13 a promised day beyond the policy window is refused; one passed shows overdue', async () => {
    const id = await orderOnSite(h, tk);
    const far = await call(h.app, tk.engineer, 'POST', `/api/parts/orders/${id}/take-backs`, {
      device: '路由器',
      configNotes: 'PPPoE 账号已记录',
      dataNotes: '无',
      promisedReturnDate: '2027-03-01',
      signature: SIG,
    });
    expect(far.body.details.field).toBe('promisedReturnDate');
    const ok = await call(h.app, tk.engineer, 'POST', `/api/parts/orders/${id}/take-backs`, {
      device: '路由器',
      configNotes: 'PPPoE 账号已记录',
      dataNotes: '无',
      promisedReturnDate: '2026-11-24',
      signature: SIG,
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    h.clock.advance(2 * 86_400_000);
    const fresh = await h.tokenFor(h.t.engineer); // two days on, yesterday's session has expired
    const list = await call(h.app, fresh, 'GET', `/api/parts/orders/${id}/take-backs`);
    expect(list.body.items[0]).toMatchObject({ overdue: true, status: 'out' });
  });
});
