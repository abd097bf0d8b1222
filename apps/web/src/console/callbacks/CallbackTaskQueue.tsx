import { Alert, Card, Col, Descriptions, Empty, Row, Segmented, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { type HTMLAttributes, type ReactNode, useState } from 'react';
import { Link } from 'react-router-dom';
import { callbacksApi, type CallbackTaskView } from '../../api/callbacks';
import { useErrorText } from '../../hooks/useErrorText';
import { useReloadableList } from '../../hooks/useReloadableList';
import { useLabels } from '../../i18n/useLabels';

type QueueState = 'open' | 'done' | 'unreachable';

export interface CallbackTaskQueueProps {
  /** Which tasks: CB-02 satisfaction callbacks or CB-03 sales spot-checks. */
  kind: 'satisfaction' | 'spot_check';
  /** Prefix of the page's test ids ("cb" → cb-queue, cb-row-…, cb-state-…, cb-order-link). */
  testIds: 'cb' | 'spot';
  /** Texts: `${texts}.title`, `.open`, `.done`, `.unreachable`, `.pick`. */
  texts: 'callbackQueue' | 'spotCheck';
  /** Extra buttons beside the state switch; `reload` refreshes the queue after they act. */
  actions?: (reload: () => void) => ReactNode;
  /** Columns after the order, reason and due time. */
  extraColumns?: ColumnsType<CallbackTaskView>;
  /** The work panel of the picked task; `onChanged(closed)` after a call or an answer is saved. */
  panel: (task: CallbackTaskView, onChanged: (closed: boolean) => void) => ReactNode;
}

/**
 * The callback queues' shared page (CB-01/02/03): tasks of one kind earliest due first, by state; picking
 * one shows its order (customer, phone, address) and the kind's own work panel.
 */
export function CallbackTaskQueue({ kind, testIds, texts, actions, extraColumns = [], panel }: CallbackTaskQueueProps) {
  const { t, lang: language, type } = useLabels();
  const lang = language as 'zh-CN' | 'en';
  const errorText = useErrorText();
  const [state, setState] = useState<QueueState>('open');
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const { items, error, reload } = useReloadableList(`${kind}:${state}`, () => callbacksApi.queue(state, kind));
  const selected = items?.find((i) => i.id === selectedId) ?? null;

  return (
    <Row gutter={16}>
      <Col xs={24} xl={11}>
        <Card
          title={t(`${texts}.title`)}
          extra={
            <Space>
              {actions?.(reload)}
              <Segmented<QueueState>
                value={state}
                onChange={(v) => {
                  setState(v);
                  setSelectedId(null);
                }}
                options={(['open', 'done', 'unreachable'] as const).map((s) => ({
                  value: s,
                  label: <span data-testid={`${testIds}-state-${s}`}>{t(`${texts}.${s}`)}</span>,
                }))}
              />
            </Space>
          }
        >
          {error && <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 12 }} />}
          <Table<CallbackTaskView>
            rowKey="id"
            size="small"
            loading={!items && !error}
            dataSource={items ?? []}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            data-testid={`${testIds}-queue`}
            rowClassName={(r) => (r.id === selectedId ? 'ant-table-row-selected' : '')}
            onRow={(r) =>
              ({
                'data-testid': `${testIds}-row-${r.order?.number ?? r.orderId}`,
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
              ...extraColumns,
            ]}
          />
        </Card>
      </Col>
      <Col xs={24} xl={13}>
        {selected ? (
          <Card
            title={
              <Link to={`/orders/${selected.orderId}`} data-testid={`${testIds}-order-link`}>
                {selected.order?.number ?? selected.orderId}
              </Link>
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
            {panel(selected, (closed) => {
              if (closed) setSelectedId(null);
              reload();
            })}
          </Card>
        ) : (
          <Card>
            <Empty description={t(`${texts}.pick`)} />
          </Card>
        )}
      </Col>
    </Row>
  );
}
