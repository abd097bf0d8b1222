import { Button, Card, List, Space, Typography } from 'antd';
import { DEFAULT_COVERAGE_CLAIM_POLICY } from '@daowei/domain';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { coverageClaimsApi, type CoverageClaimView } from '../../api/coverageClaims';
import { formatDateTime } from '../../orders/format';
import { useMe } from '../../session/SessionContext';
import { CoverageClaimDecisionModal, type ClaimToDecide } from './CoverageClaimDecisionModal';
import { ClaimStateTag } from './ClaimStateTag';

/**
 * WO-09/WO-10 on the console order page: the engineer's coverage claims on this order, with the
 * supervisor's confirm / reject right here (the same modal as the queue). Hidden when there is none.
 */
export function OrderCoverageClaimsCard({
  orderId,
  orderNumber,
  version,
}: {
  orderId: string;
  orderNumber: string;
  version: number;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const canDecide = DEFAULT_COVERAGE_CLAIM_POLICY.decidePositions.includes(me.position);
  const [items, setItems] = useState<CoverageClaimView[]>([]);
  const [deciding, setDeciding] = useState<ClaimToDecide | null>(null);

  const load = useCallback(() => {
    coverageClaimsApi.ofOrder(orderId).then(
      (r) => setItems(r.items),
      () => setItems([]),
    );
  }, [orderId]);
  useEffect(load, [load, version]);
  if (items.length === 0) return null;

  return (
    <Card
      title={t('coverageClaims.onOrder')}
      style={{ marginTop: 16 }}
      data-testid="order-coverage-claims"
      extra={canDecide && <Link to="/desk/coverage-claims">{t('coverageClaims.openQueue')}</Link>}
    >
      <List
        dataSource={items}
        renderItem={(c) => (
          <List.Item
            key={c.id}
            data-testid={`order-claim-${c.kind}`}
            actions={
              canDecide && c.state === 'claimed'
                ? [
                    <Button
                      key="confirm"
                      type="primary"
                      size="small"
                      onClick={() => setDeciding({ id: c.id, kind: c.kind, orderNumber, decision: 'confirm' })}
                      data-testid="order-claim-confirm"
                    >
                      {t('coverageClaims.confirm')}
                    </Button>,
                    <Button
                      key="reject"
                      danger
                      size="small"
                      onClick={() => setDeciding({ id: c.id, kind: c.kind, orderNumber, decision: 'reject' })}
                      data-testid="order-claim-reject"
                    >
                      {t('coverageClaims.reject')}
                    </Button>,
                  ]
                : []
            }
          >
            <List.Item.Meta
              title={
                <Space>
                  {t(`coverageClaims.kinds.${c.kind}`)}
                  <ClaimStateTag claim={c} testId={`order-claim-state-${c.kind}`} />
                </Space>
              }
              description={
                <Space orientation="vertical" size={0}>
                  <span>{c.reason}</span>
                  {c.dropCableM !== null && (
                    <span>
                      {t('coverageClaims.dropCable')}
                      {t('common.colon')}
                      {t('coverageClaims.metres', { count: c.dropCableM })}
                    </span>
                  )}
                  <Typography.Text type="secondary">
                    {t('coverageClaims.claimedAt')} {formatDateTime(c.claimedAt)}
                    {c.dueAt && ` · ${t('coverageClaims.dueAt')} ${formatDateTime(c.dueAt)}`}
                  </Typography.Text>
                  {c.decisionNote && (
                    <Typography.Text type="secondary">
                      {t('coverageClaims.decision')}
                      {t('common.colon')}
                      {c.decisionNote}
                    </Typography.Text>
                  )}
                </Space>
              }
            />
          </List.Item>
        )}
      />
      <CoverageClaimDecisionModal
        claim={deciding}
        onClose={() => setDeciding(null)}
        onDecided={() => {
          setDeciding(null);
          load();
        }}
      />
    </Card>
  );
}
