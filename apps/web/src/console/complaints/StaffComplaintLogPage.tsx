import { Button, Input, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { SubmissionKeys, toApiError } from '../../api';
import { complaintsApi, type ComplaintView } from '../../api/complaints';
import { useReloadableList } from '../../hooks/useReloadableList';
import { useLabels } from '../../i18n/useLabels';
import { useFeedback } from '../useFeedback';
import {
  acceptedAtColumn,
  ComplaintPeriodFrame,
  complaintTableProps,
  useComplaintPeriod,
} from './ComplaintPeriodFrame';

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
  const period = useComplaintPeriod();
  const { from, to, stationId } = period;
  const [noted, setNoted] = useState<Noted>('all');
  const query = { from, to, noted, ...(stationId ? { stationId } : {}) };
  const list = useReloadableList(JSON.stringify(query), () => complaintsApi.staffLog(query));

  return (
    <ComplaintPeriodFrame
      title={t('staffLog.title')}
      period={period}
      list={list}
      segments={{
        value: noted,
        onChange: setNoted,
        options: [
          { value: 'all', label: t('staffLog.notedAll') },
          { value: 'no', label: <span data-testid="staff-noted-no">{t('staffLog.notedNo')}</span> },
          { value: 'yes', label: t('staffLog.notedYes') },
        ],
      }}
    >
      <Table<ComplaintView>
        {...complaintTableProps(list)}
        data-testid="staff-log"
        columns={[
          {
            title: t('complaints.order'),
            render: (_: unknown, r) => <Link to={`/orders/${r.orderId}`}>{r.order.number}</Link>,
          },
          acceptedAtColumn(t('complaints.acceptedAt')),
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
            render: (_: unknown, r) => <NoteCell item={r} onSaved={list.reload} />,
          },
        ]}
      />
    </ComplaintPeriodFrame>
  );
}
