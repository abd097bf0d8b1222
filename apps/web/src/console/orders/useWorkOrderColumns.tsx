import type { TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import type { WorkOrderView } from '../../api';
import { StatusTag } from '../../components/StatusTag';
import { useLabels } from '../../i18n/useLabels';
import { formatDateTime, formatWindow } from '../../orders/format';

/** Columns of the console order list. */
export function useWorkOrderColumns(): TableColumnsType<WorkOrderView> {
  const { t, type } = useLabels();
  return [
    {
      title: t('fields.number'),
      dataIndex: 'number',
      width: 190,
      render: (n: string, o) => (
        <Link to={`/orders/${o.id}`} data-testid={`order-link-${n}`} onClick={(e) => e.stopPropagation()}>
          {n}
        </Link>
      ),
    },
    { title: t('fields.type'), dataIndex: 'type', width: 90, render: (v: WorkOrderView['type']) => type(v) },
    {
      title: t('fields.status'),
      dataIndex: 'status',
      width: 150,
      render: (s: WorkOrderView['status']) => <StatusTag status={s} />,
    },
    { title: t('fields.customer'), dataIndex: 'contactName', width: 110 },
    { title: t('fields.address'), dataIndex: 'address', width: 240, ellipsis: true },
    { title: t('fields.area'), dataIndex: 'areaName', width: 110, render: (v: string | null) => v ?? '—' },
    {
      title: t('fields.holder'),
      dataIndex: 'holderName',
      width: 110,
      render: (v: string | null, o) => v ?? (o.offeredToName ? `→ ${o.offeredToName}` : '—'),
    },
    { title: t('fields.acceptedAt'), dataIndex: 'acceptedAt', width: 150, render: (v: string) => formatDateTime(v) },
    {
      title: t('fields.appointment'),
      dataIndex: 'appointment',
      width: 180,
      render: (v: WorkOrderView['appointment']) => formatWindow(v),
    },
  ];
}
