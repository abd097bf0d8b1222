import { PhoneOutlined } from '@ant-design/icons';
import {
  DEFAULT_DESK_POLICY,
  decideServiceMode,
  orderTypeFor,
  REQUEST_KINDS,
  SERVICE_MODES,
  SYMPTOMS,
  type RequestKind,
  type ServiceMode,
  type Symptom,
} from '@daowei/domain';
import { Alert, Button, Card, Col, Form, Input, Row, Select, Space, Switch, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { toApiError } from '../../api';
import { deskApi, type CustomerLookup, type IntakeInput, type IntakeResult } from '../../api/desk';
import { useErrorText } from '../../hooks/useErrorText';
import { useAreas } from '../../hooks/useReferenceData';
import { formatDateTime } from '../../orders/format';
import { slotLabel, slotWindow, TIME_SLOTS, tomorrow, type SlotId } from '../../orders/timeSlots';
import { DeskTasksCard } from './DeskTasksCard';
import { contractOfChoice, IntakeContractPicker } from './IntakeContractPicker';

const OPEN = new Set([
  'created',
  'triaged',
  'assigned',
  'taken',
  'appointment_confirmed',
  'en_route',
  'on_site',
  'suspended',
  'returned',
]);

interface FormValues {
  requestKind: RequestKind;
  symptom: Symptom;
  devicePortable: boolean;
  remoteReachable: boolean;
  description: string;
  guidance?: string;
  answeredNow: boolean;
  mode?: ServiceMode;
  acceptanceSerial?: string;
  product?: string;
  business?: string;
  productNumber?: string;
  customerName?: string;
  address?: string;
  areaId?: string;
  productModel?: string;
  date?: string;
  slot?: SlotId;
  contractId?: string;
}

/**
 * /desk/intake (DESK-01): the caller's phone finds the customer, their products and latest orders (open
 * ones warn of a duplicate); the form's facts give the rules' service mode, which the agent may change;
 * submitting records the request and opens the order the mode needs, with the customer's self-service link.
 */
export default function HotlineIntakePage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const areas = useAreas().data ?? [];
  const [form] = Form.useForm<FormValues>();
  const [phone, setPhone] = useState('');
  const [found, setFound] = useState<CustomerLookup | null | undefined>(undefined);
  const [result, setResult] = useState<IntakeResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const values = Form.useWatch([], form) as Partial<FormValues> | undefined;

  const decided = decideServiceMode(
    {
      requestKind: values?.requestKind ?? 'fault',
      symptom: values?.symptom ?? 'other',
      devicePortable: values?.devicePortable ?? false,
      remoteReachable: values?.remoteReachable ?? false,
    },
    DEFAULT_DESK_POLICY.intakeRules,
  );
  const mode = values?.mode ?? decided.mode;
  const orderType = orderTypeFor(mode, values?.requestKind ?? 'fault');

  async function lookup() {
    setError(null);
    setResult(null);
    try {
      const c = await deskApi.lookup(phone.trim());
      setFound(c);
      form.setFieldsValue({ customerName: c.customer.name, address: c.customer.address });
    } catch (e) {
      const err = toApiError(e);
      if (err.code === 'NOT_FOUND') setFound(null);
      else setError(errorText(err));
    }
  }

  async function submit(v: FormValues) {
    setBusy(true);
    setError(null);
    const body: IntakeInput = {
      callerPhone: phone.trim(),
      requestKind: v.requestKind,
      symptom: v.symptom,
      devicePortable: v.devicePortable,
      remoteReachable: v.remoteReachable,
      description: v.description,
      answeredNow: v.answeredNow,
      ...(v.mode ? { mode: v.mode } : {}),
      ...(v.guidance ? { guidance: v.guidance } : {}),
      ...(orderType
        ? {
            order: {
              acceptanceSerial: v.acceptanceSerial ?? '',
              product: v.product ?? '',
              business: v.business ?? '',
              productNumber: v.productNumber ?? '',
              customer: { name: v.customerName ?? '', phone: phone.trim(), address: v.address ?? '' },
              ...(v.areaId ? { areaId: v.areaId } : {}),
              faultDescription: v.description,
              ...(v.productModel ? { productModel: v.productModel } : {}),
              ...(v.date && v.slot ? { appointment: slotWindow(v.date, v.slot) } : {}),
              ...contractOfChoice(found?.customer.contract, v.contractId),
            },
          }
        : {}),
    };
    try {
      setResult(await deskApi.intake(body));
    } catch (e) {
      const err = toApiError(e);
      setError(
        err.code === 'DESK_FORBIDDEN_PHRASE'
          ? t('desk.flagged', { phrase: String(err.details?.phrase ?? '') })
          : errorText(err),
      );
    } finally {
      setBusy(false);
    }
  }

  const openOrders = found?.orders.filter((o) => OPEN.has(o.status)) ?? [];
  return (
    <Row gutter={16}>
      <Col xs={24} xl={16}>
        <Card title={t('desk.intakeTitle')}>
          <Space.Compact style={{ width: '100%', marginBottom: 16 }}>
            <Input
              prefix={<PhoneOutlined />}
              placeholder={t('desk.callerPhone')}
              value={phone}
              onChange={(e) => setPhone(e.target.value)}
              onPressEnter={() => void lookup()}
              data-testid="intake-phone"
            />
            <Button type="primary" onClick={() => void lookup()} data-testid="intake-lookup">
              {t('desk.lookup')}
            </Button>
          </Space.Compact>
          {found === null && (
            <Alert
              type="info"
              title={t('desk.unknownCaller')}
              style={{ marginBottom: 16 }}
              data-testid="intake-unknown"
            />
          )}
          {found && (
            <Card
              size="small"
              title={`${t('desk.customer')}：${found.customer.name}`}
              style={{ marginBottom: 16 }}
              data-testid="intake-customer"
            >
              <div>{found.customer.address}</div>
              <div>
                {t('desk.products')}：
                {found.products.map((p) => (
                  <Tag key={p.product + p.productNumber}>
                    {p.product} {p.productNumber}
                  </Tag>
                ))}
              </div>
              {openOrders.length > 0 && (
                <Alert
                  type="warning"
                  showIcon
                  title={t('desk.openOrderWarning')}
                  style={{ margin: '8px 0' }}
                  data-testid="intake-duplicate"
                />
              )}
              <div data-testid="intake-history">
                {t('desk.history')}：
                {found.orders.map((o) => (
                  <div key={o.id}>
                    <Link to={`/orders/${o.id}`}>{o.number}</Link> {o.product} · {o.status} ·{' '}
                    {formatDateTime(o.acceptedAt)}
                  </div>
                ))}
              </div>
            </Card>
          )}
          <Form<FormValues>
            form={form}
            layout="vertical"
            initialValues={{
              requestKind: 'fault',
              symptom: 'other',
              devicePortable: false,
              remoteReachable: false,
              answeredNow: false,
              date: tomorrow(),
            }}
            onFinish={(v) => void submit(v)}
          >
            <Row gutter={12}>
              <Col span={8}>
                <Form.Item name="requestKind" label={t('desk.requestKind')}>
                  <Select
                    data-testid="intake-kind"
                    options={REQUEST_KINDS.map((k) => ({ value: k, label: t(`desk.requestKinds.${k}`) }))}
                  />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item name="symptom" label={t('desk.symptom')}>
                  <Select
                    data-testid="intake-symptom"
                    options={SYMPTOMS.map((k) => ({ value: k, label: t(`desk.symptoms.${k}`) }))}
                  />
                </Form.Item>
              </Col>
              <Col span={4}>
                <Form.Item name="devicePortable" label={t('desk.devicePortable')} valuePropName="checked">
                  <Switch data-testid="intake-portable" />
                </Form.Item>
              </Col>
              <Col span={4}>
                <Form.Item name="remoteReachable" label={t('desk.remoteReachable')} valuePropName="checked">
                  <Switch />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item
              name="description"
              label={t('desk.description')}
              rules={[{ required: true, message: t('forms.required') }]}
            >
              <Input.TextArea rows={2} data-testid="intake-description" />
            </Form.Item>
            <Space align="center" style={{ marginBottom: 12 }}>
              <Typography.Text>{t('desk.decided')}：</Typography.Text>
              <Tag color="blue" data-testid="intake-decided" data-mode={decided.mode}>
                {t(`desk.modes.${decided.mode}`)}
              </Tag>
              <Form.Item name="mode" noStyle>
                <Select
                  allowClear
                  style={{ width: 180 }}
                  placeholder={t('desk.mode')}
                  data-testid="intake-mode"
                  options={SERVICE_MODES.map((m) => ({ value: m, label: t(`desk.modes.${m}`) }))}
                />
              </Form.Item>
            </Space>
            {mode !== 'on_site' && mode !== 'carry_in' && mode !== 'paid_service' && (
              <Form.Item name="guidance" label={t('desk.guidance')}>
                <Input.TextArea rows={2} data-testid="intake-guidance" />
              </Form.Item>
            )}
            {mode === 'consultation' && (
              <Form.Item name="answeredNow" label={t('desk.answeredNow')} valuePropName="checked">
                <Switch />
              </Form.Item>
            )}
            {orderType && (
              <Card size="small" title={t('desk.orderSection')} style={{ marginBottom: 12 }}>
                <Row gutter={12}>
                  {(
                    ['acceptanceSerial', 'product', 'business', 'productNumber', 'customerName', 'address'] as const
                  ).map((f) => (
                    <Col span={8} key={f}>
                      <Form.Item name={f} label={t(`desk.${f}`)}>
                        <Input data-testid={`intake-${f}`} />
                      </Form.Item>
                    </Col>
                  ))}
                  <Col span={8}>
                    <Form.Item name="areaId" label={t('desk.area')}>
                      <Select data-testid="intake-area" options={areas.map((a) => ({ value: a.id, label: a.name }))} />
                    </Form.Item>
                  </Col>
                  {found?.customer.contract && <IntakeContractPicker contract={found.customer.contract} />}
                  {orderType === 'carry_in' && (
                    <Col span={8}>
                      <Form.Item name="productModel" label={t('desk.productModel')}>
                        <Input data-testid="intake-productModel" />
                      </Form.Item>
                    </Col>
                  )}
                  {mode === 'on_site' && (
                    <>
                      <Col span={8}>
                        <Form.Item name="date" label={t('desk.appointmentDate')}>
                          <Input type="date" data-testid="intake-date" />
                        </Form.Item>
                      </Col>
                      <Col span={8}>
                        <Form.Item name="slot" label={t('desk.appointmentSlot')}>
                          <Select
                            allowClear
                            data-testid="intake-slot"
                            options={TIME_SLOTS.map((s) => ({ value: s.id, label: slotLabel(s.id) }))}
                          />
                        </Form.Item>
                      </Col>
                    </>
                  )}
                </Row>
              </Card>
            )}
            {error && (
              <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="intake-error" />
            )}
            <Button
              type="primary"
              htmlType="submit"
              loading={busy}
              disabled={!phone.trim()}
              data-testid="intake-submit"
            >
              {t('desk.submit')}
            </Button>
          </Form>
          {result && <IntakeOutcome result={result} />}
        </Card>
      </Col>
      <Col xs={24} xl={8}>
        <DeskTasksCard refreshKey={result?.intake.id ?? ''} />
      </Col>
    </Row>
  );
}

function IntakeOutcome({ result }: { result: IntakeResult }) {
  const { t } = useTranslation();
  const url = result.link ? `${window.location.origin}${result.link.path}` : null;
  return (
    <Alert
      type="success"
      showIcon
      style={{ marginTop: 16 }}
      data-testid="intake-result"
      title={`${t('desk.created')} · ${t(`desk.modes.${result.mode}`)}`}
      description={
        <Space direction="vertical">
          {result.order ? (
            <Link to={`/orders/${result.order.id}`} data-testid="intake-order-link">
              {t('desk.orderCreated', { number: result.order.number })}
            </Link>
          ) : (
            <span>{t('desk.noOrder')}</span>
          )}
          {url && (
            <span>
              {t('desk.linkForCustomer')}：
              <Typography.Text copyable data-testid="intake-self-service-url">
                {url}
              </Typography.Text>
            </span>
          )}
          {result.task && (
            <span data-testid="intake-task">{t('desk.taskCreated', { due: formatDateTime(result.task.dueAt) })}</span>
          )}
        </Space>
      }
    />
  );
}
