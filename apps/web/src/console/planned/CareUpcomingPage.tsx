import { Card, Input, Space, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { toApiError } from '../../api';
import { careApi, type CareVisit } from '../../api/plannedWork';
import { useLabels } from '../../i18n/useLabels';
import { formatDateTime } from '../../orders/format';
import { useFeedback } from '../useFeedback';

/** /care/visits (WO-16): the planned care visits of the coming weeks, by date, across agreements. */
export default function CareUpcomingPage() {
  const { t, status } = useLabels();
  const feedback = useFeedback();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [rows, setRows] = useState<CareVisit[] | null>(null);

  useEffect(() => {
    let live = true;
    careApi.upcoming(from || undefined, to || undefined).then(
      (r) => {
        if (!live) return;
        setRows(r.items);
        if (!from) setFrom(r.from);
        if (!to) setTo(r.to);
      },
      (e) => feedback.error(toApiError(e)),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [from, to]);

  return (
    <Card
      title={t('care.upcomingTitle')}
      extra={
        <Space>
          {t('care.from')}
          <Input type="date" value={from} onChange={(e) => setFrom(e.target.value)} data-testid="care-upcoming-from" />
          {t('care.to')}
          <Input type="date" value={to} onChange={(e) => setTo(e.target.value)} data-testid="care-upcoming-to" />
        </Space>
      }
    >
      <Table<CareVisit>
        rowKey="id"
        size="small"
        loading={rows === null}
        dataSource={rows ?? []}
        pagination={{ pageSize: 50 }}
        data-testid="care-upcoming-table"
        columns={[
          { title: t('care.planned'), dataIndex: 'plannedDate' },
          {
            title: t('care.window'),
            key: 'window',
            render: (_, v) =>
              v.order
                ? `${formatDateTime(v.order.appointmentStart).slice(11)}–${formatDateTime(v.order.appointmentEnd).slice(11)}`
                : '—',
          },
          {
            title: t('care.customer'),
            key: 'customer',
            render: (_, v) =>
              v.agreement ? <Link to={`/care/agreements/${v.agreement.id}`}>{v.agreement.contactName}</Link> : '—',
          },
          { title: t('care.address'), key: 'address', render: (_, v) => v.agreement?.address ?? '—' },
          {
            title: t('care.order'),
            key: 'order',
            render: (_, v) => (v.order ? <Link to={`/orders/${v.order.id}`}>{v.order.number}</Link> : '—'),
          },
          {
            title: t('care.orderStatus'),
            key: 'status',
            render: (_, v) => (v.order ? <Tag>{status(v.order.status as never)}</Tag> : '—'),
          },
          {
            title: t('care.phoneConfirmed'),
            key: 'confirmed',
            render: (_, v) => formatDateTime(v.contentConfirmedAt),
          },
        ]}
      />
    </Card>
  );
}
