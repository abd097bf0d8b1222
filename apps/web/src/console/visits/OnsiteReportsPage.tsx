import {
  Alert,
  Button,
  Card,
  Empty,
  Form,
  Input,
  InputNumber,
  List,
  Modal,
  Segmented,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { newIdempotencyKey, toApiError, type ApiError } from '../../api';
import { onsiteReportsApi, type OnsiteReport } from '../../api/onsiteReports';
import { useErrorText } from '../../hooks/useErrorText';
import { useLabels } from '../../i18n/useLabels';
import { formatDateTime } from '../../orders/format';
import { useFeedback } from '../useFeedback';
import { ReportDetails } from './ReportDetails';

/**
 * /onsite-reports: what visits left for the caller's position — nobody-home rebooks (coordinator,
 * APT-03), network resource changes (resource manager, WO-15), damage compensation (station manager,
 * SLA-08) — earliest due first with the overdue ones marked; closing one acknowledges, settles or
 * records the follow-up, and stops its clock.
 */
export default function OnsiteReportsPage() {
  const { t } = useLabels();
  const errorText = useErrorText();
  const [state, setState] = useState<'open' | 'closed'>('open');
  const [items, setItems] = useState<OnsiteReport[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [closing, setClosing] = useState<OnsiteReport | null>(null);

  const load = useCallback(
    () =>
      onsiteReportsApi.list({ state }).then(
        (r) => {
          setError(null);
          setItems(r.items);
        },
        (e: unknown) => setError(toApiError(e)),
      ),
    [state],
  );
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <Card
      title={t('onsite.reports.title')}
      extra={
        <Segmented
          value={state}
          onChange={(v) => setState(v as 'open' | 'closed')}
          options={(['open', 'closed'] as const).map((s) => ({ value: s, label: t(`onsite.reports.states.${s}`) }))}
          data-testid="onsite-reports-state"
        />
      }
    >
      {error && <Alert type="error" showIcon title={errorText(error)} />}
      {items && items.length === 0 && <Empty description={t('onsite.reports.empty')} />}
      {items && items.length > 0 && (
        <List
          dataSource={items}
          data-testid="onsite-reports"
          renderItem={(r) => (
            <List.Item
              key={r.id}
              data-testid={`onsite-report-${r.order?.number ?? r.orderId}-${r.kind}`}
              data-overdue={String(r.overdue)}
              actions={
                r.state === 'open'
                  ? [
                      <Button
                        key="close"
                        type="primary"
                        onClick={() => setClosing(r)}
                        data-testid="onsite-report-close"
                      >
                        {t(`onsite.reports.close.${r.kind}`)}
                      </Button>,
                    ]
                  : []
              }
            >
              <List.Item.Meta
                title={
                  <Space wrap>
                    <Tag color={r.kind === 'damage' ? 'red' : r.kind === 'resource_change' ? 'blue' : 'orange'}>
                      {t(`onsite.reports.kinds.${r.kind}`)}
                    </Tag>
                    <Link to={`/orders/${r.orderId}`}>{r.order?.number ?? r.orderId}</Link>
                    {r.order && <Typography.Text type="secondary">{r.order.address}</Typography.Text>}
                    {r.overdue && (
                      <Tag color="error" data-testid="onsite-report-overdue">
                        {t('onsite.reports.overdue')}
                      </Tag>
                    )}
                  </Space>
                }
                description={<ReportDetails report={r} />}
              />
            </List.Item>
          )}
        />
      )}
      {closing && (
        <CloseReportModal
          report={closing}
          onClose={() => setClosing(null)}
          onDone={() => {
            setClosing(null);
            void load();
          }}
        />
      )}
    </Card>
  );
}

function CloseReportModal({
  report,
  onClose,
  onDone,
}: {
  report: OnsiteReport;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useLabels();
  const feedback = useFeedback();
  const [key] = useState(newIdempotencyKey);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ note: string; yuan?: number }>();

  const finish = async (v: { note: string; yuan?: number }) => {
    setBusy(true);
    try {
      await onsiteReportsApi.close(
        report.id,
        {
          note: v.note.trim(),
          ...(report.kind === 'damage' ? { compensationFen: Math.round((v.yuan ?? 0) * 100) } : {}),
        },
        key,
      );
      feedback.success(t(`onsite.reports.close.${report.kind}`));
      onDone();
    } catch (e) {
      feedback.error(toApiError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={`${t(`onsite.reports.close.${report.kind}`)} · ${report.order?.number ?? ''}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: busy, ...({ 'data-testid': 'onsite-report-close-submit' } as Record<string, string>) }}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(v) => void finish(v)}>
        <Form.Item
          name="note"
          label={t('onsite.reports.closeNote')}
          rules={[{ required: true, whitespace: true, message: t('forms.required') }]}
        >
          <Input.TextArea rows={3} data-testid="onsite-report-close-note" />
        </Form.Item>
        {report.kind === 'damage' && (
          <Form.Item
            name="yuan"
            label={t('onsite.reports.compensation')}
            rules={[{ required: true, message: t('forms.required') }]}
          >
            <InputNumber min={0} precision={2} style={{ width: 200 }} data-testid="onsite-report-compensation" />
          </Form.Item>
        )}
        <Typography.Text type="secondary">{formatDateTime(report.dueAt)}</Typography.Text>
      </Form>
    </Modal>
  );
}
