import type { TFunction } from 'i18next';
import type { CareSchedule } from '../../api/plannedWork';

/** "每 1 周 二,四 09:00–11:00" / "every 2 week(s) Tue, Thu 09:00–11:00" / "每月第 1 个星期一 14:15–15:30". */
export function scheduleText(s: CareSchedule, t: TFunction): string {
  const names = t('care.weekdayNames').split(',');
  const window = `${s.start}–${s.end}`;
  if (s.kind === 'weekly') {
    return `${t('care.everyNWeeks', { n: s.everyWeeks })} ${s.weekdays.map((d) => names[d]).join(',')} ${window}`;
  }
  const d = names[s.weekday] ?? '';
  return `${s.nth === -1 ? t('care.monthlyLast', { d }) : t('care.monthlyNth', { n: s.nth, d })} ${window}`;
}
