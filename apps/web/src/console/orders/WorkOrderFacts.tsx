import { Descriptions, type DescriptionsProps } from 'antd';
import { WORK_ORDER_STATUSES, type WorkOrderStatus } from '@daowei/domain';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import type { WorkOrderView } from '../../api';
import type { zhCN } from '../../i18n/zh-CN';
import { useLabels } from '../../i18n/useLabels';
import { formatDate, formatDateTime, formatWindow } from '../../orders/format';

const isStatus = (s: string): s is WorkOrderStatus => (WORK_ORDER_STATUSES as readonly string[]).includes(s);

/** WO-02: every field of the order, broadband facts included; the phone is shown as the server gives it. */
export function WorkOrderFacts({ order: o }: { order: WorkOrderView }) {
  const { t, type } = useLabels();
  const dash = (v: string | null | undefined) => (v === null || v === undefined || v === '' ? '—' : v);
  const item = (key: keyof typeof zhCN.fields, children: ReactNode, span = 1) => ({
    key,
    label: t(`fields.${key}`),
    children: <span data-testid={`field-${key}`}>{children}</span>,
    span,
  });

  const items: DescriptionsProps['items'] = [
    item('number', o.number),
    item('acceptanceSerial', dash(o.acceptanceSerial)),
    item('type', type(o.type)),
    item('priority', t(`priorities.${o.priority}`)),
    item('step', isStatus(o.step) ? t(`statuses.${o.step}`) : dash(o.step)),
    item('product', dash(o.product)),
    item('business', dash(o.business)),
    item('productNumber', dash(o.productNumber)),
    item('contactName', dash(o.contactName)),
    item('contactPhone', dash(o.contactPhone)),
    item('area', dash(o.areaName)),
    item('address', dash(o.address), 2),
    item('appointment', formatWindow(o.appointment)),
    item('faultDescription', dash(o.faultDescription), 2),
    item('customerMessage', dash(o.customerMessage), 2),
    item('productModel', dash(o.productModel)),
    item('purchaseDate', o.purchaseDate ? formatDate(o.purchaseDate) : '—'),
    item('warranty', t(`warranty.${o.warranty}`)),
    item('offeredTo', dash(o.offeredToName)),
    item('holder', dash(o.holderName)),
    item('suspendReason', o.suspendReason ? t(`suspendReasons.${o.suspendReason}`) : '—'),
    item('acceptedAt', formatDateTime(o.acceptedAt)),
    item('completedAt', formatDateTime(o.completedAt)),
    item('closedAt', formatDateTime(o.closedAt)),
  ];
  if (o.parentOrderId) {
    items.push(item('parentOrder', <Link to={`/orders/${o.parentOrderId}`}>{t('orderDetail.linked')}</Link>));
  }
  if (o.repeatOfOrderId) {
    items.push(item('repeatOf', <Link to={`/orders/${o.repeatOfOrderId}`}>{t('orderDetail.linked')}</Link>));
  }

  return (
    <>
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, md: 2, xxl: 3 }}
        styles={{ label: { whiteSpace: 'nowrap' } }}
        items={items}
      />
      {o.broadband && (
        <Descriptions
          style={{ marginTop: 16 }}
          title={t('orderDetail.broadband')}
          bordered
          size="small"
          column={{ xs: 1, md: 2, xxl: 4 }}
          styles={{ label: { whiteSpace: 'nowrap' } }}
          items={[
            item('bandwidth', t('orderDetail.mbps', { value: o.broadband.bandwidthMbps })),
            item('tariff', dash(o.broadband.tariff)),
            item('accessMethod', dash(o.broadband.accessMethod)),
            item('cooperationMode', dash(o.broadband.cooperationMode)),
          ]}
        />
      )}
    </>
  );
}
