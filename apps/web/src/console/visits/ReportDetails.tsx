import { Space, Typography } from 'antd';
import type { OnsiteReport } from '../../api/onsiteReports';
import { useLabels } from '../../i18n/useLabels';
import { formatDateTime, formatWindow, isWindow } from '../../orders/format';

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v : null);

/** The facts a report was filed with, its deadline and how it was closed, as the list and the order show them. */
export function ReportDetails({ report: r }: { report: OnsiteReport }) {
  const { t, lang } = useLabels();
  const d = r.details;
  const outcome = (v: unknown) => {
    const s = (v ?? {}) as { label?: Record<string, string>; outcome?: string; note?: string };
    return [s.label?.[lang] ?? s.outcome, s.note].filter(Boolean).join(' · ');
  };
  const lines: string[] = [];
  if (r.kind === 'no_access') {
    if (isWindow(d.missedWindow)) lines.push(formatWindow(d.missedWindow));
    lines.push(`${t('onsite.noAccessEvent.call')}：${outcome(d.call)}`);
    lines.push(`${t('onsite.noAccessEvent.neighbour')}：${outcome(d.neighbour)}`);
    if (typeof d.waitedMinutes === 'number') lines.push(t('onsite.noAccessEvent.waited', { minutes: d.waitedMinutes }));
  }
  if (r.kind === 'resource_change') {
    lines.push(`${str(d.changeKind) ?? ''}：${str(d.description) ?? ''}`);
    if (str(d.before) || str(d.after)) lines.push(`${str(d.before) ?? '—'} → ${str(d.after) ?? '—'}`);
  }
  if (r.kind === 'damage') {
    lines.push(`${str(d.item) ?? ''}：${str(d.description) ?? ''}`);
    if (typeof d.estimatedFen === 'number') lines.push(`¥${(d.estimatedFen / 100).toFixed(2)}`);
  }
  return (
    <Space orientation="vertical" size={2} data-testid="onsite-report-details">
      {lines.map((l, i) => (
        <span key={i}>{l}</span>
      ))}
      {r.attachmentIds.map((id) => (
        <a key={id} href={`/api/work-orders/${r.orderId}/attachments/${id}`} target="_blank" rel="noreferrer">
          {t('onsite.reports.photo')}
        </a>
      ))}
      <Typography.Text type={r.overdue ? 'danger' : 'secondary'}>
        {t('onsite.reports.due', { time: formatDateTime(r.dueAt) })} ·{' '}
        {t('onsite.reports.raisedBy', { name: r.raisedByName ?? '—', time: formatDateTime(r.raisedAt) })}
      </Typography.Text>
      {r.state === 'closed' && (
        <Typography.Text type="success" data-testid="onsite-report-closed">
          {t('onsite.reports.closedNote', { time: formatDateTime(r.closedAt), note: r.closeNote ?? '' })}
          {r.compensationFen !== null
            ? ` · ${t('onsite.reports.compensationPaid', { yuan: (r.compensationFen / 100).toFixed(2) })}`
            : ''}
        </Typography.Text>
      )}
    </Space>
  );
}
