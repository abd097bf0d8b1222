import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PAY_POLICY as policy } from './pay-policy.js';
import { buildQuote, inWarranty, priceLine, warrantyEnds, type PriceEntry } from './pricing.js';

const labour: PriceEntry = { id: 'p1', code: 'LAB-REPAIR', name: '维修工时', kind: 'labour', priceFen: 8000 };
const visit: PriceEntry = { id: 'p2', code: 'VISIT', name: '上门费', kind: 'visit', priceFen: 3000 };
const board: PriceEntry = { id: 'p3', code: 'PART-BOARD', name: '主板', kind: 'part', priceFen: 45000 };

describe('PAY-01 price list, warranty, lower price wins', () => {
  it('PAY-01 warranty runs from the purchase date for its months (end of month clamped)', () => {
    expect(warrantyEnds({ purchaseDate: '2025-12-07', months: 12 })).toBe('2026-12-06');
    expect(warrantyEnds({ purchaseDate: '2026-01-31', months: 1 })).toBe('2026-02-27');
    expect(inWarranty({ purchaseDate: '2025-12-07', months: 12 }, '2026-12-06')).toBe(true);
    expect(inWarranty({ purchaseDate: '2025-12-07', months: 12 }, '2026-12-07')).toBe(false);
    expect(inWarranty(null, '2026-12-07')).toBe(false);
  });

  it('PAY-01 under warranty labour and parts are free, the visit fee is not (policy decides what is covered)', () => {
    const w = { purchaseDate: '2026-06-01', months: 12 };
    const q = buildQuote(
      [
        { entry: labour, quantity: 1 },
        { entry: board, quantity: 1 },
        { entry: visit, quantity: 1 },
      ],
      w,
      '2026-12-07',
      policy,
    );
    expect(q.lines.map((l) => [l.code, l.unitPriceFen, l.basis])).toEqual([
      ['LAB-REPAIR', 0, 'warranty'],
      ['PART-BOARD', 0, 'warranty'],
      ['VISIT', 3000, 'list'],
    ]);
    expect(q).toMatchObject({ totalFen: 3000, currency: 'CNY', inWarranty: true });
    const all = buildQuote([{ entry: visit, quantity: 1 }], w, '2026-12-07', { ...policy, warrantyCovers: ['visit'] });
    expect(all.totalFen).toBe(0);
  });

  it("PAY-01 out of warranty the lower of the warranty card's price and the list price applies", () => {
    const w = { purchaseDate: '2020-01-01', months: 12, cardPricesFen: { 'LAB-REPAIR': 5000, 'PART-BOARD': 60000 } };
    expect(priceLine(labour, 2, w, '2026-12-07', policy)).toMatchObject({
      unitPriceFen: 5000,
      lineTotalFen: 10000,
      basis: 'card',
    });
    expect(priceLine(board, 1, w, '2026-12-07', policy)).toMatchObject({ unitPriceFen: 45000, basis: 'list' });
  });

  it('PAY-03 a quote total is always the sum of its lines, in whole fen', () => {
    const entry = fc.record({
      id: fc.string(),
      code: fc.constantFrom('A', 'B', 'C'),
      name: fc.string(),
      kind: fc.constantFrom(...(['labour', 'part', 'visit', 'software'] as const)),
      priceFen: fc.integer({ min: 0, max: 10_000_000 }),
    });
    fc.assert(
      fc.property(
        fc.array(fc.record({ entry, quantity: fc.integer({ min: 1, max: 100 }) }), { minLength: 1, maxLength: 20 }),
        fc.boolean(),
        (lines, warranty) => {
          const q = buildQuote(
            lines,
            warranty ? { purchaseDate: '2026-12-01', months: 12 } : null,
            '2026-12-07',
            policy,
          );
          expect(q.totalFen).toBe(q.lines.reduce((s, l) => s + l.lineTotalFen, 0));
          for (const l of q.lines) {
            expect(Number.isSafeInteger(l.lineTotalFen)).toBe(true);
            expect(l.lineTotalFen).toBe(l.unitPriceFen * l.quantity);
          }
        },
      ),
    );
  });
});
