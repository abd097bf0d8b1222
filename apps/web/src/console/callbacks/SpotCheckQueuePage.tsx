import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Form,
  Input,
  List,
  Radio,
  Row,
  Segmented,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { type HTMLAttributes, useCallback, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { SubmissionKeys, toApiError, type ApiError } from '../../api';
import { callbacksApi, type AttemptResult, type CallbackTaskView } from '../../api/callbacks';
import { useErrorText } from '../../hooks/useErrorText';
import { useLabels } from '../../i18n/useLabels';
import { useMe } from '../../session/SessionContext';
import { useFeedback } from '../useFeedback';

type QueueState = 'open' | 'done' | 'unreachable';
const RESULTS: readonly AttemptResult[] = ['reached', 'no_answer', 'busy'];

interface SpotForm {
  matches?: 'yes' | 'no';
  vendorReport?: string;
  truth?: string;
  note?: string;
}

/** CB-03: log a call and record whether the vendor's report matches what the customer says. */
function SpotCheckPanel({ task, onChanged }: { task: CallbackTaskView; onChanged: (closed: boolean) => void }) {
  const { t } = useLabels();
  const feedback = useFeedback();
  const [form] = Form.useForm<SpotForm>();
  const matches = Form.useWatch('matches', form);
  const [busy, setBusy] = useState(false);
  const attemptKeys = useRef(new SubmissionKeys());
  const outcomeKeys = useRef(new SubmissionKeys());

  async function logCall(result: AttemptResult) {
    setBusy(true);
    try {
      const updated = await callbacksApi.attempt(
        task.id,
        { result },
        attemptKeys.current.keyFor({ id: task.id, result }),
      );
      attemptKeys.current.succeeded();
      feedback.success(t('callbackQueue.callLogged'));
      onChanged(updated.state !== 'open');
    } catch (e) {
      feedback.error(toApiError(e));
    } finally {
      setBusy(false);
    }
  }

  async function submit(v: SpotForm) {
    const body = {
      matchesVendorReport: v.matches === 'yes',
      ...(v.vendorReport?.trim() ? { vendorReport: v.vendorReport.trim() } : {}),
      ...(v.truth?.trim() ? { truth: v.truth.trim() } : {}),
      ...(v.note?.trim() ? { note: v.note.trim() } : {}),
    };
    setBusy(true);
    try {
      const done = await callbacksApi.spotCheck(task.id, body, outcomeKeys.current.keyFor({ id: task.id, ...body }));
      outcomeKeys.current.succeeded();
      feedback.success(done.assessmentCaseId ? t('spotCheck.savedCase') : t('spotCheck.savedOk'));
      onChanged(true);
    } catch (e) {
      feedback.error(toApiError(e));
    } finally {
      setBusy(false);
    }
  }

  if (task.state !== 'open') {
    return (
      <Descriptions size="small" column={1} data-testid="spot-result">
        <Descriptions.Item label={t('spotCheck.result')}>
          {task.spotCheckMatches === true ? (
            <Tag color="green">{t('spotCheck.matches')}</Tag>
          ) : task.spotCheckMatches === false ? (
            <Tag color="red">{t('spotCheck.differs')}</Tag>
          ) : (
            t('spotCheck.unreachable')
          )}
        </Descriptions.Item>
        {task.vendorReport && (
          <Descriptions.Item label={t('spotCheck.vendorReport')}>{task.vendorReport}</Descriptions.Item>
        )}
        {task.truth && <Descriptions.Item label={t('spotCheck.truth')}>{task.truth}</Descriptions.Item>}
        {task.assessmentCaseId && (
          <Descriptions.Item label="VND-01">
            <Link to="/assessment">{t('spotCheck.caseLink')}</Link>
          </Descriptions.Item>
        )}
      </Descriptions>
    );
  }

  return (
    <>
      {task.attempts.length > 0 && (
        <List
          size="small"
          header={t('callbackQueue.history')}
          dataSource={task.attempts}
          renderItem={(a) => (
            <List.Item>
              {dayjs(a.at).format('MM-DD HH:mm')} · {t(`callbackQueue.${a.result}`)}
            </List.Item>
          )}
        />
      )}
      <Space wrap style={{ margin: '12px 0' }}>
        {RESULTS.filter((r) => r !== 'reached').map((r) => (
          <Button key={r} disabled={busy} onClick={() => void logCall(r)} data-testid={`spot-call-${r}`}>
            {t(`callbackQueue.${r}`)}
          </Button>
        ))}
      </Space>
      <Form<SpotForm> form={form} layout="vertical" disabled={busy} onFinish={(v) => void submit(v)}>
        <Form.Item name="matches" rules={[{ required: true }]}>
          <Radio.Group data-testid="spot-matches">
            <Radio value="yes" data-testid="spot-matches-yes">
              {t('spotCheck.matches')}
            </Radio>
            <Radio value="no" data-testid="spot-matches-no">
              {t('spotCheck.differs')}
            </Radio>
          </Radio.Group>
        </Form.Item>
        {matches === 'no' && (
          <>
            <Form.Item name="vendorReport" label={t('spotCheck.vendorReport')}>
              <Input.TextArea rows={2} maxLength={2000} data-testid="spot-vendor-report" />
            </Form.Item>
            <Form.Item name="truth" label={t('spotCheck.truth')} rules={[{ required: true, whitespace: true }]}>
              <Input.TextArea rows={2} maxLength={2000} data-testid="spot-truth" />
            </Form.Item>
          </>
        )}
        <Form.Item name="note" label={t('spotCheck.note')}>
          <Input maxLength={2000} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="spot-submit">
          {t('spotCheck.submit')}
        </Button>
      </Form>
    </>
  );
}

/**
 * CB-03 sales spot-check queue (/callbacks/spot-checks): orders sampled on their 7th day after
 * completion, earliest due first; a mismatch with the vendor's report opens a VND-01 case.
 */
export default function SpotCheckQueuePage() {
  const { t, lang: language, type } = useLabels();
  const lang = language as 'zh-CN' | 'en';
  const me = useMe();
  const errorText = useErrorText();
  const feedback = useFeedback();
  const [state, setState] = useState<QueueState>('open');
  const [items, setItems] = useState<CallbackTaskView[] | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [version, setVersion] = useState(0);
  const reload = useCallback(() => setVersion((v) => v + 1), []);

  useEffect(() => {
    let live = true;
    callbacksApi.queue(state, 'spot_check').then(
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

  async function sweep() {
    try {
      const r = await callbacksApi.sweepSpotChecks();
      feedback.success(t('spotCheck.swept', { count: r.created }));
      reload();
    } catch (e) {
      feedback.error(toApiError(e));
    }
  }

  const selected = items?.find((i) => i.id === selectedId) ?? null;
  return (
    <Row gutter={16}>
      <Col xs={24} xl={11}>
        <Card
          title={t('spotCheck.title')}
          extra={
            <Space>
              {(me.position === 'sales' || me.position === 'admin') && (
                <Button size="small" onClick={() => void sweep()} data-testid="spot-sweep">
                  {t('spotCheck.sweep')}
                </Button>
              )}
              <Segmented<QueueState>
                value={state}
                onChange={(v) => {
                  setState(v);
                  setSelectedId(null);
                }}
                options={(['open', 'done', 'unreachable'] as const).map((s) => ({
                  value: s,
                  label: <span data-testid={`spot-state-${s}`}>{t(`spotCheck.${s}`)}</span>,
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
            data-testid="spot-queue"
            rowClassName={(r) => (r.id === selectedId ? 'ant-table-row-selected' : '')}
            onRow={(r) =>
              ({
                'data-testid': `spot-row-${r.order?.number ?? r.orderId}`,
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
            ]}
          />
        </Card>
      </Col>
      <Col xs={24} xl={13}>
        {selected ? (
          <Card
            title={
              <Link to={`/orders/${selected.orderId}`} data-testid="spot-order-link">
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
            <SpotCheckPanel
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
            <Empty description={t('spotCheck.pick')} />
          </Card>
        )}
      </Col>
    </Row>
  );
}
