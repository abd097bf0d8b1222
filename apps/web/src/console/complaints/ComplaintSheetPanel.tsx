import {
  Alert,
  Button,
  Checkbox,
  Descriptions,
  Divider,
  Form,
  Input,
  List,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useMemo, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { SubmissionKeys, toApiError } from '../../api';
import {
  complaintsApi,
  type CloseRequirement,
  type ComplaintAbout,
  type ComplaintView,
  type ResponsibleParty,
} from '../../api/complaints';
import type { Satisfaction } from '../../api/callbacks';
import { useOrgTree } from '../../hooks/useReferenceData';
import { useLabels } from '../../i18n/useLabels';
import { useFeedback } from '../useFeedback';

const ABOUT: readonly ComplaintAbout[] = ['staff', 'service', 'network', 'billing', 'other'];
const PARTIES: readonly ResponsibleParty[] = ['vendor', 'staff', 'operator', 'network', 'customer', 'third_party'];

interface SheetForm {
  aboutKind?: ComplaintAbout;
  aboutPersonId?: string;
  fixedWithCustomer: boolean;
  party?: ResponsibleParty;
  responsiblePersonId?: string;
  causeAnalysis?: string;
  improvementMeasure?: string;
}

/** The "cannot close yet" list, from the view or from a refused close (409 CMP_CLOSE_INCOMPLETE). */
export function MissingList({ missing }: { missing: readonly CloseRequirement[] }) {
  const { t } = useLabels();
  return (
    <Space wrap size={4} data-testid="cmp-missing">
      {missing.map((m) => (
        <Tag key={m} color="orange" data-testid={`cmp-missing-${m}`}>
          {t(`complaintMissing.${m}`)}
        </Tag>
      ))}
    </Space>
  );
}

/**
 * CMP-01: one complaint's follow-up sheet — about whom or what, the three principles (fixed with the
 * customer, responsibility, cause, measure), the closing callback's state, and closing it.
 */
export function ComplaintSheetPanel({ item, onChanged }: { item: ComplaintView; onChanged: () => void }) {
  const { t } = useLabels();
  const feedback = useFeedback();
  const tree = useOrgTree();
  const [form] = Form.useForm<SheetForm>();
  const aboutKind = Form.useWatch('aboutKind', form);
  const party = Form.useWatch('party', form);
  const [busy, setBusy] = useState(false);
  const [refused, setRefused] = useState<CloseRequirement[] | null>(null);
  const saveKeys = useRef(new SubmissionKeys());
  const closeKeys = useRef(new SubmissionKeys());
  const people = useMemo(() => (tree.data?.people ?? []).map((p) => ({ value: p.id, label: p.name })), [tree.data]);
  const closed = item.state === 'closed';

  async function save(v: SheetForm) {
    const body = {
      ...(v.aboutKind
        ? { about: { kind: v.aboutKind, personId: v.aboutKind === 'staff' ? (v.aboutPersonId ?? null) : null } }
        : {}),
      fixedWithCustomer: v.fixedWithCustomer,
      responsibility: v.party ? { party: v.party, personId: v.responsiblePersonId ?? null } : null,
      causeAnalysis: v.causeAnalysis?.trim() || null,
      improvementMeasure: v.improvementMeasure?.trim() || null,
    };
    setBusy(true);
    try {
      await complaintsApi.save(item.orderId, body, saveKeys.current.keyFor({ id: item.orderId, ...body }));
      saveKeys.current.succeeded();
      feedback.success(t('complaintSheet.saved'));
      setRefused(null);
      onChanged();
    } catch (e) {
      feedback.error(toApiError(e));
    } finally {
      setBusy(false);
    }
  }

  async function close() {
    setBusy(true);
    try {
      await complaintsApi.close(item.orderId, closeKeys.current.keyFor({ close: item.orderId }));
      closeKeys.current.succeeded();
      feedback.success(t('complaintSheet.closed'));
      onChanged();
    } catch (e) {
      const err = toApiError(e);
      if (err.code === 'CMP_CLOSE_INCOMPLETE' && Array.isArray(err.details?.missing)) {
        setRefused(err.details.missing as CloseRequirement[]);
      } else {
        feedback.error(err);
      }
    } finally {
      setBusy(false);
    }
  }

  const cb = item.callback;
  const callbackText = !cb
    ? t('complaintSheet.callbackNone')
    : cb.state === 'done'
      ? t('complaintSheet.callbackDone', {
          s: cb.satisfaction ? t(`callbackQueue.${cb.satisfaction as Satisfaction}`) : '—',
        })
      : cb.state === 'unreachable'
        ? t('complaintSheet.callbackUnreachable')
        : t('complaintSheet.callbackOpen', { at: dayjs(cb.dueAt).format('MM-DD HH:mm') });

  return (
    <div data-testid="cmp-sheet">
      <Descriptions size="small" column={2} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('complaints.order')}>
          <Link to={`/orders/${item.orderId}`}>{item.order.number}</Link>
        </Descriptions.Item>
        <Descriptions.Item label={t('complaints.acceptedAt')}>
          {dayjs(item.order.acceptedAt).format('YYYY-MM-DD HH:mm')}
        </Descriptions.Item>
        <Descriptions.Item label={t('complaintSheet.callback')} span={2}>
          <span data-testid="cmp-callback">{callbackText}</span>
        </Descriptions.Item>
        {item.managerNote && (
          <Descriptions.Item label={t('complaintSheet.managerNote')} span={2}>
            {item.managerNote}
          </Descriptions.Item>
        )}
      </Descriptions>
      {closed ? (
        <Alert
          type="success"
          showIcon
          data-testid="cmp-closed"
          title={t('complaintSheet.closedAt', { at: dayjs(item.closedAt).format('YYYY-MM-DD HH:mm') })}
        />
      ) : (
        <>
          {(refused ?? item.missing).length > 0 && (
            <Alert
              type={refused ? 'error' : 'warning'}
              showIcon
              style={{ marginBottom: 12 }}
              title={t('complaintSheet.cannotClose')}
              description={<MissingList missing={refused ?? item.missing} />}
            />
          )}
        </>
      )}
      <Form<SheetForm>
        form={form}
        layout="vertical"
        disabled={closed || busy}
        onFinish={(v) => void save(v)}
        initialValues={{
          aboutKind: item.about?.kind,
          aboutPersonId: item.about?.personId ?? undefined,
          fixedWithCustomer: item.fixedWithCustomer,
          party: item.responsibility?.party,
          responsiblePersonId: item.responsibility?.personId ?? undefined,
          causeAnalysis: item.causeAnalysis ?? undefined,
          improvementMeasure: item.improvementMeasure ?? undefined,
        }}
      >
        <Space wrap align="start">
          <Form.Item name="aboutKind" label={t('complaints.about')} rules={[{ required: true }]}>
            <Select
              style={{ width: 180 }}
              data-testid="cmp-about"
              options={ABOUT.map((a) => ({ value: a, label: t(`complaintAbout.${a}`) }))}
            />
          </Form.Item>
          {aboutKind === 'staff' && (
            <Form.Item name="aboutPersonId" label={t('complaintSheet.aboutPerson')} rules={[{ required: true }]}>
              <Select
                style={{ width: 200 }}
                showSearch
                optionFilterProp="label"
                options={people}
                data-testid="cmp-about-person"
              />
            </Form.Item>
          )}
        </Space>
        <Form.Item name="fixedWithCustomer" valuePropName="checked">
          <Checkbox data-testid="cmp-fixed">{t('complaintSheet.fixedWithCustomer')}</Checkbox>
        </Form.Item>
        <Space wrap align="start">
          <Form.Item name="party" label={t('complaintSheet.party')}>
            <Select
              allowClear
              style={{ width: 180 }}
              data-testid="cmp-party"
              options={PARTIES.map((p) => ({ value: p, label: t(`complaintParty.${p}`) }))}
            />
          </Form.Item>
          <Form.Item
            name="responsiblePersonId"
            label={t('complaintSheet.responsiblePerson')}
            rules={[{ required: party === 'staff' }]}
          >
            <Select allowClear style={{ width: 200 }} showSearch optionFilterProp="label" options={people} />
          </Form.Item>
        </Space>
        <Form.Item name="causeAnalysis" label={t('complaintSheet.cause')}>
          <Input.TextArea rows={2} maxLength={4000} data-testid="cmp-cause" />
        </Form.Item>
        <Form.Item name="improvementMeasure" label={t('complaintSheet.measure')}>
          <Input.TextArea rows={2} maxLength={4000} data-testid="cmp-measure" />
        </Form.Item>
        {!closed && (
          <Space>
            <Button htmlType="submit" loading={busy} data-testid="cmp-save">
              {t('complaintSheet.save')}
            </Button>
            <Button type="primary" loading={busy} onClick={() => void close()} data-testid="cmp-close">
              {t('complaintSheet.close')}
            </Button>
          </Space>
        )}
      </Form>
      {item.history.length > 0 && (
        <>
          <Divider titlePlacement="start">{t('complaintSheet.history')}</Divider>
          <List
            size="small"
            dataSource={[...item.history].reverse()}
            renderItem={(h) => (
              <List.Item>
                <Typography.Text type="secondary">
                  {dayjs(h.at).format('MM-DD HH:mm')} · {h.action} · {Object.keys(h.fields).join(', ')}
                </Typography.Text>
              </List.Item>
            )}
          />
        </>
      )}
    </div>
  );
}
