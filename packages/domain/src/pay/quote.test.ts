import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors.js';
import { DEFAULT_PAY_POLICY as policy } from './pay-policy.js';
import {
  assertPaidWorkAllowed,
  assertRequotable,
  checkPayment,
  dailyTakings,
  decideQuote,
  reconcileTakings,
} from './quote.js';

const codeOf = (f: () => unknown) => {
  try {
    f();
    return 'OK';
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
};
const accepted = { status: 'accepted' as const, totalFen: 11000 };
const pay = (over: Partial<Parameters<typeof checkPayment>[0]> = {}) => ({
  method: 'wechat',
  amountFen: 11000,
  receiptNo: 'R-1',
  invoiceToFollow: false,
  ...over,
});

describe('PAY-01 quote accepted before paid work', () => {
  it('PAY-01 accepting needs the signature; a decided quote cannot be decided again', () => {
    expect(codeOf(() => decideQuote('proposed', { accept: true, signature: null }))).toBe('VALIDATION_FAILED');
    expect(decideQuote('proposed', { accept: true, signature: 'sig' })).toBe('accepted');
    expect(decideQuote('proposed', { accept: false, signature: null })).toBe('declined');
    expect(codeOf(() => decideQuote('accepted', { accept: false, signature: null }))).toBe('PAY_QUOTE_DECIDED');
  });

  it('PAY-01 paid work waits for an accepted quote; an all-warranty (0 fen) quote needs no acceptance', () => {
    expect(codeOf(() => assertPaidWorkAllowed(null))).toBe('PAY_QUOTE_NOT_ACCEPTED');
    expect(codeOf(() => assertPaidWorkAllowed({ status: 'proposed', totalFen: 100 }))).toBe('PAY_QUOTE_NOT_ACCEPTED');
    expect(codeOf(() => assertPaidWorkAllowed({ status: 'declined', totalFen: 100 }))).toBe('PAY_QUOTE_NOT_ACCEPTED');
    expect(codeOf(() => assertPaidWorkAllowed({ status: 'proposed', totalFen: 0 }))).toBe('OK');
    expect(codeOf(() => assertPaidWorkAllowed(accepted))).toBe('OK');
  });
});

describe('PAY-02 payments and takings', () => {
  it('PAY-02 a payment has a method, whole fen, and a receipt number or an invoice to follow', () => {
    expect(checkPayment(pay(), accepted, 0, policy)).toEqual({ method: 'wechat', amountFen: 11000, outstandingFen: 0 });
    expect(codeOf(() => checkPayment(pay({ receiptNo: null }), accepted, 0, policy))).toBe('VALIDATION_FAILED');
    expect(codeOf(() => checkPayment(pay({ receiptNo: null, invoiceToFollow: true }), accepted, 0, policy))).toBe('OK');
    expect(codeOf(() => checkPayment(pay({ amountFen: 10.5 }), accepted, 0, policy))).toBe('VALIDATION_FAILED');
    expect(codeOf(() => checkPayment(pay({ method: 'gold' }), accepted, 0, policy))).toBe('VALIDATION_FAILED');
  });

  it('PAY-02 payments never add up to more than the accepted quote; none against a proposed one', () => {
    expect(checkPayment(pay({ amountFen: 6000 }), accepted, 0, policy).outstandingFen).toBe(5000);
    expect(codeOf(() => checkPayment(pay({ amountFen: 6000 }), accepted, 6000, policy))).toBe('PAY_OVERPAID');
    expect(codeOf(() => checkPayment(pay(), { ...accepted, status: 'proposed' }, 0, policy))).toBe(
      'PAY_QUOTE_NOT_ACCEPTED',
    );
  });

  it('PAY-02 daily takings per engineer add up; the station reconciles what was handed in', () => {
    const rows = dailyTakings(
      [
        { collectedBy: 'e1', method: 'cash', amountFen: 5000 },
        { collectedBy: 'e1', method: 'wechat', amountFen: 8000 },
        { collectedBy: 'e1', method: 'cash', amountFen: 1500 },
        { collectedBy: 'e2', method: 'alipay', amountFen: 3000 },
      ],
      policy,
    );
    expect(rows).toEqual([
      { engineerId: 'e1', byMethod: { cash: 6500, wechat: 8000 }, totalFen: 14500, handInFen: 6500 },
      { engineerId: 'e2', byMethod: { alipay: 3000 }, totalFen: 3000, handInFen: 0 },
    ]);
    expect(reconcileTakings(rows, { e1: 6000 }).map((r) => r.differenceFen)).toEqual([-500, 0]);
  });
});

describe('PAY-01 a new quote replaces the current one', () => {
  it('PAY-01 a quote may be replaced until money is taken against it', () => {
    expect(() => assertRequotable(null, 0)).not.toThrow();
    expect(() => assertRequotable({ id: 'q1' }, 0)).not.toThrow();
    expect(codeOf(() => assertRequotable({ id: 'q1' }, 100))).toBe('CONFLICT');
  });
});
