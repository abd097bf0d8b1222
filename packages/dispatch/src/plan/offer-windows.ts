import { checkInsertion } from './check-insertion.js';
import type { Plan } from './model.js';

export interface WindowOffer {
  start: number;
  end: number;
  /** Engineers who could take the visit in this window without breaking their day (earliest start first). */
  engineers: { engineerId: string; start: number }[];
  available: boolean;
}

/**
 * APT-01: which appointment windows can honestly be offered to the customer. A window is offered when
 * at least one engineer with the skill and a valid certificate (ORG-03), serving the order's area
 * (ORG-04), on shift (ORG-06) and with room in his day as it stands can start the visit inside it —
 * the same DSP-04 insertion check the board uses, so an offered window is one the board will accept.
 */
export function offerWindows(
  plan: Plan,
  orderId: string,
  slots: readonly { start: number; end: number }[],
): WindowOffer[] {
  return slots.map((slot) => {
    const orders = plan.request.orders.map((o) => {
      if (o.id !== orderId) return o;
      // The window being offered replaces any earlier one; an offered visit is never pinned yet.
      const { pinned: _pinned, ...rest } = o;
      return { ...rest, window: { start: slot.start, end: slot.end }, softLateMinutes: 0 };
    });
    const trial: Plan = { ...plan, request: { ...plan.request, orders } };
    const engineers: WindowOffer['engineers'] = [];
    for (const e of plan.request.engineers) {
      const v = checkInsertion(trial, e.id, orderId);
      if (v.feasible && v.reason === 'ok') engineers.push({ engineerId: e.id, start: v.start });
    }
    engineers.sort((a, b) => a.start - b.start);
    return { start: slot.start, end: slot.end, engineers, available: engineers.length > 0 };
  });
}
