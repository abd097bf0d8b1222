import { Alert, Card, Col, Descriptions, Empty, Row, Segmented, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { type HTMLAttributes, useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { toApiError, type ApiError } from '../../api';
import { callbacksApi, type CallbackTaskView } from '../../api/callbacks';
import { useErrorText } from '../../hooks/useErrorText';
import { useLabels } from '../../i18n/useLabels';
import { CallbackWorkPanel } from './CallbackWorkPanel';

type QueueState = 'open' | 'done' | 'unreachable';

/**
 * CB-01/02 callback agent's queue: tasks earliest due first; picking one shows the order, the script,
 * the calls made so far, and the forms to log a call and record the answer.
 */
export default function CallbackQueuePage() {
  const { t, lang: language, type } = useLabels();
  const lang = language as 'zh-CN' | 'en';
  const errorText = useErrorText();
  const [state, setState] = useState<QueueState>('open');
  const [items, setItems] = useState<CallbackTaskView[] | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [version, setVersion] = useState(0);
  const reload = useCallback(() => setVersion((v) => v + 1), []);

  useEffect(() => {
    let live = true;
    // CB-02 satisfaction callbacks only: spot-checks (CB-03) are sales' own queue.
    callbacksApi.queue(state, 'satisfaction').then(
      (r) => {
        if (!live) return;
        setError(null);
        setItems(r.items);
      },
      (e: unknown) => live && setError(toApiError(e)),
    );
    return () => {
      live = false;
    };
  }, [state, version]);

  const selected = items?.find((i) => i.id === selectedId) ?? null;

  return (
    <Row gutter={16}>
      <Col xs={24} xl={11}>
        <Card
          title={t('callbackQueue.title')}
          extra={
            <Segmented<QueueState>
              value={state}
              onChange={(v) => {
                setState(v);
                setSelectedId(null);
              }}
              options={(['open', 'done', 'unreachable'] as const).map((s) => ({
                value: s,
                label: <span data-testid={`cb-state-${s}`}>{t(`callbackQueue.${s}`)}</span>,
              }))}
            />
          }
        >
          {error && <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 12 }} />}
          <Table<CallbackTaskView>
            rowKey="id"
            size="small"
            loading={!items && !error}
            dataSource={items ?? []}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            data-testid="cb-queue"
            rowClassName={(r) => (r.id === selectedId ? 'ant-table-row-selected' : '')}
            onRow={(r) =>
              ({
                'data-testid': `cb-row-${r.order?.number ?? r.orderId}`,
                style: { cursor: 'pointer' },
                onClick: () => setSelectedId(r.id),
              }) as HTMLAttributes<HTMLElement>
            }
            columns={[
              {
                title: t('callbackQueue.order'),
                render: (_: unknown, r) => (
                  <span>
                    {r.order?.number ?? r.orderId.slice(0, 8)} {r.order && <Tag>{type(r.order.type)}</Tag>}
                    {r.kind === 'spot_check' && <Tag color="purple">CB-03</Tag>}
                  </span>
                ),
              },
              { title: t('callbackQueue.reason'), render: (_: unknown, r) => r.reason[lang] },
              {
                title: t('callbackQueue.due'),
                dataIndex: 'dueAt',
                render: (v: string) => (
                  <Typography.Text type={dayjs(v).isBefore(dayjs()) ? 'danger' : undefined}>
                    {dayjs(v).format('MM-DD HH:mm')}
                  </Typography.Text>
                ),
              },
              { title: t('callbackQueue.attempts'), dataIndex: 'unansweredAttempts', width: 90 },
            ]}
          />
        </Card>
      </Col>
      <Col xs={24} xl={13}>
        {selected ? (
          <Card
            title={
              selected.order ? (
                <Link to={`/orders/${selected.orderId}`} data-testid="cb-order-link">
                  {selected.order.number}
                </Link>
              ) : (
                selected.orderId
              )
            }
          >
            {selected.order && (
              <Descriptions size="small" column={2} style={{ marginBottom: 12 }}>
                <Descriptions.Item label={t('callbackQueue.customer')}>{selected.order.contactName}</Descriptions.Item>
                <Descriptions.Item label={t('callbackQueue.phone')}>{selected.order.contactPhone}</Descriptions.Item>
                <Descriptions.Item label={t('fields.address')} span={2}>
                  {selected.order.address}
                </Descriptions.Item>
              </Descriptions>
            )}
            <CallbackWorkPanel
              key={selected.id}
              task={selected}
              onChanged={(closed) => {
                if (closed) setSelectedId(null);
                reload();
              }}
            />
          </Card>
        ) : (
          <Card>
            <Empty description={t('callbackQueue.pick')} />
          </Card>
        )}
      </Col>
    </Row>
  );
}
