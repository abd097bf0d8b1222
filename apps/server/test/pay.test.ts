import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, startHarness, tokensOf, type Body, type Harness, type Tokens } from './harness.js';
import { orderOnSite, partsWorld, type PartsWorld } from './parts-setup.js';

const SIG = 'data:image/png;base64,iVBORw0KGgo=';

describe('paid services over HTTP (PAY-01..03)', () => {
  let h: Harness;
  let tk: Tokens;
  let w: PartsWorld;
  let labour: Body;
  let visit: Body;
  let board: Body;
  beforeAll(async () => {
    h = await startHarness();
    tk = await tokensOf(h);
    w = await partsWorld(h, tk);
    const add = async (body: Record<string, unknown>) => {
      const res = await call(h.app, w.manager, 'POST', '/api/pay/price-items', body);
      if (res.status !== 201) throw new Error(`price item: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body;
    };
    labour = await add({ code: `LAB-${h.t.suffix}`, name: '维修工时', kind: 'labour', priceFen: 8000 });
    visit = await add({ code: `VIS-${h.t.suffix}`, name: '上门费', kind: 'visit', priceFen: 3000 });
    board = await add({ code: `BRD-${h.t.suffix}`, name: '主板', kind: 'part', priceFen: 45000 });
  });
  afterAll(async () => h?.close());

  it('PAY-01 the price list is the tenant’s; an engineer may not change it', async () => {
    const list = await call(h.app, tk.engineer, 'GET', '/api/pay/price-items');
    expect(list.body.items.map((i: Body) => i.code)).toEqual(
      expect.arrayContaining([labour.code, visit.code, board.code]),
    );
    const byEngineer = await call(h.app, tk.engineer, 'POST', '/api/pay/price-items', {
      code: 'X',
      name: 'x',
      kind: 'labour',
      priceFen: 1,
    });
    expect(byEngineer.status).toBe(403);
  });

  it('PAY-01 PAY-02 PAY-03 quote under warranty, lower card price, signed acceptance, payments up to the total', async () => {
    const id = await orderOnSite(h, tk);
    const q = await call(h.app, tk.engineer, 'POST', `/api/pay/orders/${id}/quotes`, {
      lines: [
        { priceItemId: labour.id, quantity: 2 },
        { priceItemId: visit.id, quantity: 1 },
        { priceItemId: board.id, quantity: 1 },
      ],
      // Out of warranty (bought 2023, 12 months); the card promises labour at 50 yuan.
      warranty: { purchaseDate: '2023-01-10', months: 12, cardPricesFen: { [labour.code]: 5000 } },
    });
    expect(q.status, JSON.stringify(q.body)).toBe(200);
    expect(q.body.lines.map((l: Body) => [l.unitPriceFen, l.lineTotalFen, l.basis])).toEqual([
      [5000, 10000, 'card'],
      [3000, 3000, 'list'],
      [45000, 45000, 'list'],
    ]);
    expect(q.body).toMatchObject({ totalFen: 58000, currency: 'CNY', status: 'proposed' });

    const early = await call(h.app, tk.engineer, 'POST', `/api/pay/quotes/${q.body.id}/payments`, {
      method: 'cash',
      amountFen: 100,
      receiptNo: 'R-0',
    });
    expect(early.body.code).toBe('PAY_QUOTE_NOT_ACCEPTED');
    let money = await call(h.app, tk.engineer, 'GET', `/api/pay/orders/${id}`);
    expect(money.body.paidWorkAllowed).toBe(false);

    const unsigned = await call(h.app, tk.engineer, 'POST', `/api/pay/quotes/${q.body.id}/decision`, { accept: true });
    expect(unsigned.status).toBe(400);
    const accepted = await call(h.app, tk.engineer, 'POST', `/api/pay/quotes/${q.body.id}/decision`, {
      accept: true,
      signature: SIG,
    });
    expect(accepted.body.status).toBe('accepted');
    const again = await call(h.app, tk.engineer, 'POST', `/api/pay/quotes/${q.body.id}/decision`, { accept: false });
    expect(again.body.code).toBe('PAY_QUOTE_DECIDED');

    const cash = await call(h.app, tk.engineer, 'POST', `/api/pay/quotes/${q.body.id}/payments`, {
      method: 'cash',
      amountFen: 30000,
      receiptNo: 'R-1',
    });
    expect(cash.status, JSON.stringify(cash.body)).toBe(200);
    expect(cash.body.outstandingFen).toBe(28000);
    const noReceipt = await call(h.app, tk.engineer, 'POST', `/api/pay/quotes/${q.body.id}/payments`, {
      method: 'wechat',
      amountFen: 28000,
    });
    expect(noReceipt.status).toBe(400);
    const over = await call(h.app, tk.engineer, 'POST', `/api/pay/quotes/${q.body.id}/payments`, {
      method: 'wechat',
      amountFen: 28001,
      invoiceToFollow: true,
    });
    expect(over.body.code).toBe('PAY_OVERPAID');
    const rest = await call(h.app, tk.engineer, 'POST', `/api/pay/quotes/${q.body.id}/payments`, {
      method: 'wechat',
      amountFen: 28000,
      invoiceToFollow: true,
    });
    expect(rest.body.outstandingFen).toBe(0);
    money = await call(h.app, tk.engineer, 'GET', `/api/pay/orders/${id}`);
    expect(money.body).toMatchObject({ paidFen: 58000, outstandingFen: 0, paidWorkAllowed: true });
    // PAY-03: the stored total is the sum of the stored lines.
    const [quote] = money.body.quotes;
    expect(quote.totalFen).toBe(quote.lines.reduce((s: number, l: Body) => s + l.lineTotalFen, 0));
    expect(quote.signed).toBe(true);

    // PAY-02 the station's daily takings: the engineer hands in the cash; the manager counts 200 fen short.
    const takings = await call(h.app, w.manager, 'GET', '/api/pay/takings?date=2026-11-23');
    expect(takings.status, JSON.stringify(takings.body)).toBe(200);
    expect(takings.body.rows.find((r: Body) => r.engineerId === h.t.engineer.id)).toMatchObject({
      byMethod: { cash: 30000, wechat: 28000 },
      totalFen: 58000,
      handInFen: 30000,
    });
    const rec = await call(h.app, w.manager, 'POST', '/api/pay/takings/reconcile', {
      date: '2026-11-23',
      countedFen: { [h.t.engineer.id]: 29800 },
    });
    expect(rec.body.rows.find((r: Body) => r.engineerId === h.t.engineer.id).differenceFen).toBe(-200);
    expect((await call(h.app, tk.engineer, 'GET', '/api/pay/takings?date=2026-11-23')).status).toBe(403);
  });

  it('PAY-02 a retried payment (same Idempotency-Key) is recorded once; PAY-01 a declined quote is replaced, a paid one is not', async () => {
    const id = await orderOnSite(h, tk);
    const quote = (lines: Body[]) => call(h.app, tk.engineer, 'POST', `/api/pay/orders/${id}/quotes`, { lines });
    const first = await quote([{ priceItemId: board.id, quantity: 1 }]);
    const no = await call(h.app, tk.engineer, 'POST', `/api/pay/quotes/${first.body.id}/decision`, { accept: false });
    expect(no.body.status).toBe('declined');
    // Too dear: the engineer quotes the labour alone and the customer signs that one.
    const second = await quote([{ priceItemId: labour.id, quantity: 1 }]);
    expect(second.status, JSON.stringify(second.body)).toBe(200);
    await call(h.app, tk.engineer, 'POST', `/api/pay/quotes/${second.body.id}/decision`, {
      accept: true,
      signature: SIG,
    });
    const key = { 'idempotency-key': `pay-retry-${h.t.suffix}` };
    const body = { method: 'wechat', amountFen: 8000, receiptNo: `R-${h.t.suffix}` };
    const pay = () => call(h.app, tk.engineer, 'POST', `/api/pay/quotes/${second.body.id}/payments`, body, key);
    const [a, b] = [await pay(), await pay()];
    expect(a.status, JSON.stringify(a.body)).toBe(200);
    expect(b.body).toEqual(a.body);
    const money = await call(h.app, tk.engineer, 'GET', `/api/pay/orders/${id}`);
    expect(money.body).toMatchObject({ currentQuoteId: second.body.id, paidFen: 8000, outstandingFen: 0 });
    expect(money.body.payments).toHaveLength(1);
    // Money was taken against the accepted quote: a new quote would orphan the payment and its receipt.
    const third = await quote([{ priceItemId: visit.id, quantity: 1 }]);
    expect(third.status).toBe(409);
    expect(third.body.details).toMatchObject({ quoteId: second.body.id, paidFen: 8000 });
  });

  it('PAY-01 under warranty labour and parts are free; the visit fee remains; a 0-fen quote needs no signature', async () => {
    const id = await orderOnSite(h, tk);
    const q = await call(h.app, tk.engineer, 'POST', `/api/pay/orders/${id}/quotes`, {
      lines: [{ priceItemId: labour.id }, { priceItemId: board.id }],
      warranty: { purchaseDate: '2026-06-01', months: 12 },
    });
    expect(q.body).toMatchObject({ totalFen: 0, inWarranty: true });
    expect((await call(h.app, tk.engineer, 'GET', `/api/pay/orders/${id}`)).body.paidWorkAllowed).toBe(true);
    const withVisit = await call(h.app, tk.engineer, 'POST', `/api/pay/orders/${id}/quotes`, {
      lines: [{ priceItemId: labour.id }, { priceItemId: visit.id }],
      warranty: { purchaseDate: '2026-06-01', months: 12 },
    });
    expect(withVisit.body.totalFen).toBe(3000);
  });
});
