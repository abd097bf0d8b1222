import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assertRequiredFields,
  missingRequiredFields,
  requiredFieldsFor,
  type WorkOrderDraft,
} from './required-fields.js';
import { WORK_ORDER_TYPES, type WorkOrderType } from './work-order.types.js';

/** A draft with every field any type may require, filled in. */
const FULL: Omit<WorkOrderDraft, 'type'> = {
  acceptanceSerial: 'BSS-20261123-0042',
  product: 'broadband',
  business: 'home broadband',
  productNumber: 'BB0211002233',
  customer: { name: '张先生', phone: '13900001111', address: '海淀区学院路 30 号 5-402' },
  faultDescription: 'Cannot get online',
  productModel: 'HG8245H',
  broadband: { bandwidthMbps: 300, tariff: '129/month', accessMethod: 'FTTH', cooperationMode: 'own build' },
};

const draft = (type: WorkOrderType, over: Partial<WorkOrderDraft> = {}): WorkOrderDraft => ({ type, ...FULL, ...over });

describe('WO-02 required fields (不许有空格)', () => {
  it.each(WORK_ORDER_TYPES)('WO-02 a complete %s draft can be saved', (type) => {
    expect(missingRequiredFields(draft(type))).toEqual([]);
  });

  it('WO-02 an empty draft names every field its type needs, in a stable order', () => {
    expect(missingRequiredFields({ type: 'fault' })).toEqual([
      'acceptanceSerial',
      'product',
      'business',
      'customer.name',
      'customer.phone',
      'customer.address',
      'productNumber',
      'faultDescription',
    ]);
  });

  it('WO-02 a field holding only spaces, tabs, a full-width space or zero-width characters is blank', () => {
    for (const blank of ['', '   ', '\t\n', '\u3000\u3000', '\u200B', ' \u200D ']) {
      expect(missingRequiredFields(draft('fault', { faultDescription: blank })), JSON.stringify(blank)).toEqual([
        'faultDescription',
      ]);
    }
  });

  it('WO-02 any whitespace-only text is blank, any text with a visible character is not', () => {
    const ws = fc.constantFrom(' ', '\t', '\n', '\r', '\u3000', '\u00A0', '\u2003', '\u200B');
    fc.assert(
      fc.property(
        fc.array(ws, { maxLength: 8 }),
        fc.array(ws, { maxLength: 8 }),
        fc.constantFrom('a', '张', '1'),
        (a, b, c) => {
          expect(missingRequiredFields(draft('consultation', { business: a.join('') }))).toEqual(['business']);
          expect(missingRequiredFields(draft('consultation', { business: a.join('') + c + b.join('') }))).toEqual([]);
        },
      ),
    );
  });

  it('WO-02 a broadband installation needs bandwidth, tariff, access method and cooperation mode', () => {
    const bare = draft('install', { broadband: null });
    expect(missingRequiredFields(bare)).toEqual([
      'broadband.bandwidthMbps',
      'broadband.tariff',
      'broadband.accessMethod',
      'broadband.cooperationMode',
    ]);
    const partial = draft('install', {
      product: '宽带',
      broadband: { bandwidthMbps: 0, tariff: ' ', accessMethod: 'FTTH' },
    });
    expect(missingRequiredFields(partial)).toEqual([
      'broadband.bandwidthMbps',
      'broadband.tariff',
      'broadband.cooperationMode',
    ]);
  });

  it('WO-02 broadband facts are not asked of other installations or of broadband faults', () => {
    expect(missingRequiredFields(draft('install', { product: 'air conditioner', broadband: null }))).toEqual([]);
    expect(missingRequiredFields(draft('fault', { broadband: null }))).toEqual([]);
  });

  it('WO-02 faults and complaints need a fault description; installations do not', () => {
    expect(missingRequiredFields(draft('fault', { faultDescription: null }))).toEqual(['faultDescription']);
    expect(missingRequiredFields(draft('complaint', { faultDescription: undefined }))).toEqual(['faultDescription']);
    expect(missingRequiredFields(draft('install', { faultDescription: null }))).toEqual([]);
  });

  it('WO-02 a carry-in repair needs the product model but no address', () => {
    expect(missingRequiredFields(draft('carry_in', { productModel: '' }))).toEqual(['productModel']);
    const walkIn = draft('carry_in', { customer: { name: '赵女士', phone: '13700002222', address: null } });
    expect(missingRequiredFields(walkIn)).toEqual([]);
  });

  it('WO-02 an on-site visit needs the address; a phone consultation does not', () => {
    const noAddress = { customer: { name: '王先生', phone: '13600003333' } };
    expect(missingRequiredFields(draft('care_visit', noAddress))).toEqual(['customer.address']);
    expect(missingRequiredFields(draft('consultation', noAddress))).toEqual([]);
  });

  it('WO-02 an appointment is not required when an order is created', () => {
    for (const type of WORK_ORDER_TYPES) {
      expect(missingRequiredFields(draft(type, { appointment: null }))).toEqual([]);
      expect(requiredFieldsFor({ type, product: 'broadband' }).join()).not.toContain('appointment');
    }
  });

  it('WO-02 saving a draft with blanks is refused with WO_REQUIRED_FIELD_MISSING and the blank fields', () => {
    const blanks = draft('fault', { customer: { name: ' ', phone: '', address: 'x' } });
    expect(() => assertRequiredFields(blanks)).toThrow(
      expect.objectContaining({
        code: 'WO_REQUIRED_FIELD_MISSING',
        details: { fields: ['customer.name', 'customer.phone'], field: 'customer.name' },
      }),
    );
    expect(() => assertRequiredFields(draft('fault'))).not.toThrow();
  });
});
