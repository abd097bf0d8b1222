import { Alert, Button, Card, Input, List, Select, Space, Tag, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SubmissionKeys, toApiError } from '../../api';
import {
  appointmentsApi,
  type AppointmentHistory,
  type CallOutcome,
  type RescheduleNotice,
  type WindowOffer,
} from '../../api/appointments';
import { useFeedback } from '../useFeedback';

const OUTCOMES: readonly CallOutcome[] = ['reached', 'no_answer', 'busy', 'call_back'];
const tomorrow = () => {
  const d = new Date(Date.now() + 86_400_000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};
const time = (iso: string) => new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
const when = (iso: string) => new Date(iso).toLocaleString();

/**
 * APT-01/02 on the order page: the day's windows offered from real capacity, booking the customer's
 * choice (a change asks why and who asked, and says when SLA-07 notice was missed), and the call log
 * with "call back at T" follow-ups.
 */
export function OrderAppointmentCard({ orderId, onChanged }: { orderId: string; onChanged: () => void }) {
  const { t } = useTranslation();
  const feedback = useFeedback();
  const keys = useRef(new SubmissionKeys());
  const [date, setDate] = useState(tomorrow);
  const [windows, setWindows] = useState<WindowOffer[] | null>(null);
  const [askedBy, setAskedBy] = useState<'customer' | 'us'>('customer');
  const [reason, setReason] = useState('');
  const [notice, setNotice] = useState<RescheduleNotice | null>(null);
  const [outcome, setOutcome] = useState<CallOutcome>('reached');
  const [callBackAt, setCallBackAt] = useState('');
  const [note, setNote] = useState('');
  const [history, setHistory] = useState<AppointmentHistory | null>(null);

  const loadHistory = useCallback(() => {
    appointmentsApi
      .history(orderId)
      .then(setHistory)
      .catch(() => setHistory(null));
  }, [orderId]);
  useEffect(loadHistory, [loadHistory]);

  async function offer() {
    try {
      setWindows((await appointmentsApi.offers(orderId, date)).windows);
    } catch (e) {
      feedback.error(toApiError(e));
    }
  }

  async function book(w: WindowOffer) {
    const body = { window: { start: w.start, end: w.end }, askedBy, reason: reason.trim() };
    try {
      const res = await appointmentsApi.book(orderId, body, keys.current.keyFor(body));
      keys.current.succeeded();
      setNotice(res.notice);
      feedback.success(t('appointments.booked'));
      loadHistory();
      onChanged();
    } catch (e) {
      feedback.error(toApiError(e));
    }
  }

  async function logCall() {
    const body = {
      outcome,
      ...(outcome === 'call_back' && callBackAt ? { callBackAt: new Date(callBackAt).toISOString() } : {}),
      ...(note.trim() ? { note: note.trim() } : {}),
    };
    try {
      await appointmentsApi.logCall(orderId, body, keys.current.keyFor({ orderId, ...body }));
      keys.current.succeeded();
      feedback.success(t('appointments.callLogged'));
      setNote('');
      loadHistory();
    } catch (e) {
      feedback.error(toApiError(e));
    }
  }

  return (
    <Card title={t('appointments.title')} style={{ marginTop: 16 }} data-testid="appointment-card">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Space wrap>
          <Input
            type="date"
            value={date}
            onChange={(e) => setDate(e.target.value)}
            style={{ width: 160 }}
            data-testid="appointment-date"
          />
          <Button onClick={() => void offer()} data-testid="appointment-offer">
            {t('appointments.offer')}
          </Button>
          <Select
            value={askedBy}
            onChange={setAskedBy}
            style={{ width: 120 }}
            data-testid="appointment-asked-by"
            options={(['customer', 'us'] as const).map((v) => ({ value: v, label: t(`askedBy.${v}`) }))}
          />
          <Input
            placeholder={t('appointments.reason')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            style={{ width: 220 }}
            data-testid="appointment-reason"
          />
        </Space>
        {windows && (
          <List
            size="small"
            dataSource={windows}
            renderItem={(w) => (
              <List.Item
                data-testid={`appointment-window-${time(w.start)}`}
                data-available={String(w.available)}
                actions={[
                  <Button
                    key="book"
                    size="small"
                    type="primary"
                    disabled={!w.available || reason.trim() === ''}
                    onClick={() => void book(w)}
                    data-testid={`appointment-book-${time(w.start)}`}
                  >
                    {t('appointments.choose')}
                  </Button>,
                ]}
              >
                {time(w.start)}–{time(w.end)}{' '}
                {w.available ? (
                  <Tag color="green">{t('appointments.free', { count: w.engineers })}</Tag>
                ) : (
                  <Tag>{t('appointments.full')}</Tag>
                )}
              </List.Item>
            )}
          />
        )}
        {notice && !notice.inTime && (
          <Alert
            data-testid="appointment-notice"
            data-breach={String(notice.breach)}
            type={notice.breach ? 'error' : 'warning'}
            message={t(notice.breach ? 'appointments.breach' : 'appointments.lateNotice', {
              minutes: notice.requiredMinutes,
            })}
          />
        )}
        <Typography.Text strong>{t('appointments.calls')}</Typography.Text>
        <Space wrap>
          <Select
            value={outcome}
            onChange={setOutcome}
            style={{ width: 130 }}
            data-testid="appointment-call-outcome"
            options={OUTCOMES.map((o) => ({ value: o, label: t(`appointments.outcomes.${o}`) }))}
          />
          {outcome === 'call_back' && (
            <Input
              type="datetime-local"
              value={callBackAt}
              onChange={(e) => setCallBackAt(e.target.value)}
              data-testid="appointment-call-back-at"
            />
          )}
          <Input
            placeholder={t('appointments.note')}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            style={{ width: 200 }}
          />
          <Button onClick={() => void logCall()} data-testid="appointment-log-call">
            {t('appointments.logCall')}
          </Button>
        </Space>
        {history && (
          <div data-testid="appointment-history">
            {history.calls.map((c) => (
              <div key={c.id}>
                {when(c.at)} · {t(`appointments.outcomes.${c.outcome}`)}
                {c.callBackAt ? ` → ${when(c.callBackAt)}` : ''}
                {c.note ? ` · ${c.note}` : ''}
              </div>
            ))}
            {history.followUps
              .filter((f) => f.state === 'open')
              .map((f) => (
                <Tag key={f.id} color="blue">
                  {t('appointments.followUps')}: {when(f.dueAt)}
                </Tag>
              ))}
            {history.changes.length > 0 && (
              <Typography.Text type="secondary">{t('appointments.changes')}</Typography.Text>
            )}
            {history.changes.map((c) => (
              <div key={c.at}>
                {when(c.at)} · {t(`askedBy.${c.askedBy}`)} · {c.reason} → {when(c.newStart)}
                {c.breach && (
                  <Tag color="red" style={{ marginLeft: 4 }}>
                    SLA-07
                  </Tag>
                )}
              </div>
            ))}
          </div>
        )}
      </Space>
    </Card>
  );
}
