import type { TFunction } from 'i18next';
import { currentLanguage } from '../i18n';
import { formatDateTime } from './format';

interface Line {
  label: string;
  value: string;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/**
 * APT-04 / ENG-07 on the history: how late the check-in was, how the lateness was handled (apology or
 * the manager's escalation with its note) and, for a check-in sent later from the outbox, the phone's
 * time of arrival that counts.
 */
export function summarizeArrival(p: Record<string, unknown>, t: TFunction): Line[] {
  const out: Line[] = [];
  const late = num(p.lateMinutes);
  if (late !== null && str(p.windowStart)) {
    out.push({ label: '', value: late > 0 ? t('onsite.arrival.late', { minutes: late }) : t('onsite.arrival.onTime') });
  }
  const handling = str(p.handling);
  if (handling && handling !== 'none') {
    out.push({ label: '', value: t(`onsite.arrival.handling.${handling as 'apology'}`, { defaultValue: handling }) });
  }
  if (str(p.escalationNote)) out.push({ label: t('onsite.arrival.escalationNote'), value: p.escalationNote as string });
  const source = str(p.arrivalTimeSource);
  if (source && source !== 'server' && str(p.arrivedAt)) {
    out.push({ label: t('onsite.arrival.deviceTime'), value: formatDateTime(p.arrivedAt as string) });
    if (source === 'device_adjusted') out.push({ label: '', value: t('onsite.arrival.adjusted') });
  }
  return out;
}

/** APT-03 on the history: the doorstep protocol with its times and how long the engineer waited. */
export function summarizeNoAccess(p: Record<string, unknown>, t: TFunction): Line[] {
  const out: Line[] = [];
  const lang = currentLanguage();
  const step = (label: string, v: unknown) => {
    const s = (v ?? {}) as { at?: unknown; outcome?: unknown; note?: unknown; label?: Record<string, unknown> };
    if (!str(s.outcome)) return;
    const when = str(s.at) ? `${formatDateTime(s.at as string)} ` : '';
    const note = str(s.note) ? ` · ${s.note as string}` : '';
    out.push({ label, value: `${when}${str(s.label?.[lang]) ?? (s.outcome as string)}${note}` });
  };
  if (str(p.knockedAt)) out.push({ label: t('onsite.noAccess.knock'), value: formatDateTime(p.knockedAt as string) });
  step(t('onsite.noAccessEvent.call'), p.call);
  step(t('onsite.noAccessEvent.neighbour'), p.neighbour);
  const waited = num(p.waitedMinutes);
  if (waited !== null) out.push({ label: '', value: t('onsite.noAccessEvent.waited', { minutes: waited }) });
  return out;
}

/** ENG-05 on the history: reproduced or not, minutes observed, the cause category and the finding. */
export function summarizeDiagnosis(p: Record<string, unknown>, t: TFunction): Line[] {
  const out: Line[] = [];
  const repro = str(p.symptomReproduced);
  if (repro) out.push({ label: t('eng.diag.reproduced'), value: t(`eng.diag.repro.${repro as 'yes'}`) });
  const minutes = num(p.observedMinutes);
  if (minutes !== null)
    out.push({ label: t('eng.diag.observedShort'), value: t('common.minutes', { count: minutes }) });
  const cause = str(p.causeCategory);
  if (cause) out.push({ label: t('eng.diag.cause'), value: t(`eng.causes.${cause as 'ours'}`) });
  if (str(p.finding)) out.push({ label: t('eng.diag.finding'), value: p.finding as string });
  return out;
}
