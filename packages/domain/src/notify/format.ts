import { DEFAULT_TIME_ZONE, localParts } from '../shared/local-time.js';
import type { MessageLocale } from './customer-events.js';

const pad = (n: number) => String(n).padStart(2, '0');
const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "14:35" in the tenant's zone: an ETA the same day needs no date. */
export function formatClock(at: Date, timeZone: string = DEFAULT_TIME_ZONE): string {
  const p = localParts(at, timeZone);
  return `${pad(p.hour)}:${pad(p.minute)}`;
}

/** "11月24日 14:35" / "24 Nov 14:35". */
export function formatDayTime(locale: MessageLocale, at: Date, timeZone: string = DEFAULT_TIME_ZONE): string {
  const p = localParts(at, timeZone);
  const day = locale === 'zh-CN' ? `${p.month}月${p.day}日` : `${p.day} ${MONTHS_EN[p.month - 1]}`;
  return `${day} ${pad(p.hour)}:${pad(p.minute)}`;
}

/** An appointment window as a customer reads it: "11月24日 09:00–11:00" / "24 Nov 09:00–11:00". */
export function formatWindow(
  locale: MessageLocale,
  w: { start: Date; end: Date },
  timeZone: string = DEFAULT_TIME_ZONE,
): string {
  return `${formatDayTime(locale, w.start, timeZone)}–${formatClock(w.end, timeZone)}`;
}

/** Sample facts for previews in the template editor. */
export const SAMPLE_PARAMS: Record<MessageLocale, Record<string, string>> = {
  'zh-CN': {
    customerName: '王女士',
    orderNo: 'WO-20261124-000128',
    engineerName: '李明',
    eta: '14:35',
    appointment: '11月24日 14:00–16:00',
    callbackAt: '11月24日 16:30',
    receiptNo: 'R-20261124-0007',
  },
  en: {
    customerName: 'Ms Wang',
    orderNo: 'WO-20261124-000128',
    engineerName: 'Li Ming',
    eta: '14:35',
    appointment: '24 Nov 14:00–16:00',
    callbackAt: '24 Nov 16:30',
    receiptNo: 'R-20261124-0007',
  },
};
