import dayjs from 'dayjs';
import type { WindowView } from '../api';

/** APT-01: two-hour appointment slots offered to the customer, 08:00 to 20:00. */
export const TIME_SLOTS = [
  { id: '08-10', start: 8, end: 10 },
  { id: '10-12', start: 10, end: 12 },
  { id: '12-14', start: 12, end: 14 },
  { id: '14-16', start: 14, end: 16 },
  { id: '16-18', start: 16, end: 18 },
  { id: '18-20', start: 18, end: 20 },
] as const;

export type SlotId = (typeof TIME_SLOTS)[number]['id'];

export const slotLabel = (id: SlotId): string => {
  const s = TIME_SLOTS.find((x) => x.id === id)!;
  return `${String(s.start).padStart(2, '0')}:00–${String(s.end).padStart(2, '0')}:00`;
};

/** A date (YYYY-MM-DD, local) and a slot → the window the API expects, as ISO instants. */
export function slotWindow(date: string, slotId: SlotId): WindowView {
  const s = TIME_SLOTS.find((x) => x.id === slotId)!;
  const day = dayjs(date).startOf('day');
  return { start: day.hour(s.start).toISOString(), end: day.hour(s.end).toISOString() };
}

/** The slot an existing window starts in, to prefill forms. */
export function slotOf(w: WindowView | null | undefined): { date: string; slot: SlotId } | null {
  if (!w) return null;
  const start = dayjs(w.start);
  const slot = TIME_SLOTS.find((x) => x.start === start.hour());
  return slot ? { date: start.format('YYYY-MM-DD'), slot: slot.id } : null;
}

export const tomorrow = (): string => dayjs().add(1, 'day').format('YYYY-MM-DD');
