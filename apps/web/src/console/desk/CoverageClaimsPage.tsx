import { Alert, Button, Card, Select, Space, Table, Tag, Typography } from 'antd';
import { DEFAULT_COVERAGE_CLAIM_POLICY } from '@daowei/domain';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { toApiError } from '../../api';
import {
  coverageClaimsApi,
  type CoverageClaimKind,
  type CoverageClaimQueueRow,
  type CoverageClaimView,
} from '../../api/coverageClaims';
import { formatDateTime } from '../../orders/format';
import { useMe } from '../../session/SessionContext';
import { useKpiNames } from '../kpis/useKpiNames';
import { CoverageClaimDecisionModal, type ClaimDecision, type ClaimToDecide } from './CoverageClaimDecisionModal';
import { ClaimStateTag } from './ClaimStateTag';

const STATES: CoverageClaimView['state'][] = ['claimed', 'confirmed', 'rejected', 'closed'];
const KINDS: CoverageClaimKind[] = ['uncovered_address', 'network_supplement'];

/**
 * /desk/coverage-claims (WO-09/WO-10): the station manager's queue of the engineers' coverage claims —
 * by state, kind and vendor, the order linked, the engineer's reason and drop-cable length — where each
 * claim to decide is confirmed or rejected with a note, and a confirmed one is closed by the sales office
 * or the station once the customer was contacted or the supplement built.
 */
export default function CoverageClaimsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const names = useKpiNames();
  const canDecide = DEFAULT_COVERAGE_CLAIM_POLICY.decidePositions.includes(me.position);
  const canClose = DEFAULT_COVERAGE_CLAIM_POLICY.closePositions.includes(me.position);
  const [state, setState] = useState<CoverageClaimView['state'] | undefined>('claimed');
  const [kind, setKind] = useState<CoverageClaimKind | undefined>();
  const [vendorId, setVendorId] = useState<string | undefined>();
  const [rows, setRows] = useState<CoverageClaimQueueRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [deciding, setDeciding] = useState<ClaimToDecide | null>(null);

  // Bumped after a decision so the queue is read again.
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let live = true;
    coverageClaimsApi.list({ state, kind, vendorId }).then(
      (r) => {
        if (!live) return;
        setRows(r.items);
        setError(null);
      },
      (e) => live && setError(toApiError(e).message),
    );
    return () => {
      live = false;
    };
  }, [state, kind, vendorId, version]);

  const open = (r: CoverageClaimQueueRow, decision: ClaimDecision) =>
    setDeciding({ id: r.id, kind: r.kind, orderNumber: r.orderNumber, decision });

  return (
    <Card title={t('coverageClaims.title')}>
      <Typography.Paragraph type="secondary">{t('coverageClaims.hint')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          style={{ minWidth: 200 }}
          value={state ?? 'open'}
          onChange={(v: string) => setState(v === 'open' ? undefined : (v as CoverageClaimView['state']))}
          options={[
            { value: 'open', label: t('coverageClaims.filterOpen') },
            ...STATES.map((s) => ({ value: s, label: t(`coverageClaims.states.${s}`) })),
          ]}
          data-testid="claims-filter-state"
        />
        <Select
          style={{ minWidth: 160 }}
          allowClear
          placeholder={t('coverageClaims.filterKind')}
          value={kind}
          onChange={setKind}
          options={KINDS.map((k) => ({ value: k, label: t(`coverageClaims.kinds.${k}`) }))}
          data-testid="claims-filter-kind"
        />
        <Select
          style={{ minWidth: 160 }}
          allowClear
          placeholder={t('coverageClaims.filterVendor')}
          value={vendorId}
          onChange={setVendorId}
          options={names.list.vendor.map((v) => ({ value: v.id, label: v.name }))}
          data-testid="claims-filter-vendor"
        />
      </Space>
      {error && <Alert type="error" title={error} showIcon style={{ marginBottom: 12 }} />}
      <Table<CoverageClaimQueueRow>
        rowKey="id"
        data-testid="claims-table"
        loading={rows === null && !error}
        dataSource={rows ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('coverageClaims.empty') }}
        columns={[
          {
            title: t('coverageClaims.order'),
            dataIndex: 'orderNumber',
            render: (n: string, r) => (
              <Link to={`/orders/${r.orderId}`} data-testid={`claim-order-${n}`}>
                {n}
              </Link>
            ),
          },
          { title: t('coverageClaims.kind'), render: (_, r) => t(`coverageClaims.kinds.${r.kind}`) },
          {
            title: t('coverageClaims.state'),
            render: (_, r) => <ClaimStateTag claim={r} testId={`claim-state-${r.orderNumber}`} />,
          },
          { title: t('coverageClaims.vendor'), dataIndex: 'vendorName' },
          { title: t('coverageClaims.engineer'), dataIndex: 'claimedByName' },
          {
            title: t('coverageClaims.reason'),
            render: (_, r) => (
              <Space orientation="vertical" size={0}>
                <span>{r.reason}</span>
                {r.contradictsMap && <Tag color="orange">{t('coverageClaims.contradictsMap')}</Tag>}
                {r.decisionNote && (
                  <Typography.Text type="secondary">
                    {t('coverageClaims.decision')}
                    {t('common.colon')}
                    {r.decisionNote}
                  </Typography.Text>
                )}
              </Space>
            ),
          },
          {
            title: t('coverageClaims.dropCable'),
            render: (_, r) => (
              <Space orientation="vertical" size={0}>
                {r.dropCableM !== null && <span>{t('coverageClaims.metres', { count: r.dropCableM })}</span>}
                {r.demandConfirmed && <Tag>{t('coverageClaims.demand')}</Tag>}
              </Space>
            ),
          },
          { title: t('coverageClaims.claimedAt'), render: (_, r) => formatDateTime(r.claimedAt) },
          { title: t('coverageClaims.dueAt'), render: (_, r) => formatDateTime(r.dueAt) },
          {
            key: 'actions',
            render: (_, r) => (
              <Space>
                {canDecide && r.state === 'claimed' && (
                  <>
                    <Button
                      type="primary"
                      size="small"
                      onClick={() => open(r, 'confirm')}
                      data-testid={`claim-confirm-${r.orderNumber}`}
                    >
                      {t('coverageClaims.confirm')}
                    </Button>
                    <Button
                      danger
                      size="small"
                      onClick={() => open(r, 'reject')}
                      data-testid={`claim-reject-${r.orderNumber}`}
                    >
                      {t('coverageClaims.reject')}
                    </Button>
                  </>
                )}
                {canClose && r.state === 'confirmed' && (
                  <Button size="small" onClick={() => open(r, 'close')} data-testid={`claim-close-${r.orderNumber}`}>
                    {t('coverageClaims.close')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <CoverageClaimDecisionModal
        claim={deciding}
        onClose={() => setDeciding(null)}
        onDecided={() => {
          setDeciding(null);
          setVersion((v) => v + 1);
        }}
      />
    </Card>
  );
}
