import { Alert, Col, Row, Statistic, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { toApiError, type ApiError } from '../../api';
import { assessmentApi, type LedgerView } from '../../api/assessment';
import { useErrorText } from '../../hooks/useErrorText';
import { useLabels } from '../../i18n/useLabels';
import { yuan } from './yuan';

/** VND-01 monthly ledger: totals, then every charge and reversal with its order. */
export function LedgerTab({ month, vendorId }: { month: string; vendorId: string }) {
  const { t } = useLabels();
  const errorText = useErrorText();
  const [ledger, setLedger] = useState<LedgerView | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    let live = true;
    assessmentApi.ledger(month, vendorId).then(
      (l) => live && setLedger(l),
      (e: unknown) => live && setError(toApiError(e)),
    );
    return () => {
      live = false;
    };
  }, [month, vendorId]);

  if (error) return <Alert type="error" showIcon title={errorText(error)} />;
  return (
    <>
      {ledger && (
        <Row gutter={16} style={{ marginBottom: 16 }}>
          <Col span={6}>
            <Statistic
              title={t('assessmentPage.vendorTotal')}
              value={yuan(ledger.totals.vendorFen)}
              data-testid="ledger-vendor-total"
            />
          </Col>
          <Col span={6}>
            <Statistic title={t('assessmentPage.personTotal')} value={yuan(ledger.totals.personTotalFen)} />
          </Col>
          <Col span={6}>
            <Statistic title={t('assessmentPage.disputed')} value={yuan(ledger.totals.disputedFen)} />
          </Col>
          <Col span={6}>
            <Statistic title={t('assessmentPage.score')} value={ledger.totals.scorePoints} />
          </Col>
        </Row>
      )}
      <Table<LedgerView['entries'][number]>
        size="small"
        rowKey="seq"
        loading={!ledger}
        dataSource={ledger?.entries ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        data-testid="ledger-table"
        columns={[
          { title: '#', dataIndex: 'seq', width: 50 },
          { title: t('assessmentPage.at'), dataIndex: 'at', render: (v: string) => dayjs(v).format('MM-DD HH:mm') },
          {
            title: t('assessmentPage.kind'),
            dataIndex: 'kind',
            render: (k: 'charge' | 'reversal') => (
              <Tag color={k === 'reversal' ? 'green' : 'red'}>{t(`assessmentPage.${k}`)}</Tag>
            ),
          },
          {
            title: t('assessmentPage.party'),
            dataIndex: 'party',
            render: (p: 'vendor' | 'person') =>
              t(p === 'vendor' ? 'assessmentPage.vendorParty' : 'assessmentPage.personParty'),
          },
          { title: t('assessmentPage.amount'), dataIndex: 'amountFen', render: (f: number) => yuan(f) },
          {
            title: t('assessmentPage.order'),
            dataIndex: 'orderId',
            render: (id: string, e: LedgerView['entries'][number]) => (
              <Link to={`/orders/${id}`}>{e.orderNumber ?? id.slice(0, 8)}</Link>
            ),
          },
          { title: 'Rule', dataIndex: 'ruleId' },
          { title: t('assessmentPage.state'), dataIndex: 'caseState' },
        ]}
      />
    </>
  );
}
