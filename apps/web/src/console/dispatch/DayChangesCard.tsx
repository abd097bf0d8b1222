import { Button, Card, Input, InputNumber, Select, Space, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SubmissionKeys, toApiError } from '../../api';
import { dispatchApi, type DayChange, type DayPlan } from '../../api/dispatch';
import { useFeedback } from '../useFeedback';
import { useKeptPick } from './useKeptPick';

/**
 * DSP-03 changes during the day: an engineer falls ill (the rest of his day goes to others, what
 * nobody can take returns to the station queue) or a visit runs long (the rest of that engineer's day
 * shifts, visits that no longer fit move). Each re-plan changes as little as needed; the board then
 * reloads the day as stored.
 */
export function DayChangesCard({
  plan,
  stationId,
  onChanged,
}: {
  plan: DayPlan;
  stationId: string;
  onChanged: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const feedback = useFeedback();
  const keys = useRef(new SubmissionKeys());
  const stops = plan.routes.flatMap((r) => r.stops);
  // The board hands a new plan on every reload of the day: the picks hold by id while they are still in it.
  const [engineerId, setEngineerId] = useKeptPick(plan.routes.map((r) => r.engineerId));
  const [orderId, setOrderId] = useKeptPick(stops.map((s) => s.orderId));
  const [reason, setReason] = useState(() => t('dispatchDay.illReasonDefault'));
  const [extra, setExtra] = useState(30);
  const [busy, setBusy] = useState(false);

  async function run(change: DayChange) {
    setBusy(true);
    try {
      const body = { stationId, date: plan.date, change };
      const res = await dispatchApi.replan(stationId, plan.date, change, keys.current.keyFor(body));
      keys.current.succeeded();
      const returned = res.returnedToQueue.map((r) => r.number).join(', ');
      const summary = t('dispatchDay.replanned', { moved: res.moved.length, returned: res.returnedToQueue.length });
      feedback.success(returned ? `${summary}; ${t('dispatchDay.returned', { numbers: returned })}` : summary);
      await onChanged();
    } catch (e) {
      feedback.error(toApiError(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card size="small" title={t('dispatchDay.changes')} style={{ marginTop: 16 }} data-testid="dispatch-day-changes">
      {(plan.absent ?? []).length > 0 && (
        <Typography.Paragraph type="warning" data-testid="dispatch-absent">
          {t('dispatchDay.absent', { names: plan.absent!.map((a) => a.engineerName).join('、') })}
        </Typography.Paragraph>
      )}
      <Space direction="vertical" style={{ width: '100%' }}>
        <Space wrap>
          <Typography.Text>{t('dispatchDay.ill')}</Typography.Text>
          <Select
            style={{ minWidth: 140 }}
            data-testid="dispatch-ill-engineer"
            allowClear
            value={engineerId}
            onChange={setEngineerId}
            placeholder={t('dispatchDay.engineer')}
            options={plan.routes.map((r) => ({
              value: r.engineerId,
              label: <span data-testid={`dispatch-ill-option-${r.engineerId}`}>{r.engineerName}</span>,
            }))}
          />
          <Input
            style={{ width: 160 }}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            placeholder={t('dispatchDay.illReason')}
            data-testid="dispatch-ill-reason"
          />
          <Button
            danger
            data-testid="dispatch-ill-run"
            disabled={!engineerId || !reason.trim() || busy}
            onClick={() => engineerId && void run({ kind: 'engineer_off', engineerId, reason: reason.trim() })}
          >
            {t('dispatchDay.illRun')}
          </Button>
        </Space>
        <Space wrap>
          <Typography.Text>{t('dispatchDay.overrun')}</Typography.Text>
          <Select
            style={{ minWidth: 180 }}
            data-testid="dispatch-overrun-order"
            allowClear
            value={orderId}
            onChange={setOrderId}
            placeholder={t('dispatchBoard.order')}
            options={stops.map((s) => ({
              value: s.orderId,
              label: <span data-testid={`dispatch-overrun-option-${s.orderNumber}`}>{s.orderNumber}</span>,
            }))}
          />
          <InputNumber
            min={5}
            max={480}
            step={15}
            value={extra}
            onChange={(v) => setExtra(v ?? 30)}
            addonAfter={t('dispatchDay.overrunMinutes')}
            data-testid="dispatch-overrun-minutes"
          />
          <Button
            data-testid="dispatch-overrun-run"
            disabled={!orderId || busy}
            onClick={() => orderId && void run({ kind: 'overrun', orderId, extraMinutes: extra })}
          >
            {t('dispatchDay.overrunRun')}
          </Button>
        </Space>
      </Space>
    </Card>
  );
}
