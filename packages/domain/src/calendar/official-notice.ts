import { DomainError } from '../shared/errors.js';
import { isIsoDate } from '../shared/local-time.js';

/**
 * SLA-01: the days of one year's official holiday notice, as an admin enters or imports them when the
 * dataset package does not have the year yet. Accepted as a list or as CSV lines `date,kind,name`
 * (a header line is skipped; kind is `holiday`/`working` or 休/班, the way notices are summarised).
 * Every date must be in the notice's year, at most once.
 */
export interface NoticeDay {
  date: string;
  kind: 'holiday' | 'working';
  name: string;
}

const KINDS: Record<string, NoticeDay['kind']> = {
  holiday: 'holiday',
  休: 'holiday',
  working: 'working',
  班: 'working',
  workday: 'working',
};

/** At most a year of days: a bigger body is not a notice. */
const MAX_DAYS = 366;

function invalid(message: string, field: string): never {
  throw new DomainError('VALIDATION_FAILED', message, { field });
}

export function parseNoticeCsv(csv: string): { date: string; kind: string; name: string }[] {
  const rows: { date: string; kind: string; name: string }[] = [];
  csv.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.replace(/^\uFEFF/, '').trim();
    if (line === '') return;
    const [date = '', kind = '', ...rest] = line.split(/[,\t]/).map((c) => c.trim());
    if (i === 0 && !isIsoDate(date) && /date|日期/i.test(date)) return; // header
    rows.push({ date, kind, name: rest.join(',').trim() });
  });
  return rows;
}

/** Validates a notice's days for `year`; errors name the first bad entry (`days.3.date`). */
export function parseNoticeDays(year: number, days: readonly { date: string; kind: string; name?: string }[]) {
  if (days.length === 0) invalid('The notice has no days', 'days');
  if (days.length > MAX_DAYS) invalid(`A notice has at most ${MAX_DAYS} days`, 'days');
  const seen = new Set<string>();
  return days.map((d, i): NoticeDay => {
    if (!isIsoDate(d.date)) invalid(`Day ${i + 1}: "${d.date}" is not a date YYYY-MM-DD`, `days.${i}.date`);
    if (Number(d.date.slice(0, 4)) !== year) invalid(`Day ${i + 1}: ${d.date} is not in ${year}`, `days.${i}.date`);
    if (seen.has(d.date)) invalid(`Day ${i + 1}: ${d.date} is listed twice`, `days.${i}.date`);
    seen.add(d.date);
    const kind = KINDS[d.kind.trim().toLowerCase()] ?? KINDS[d.kind.trim()];
    if (!kind) invalid(`Day ${i + 1}: kind "${d.kind}" is not holiday/working (休/班)`, `days.${i}.kind`);
    const name = (d.name ?? '').trim() || (kind === 'holiday' ? `${year} 法定节假日` : `${year} 调休上班`);
    if (name.length > 100) invalid(`Day ${i + 1}: the name is longer than 100 characters`, `days.${i}.name`);
    return { date: d.date, kind, name };
  });
}
