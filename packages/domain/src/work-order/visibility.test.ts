import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ancestors } from '../org/org-tree.js';
import { PHONE_VISIBLE_POSITIONS, POSITIONS, type Position } from '../org/positions.js';
import { canSeeOrder, maskPhone, phoneAsSeenBy, phoneVisibleTo, type Viewer } from './visibility.js';
import { UNITS, makeOrder } from './work-order.fixtures.js';
import { WORK_ORDER_STATUSES } from './work-order.types.js';

const viewer = (position: Position, over: Partial<Viewer> = {}): Viewer => ({
  personId: 'p-me',
  position,
  unitIds: ancestors('team-n1', UNITS),
  vendorId: 'va',
  ...over,
});
const ENGINEER = viewer('onsite_engineer');

describe('SEC-02 vendor isolation', () => {
  it("SEC-02 vendor staff in any position never see another vendor's orders", () => {
    const theirs = makeOrder({ vendorId: 'vb', offeredToPersonId: 'p-me', holderId: 'p-me', status: 'taken' });
    for (const position of POSITIONS) expect(canSeeOrder(theirs, viewer(position)), position).toBe(false);
  });

  it('SEC-02 operator staff oversee the orders of every vendor of their tenant', () => {
    const operator = viewer('monitor', { vendorId: null, unitIds: ['op'] });
    expect(canSeeOrder(makeOrder({ vendorId: 'va' }), operator)).toBe(true);
    expect(canSeeOrder(makeOrder({ vendorId: 'vb' }), operator)).toBe(true);
  });

  it("SEC-02 nobody sees another tenant's order, operator staff included", () => {
    const operator = viewer('admin', { vendorId: null, tenantId: 't1' });
    expect(canSeeOrder(makeOrder({ tenantId: 't2' }), operator)).toBe(false);
    expect(canSeeOrder(makeOrder({ tenantId: 't1' }), operator)).toBe(true);
  });

  it('SEC-02 whatever the order and the position, a foreign vendor sees nothing and a foreign number stays masked', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...POSITIONS),
        fc.constantFrom(...WORK_ORDER_STATUSES),
        fc.boolean(),
        (position, status, mine) => {
          const order = makeOrder({ vendorId: 'vb', status, holderId: mine ? 'p-me' : null });
          expect(canSeeOrder(order, viewer(position))).toBe(false);
          expect(phoneAsSeenBy(order, viewer(position))).toBe('138****5678');
        },
      ),
    );
  });
});

describe('SEC-01 least privilege', () => {
  it('SEC-01 supervisors see every order of their vendor, whoever holds it', () => {
    const someoneElses = makeOrder({ status: 'taken', holderId: 'p-other' });
    for (const position of ['coordinator', 'station_manager', 'callback_agent', 'team_lead'] as const) {
      expect(canSeeOrder(someoneElses, viewer(position)), position).toBe(true);
    }
  });

  it('SEC-01 an engineer sees an order offered to them, and one offered to a pool they belong to', () => {
    expect(canSeeOrder(makeOrder({ status: 'assigned', offeredToPersonId: 'p-me' }), ENGINEER)).toBe(true);
    expect(canSeeOrder(makeOrder({ status: 'assigned', offeredToUnitId: 'st-north' }), ENGINEER)).toBe(true);
  });

  it("SEC-01 an engineer does not see orders of other pools, other people's offers or other people's work", () => {
    expect(canSeeOrder(makeOrder({ status: 'assigned', offeredToUnitId: 'st-south' }), ENGINEER)).toBe(false);
    expect(canSeeOrder(makeOrder({ status: 'assigned', offeredToPersonId: 'p-other' }), ENGINEER)).toBe(false);
    expect(canSeeOrder(makeOrder({ status: 'taken', holderId: 'p-other' }), ENGINEER)).toBe(false);
    expect(canSeeOrder(makeOrder({ status: 'triaged' }), ENGINEER)).toBe(false);
  });

  it('SEC-01 once a colleague takes a pool order, the rest of the pool no longer sees it', () => {
    const taken = makeOrder({ status: 'taken', offeredToUnitId: 'st-north', holderId: 'p-colleague' });
    expect(canSeeOrder(taken, ENGINEER)).toBe(false);
  });

  it('SEC-01 an engineer keeps seeing the orders they hold, also after completing them', () => {
    for (const status of ['taken', 'on_site', 'suspended', 'completed', 'closed'] as const) {
      expect(canSeeOrder(makeOrder({ status, holderId: 'p-me' }), ENGINEER), status).toBe(true);
    }
  });

  it('SEC-01 positions without order work (parts, finance) see no orders through this rule', () => {
    const order = makeOrder({ status: 'taken', holderId: 'p-other' });
    expect(canSeeOrder(order, viewer('parts_clerk'))).toBe(false);
    expect(canSeeOrder(order, viewer('finance_clerk'))).toBe(false);
  });
});

describe("SEC-01 the customer's phone number", () => {
  it('SEC-01 a phone number is masked as 138****5678', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone(' 13812345678 ')).toBe('138****5678');
    expect(maskPhone('010-62345678')).toBe('010*****5678');
    expect(maskPhone('12345')).toBe('***45');
    expect(maskPhone('110')).toBe('***');
  });

  it('SEC-01 a masked mobile number keeps its length, its first three and last four digits, and nothing else', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^1[3-9]\d{9}$/), (phone) => {
        const masked = maskPhone(phone);
        expect(masked).toBe(`${phone.slice(0, 3)}****${phone.slice(7)}`);
      }),
    );
  });

  it('SEC-01 desk, coordinator, callback and station manager positions see the number in full', () => {
    const order = makeOrder({ status: 'taken', holderId: 'p-other' });
    for (const position of PHONE_VISIBLE_POSITIONS) {
      expect(phoneAsSeenBy(order, viewer(position)), position).toBe('13812345678');
    }
    expect(phoneAsSeenBy(order, viewer('vendor_manager'))).toBe('138****5678');
  });

  it('SEC-01 an engineer sees the number in full only while the order is theirs and open', () => {
    expect(phoneAsSeenBy(makeOrder({ status: 'on_site', holderId: 'p-me' }), ENGINEER)).toBe('13812345678');
    expect(phoneAsSeenBy(makeOrder({ status: 'suspended', holderId: 'p-me' }), ENGINEER)).toBe('13812345678');
    expect(phoneAsSeenBy(makeOrder({ status: 'completed', holderId: 'p-me' }), ENGINEER)).toBe('138****5678');
    expect(phoneAsSeenBy(makeOrder({ status: 'closed', holderId: 'p-me' }), ENGINEER)).toBe('138****5678');
  });

  it('SEC-01 an engineer an order is merely offered to sees a masked number until taking it', () => {
    const offered = makeOrder({ status: 'assigned', offeredToPersonId: 'p-me' });
    expect(canSeeOrder(offered, ENGINEER)).toBe(true);
    expect(phoneVisibleTo(offered, ENGINEER)).toBe(false);
  });
});
