import { PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, QRCode, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { toApiError } from '../../api';
import { deskApi, type CarryInView } from '../../api/desk';
import { formatDateTime } from '../../orders/format';

/**
 * /desk/carry-in/:id/receipt (DESK-03): the receipt in two copies on one printable page — the station's
 * and the customer's, which is the pickup voucher (its QR code carries the receipt number). The browser's
 * print (to paper or PDF) drops the console chrome through the print stylesheet below.
 */
export default function CarryInReceiptPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const [r, setR] = useState<CarryInView | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    deskApi.carryIn(id).then(setR, (e: unknown) => setError(toApiError(e).message));
  }, [id]);
  if (error) return <Alert type="error" title={error} />;
  if (!r) return null;

  const copy = (title: string, testId: string) => (
    <div
      className="receipt-copy"
      data-testid={testId}
      style={{ border: '1px solid #999', padding: 16, marginBottom: 16, breakInside: 'avoid' }}
    >
      <Space align="start" style={{ width: '100%', justifyContent: 'space-between' }}>
        <div>
          <Typography.Title level={4} style={{ marginTop: 0 }}>
            {t('desk.receiptTitle')} · {title}
          </Typography.Title>
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label={t('desk.receiptNumber')}>
              <span data-testid="receipt-number">{r.receiptNumber}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('desk.order')}>{r.orderNumber}</Descriptions.Item>
            <Descriptions.Item label={t('desk.customerName')}>{r.customerName}</Descriptions.Item>
            <Descriptions.Item label={t('desk.productModel')}>
              {r.product} {r.productModel}
            </Descriptions.Item>
            <Descriptions.Item label={t('desk.configuration')}>{r.configuration}</Descriptions.Item>
            <Descriptions.Item label={t('desk.condition')}>{r.condition}</Descriptions.Item>
            <Descriptions.Item label={t('desk.accessories')}>{r.accessories || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('desk.shelf')}>{r.shelf}</Descriptions.Item>
            <Descriptions.Item label={t('desk.receivedAt')}>{formatDateTime(r.receivedAt)}</Descriptions.Item>
            <Descriptions.Item label={t('desk.promisedAt')}>
              <span data-testid="receipt-promised">{formatDateTime(r.promisedAt)}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('desk.receiptSignedBy')}>{r.receiptSignedBy}</Descriptions.Item>
          </Descriptions>
        </div>
        <QRCode value={r.receiptNumber} size={120} bordered={false} />
      </Space>
      {title === t('desk.customerCopy') && (
        <Typography.Paragraph style={{ marginTop: 8 }}>{t('desk.voucherHint')}</Typography.Paragraph>
      )}
    </div>
  );

  return (
    <div className="receipt-page" data-testid="carry-in-receipt">
      <style>{`@media print { .ant-layout-sider, .ant-layout-header, .no-print { display: none !important; } .ant-layout-content { padding: 0 !important; } }`}</style>
      <Button
        className="no-print"
        icon={<PrinterOutlined />}
        onClick={() => window.print()}
        style={{ marginBottom: 16 }}
      >
        {t('desk.print')}
      </Button>
      {copy(t('desk.stationCopy'), 'receipt-station-copy')}
      {copy(t('desk.customerCopy'), 'receipt-customer-copy')}
    </div>
  );
}
