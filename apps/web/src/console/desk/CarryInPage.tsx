import { Alert, Button, Card, Checkbox, Col, Form, Input, Row, Select, Space, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { toApiError, workOrdersApi } from '../../api';
import { deskApi, type CarryInView } from '../../api/desk';
import { formatDateTime } from '../../orders/format';

type Stage = CarryInView['stage'];

/**
 * /desk/carry-in (DESK-03): receive a carry-in order's device with its receipt (then print it), move it
 * through the bench, mark it ready (the customer is told) and hand it back after a re-test they sign.
 */
export default function CarryInPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [rows, setRows] = useState<CarryInView[]>([]);
  const [orders, setOrders] = useState<{ id: string; number: string; contactName: string }[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const [pickupFor, setPickupFor] = useState<string | null>(null);
  const [receiveForm] = Form.useForm();
  const [pickupForm] = Form.useForm();

  useEffect(() => {
    let live = true;
    void (async () => {
      try {
        const board = await deskApi.carryIns();
        const page = await workOrdersApi.list(
          { type: 'carry_in', status: ['created', 'triaged', 'assigned', 'taken'], limit: 100 },
          null,
        );
        if (!live) return;
        setRows(board.items);
        const received = new Set(board.items.map((r) => r.orderId));
        setOrders(
          page.items
            .filter((o) => !received.has(o.id))
            .map((o) => ({ id: o.id, number: o.number, contactName: o.contactName })),
        );
      } catch (e) {
        if (live) setError(toApiError(e).message);
      }
    })();
    return () => {
      live = false;
    };
  }, [version]);

  async function run(what: () => Promise<unknown>) {
    setError(null);
    try {
      await what();
      setVersion((v) => v + 1);
    } catch (e) {
      const err = toApiError(e);
      setError(
        err.code === 'DESK_FORBIDDEN_PHRASE'
          ? t('desk.flagged', { phrase: String(err.details?.phrase ?? '') })
          : err.message,
      );
    }
  }

  async function receive(v: {
    orderId: string;
    configuration: string;
    condition: string;
    accessories?: string;
    receiptSignedBy: string;
    shelf: string;
  }) {
    const { orderId, ...body } = v;
    await run(async () => {
      await deskApi.receive(orderId, body);
      receiveForm.resetFields();
      navigate(`/desk/carry-in/${orderId}/receipt`);
    });
  }

  const stageTag = (s: Stage) => (
    <Tag color={s === 'ready' ? 'green' : s === 'picked_up' ? 'default' : 'blue'}>{t(`desk.stages.${s}`)}</Tag>
  );

  return (
    <Row gutter={16}>
      <Col xs={24} xl={16}>
        <Card title={t('desk.carryInTitle')}>
          {error && (
            <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="carry-in-error" />
          )}
          <Table<CarryInView>
            rowKey="orderId"
            dataSource={rows}
            pagination={false}
            data-testid="carry-in-board"
            onRow={(r) => ({ 'data-testid': `carry-in-row-${r.orderNumber}` }) as never}
            columns={[
              { title: t('desk.receiptNumber'), dataIndex: 'receiptNumber' },
              { title: t('desk.customerName'), dataIndex: 'customerName' },
              { title: t('desk.shelf'), dataIndex: 'shelf' },
              {
                title: t('desk.promisedAt'),
                render: (_, r) => (
                  <span style={{ color: r.overdue ? 'red' : undefined }}>{formatDateTime(r.promisedAt)}</span>
                ),
              },
              {
                title: t('desk.stage'),
                render: (_, r) => <span data-testid="carry-in-stage">{stageTag(r.stage)}</span>,
              },
              {
                title: '',
                render: (_, r) => (
                  <Space wrap>
                    {r.next
                      .filter((s): s is 'diagnosing' | 'repairing' | 'ready' => s !== 'picked_up')
                      .map((s) => (
                        <Button
                          key={s}
                          size="small"
                          data-testid={`carry-in-to-${s}`}
                          onClick={() => void run(() => deskApi.advance(r.orderId, { stage: s }))}
                        >
                          {t('desk.advanceTo', { stage: t(`desk.stages.${s}`) })}
                        </Button>
                      ))}
                    {r.next.includes('picked_up') && (
                      <Button
                        size="small"
                        type="primary"
                        data-testid="carry-in-pickup"
                        onClick={() => setPickupFor(r.orderId)}
                      >
                        {t('desk.pickup')}
                      </Button>
                    )}
                    <Link to={`/desk/carry-in/${r.orderId}/receipt`}>{t('desk.printReceipt')}</Link>
                  </Space>
                ),
              },
            ]}
          />
          {pickupFor && (
            <Card size="small" title={t('desk.pickup')} style={{ marginTop: 16 }} data-testid="carry-in-pickup-form">
              <Form
                form={pickupForm}
                layout="vertical"
                onFinish={(v: { retestPassed: boolean; retestNote: string; signedBy: string }) =>
                  void run(async () => {
                    await deskApi.pickup(pickupFor, { ...v, retestPassed: Boolean(v.retestPassed) });
                    setPickupFor(null);
                    pickupForm.resetFields();
                  })
                }
              >
                <Form.Item name="retestPassed" valuePropName="checked">
                  <Checkbox data-testid="pickup-retest-passed">{t('desk.retestPassed')}</Checkbox>
                </Form.Item>
                <Form.Item
                  name="retestNote"
                  label={t('desk.retestNote')}
                  rules={[{ required: true, message: t('forms.required') }]}
                >
                  <Input data-testid="pickup-retest-note" />
                </Form.Item>
                <Form.Item
                  name="signedBy"
                  label={t('desk.signedBy')}
                  rules={[{ required: true, message: t('forms.required') }]}
                >
                  <Input data-testid="pickup-signed-by" />
                </Form.Item>
                <Button type="primary" htmlType="submit" data-testid="pickup-submit">
                  {t('common.submit')}
                </Button>
              </Form>
            </Card>
          )}
        </Card>
      </Col>
      <Col xs={24} xl={8}>
        <Card title={t('desk.receiveTitle')}>
          <Form form={receiveForm} layout="vertical" onFinish={(v) => void receive(v)}>
            <Form.Item
              name="orderId"
              label={t('desk.order')}
              rules={[{ required: true, message: t('forms.required') }]}
            >
              <Select
                data-testid="receive-order"
                showSearch
                optionFilterProp="label"
                options={orders.map((o) => ({ value: o.id, label: `${o.number} ${o.contactName}` }))}
              />
            </Form.Item>
            {(['configuration', 'condition', 'accessories', 'receiptSignedBy', 'shelf'] as const).map((f) => (
              <Form.Item
                key={f}
                name={f}
                label={t(`desk.${f}`)}
                rules={f === 'accessories' ? [] : [{ required: true, message: t('forms.required') }]}
              >
                <Input data-testid={`receive-${f}`} />
              </Form.Item>
            ))}
            <Button type="primary" htmlType="submit" data-testid="receive-submit">
              {t('desk.receive')}
            </Button>
          </Form>
        </Card>
      </Col>
    </Row>
  );
}
