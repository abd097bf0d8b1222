import { Alert, Button, Card, Col, Descriptions, Form, Input, Row, Select, Space, Table, Tag } from 'antd';
import { INCIDENT_PROGRESS, type IncidentProgress } from '@daowei/domain';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { SubmissionKeys, toApiError } from '../../api';
import { incidentsApi, type IncidentDetail } from '../../api/incidents';
import { formatDateTime } from '../../orders/format';
import { OfflineMap } from '../dispatch/OfflineMap';
import { useFeedback } from '../useFeedback';
import { INCIDENT_STATE_COLOUR } from './IncidentsPage';

type Child = IncidentDetail['children'][number];

/**
 * /desk/incidents/:id (WO-11): one parent incident — its children, the cluster on the offline map (the
 * dispatch board's map component), and the desk's moves: confirm or dismiss a proposal, link and take
 * out children, tell every linked customer the progress at once, and finish when service is restored.
 */
export default function IncidentDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const feedback = useFeedback();
  const [incident, setIncident] = useState<IncidentDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const keys = useRef(new SubmissionKeys());
  const [progressForm] = Form.useForm<{ progress: IncidentProgress; note?: string }>();
  const [closeForm] = Form.useForm<{ note: string }>();
  const [linkForm] = Form.useForm<{ number: string }>();
  const [dismissForm] = Form.useForm<{ reason: string }>();

  useEffect(() => {
    let live = true;
    incidentsApi.get(id).then(
      (i) => live && setIncident(i),
      (e) => live && setError(toApiError(e).message),
    );
    return () => {
      live = false;
    };
  }, [id]);

  async function run(
    what: (key: string) => Promise<IncidentDetail>,
    body: unknown,
    done: (r: IncidentDetail) => string,
  ) {
    setBusy(true);
    try {
      const r = await what(keys.current.keyFor({ id, ...(body as object) }));
      keys.current.succeeded();
      setIncident(r);
      feedback.success(done(r));
      return true;
    } catch (e) {
      feedback.error(toApiError(e));
      return false;
    } finally {
      setBusy(false);
    }
  }

  if (error) return <Alert type="error" message={error} showIcon />;
  if (!incident) return <Card loading />;
  const live = incident.state === 'proposed' || incident.state === 'confirmed';
  const cluster = new Set(incident.map.orders.map((o) => o.id));

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card
        title={
          <Space>
            <span data-testid="incident-number">{incident.number}</span>
            <Tag color={INCIDENT_STATE_COLOUR[incident.state]} data-testid="incident-state">
              {t(`incidents.states.${incident.state}`)}
            </Tag>
            {incident.progress && (
              <Tag data-testid="incident-progress">{t(`incidents.progressNames.${incident.progress}`)}</Tag>
            )}
          </Space>
        }
        extra={<Link to="/desk/incidents">{t('incidents.back')}</Link>}
      >
        <Descriptions size="small" column={2}>
          <Descriptions.Item label={t('incidents.key')}>
            {incident.key.kind === 'area'
              ? t('incidents.keyArea')
              : `${t('incidents.keyDevice')} ${incident.key.value}`}
          </Descriptions.Item>
          <Descriptions.Item label={t('incidents.proposedAt')}>{formatDateTime(incident.proposedAt)}</Descriptions.Item>
          <Descriptions.Item label={t('incidents.children')}>
            {t('incidents.counts', { linked: incident.counts.linked, proposed: incident.counts.proposed })}
          </Descriptions.Item>
          {incident.progressNote && (
            <Descriptions.Item label={t('incidents.progress')}>{incident.progressNote}</Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      <Row gutter={16}>
        <Col xs={24} xl={14}>
          <Card title={t('incidents.children')} size="small">
            <Table<Child>
              rowKey="orderId"
              size="small"
              data-testid="incident-children"
              dataSource={incident.children}
              pagination={false}
              columns={[
                {
                  title: t('incidents.order'),
                  dataIndex: 'number',
                  render: (n: string, c) => <Link to={`/orders/${c.orderId}`}>{n}</Link>,
                },
                { title: t('incidents.customer'), dataIndex: 'contactName' },
                { title: t('incidents.address'), dataIndex: 'address', ellipsis: true },
                { title: t('incidents.status'), render: (_, c) => t(`statuses.${c.status}`) },
                {
                  title: t('incidents.childState'),
                  render: (_, c) => (
                    <Space>
                      <Tag data-testid={`child-state-${c.number}`}>{t(`incidents.childStates.${c.state}`)}</Tag>
                      {live && c.state !== 'released' && (
                        <Button
                          size="small"
                          data-testid={`child-unlink-${c.number}`}
                          disabled={busy}
                          onClick={() =>
                            void run(
                              () => incidentsApi.unlink(id, c.orderId),
                              { unlink: c.orderId },
                              () => t('incidents.unlink'),
                            )
                          }
                        >
                          {t('incidents.unlink')}
                        </Button>
                      )}
                    </Space>
                  ),
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card title={t('incidents.map')} size="small">
            <OfflineMap
              plan={{ map: { ...incident.map, engineers: [] }, routes: [] }}
              testId="incident-map"
              highlight={cluster}
            />
          </Card>
        </Col>
      </Row>
      {incident.state === 'proposed' && (
        <Card size="small">
          <Space wrap align="start">
            <Button
              type="primary"
              danger
              data-testid="incident-confirm"
              loading={busy}
              onClick={() =>
                void run(
                  (k) => incidentsApi.confirm(id, {}, k),
                  { confirm: true },
                  () => t('incidents.confirmed'),
                )
              }
            >
              {t('incidents.confirm')}
            </Button>
            <Form
              form={dismissForm}
              layout="inline"
              onFinish={(v) =>
                void run(
                  (k) => incidentsApi.dismiss(id, v.reason, k),
                  v,
                  () => t('incidents.states.dismissed'),
                )
              }
            >
              <Form.Item name="reason" rules={[{ required: true, whitespace: true }]}>
                <Input placeholder={t('incidents.dismissReason')} data-testid="incident-dismiss-reason" />
              </Form.Item>
              <Button htmlType="submit" data-testid="incident-dismiss" disabled={busy}>
                {t('incidents.dismiss')}
              </Button>
            </Form>
          </Space>
        </Card>
      )}
      {live && (
        <Card size="small" title={t('incidents.link')}>
          <Form
            form={linkForm}
            layout="inline"
            onFinish={async (v) => {
              if (
                await run(
                  (k) => incidentsApi.link(id, v.number.trim(), k),
                  v,
                  () => t('incidents.link'),
                )
              )
                linkForm.resetFields();
            }}
          >
            <Form.Item name="number" rules={[{ required: true, whitespace: true }]}>
              <Input placeholder={t('incidents.linkNumber')} data-testid="incident-link-number" />
            </Form.Item>
            <Button htmlType="submit" data-testid="incident-link" disabled={busy}>
              {t('incidents.link')}
            </Button>
          </Form>
        </Card>
      )}
      {incident.state === 'confirmed' && (
        <Row gutter={16}>
          <Col xs={24} xl={12}>
            <Card size="small" title={t('incidents.setProgress')}>
              <Form
                form={progressForm}
                layout="vertical"
                onFinish={async (v) => {
                  const body = { progress: v.progress, ...(v.note?.trim() ? { note: v.note.trim() } : {}) };
                  if (
                    await run(
                      (k) => incidentsApi.progress(id, body, k),
                      body,
                      (r) => t('incidents.told', { count: r.told ?? 0 }),
                    )
                  )
                    progressForm.resetFields();
                }}
              >
                <Form.Item name="progress" label={t('incidents.progress')} rules={[{ required: true }]}>
                  <Select
                    data-testid="incident-progress-select"
                    options={INCIDENT_PROGRESS.filter((p) => p !== 'restored').map((p) => ({
                      value: p,
                      label: t(`incidents.progressNames.${p}`),
                    }))}
                  />
                </Form.Item>
                <Form.Item name="note" label={t('incidents.note')}>
                  <Input.TextArea rows={2} maxLength={1000} data-testid="incident-progress-note" />
                </Form.Item>
                <Button htmlType="submit" data-testid="incident-progress-submit" disabled={busy}>
                  {t('incidents.setProgress')}
                </Button>
              </Form>
            </Card>
          </Col>
          <Col xs={24} xl={12}>
            <Card size="small" title={t('incidents.close')}>
              <Form
                form={closeForm}
                layout="vertical"
                onFinish={(v) =>
                  void run(
                    (k) => incidentsApi.close(id, v.note.trim(), k),
                    v,
                    () => t('incidents.closed'),
                  )
                }
              >
                <Form.Item name="note" label={t('incidents.closeNote')} rules={[{ required: true, whitespace: true }]}>
                  <Input.TextArea rows={2} maxLength={1000} data-testid="incident-close-note" />
                </Form.Item>
                <Button type="primary" htmlType="submit" data-testid="incident-close" disabled={busy}>
                  {t('incidents.close')}
                </Button>
              </Form>
            </Card>
          </Col>
        </Row>
      )}
      {incident.resolved && (
        <Card size="small" data-testid="incident-resolved">
          {incident.resolved.map((r) => (
            <div key={r.orderId}>
              {r.number}: {t(`incidents.outcome.${r.outcome}`)}
            </div>
          ))}
        </Card>
      )}
    </Space>
  );
}
