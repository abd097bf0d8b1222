import { Button, Card, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useParams } from 'react-router-dom';
import { getToken, toApiError } from '../../api';
import { inspectionApi, type NoticePrint } from '../../api/plannedWork';
import { useLabels } from '../../i18n/useLabels';
import { formatDateTime } from '../../orders/format';
import { useFeedback } from '../useFeedback';
import { answerText } from './OverdueNoticesPage';

/**
 * /inspections/notices/:id/print (WO-17): the rectification notice as handed to the customer — hazards,
 * deadline, inspectors, and the signature or the recorded refusal. The browser's print prints the card.
 */
export default function NoticePrintPage() {
  const { id = '' } = useParams();
  const { t, coded } = useLabels();
  const feedback = useFeedback();
  const [data, setData] = useState<NoticePrint | null>(null);
  const [signature, setSignature] = useState<string | null>(null);

  useEffect(() => {
    inspectionApi.notice(id).then(setData, (e) => feedback.error(toApiError(e)));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id]);

  // The image needs the bearer token, so it is fetched and shown as an object URL.
  useEffect(() => {
    if (!data?.notice.hasSignature) return;
    let url: string | null = null;
    void fetch(`/api/rectification-notices/${encodeURIComponent(id)}/signature`, {
      headers: { Authorization: `Bearer ${getToken() ?? ''}` },
    })
      .then((r) => (r.ok ? r.blob() : null))
      .then((b) => {
        if (b) setSignature((url = URL.createObjectURL(b)));
      });
    return () => {
      if (url) URL.revokeObjectURL(url);
    };
  }, [data, id]);

  if (!data) return <Card loading />;
  const { notice, order, crew } = data;
  return (
    <div className="print-area" style={{ maxWidth: 800, margin: '0 auto' }}>
      <style>{'@media print { .ant-layout-sider, .ant-layout-header, .no-print { display: none !important; } }'}</style>
      <Card data-testid="notice-print">
        <Typography.Title level={3} style={{ textAlign: 'center' }}>
          {t('insp.noticeTitle')}
        </Typography.Title>
        <Typography.Paragraph style={{ textAlign: 'right' }}>
          {t('insp.noticeNumber')}：{notice.number}
        </Typography.Paragraph>
        <Typography.Paragraph>
          {t('insp.noticeTo', { name: order.contactName, address: order.address })}
        </Typography.Paragraph>
        <Typography.Paragraph data-testid="notice-deadline">
          {t('insp.noticeBody', { deadline: notice.deadline })}
        </Typography.Paragraph>
        <Table
          rowKey="item"
          size="small"
          pagination={false}
          dataSource={notice.hazards}
          columns={[
            { title: t('insp.hazardItem'), dataIndex: 'item', render: (c: string) => coded(data.items, c) },
            { title: t('insp.hazardLevel'), dataIndex: 'level', render: (c: string) => coded(data.hazardLevels, c) },
            { title: t('insp.hazardNote'), dataIndex: 'note', render: (v: string | null) => v ?? '' },
          ]}
        />
        <Typography.Paragraph style={{ marginTop: 16 }}>
          {t('insp.inspectorsLine', { names: crew.map((c) => c.name).join('、') })}
        </Typography.Paragraph>
        <Typography.Paragraph>
          {t('insp.issuedAt')}：{formatDateTime(notice.issuedAt)}
        </Typography.Paragraph>
        <div style={{ marginTop: 16 }} data-testid="notice-answer">
          {notice.signed === false ? (
            <Typography.Text strong>
              {t('insp.refusedLine', { reason: answerText(notice, t).replace(/^[^:：]*[:：]\s*/, '') })}
            </Typography.Text>
          ) : (
            <>
              {t('insp.customerSign')}：
              {signature ? (
                <img src={signature} alt="" style={{ height: 80, verticalAlign: 'middle' }} />
              ) : (
                '＿＿＿＿＿＿'
              )}
            </>
          )}
        </div>
      </Card>
      <Button className="no-print" type="primary" style={{ marginTop: 12 }} onClick={() => window.print()}>
        {t('insp.printNow')}
      </Button>
    </div>
  );
}
