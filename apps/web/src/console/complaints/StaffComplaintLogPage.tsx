import { Alert, Button, Card, DatePicker, Input, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { SubmissionKeys, toApiError, type ApiError } from '../../api';
import { complaintsApi, type ComplaintView } from '../../api/complaints';
import { useErrorText } from '../../hooks/useErrorText';
import { useLabels } from '../../i18n/useLabels';
import { useKpiNames } from '../kpis/useKpiNames';
import { useFeedback } from '../useFeedback';
import { ComplaintPatternsCard } from './ComplaintPatternsCard';

type Noted = 'all' | 'no' | 'yes';

/** The manager's follow-up note on one staff complaint. */
function NoteCell({ item, onSaved }: { item: ComplaintView; onSaved: () => void }) {
  const { t } = useLabels();
  const feedback = useFeedback();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const keys = useRef(new SubmissionKeys());
  if (item.managerNote) {
    return (
      <Typography.Text data-testid={`staff-note-${item.order.number}`}>
        {item.managerNote}{' '}
        <Typography.Text type="secondary">{dayjs(item.managerNotedAt).format('MM-DD HH:mm')}</Typography.Text>
      </Typography.Text>
    );
  }
  async function save() {
    setBusy(true);
    try {
      await complaintsApi.managerNote(item.orderId, text.trim(), keys.current.keyFor({ id: item.orderId, text }));
      keys.current.succeeded();
      feedback.success(t('staffLog.noteSaved'));
      onSaved();
    } catch (e) {
      feedback.error(toApiError(e));
    } finally {
      setBusy(false);
    }
  }
  return (
    <Space.Compact style={{ width: '100%' }}>
      <Input
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder={t('staffLog.notePlaceholder')}
        maxLength={4000}
        data-testid={`staff-note-input-${item.order.number}`}
      />
      <Button type="primary" disabled={!text.trim()} loading={busy} onClick={() => void save()}>
        {t('staffLog.saveNote')}
      </Button>
    </Space.Compact>
  );
}

/**
 * CMP-02 station manager's log (/complaints/staff-log): complaints about staff of the manager's stations
 * in the period, who they were about, whether the manager has followed up (and the note), and the
 * patterns per person and area beside it.
 */
export default function StaffComplaintLogPage() {
  const { t } = useLabels();
  const errorText = useErrorText();
  const names = useKpiNames();
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs().startOf('month'), dayjs().endOf('month')]);
  const [noted, setNoted] = useState<Noted>('all');
  const [stationId, setStationId] = useState<string | undefined>();
  const [items, setItems] = useState<ComplaintView[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [version, setVersion] = useState(0);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const from = range[0].startOf('day').toISOString();
  const to = range[1].add(1, 'day').startOf('day').toISOString();

  useEffect(() => {
    let live = true;
    complaintsApi.staffLog({ from, to, noted, ...(stationId ? { stationId } : {}) }).then(
      (r) => {
        if (!live) return;
        setError(null);
        setItems(r.items);
      },
      (e: unknown) => live && setError(toApiError(e)),
    );
    return () => {
      live = false;
    };
  }, [from, to, noted, stationId, version]);

  return (
    <Space direction="vertical" style={{ width: '100%' }} size={16}>
      <Card title={t('staffLog.title')}>
        <Space wrap style={{ marginBottom: 12 }}>
          <DatePicker.RangePicker
            value={range}
            allowClear={false}
            onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])}
          />
          <Segmented<Noted>
            value={noted}
            onChange={setNoted}
            options={[
              { value: 'all', label: t('staffLog.notedAll') },
              { value: 'no', label: <span data-testid="staff-noted-no">{t('staffLog.notedNo')}</span> },
              { value: 'yes', label: t('staffLog.notedYes') },
            ]}
          />
          <Select
            allowClear
            placeholder={t('complaints.station')}
            style={{ width: 160 }}
            value={stationId}
            onChange={setStationId}
            options={names.list.station.map((s) => ({ value: s.id, label: s.name }))}
          />
        </Space>
        {error && <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 12 }} />}
        <Table<ComplaintView>
          rowKey="orderId"
          size="small"
          loading={!items && !error}
          dataSource={items ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          data-testid="staff-log"
          columns={[
            {
              title: t('complaints.order'),
              render: (_: unknown, r) => <Link to={`/orders/${r.orderId}`}>{r.order.number}</Link>,
            },
            {
              title: t('complaints.acceptedAt'),
              render: (_: unknown, r) => dayjs(r.order.acceptedAt).format('MM-DD HH:mm'),
            },
            {
              title: t('staffLog.person'),
              render: (_: unknown, r) => (
                <span data-testid={`staff-person-${r.order.number}`}>{r.personName ?? '—'}</span>
              ),
            },
            { title: t('complaints.area'), render: (_: unknown, r) => r.order.areaName ?? '—' },
            {
              title: t('complaints.state'),
              render: (_: unknown, r) =>
                r.state === 'closed' ? (
                  <Tag color="green">{t('complaints.stateClosed')}</Tag>
                ) : (
                  <Tag>{t('complaints.stateOpen')}</Tag>
                ),
            },
            {
              title: t('staffLog.note'),
              width: 360,
              render: (_: unknown, r) => <NoteCell item={r} onSaved={reload} />,
            },
          ]}
        />
      </Card>
      <ComplaintPatternsCard from={from} to={to} stationId={stationId} version={version} />
    </Space>
  );
}
