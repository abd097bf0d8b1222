import { ReloadOutlined } from '@ant-design/icons';
import { isSupervisor, SUSPEND_REASON_LABELS } from '@daowei/domain';
import { Alert, App, Button, Card, Collapse, Descriptions, Empty, List, Space, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { newIdempotencyKey, toApiError, type ApiError } from '../../api';
import { slaApi, type ClockView } from '../../api/sla';
import { useErrorText } from '../../hooks/useErrorText';
import { useLabels } from '../../i18n/useLabels';
import { formatDateTime } from '../../orders/format';
import { useMe } from '../../session/SessionContext';
import { CLOCK_STATE_COLORS, timeLeftText } from './clockText';

/**
 * SLA-02 on the order page: each promise of the order — the rule, the due time, the time left (as the
 * server computed it), the paused intervals and the explanation sentence by sentence. Coordinators and
 * managers may re-evaluate the clocks with the current policy (the answer says what moved).
 */
export function OrderClocksPanel({ orderId }: { orderId: string }) {
  const { t, lang } = useLabels();
  const me = useMe();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [clocks, setClocks] = useState<ClockView[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [version, setVersion] = useState(0);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const l = lang as 'zh-CN' | 'en';

  useEffect(() => {
    let live = true;
    slaApi.clocks(orderId).then(
      (r) => live && (setClocks(r.items), setError(null)),
      (e: unknown) => live && setError(toApiError(e)),
    );
    return () => {
      live = false;
    };
  }, [orderId, version]);

  async function reevaluate() {
    setBusy(true);
    try {
      const r = await slaApi.reevaluate(orderId, newIdempotencyKey());
      setClocks(r.items);
      void message.info(r.changed.length ? t('clocks.reevaluated', { n: r.changed.length }) : t('clocks.unchanged'));
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card
      title={t('clocks.title')}
      data-testid="clocks-panel"
      extra={
        <Space>
          {isSupervisor(me.position) && (
            <Button size="small" loading={busy} onClick={() => void reevaluate()} data-testid="clocks-reevaluate">
              {t('clocks.reevaluate')}
            </Button>
          )}
          <Button size="small" icon={<ReloadOutlined />} onClick={reload} aria-label={t('common.refresh')} />
        </Space>
      }
    >
      {error && <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 12 }} />}
      {clocks && clocks.length === 0 && <Empty description={t('clocks.none')} />}
      <List
        loading={!clocks && !error}
        dataSource={clocks ?? []}
        renderItem={(c) => (
          <List.Item key={c.id} data-testid={`clock-${c.kind}`} style={{ display: 'block' }}>
            <Space wrap style={{ marginBottom: 8 }}>
              <Typography.Text strong>{c.label[l]}</Typography.Text>
              <Tag>{c.ruleId}</Tag>
              <Tag color={CLOCK_STATE_COLORS[c.state]} data-testid={`clock-state-${c.kind}`} data-state={c.state}>
                {t(`clocks.states.${c.state}`)}
              </Tag>
              {c.provisional && <Tag color="orange">{t('clocks.provisional')}</Tag>}
              {c.flagged && <Tag color="red">{t('clocks.flagged')}</Tag>}
            </Space>
            {c.provisional && (
              <Alert
                type="warning"
                showIcon
                style={{ marginBottom: 8 }}
                title={t('clocks.provisionalHint', { years: c.provisionalYears.join(', ') })}
              />
            )}
            <Descriptions size="small" column={{ xs: 1, md: 2 }}>
              <Descriptions.Item label={t('clocks.due')}>
                <span data-testid={`clock-due-${c.kind}`}>{formatDateTime(c.dueAt)}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('clocks.left')}>
                <span data-testid={`clock-left-${c.kind}`}>{timeLeftText(c, t, l)}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('clocks.rule')}>
                {t('clocks.policy', { id: c.policy.id, version: c.policy.version })}
              </Descriptions.Item>
              {c.overdueReason && (
                <Descriptions.Item label={t('clocks.overdueReason')}>{c.overdueReason}</Descriptions.Item>
              )}
              {c.pausedIntervals.length > 0 && (
                <Descriptions.Item label={t('clocks.paused')} span={2}>
                  <Space orientation="vertical" size={0} data-testid={`clock-paused-${c.kind}`}>
                    {c.pausedIntervals.map((p) => (
                      <span key={p.from}>
                        {formatDateTime(p.from)} – {p.to ? formatDateTime(p.to) : t('clocks.ongoing')} ·{' '}
                        {reasonLabel(p.reason, l)}
                      </span>
                    ))}
                  </Space>
                </Descriptions.Item>
              )}
            </Descriptions>
            <Collapse
              size="small"
              items={[
                {
                  key: 'explain',
                  label: <span data-testid={`clock-explain-toggle-${c.kind}`}>{t('clocks.explain')}</span>,
                  children: (
                    <ol style={{ margin: 0, paddingInlineStart: 20 }} data-testid={`clock-explain-${c.kind}`}>
                      {c.explain.text[l].map((s, i) => (
                        <li key={i}>{s}</li>
                      ))}
                    </ol>
                  ),
                },
              ]}
            />
          </List.Item>
        )}
      />
    </Card>
  );
}

function reasonLabel(reason: string, lang: 'zh-CN' | 'en'): string {
  const labels = SUSPEND_REASON_LABELS as Readonly<Record<string, { 'zh-CN': string; en: string }>>;
  return labels[reason]?.[lang] ?? reason;
}
