import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY_PACK, type PolicyPack } from '../policy/policy-pack.js';
import type { DomainError } from '../shared/errors.js';
import { applyDecision } from './apply-decision.js';
import { availableActions, decide, type Actor, type WorkOrderCommand } from './lifecycle.js';
import {
  LATER_WINDOW,
  NOW,
  VALID_COMMANDS,
  WINDOW,
  codeOf,
  coordinator,
  engineer,
  makeOrder,
} from './work-order.fixtures.js';
import type { WorkOrder } from './work-order.types.js';

const run = (order: WorkOrder, cmd: WorkOrderCommand, actor: Actor, policy: PolicyPack = DEFAULT_POLICY_PACK) =>
  decide(order, cmd, actor, policy, NOW);
const after = (order: WorkOrder, cmd: WorkOrderCommand, actor: Actor) => applyDecision(order, run(order, cmd, actor));

describe('WO-04 take', () => {
  it('WO-04 the engineer an order is offered to takes it and becomes its holder', () => {
    const order = makeOrder({ status: 'assigned', offeredToPersonId: 'p-eng' });
    const taken = after(order, { action: 'take' }, engineer('p-eng'));
    expect(taken.status).toBe('taken');
    expect(taken.holderId).toBe('p-eng');
  });

  it('WO-04 an order offered to a unit pool can be taken by any engineer of that unit or a team below it', () => {
    const order = makeOrder({ status: 'assigned', offeredToUnitId: 'st-north' });
    // team-n1 and team-n2 are teams of the north station: their engineers' unitIds include it.
    expect(after(order, { action: 'take' }, engineer('p-a', 'team-n1')).holderId).toBe('p-a');
    expect(after(order, { action: 'take' }, engineer('p-b', 'team-n2')).holderId).toBe('p-b');
  });

  it('WO-04 an engineer of another station cannot take a pool order: WO_NOT_HOLDER', () => {
    const order = makeOrder({ status: 'assigned', offeredToUnitId: 'st-north' });
    expect(codeOf(() => run(order, { action: 'take' }, engineer('p-s', 'team-s1')))).toBe('WO_NOT_HOLDER');
  });

  it('WO-04 an order offered to one person cannot be taken by a colleague of the same team', () => {
    const order = makeOrder({ status: 'assigned', offeredToPersonId: 'p-eng', offeredToUnitId: 'team-n1' });
    expect(codeOf(() => run(order, { action: 'take' }, engineer('p-other', 'team-n1')))).toBe('WO_NOT_HOLDER');
  });

  it('WO-04 of two engineers taking the same pool order, the second is told WO_ALREADY_TAKEN', () => {
    const order = makeOrder({ status: 'assigned', offeredToUnitId: 'st-north' });
    const first = after(order, { action: 'take' }, engineer('p-a', 'team-n1'));
    const err = (() => {
      try {
        run(first, { action: 'take' }, engineer('p-b', 'team-n2'));
      } catch (e) {
        return e as DomainError;
      }
      throw new Error('second take was accepted');
    })();
    expect(err.code).toBe('WO_ALREADY_TAKEN');
    expect(first.holderId).toBe('p-a');
  });

  it('WO-04 two takes decided on the same snapshot both claim the next version, so the store keeps only one', () => {
    // The race itself is settled by the database's version check; the domain's part is that both
    // decisions target the same version, which is what that check compares.
    const order = makeOrder({ status: 'assigned', offeredToUnitId: 'st-north', version: 7 });
    const a = after(order, { action: 'take' }, engineer('p-a', 'team-n1'));
    const b = after(order, { action: 'take' }, engineer('p-b', 'team-n2'));
    expect([a.version, b.version]).toEqual([8, 8]);
  });

  it('WO-04 desk positions cannot take orders: FORBIDDEN', () => {
    const order = makeOrder({ status: 'assigned', offeredToPersonId: 'p-coord' });
    expect(codeOf(() => run(order, { action: 'take' }, coordinator()))).toBe('FORBIDDEN');
  });

  it('WO-04 the offered engineer sees Take and Return as available actions, a colleague sees neither', () => {
    const order = makeOrder({ status: 'assigned', offeredToPersonId: 'p-eng' });
    expect(availableActions(order, engineer('p-eng'))).toEqual(expect.arrayContaining(['take', 'return']));
    expect(availableActions(order, engineer('p-other'))).not.toContain('take');
    expect(availableActions(order, engineer('p-other'))).not.toContain('return');
  });
});

describe('WO-05 return', () => {
  const held = makeOrder({ status: 'taken', holderId: 'p-eng', offeredToPersonId: 'p-eng' });

  it.each(DEFAULT_POLICY_PACK.returnReasons.map((r) => r.code))(
    'WO-05 returning with the policy reason "%s" sends the order back unassigned with reason and remark',
    (reasonCode) => {
      const d = run(held, { action: 'return', reasonCode, remark: 'see photo' }, engineer('p-eng'));
      expect(d.to).toBe('returned');
      expect(d.payload).toEqual({ reasonCode, remark: 'see photo' });
      const back = applyDecision(held, d);
      expect([back.holderId, back.offeredToPersonId, back.offeredToUnitId]).toEqual([null, null, null]);
    },
  );

  it('WO-05 a reason not in the policy pack is refused with WO_REASON_UNKNOWN listing the allowed ones', () => {
    try {
      run(held, { action: 'return', reasonCode: 'too_far', remark: '' }, engineer('p-eng'));
      expect.fail('accepted an unknown reason');
    } catch (e) {
      expect((e as DomainError).code).toBe('WO_REASON_UNKNOWN');
      expect((e as DomainError).details?.allowed).toEqual(DEFAULT_POLICY_PACK.returnReasons.map((r) => r.code));
    }
  });

  it("WO-05 the reasons come from the tenant's pack: a reason it adds is accepted, one it drops is refused", () => {
    const pack: PolicyPack = {
      ...DEFAULT_POLICY_PACK,
      returnReasons: [{ code: 'too_far', label: { 'zh-CN': '距离过远', en: 'Too far' } }],
    };
    expect(run(held, { action: 'return', reasonCode: 'too_far', remark: '' }, engineer('p-eng'), pack).to).toBe(
      'returned',
    );
    const dropped = () => run(held, { action: 'return', reasonCode: 'duplicate', remark: '' }, engineer('p-eng'), pack);
    expect(codeOf(dropped)).toBe('WO_REASON_UNKNOWN');
  });

  it('WO-05 the engineer an order is offered to may return it without taking it; a colleague may not', () => {
    const offered = makeOrder({ status: 'assigned', offeredToPersonId: 'p-eng' });
    expect(run(offered, VALID_COMMANDS.return, engineer('p-eng')).to).toBe('returned');
    expect(codeOf(() => run(offered, VALID_COMMANDS.return, engineer('p-other')))).toBe('WO_NOT_HOLDER');
  });
});

describe('WO-06 dispatch', () => {
  it('WO-06 dispatching to a person offers the order to that person, with the remark in the event', () => {
    const d = run(makeOrder({ status: 'triaged' }), VALID_COMMANDS.dispatch, coordinator());
    expect(d.to).toBe('assigned');
    expect(d.changes).toMatchObject({ offeredToPersonId: 'p-eng', offeredToUnitId: null, holderId: null });
    expect(d.payload).toEqual({ toPersonId: 'p-eng', toUnitId: null, remark: 'nearest engineer' });
  });

  it("WO-06 dispatching to a unit offers the order to that unit's pool", () => {
    const d = run(makeOrder(), { action: 'dispatch', toUnitId: 'team-n2', remark: '' }, coordinator());
    expect(d.changes).toMatchObject({ offeredToPersonId: null, offeredToUnitId: 'team-n2' });
  });

  it('WO-06 transferring a taken order takes it away from its holder', () => {
    const taken = makeOrder({ status: 'on_site', holderId: 'p-eng', offeredToPersonId: 'p-eng' });
    const moved = after(taken, { action: 'dispatch', toPersonId: 'p-b', remark: 'needs a splicer' }, coordinator());
    expect(moved).toMatchObject({ status: 'assigned', holderId: null, offeredToPersonId: 'p-b' });
  });

  it('WO-06 a dispatch names exactly one target: both or neither is refused with VALIDATION_FAILED', () => {
    const order = makeOrder({ status: 'triaged' });
    const both = () =>
      run(order, { action: 'dispatch', toPersonId: 'p-a', toUnitId: 'team-n1', remark: '' }, coordinator());
    const none = () => run(order, { action: 'dispatch', remark: '' }, coordinator());
    expect(codeOf(both)).toBe('VALIDATION_FAILED');
    expect(codeOf(none)).toBe('VALIDATION_FAILED');
  });

  it('WO-06 an on-site engineer cannot dispatch: FORBIDDEN', () => {
    expect(codeOf(() => run(makeOrder({ status: 'triaged' }), VALID_COMMANDS.dispatch, engineer()))).toBe('FORBIDDEN');
  });
});

describe('WO-03 reschedule, suspend, resume, reopen, cancel', () => {
  const confirmed = makeOrder({ status: 'appointment_confirmed', holderId: 'p-eng', appointment: WINDOW });

  it('WO-03 a reschedule moves the appointment and records the old slot, the reason and who asked', () => {
    const d = run(confirmed, VALID_COMMANDS.reschedule, engineer('p-eng'));
    expect(d.to).toBe('appointment_confirmed');
    expect(d.changes.appointment).toEqual(LATER_WINDOW);
    expect(d.payload).toEqual({
      window: LATER_WINDOW,
      previous: WINDOW,
      reason: 'customer at work',
      askedBy: 'customer',
    });
  });

  it('WO-03 a time slot that ends before it starts is refused with VALIDATION_FAILED', () => {
    const cmd: WorkOrderCommand = {
      action: 'reschedule',
      reason: 'customer at work',
      askedBy: 'us',
      window: { start: WINDOW.end, end: WINDOW.start },
    };
    expect(codeOf(() => run(confirmed, cmd, engineer('p-eng')))).toBe('VALIDATION_FAILED');
  });

  it('WO-03 only the holder confirms the appointment, departs and arrives', () => {
    for (const cmd of [VALID_COMMANDS.confirm_appointment, VALID_COMMANDS.depart]) {
      expect(codeOf(() => run(confirmed, cmd, engineer('p-other')))).toBe('WO_NOT_HOLDER');
    }
    const enRoute = makeOrder({ status: 'en_route', holderId: 'p-eng' });
    expect(codeOf(() => run(enRoute, VALID_COMMANDS.arrive, engineer('p-other')))).toBe('WO_NOT_HOLDER');
    expect(run(enRoute, VALID_COMMANDS.arrive, engineer('p-eng')).to).toBe('on_site');
  });

  it('WO-03 a suspended order keeps its holder and reason, and resumes as taken by the same engineer', () => {
    const onSite = makeOrder({ status: 'on_site', holderId: 'p-eng' });
    const suspended = after(onSite, VALID_COMMANDS.suspend, engineer('p-eng'));
    expect(suspended).toMatchObject({ status: 'suspended', suspendReason: 'waiting_parts', holderId: 'p-eng' });
    const resumed = after(suspended, VALID_COMMANDS.resume, coordinator());
    expect(resumed).toMatchObject({ status: 'taken', suspendReason: null, holderId: 'p-eng' });
  });

  it('WO-03 reopening a closed order sends it back to triage with no holder and no completion stamps', () => {
    const closed = makeOrder({
      status: 'closed',
      holderId: 'p-eng',
      offeredToPersonId: 'p-eng',
      completedAt: new Date('2026-11-20T00:00:00Z'),
      closedAt: new Date('2026-11-21T00:00:00Z'),
    });
    const reopened = after(closed, VALID_COMMANDS.reopen, actorOf('callback_agent'));
    expect(reopened).toMatchObject({ status: 'triaged', holderId: null, offeredToPersonId: null, completedAt: null });
    expect(reopened.closedAt).toBeNull();
  });

  it('WO-03 a cancelled order accepts no action from anyone, not even an admin', () => {
    const cancelled = after(makeOrder({ status: 'taken', holderId: 'p-eng' }), VALID_COMMANDS.cancel, coordinator());
    expect(cancelled.status).toBe('cancelled');
    for (const cmd of Object.values(VALID_COMMANDS)) {
      expect(
        codeOf(() => run(cancelled, cmd, actorOf('admin'))),
        cmd.action,
      ).toBe('WO_INVALID_TRANSITION');
    }
    expect(availableActions(cancelled, actorOf('admin'))).toEqual([]);
  });

  it("WO-03 an engineer cannot reschedule, suspend or resume a colleague's order: WO_NOT_HOLDER", () => {
    const theirs = makeOrder({ status: 'appointment_confirmed', holderId: 'p-colleague', appointment: WINDOW });
    const suspended = makeOrder({ status: 'suspended', holderId: 'p-colleague', suspendReason: 'waiting_parts' });
    expect(codeOf(() => run(theirs, VALID_COMMANDS.reschedule, engineer('p-eng')))).toBe('WO_NOT_HOLDER');
    expect(codeOf(() => run(theirs, VALID_COMMANDS.suspend, engineer('p-eng')))).toBe('WO_NOT_HOLDER');
    expect(codeOf(() => run(suspended, VALID_COMMANDS.resume, engineer('p-eng')))).toBe('WO_NOT_HOLDER');
    // The desk and dispatchers still may, for any order.
    expect(run(theirs, VALID_COMMANDS.reschedule, actorOf('hotline_agent')).to).toBe('appointment_confirmed');
    expect(run(suspended, VALID_COMMANDS.resume, actorOf('team_lead')).to).toBe('taken');
  });

  it('WO-03 an engineer cannot cancel an order: FORBIDDEN', () => {
    expect(
      codeOf(() => run(makeOrder({ status: 'taken', holderId: 'p-eng' }), VALID_COMMANDS.cancel, engineer('p-eng'))),
    ).toBe('FORBIDDEN');
  });
});

function actorOf(position: Actor['position']): Actor {
  return { personId: `p-${position}`, position, unitIds: ['st-north'] };
}
