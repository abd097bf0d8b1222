import type { TFunction } from 'i18next';
import type { ClockState, ClockSummary } from '../../api/sla';
import { formatDuration } from '../../orders/duration';

export const CLOCK_STATE_COLORS: Record<ClockState, string> = {
  running: 'processing',
  paused: 'default',
  warning: 'warning',
  breached: 'error',
  met: 'success',
  cancelled: 'default',
};

/** "3 h 20 min", "Overdue by 2 h", "Paused, 1 d left", "Done 10 min early" — from the server's msLeft. */
export function timeLeftText(c: ClockSummary, t: TFunction, lang: 'zh-CN' | 'en'): string {
  const d = formatDuration(c.msLeft, lang);
  switch (c.state) {
    case 'breached':
      return t('clocks.overdueBy', { d });
    case 'paused':
      return t('clocks.pausedLeft', { d });
    case 'met':
    case 'cancelled':
      return c.msLeft >= 0 ? t('clocks.metEarly', { d }) : t('clocks.metLate', { d });
    default:
      return d;
  }
}
