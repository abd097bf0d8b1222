import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { POSITIONS } from '../org/positions.js';
import { DEFAULT_POLICY_PACK } from '../policy/policy-pack.js';
import { ERROR_CODES, isDomainError } from '../shared/errors.js';
import { applyDecision } from './apply-decision.js';
import type { CompletionOutcome } from './completion.js';
import { decide, isHolder, isOfferedTo, type Actor, type WorkOrderCommand } from './lifecycle.js';
import { LIFECYCLE, WORK_ORDER_ACTIONS, type WorkOrderAction } from './lifecycle.table.js';
import { DONE, NOW, VALID_COMMANDS, WINDOW, codeOf, makeOrder } from './work-order.fixtures.js';
import { WORK_ORDER_STATUSES, type WorkOrder, type WorkOrderStatus } from './work-order.types.js';

const WORKING: WorkOrderStatus[] = ['taken', 'appointment_confirmed', 'en_route', 'on_site'];

/**
 * WO-03 written out from the requirement, independently of lifecycle.table.ts: the moves a user can make
 * and where each leads (complete: a non-complaint order completed as done). If the table changes, this
 * list has to change with it, on purpose.
 */
const EXPECTED: Record<WorkOrderAction, { from: WorkOrderStatus[]; to: WorkOrderStatus }> = {
  triage: { from: ['created', 'returned'], to: 'triaged' },
  dispatch: { from: ['created', 'triaged', 'assigned', 'returned', ...WORKING], to: 'assigned' },
  take: { from: ['assigned'], to: 'taken' },
  return: { from: ['assigned', ...WORKING], to: 'returned' },
  confirm_appointment: { from: ['taken', 'appointment_confirmed'], to: 'appointment_confirmed' },
  reschedule: { from: ['taken', 'appointment_confirmed', 'en_route'], to: 'appointment_confirmed' },
  depart: { from: ['taken', 'appointment_confirmed'], to: 'en_route' },
  arrive: { from: ['en_route'], to: 'on_site' },
  suspend: { from: WORKING, to: 'suspended' },
  resume: { from: ['suspended'], to: 'taken' },
  complete: { from: WORKING, to: 'completed' },
  start_callback: { from: ['completed'], to: 'callback' },
  close: { from: ['completed', 'callback'], to: 'closed' },
  reopen: { from: ['completed', 'callback', 'closed'], to: 'triaged' },
  cancel: { from: ['created', 'triaged', 'assigned', 'returned', ...WORKING, 'suspended'], to: 'cancelled' },
  // APT-03: nobody home — back to waiting for an appointment.
  no_access: { from: ['en_route', 'on_site'], to: 'taken' },
};

/** An actor allowed by position, holding the order and being the one it is offered to. */
function allowedActor(action: WorkOrderAction): Actor {
  return { personId: 'p-actor', position: LIFECYCLE[action].positions[0]!, unitIds: ['team-n1'] };
}

function orderIn(status: WorkOrderStatus, action: WorkOrderAction): WorkOrder {
  // A "take" refused for state must not look already taken, or the answer is WO_ALREADY_TAKEN instead.
  const held = action === 'take' && status !== 'assigned' ? null : 'p-actor';
  return makeOrder({ status, holderId: held, offeredToPersonId: 'p-actor' });
}

describe('WO-03 lifecycle table', () => {
  it('WO-03 the table lists exactly the moves of the requirement', () => {
    for (const action of WORK_ORDER_ACTIONS) {
      expect([...LIFECYCLE[action].from].sort(), action).toEqual([...EXPECTED[action].from].sort());
    }
    expect(Object.keys(LIFECYCLE).sort()).toEqual([...WORK_ORDER_ACTIONS].sort());
  });

  const cases = WORK_ORDER_ACTIONS.flatMap((action) =>
    WORK_ORDER_STATUSES.map((status) => ({ action, status, allowed: EXPECTED[action].from.includes(status) })),
  );

  it.each(cases.filter((c) => c.allowed))('WO-03 $action is accepted from $status', ({ action, status }) => {
    const d = decide(orderIn(status, action), VALID_COMMANDS[action], allowedActor(action), DEFAULT_POLICY_PACK, NOW);
    expect(d).toMatchObject({ action, from: status, to: EXPECTED[action].to });
  });

  it.each(cases.filter((c) => !c.allowed))(
    'WO-03 $action is refused from $status with WO_INVALID_TRANSITION',
    ({ action, status }) => {
      const run = () =>
        decide(orderIn(status, action), VALID_COMMANDS[action], allowedActor(action), DEFAULT_POLICY_PACK, NOW);
      expect(codeOf(run)).toBe('WO_INVALID_TRANSITION');
    },
  );

  it('WO-03 an order walks the whole happy path, stamping completion and close times', () => {
    const eng: Actor = { personId: 'p-eng', position: 'onsite_engineer', unitIds: ['team-n1'] };
    const desk: Actor = { personId: 'p-desk', position: 'coordinator', unitIds: ['st-north'] };
    const agent: Actor = { personId: 'p-cb', position: 'callback_agent', unitIds: ['st-north'] };
    const steps: [WorkOrderCommand, Actor, WorkOrderStatus][] = [
      [VALID_COMMANDS.triage, desk, 'triaged'],
      [{ action: 'dispatch', toPersonId: 'p-eng', remark: 'north team' }, desk, 'assigned'],
      [VALID_COMMANDS.take, eng, 'taken'],
      [VALID_COMMANDS.confirm_appointment, eng, 'appointment_confirmed'],
      [VALID_COMMANDS.depart, eng, 'en_route'],
      [VALID_COMMANDS.arrive, eng, 'on_site'],
      [VALID_COMMANDS.complete, eng, 'completed'],
      [VALID_COMMANDS.start_callback, agent, 'callback'],
      [VALID_COMMANDS.close, agent, 'closed'],
    ];
    let order = makeOrder();
    steps.forEach(([cmd, actor, expected], i) => {
      const at = new Date(NOW.getTime() + i * 60_000);
      order = applyDecision(order, decide(order, cmd, actor, DEFAULT_POLICY_PACK, at));
      expect(order.status, cmd.action).toBe(expected);
    });
    expect(order.holderId).toBe('p-eng');
    expect(order.completedAt).toEqual(new Date(NOW.getTime() + 6 * 60_000));
    expect(order.closedAt).toEqual(new Date(NOW.getTime() + 8 * 60_000));
    expect(order.version).toBe(1 + steps.length);
  });
});

// ---- property: random histories never leave the table -------------------------------------------

const PEOPLE = ['p1', 'p2', 'p3'];
const UNIT_SETS = [['team-n1', 'st-north', 'vendor-a'], ['team-n2', 'st-north', 'vendor-a'], ['st-south']];
/** Every person in every position: the cast a history draws its actors from. */
const CAST: Actor[] = PEOPLE.flatMap((personId, i) =>
  POSITIONS.map((position) => ({ personId, position, unitIds: UNIT_SETS[i]! })),
);
const CAST_ONE_EACH = CAST.filter((a) => a.personId === PEOPLE[0]);

const windowArb = fc.constantFrom(WINDOW, { start: WINDOW.end, end: WINDOW.start });
const outcomeArb: fc.Arbitrary<CompletionOutcome> = fc.oneof(
  fc.constant({ kind: 'done' as const }),
  fc.record({
    kind: fc.constant('resolved' as const),
    causeCode: fc.constantFrom('line_fault', 'no_such_cause'),
    solution: fc.constant('re-spliced'),
    steps: fc.constant('tested'),
  }),
  fc.constant({ kind: 'unresolved_to_fault' as const, steps: 'checked line' }),
  fc.record({ kind: fc.constant('reschedule' as const), reason: fc.constant('later'), window: windowArb }),
  fc.constant({ kind: 'cannot_resolve' as const, explanation: 'policy limit' }),
  fc.constant({ kind: 'misdispatched' as const, remark: 'belongs to billing' }),
);

/** Commands of every kind, valid and not (unknown reasons, reversed slots, two or no dispatch targets). */
const commandArb: fc.Arbitrary<WorkOrderCommand> = fc.oneof(
  fc.constantFrom(...Object.values(VALID_COMMANDS)),
  fc.record({
    action: fc.constant('dispatch' as const),
    toPersonId: fc.option(fc.constantFrom(...PEOPLE), { nil: undefined }),
    toUnitId: fc.option(fc.constantFrom('team-n1', 'st-north', 'st-south'), { nil: undefined }),
    remark: fc.constant('r'),
  }),
  fc.record({
    action: fc.constant('return' as const),
    reasonCode: fc.constantFrom('duplicate', 'no_such_reason'),
    remark: fc.constant('r'),
  }),
  fc.record({
    action: fc.constant('complete' as const),
    completion: fc.record({
      customerContacted: fc.boolean(),
      handlingMinutes: fc.constantFrom(0, 30, -5, 2.5),
      remark: fc.constant('r'),
      outcome: outcomeArb,
    }),
  }),
  fc.record({ action: fc.constant('confirm_appointment' as const), window: windowArb }),
);

/**
 * One step of a history. Purely random steps are mostly refused, so half the steps are steered: they
 * pick an action the table allows from the current state, then someone in the cast whose position and
 * relation to the order fit it. That way histories get deep (taken, completed, reopened, cancelled …)
 * while the other half keeps poking at refusals. Steering only chooses; `decide` still judges.
 */
const stepArb = fc.record({
  steered: fc.boolean(),
  pickAction: fc.nat(),
  pickActor: fc.nat(),
  allowSetback: fc.nat({ max: 7 }).map((n) => n === 0),
  cmd: commandArb,
  outcome: outcomeArb,
  actor: fc.constantFrom(...CAST),
});
type Step = typeof stepArb extends fc.Arbitrary<infer S> ? S : never;

function fits(order: WorkOrder, action: WorkOrderAction, actor: Actor): boolean {
  const rule = LIFECYCLE[action];
  if (!rule.positions.includes(actor.position)) return false;
  if (rule.relation === 'holder') return isHolder(order, actor);
  if (rule.relation === 'offered') return isHolder(order, actor) || isOfferedTo(order, actor);
  return true;
}

const SETBACKS: WorkOrderAction[] = ['cancel', 'dispatch', 'return', 'reopen'];

function resolveStep(order: WorkOrder, step: Step): [WorkOrderCommand, Actor] {
  if (!step.steered) return [step.cmd, step.actor];
  const allowed = WORK_ORDER_ACTIONS.filter((a) => LIFECYCLE[a].from.includes(order.status));
  // Moves that undo progress are allowed from almost everywhere; taken evenly, they would keep most
  // histories near the start. Offer them one step in eight.
  const forward = allowed.filter((a) => !SETBACKS.includes(a));
  const actions = step.allowSetback || forward.length === 0 ? allowed : forward;
  const action = actions[step.pickAction % Math.max(1, actions.length)];
  const actors = action ? CAST.filter((a) => fits(order, action, a)) : [];
  const actor = actors[step.pickActor % Math.max(1, actors.length)];
  if (!action || !actor) return [step.cmd, step.actor];
  if (step.cmd.action === action) return [step.cmd, actor];
  switch (action) {
    case 'dispatch': {
      const target = step.pickActor % 2 ? { toPersonId: PEOPLE[step.pickActor % 3]! } : { toUnitId: 'st-north' };
      return [{ action, remark: 'r', ...target }, actor];
    }
    case 'complete': {
      const outcome = order.type === 'complaint' ? step.outcome : { kind: 'done' as const };
      return [{ action, completion: { ...DONE, outcome } }, actor];
    }
    default:
      return [VALID_COMMANDS[action], actor];
  }
}

const OPEN_HANDED: WorkOrderStatus[] = ['created', 'triaged', 'assigned', 'returned'];

describe('WO-03 random histories', () => {
  it('WO-03 any random sequence of commands by any actor never reaches a state not in the table, and terminal states (cancelled) accept nothing', () => {
    const reached = new Set<WorkOrderStatus>();
    fc.assert(
      fc.property(
        fc.constantFrom('fault' as const, 'complaint' as const, 'install' as const),
        fc.array(stepArb, { minLength: 10, maxLength: 60 }),
        (type, steps) => {
          let order = makeOrder({ type });
          for (const step of steps) {
            const [cmd, actor] = resolveStep(order, step);
            const before = order;
            let decision;
            try {
              decision = decide(order, cmd, actor, DEFAULT_POLICY_PACK, NOW);
            } catch (e) {
              // Refusals are domain errors with a published code, never a crash.
              expect(isDomainError(e) && ERROR_CODES.includes(e.code)).toBe(true);
              continue;
            }
            const rule = LIFECYCLE[cmd.action];
            expect(before.status).not.toBe('cancelled');
            expect(rule.from).toContain(before.status);
            if (rule.to === 'by_outcome') {
              expect(['completed', 'appointment_confirmed', 'triaged']).toContain(decision.to);
            } else {
              expect(decision.to).toBe(rule.to);
            }
            order = applyDecision(order, decision);
            reached.add(order.status);
            // Facts that must agree with the state, whatever path led there.
            if (WORKING.includes(order.status) || order.status === 'suspended') expect(order.holderId).not.toBeNull();
            if (OPEN_HANDED.includes(order.status)) expect(order.holderId).toBeNull();
            if (order.status === 'assigned') {
              expect([order.offeredToPersonId, order.offeredToUnitId].filter(Boolean)).toHaveLength(1);
            }
            if (order.status === 'completed') expect(order.completedAt).toEqual(NOW);
            if (order.status === 'closed') expect(order.closedAt).toEqual(NOW);
            if (order.status === 'suspended') expect(order.suspendReason).not.toBeNull();
          }
          if (order.status === 'cancelled') {
            for (const cmd of Object.values(VALID_COMMANDS)) {
              for (const actor of [...CAST_ONE_EACH, { ...CAST_ONE_EACH[0]!, personId: order.holderId ?? 'p1' }]) {
                expect(codeOf(() => decide(order, cmd, actor, DEFAULT_POLICY_PACK, NOW))).not.toBe('no error');
              }
            }
          }
        },
      ),
      { numRuns: 300 },
    );
    // The histories went everywhere the table allows, or the property proved less than it claims.
    expect([...reached].sort()).toEqual(WORK_ORDER_STATUSES.filter((s) => s !== 'created').sort());
    // 300 histories of up to 60 steps over every position: seconds on a loaded 2-core machine.
  }, 60_000);
});
