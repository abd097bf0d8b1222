import { Button, Form, Input, Selector, TextArea, Toast } from 'antd-mobile';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toApiError } from '../api';
import { selfServiceApi } from '../api/selfService';
import { slotLabel, slotWindow, TIME_SLOTS, type SlotId } from '../orders/timeSlots';

/**
 * DESK-06: the customer moves their agreed visit (date + two-hour slot + reason). The server applies the
 * lifecycle's reschedule and the SLA-07 notice; a move too close to the visit says to call instead.
 */
export function SelfServiceReschedule({
  token,
  noticeMinutes,
  onDone,
}: {
  token: string;
  noticeMinutes: number;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [date, setDate] = useState(dayjs().add(2, 'day').format('YYYY-MM-DD'));
  const [slot, setSlot] = useState<SlotId | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);

  async function submit() {
    if (!slot) return;
    setBusy(true);
    try {
      await selfServiceApi.reschedule(token, { window: slotWindow(date, slot), reason });
      Toast.show({ content: t('selfServiceMore.rescheduled') });
      onDone();
    } catch (e) {
      const err = toApiError(e);
      Toast.show({ content: err.code === 'DESK_RESCHEDULE_TOO_LATE' ? t('selfServiceMore.tooLate') : err.message });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Form layout="vertical" data-testid="ss-reschedule" style={{ marginTop: 12 }}>
      <Form.Header>{t('selfServiceMore.reschedule')}</Form.Header>
      <Form.Item
        label={t('selfServiceMore.newDate')}
        help={t('selfServiceMore.noticeHint', { hours: Math.ceil(noticeMinutes / 60) })}
      >
        <Input type="date" value={date} onChange={setDate} data-testid="ss-reschedule-date" />
      </Form.Item>
      <Form.Item label={t('selfServiceMore.newSlot')}>
        <Selector
          columns={3}
          options={TIME_SLOTS.map((s) => ({
            value: s.id,
            label: <span data-testid={`ss-slot-${s.id}`}>{slotLabel(s.id)}</span>,
          }))}
          value={slot ? [slot] : []}
          onChange={(v) => setSlot((v[0] as SlotId | undefined) ?? null)}
        />
      </Form.Item>
      <Form.Item label={t('selfServiceMore.reason')}>
        <TextArea value={reason} onChange={setReason} rows={2} maxLength={500} data-testid="ss-reschedule-reason" />
      </Form.Item>
      <Button
        block
        color="primary"
        loading={busy}
        disabled={!slot || !reason.trim()}
        onClick={() => void submit()}
        data-testid="ss-reschedule-submit"
      >
        {t('common.submit')}
      </Button>
    </Form>
  );
}
