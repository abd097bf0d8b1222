import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors.js';
import { DEFAULT_PARTS_POLICY as policy } from './parts-policy.js';
import { closeTakeBack, isTakeBackOverdue, openTakeBack, type TakeBackInput } from './take-back.js';

const input = (over: Partial<TakeBackInput> = {}): TakeBackInput => ({
  device: '笔记本电脑',
  serial: 'NB-1',
  configNotes: '开机密码由客户告知',
  dataNotes: '客户已自行备份',
  promisedReturnDate: '2026-12-10',
  signature: 'data:image/png;base64,AAAA',
  loanerUnitId: null,
  ...over,
});
const fieldOf = (f: () => unknown) => {
  try {
    f();
    return 'OK';
  } catch (e) {
    if (e instanceof DomainError) return `${e.code}:${String(e.details?.field ?? '')}`;
    throw e;
  }
};

describe('WO-13 take-back repair and loaner', () => {
  it('WO-13 the receipt needs the device, its configuration and data noted, a return date and the customer signature', () => {
    expect(fieldOf(() => openTakeBack(input(), '2026-12-07', policy))).toBe('OK');
    expect(fieldOf(() => openTakeBack(input({ signature: null }), '2026-12-07', policy))).toBe(
      'VALIDATION_FAILED:signature',
    );
    expect(fieldOf(() => openTakeBack(input({ configNotes: ' ' }), '2026-12-07', policy))).toBe(
      'VALIDATION_FAILED:configNotes',
    );
    expect(fieldOf(() => openTakeBack(input({ dataNotes: '' }), '2026-12-07', policy))).toBe(
      'VALIDATION_FAILED:dataNotes',
    );
  });

  it('WO-13 the promised date is not in the past nor beyond the policy window', () => {
    expect(fieldOf(() => openTakeBack(input({ promisedReturnDate: '2026-12-06' }), '2026-12-07', policy))).toBe(
      'VALIDATION_FAILED:promisedReturnDate',
    );
    expect(fieldOf(() => openTakeBack(input({ promisedReturnDate: '2027-01-06' }), '2026-12-07', policy))).toBe('OK');
    expect(fieldOf(() => openTakeBack(input({ promisedReturnDate: '2027-01-07' }), '2026-12-07', policy))).toBe(
      'VALIDATION_FAILED:promisedReturnDate',
    );
  });

  it('WO-13 the device goes back with the customer signing, and a lent loaner must come back with it', () => {
    const out = { status: 'out' as const, loanerUnitId: 'u-loaner' };
    expect(fieldOf(() => closeTakeBack(out, { signature: 'sig', loanerBack: false }))).toBe('WO_LOANER_NOT_BACK:');
    expect(fieldOf(() => closeTakeBack(out, { signature: null, loanerBack: true }))).toBe(
      'VALIDATION_FAILED:signature',
    );
    expect(fieldOf(() => closeTakeBack(out, { signature: 'sig', loanerBack: true }))).toBe('OK');
    expect(fieldOf(() => closeTakeBack({ ...out, status: 'returned' }, { signature: 'sig', loanerBack: true }))).toBe(
      'WO_TAKE_BACK_CLOSED:',
    );
  });

  it('WO-13 a device still out after the promised day is overdue', () => {
    const tb = { status: 'out' as const, promisedReturnDate: '2026-12-10' };
    expect(isTakeBackOverdue(tb, '2026-12-10')).toBe(false);
    expect(isTakeBackOverdue(tb, '2026-12-11')).toBe(true);
    expect(isTakeBackOverdue({ ...tb, status: 'returned' }, '2026-12-11')).toBe(false);
  });
});
