import dayjs from 'dayjs';
import type { WindowView } from '../api';

export function formatDateTime(iso: string | null | undefined): string {
  return iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—';
}

export function formatDate(iso: string | null | undefined): string {
  return iso ? dayjs(iso).format('YYYY-MM-DD') : '—';
}

/** "2026-11-24 08:00–10:00" (or both ends in full when the window spans days). */
export function formatWindow(w: WindowView | null | undefined): string {
  if (!w) return '—';
  const s = dayjs(w.start);
  const e = dayjs(w.end);
  return s.isSame(e, 'day')
    ? `${s.format('YYYY-MM-DD HH:mm')}–${e.format('HH:mm')}`
    : `${s.format('YYYY-MM-DD HH:mm')} – ${e.format('YYYY-MM-DD HH:mm')}`;
}

export function isWindow(v: unknown): v is WindowView {
  return !!v && typeof v === 'object' && typeof (v as WindowView).start === 'string';
}
