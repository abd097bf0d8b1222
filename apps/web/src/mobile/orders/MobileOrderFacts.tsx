import { List } from 'antd-mobile';
import type { ReactNode } from 'react';
import type { WorkOrderView } from '../../api';
import { useLabels } from '../../i18n/useLabels';
import { formatDateTime, formatWindow } from '../../orders/format';

/** The facts an engineer needs at the door; the phone is a tap-to-call link when it is not masked (SEC-01). */
export function MobileOrderFacts({ order: o }: { order: WorkOrderView }) {
  const { t, type } = useLabels();
  const callable = o.contactPhone && !o.contactPhone.includes('*');
  const rows: [string, ReactNode, string][] = [
    [t('fields.type'), type(o.type), 'type'],
    [t('fields.contactName'), o.contactName, 'contactName'],
    [
      t('fields.contactPhone'),
      callable ? (
        <a href={`tel:${o.contactPhone}`} data-testid="order-phone-call">
          {o.contactPhone} · {t('mobile.call')}
        </a>
      ) : (
        o.contactPhone || '—'
      ),
      'contactPhone',
    ],
    [t('fields.address'), o.address, 'address'],
    [t('fields.appointment'), formatWindow(o.appointment), 'appointment'],
    [t('fields.productNumber'), o.productNumber, 'productNumber'],
    [t('fields.product'), [o.product, o.business].filter(Boolean).join(' · '), 'product'],
    [t('fields.faultDescription'), o.faultDescription, 'faultDescription'],
    [t('fields.customerMessage'), o.customerMessage, 'customerMessage'],
    [t('fields.productModel'), o.productModel, 'productModel'],
    [t('fields.area'), o.areaName, 'area'],
    [t('fields.offeredTo'), o.offeredToName, 'offeredTo'],
    [t('fields.holder'), o.holderName, 'holder'],
    [t('fields.acceptanceSerial'), o.acceptanceSerial, 'acceptanceSerial'],
    [t('fields.acceptedAt'), formatDateTime(o.acceptedAt), 'acceptedAt'],
  ];
  if (o.broadband) {
    rows.push(
      [t('fields.bandwidth'), t('orderDetail.mbps', { value: o.broadband.bandwidthMbps }), 'bandwidth'],
      [t('fields.tariff'), o.broadband.tariff, 'tariff'],
      [t('fields.accessMethod'), o.broadband.accessMethod, 'accessMethod'],
      [t('fields.cooperationMode'), o.broadband.cooperationMode, 'cooperationMode'],
    );
  }
  if (o.suspendReason) rows.push([t('fields.suspendReason'), t(`suspendReasons.${o.suspendReason}`), 'suspendReason']);

  return (
    <List header={t('orderDetail.facts')}>
      {rows
        .filter(([, v]) => v !== null && v !== undefined && v !== '')
        .map(([label, value, key]) => (
          <List.Item key={key} extra={<span data-testid={`field-${key}`}>{value}</span>}>
            <span style={{ color: '#8c8c8c', whiteSpace: 'nowrap' }}>{label}</span>
          </List.Item>
        ))}
    </List>
  );
}
