import { Button, Form, Input, List, Popup, Selector, Switch, Tag, TextArea } from 'antd-mobile';
import { useEffect, useRef, useState } from 'react';
import { SubmissionKeys, toApiError, type WorkOrderView } from '../../api';
import {
  coverageClaimsApi,
  type ClaimInput,
  type CoverageClaimKind,
  type CoverageClaimView,
} from '../../api/coverageClaims';
import { useLabels } from '../../i18n/useLabels';
import { formatDateTime } from '../../orders/format';
import { useMe } from '../../session/SessionContext';
import { useMobileFeedback } from '../useMobileFeedback';

const KINDS: readonly CoverageClaimKind[] = ['uncovered_address', 'network_supplement'];
/** While the holder works the install, a coverage problem found on site can be reported. */
const WORKING: readonly WorkOrderView['status'][] = ['taken', 'appointment_confirmed', 'en_route', 'on_site'];

interface Values {
  kind?: CoverageClaimKind[];
  reason?: string;
  dropCableM?: string;
  demandConfirmed?: boolean;
}

/**
 * WO-09/10 on the phone: the install's engineer reports that the address is not covered, or that it needs a
 * network supplement (drop cable too long, demand there); the claim and its state stay listed on the order.
 */
export function MobileCoverageClaim({ order }: { order: WorkOrderView }) {
  const { t } = useLabels();
  const me = useMe();
  const feedback = useMobileFeedback();
  const keys = useRef(new SubmissionKeys());
  const [form] = Form.useForm<Values>();
  const kind = (Form.useWatch('kind', form) as CoverageClaimKind[] | undefined)?.[0];
  const [claims, setClaims] = useState<CoverageClaimView[]>([]);
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const holder = order.type === 'install' && order.holderId === me.person.id;

  const [version, setVersion] = useState(0);

  useEffect(() => {
    if (!holder) return;
    let live = true;
    coverageClaimsApi.ofOrder(order.id).then(
      (r) => live && setClaims(r.items),
      () => undefined, // offline or not readable: the list comes back with the network
    );
    return () => {
      live = false;
    };
  }, [holder, order.id, version]);

  if (!holder) return null;
  const pending = claims.some((c) => c.state === 'claimed' || c.state === 'confirmed');

  async function submit(v: Values) {
    const body: ClaimInput = {
      kind: v.kind![0]!,
      reason: (v.reason ?? '').trim(),
      ...(v.kind![0] === 'network_supplement'
        ? { dropCableM: Number(v.dropCableM), demandConfirmed: v.demandConfirmed === true }
        : {}),
    };
    setBusy(true);
    try {
      await coverageClaimsApi.claim(order.id, body, keys.current.keyFor({ id: order.id, ...body }));
      keys.current.succeeded();
      feedback.success(t('coverage.submitted'));
      setOpen(false);
      form.resetFields();
      setVersion((v) => v + 1);
    } catch (e) {
      feedback.error(toApiError(e));
    } finally {
      setBusy(false);
    }
  }

  const required = [{ required: true, message: t('forms.required') }];
  return (
    <List header={t('coverage.title')} data-testid="coverage-claims">
      {claims.map((c) => (
        <List.Item
          key={c.id}
          description={c.decisionNote ?? c.reason}
          extra={c.dueAt && c.state === 'confirmed' ? t('coverage.due', { date: formatDateTime(c.dueAt) }) : null}
          data-testid={`coverage-claim-${c.kind}`}
          data-state={c.state}
        >
          {t(`coverage.kinds.${c.kind}`)}{' '}
          <Tag color={c.state === 'rejected' ? 'danger' : c.state === 'confirmed' ? 'success' : 'primary'}>
            {t(`coverage.states.${c.state}`)}
          </Tag>
        </List.Item>
      ))}
      {WORKING.includes(order.status) && !pending && (
        <List.Item>
          <Button block fill="outline" onClick={() => setOpen(true)} data-testid="coverage-claim-open">
            {t('coverage.open')}
          </Button>
        </List.Item>
      )}
      <Popup visible={open} onMaskClick={() => setOpen(false)} bodyStyle={{ maxHeight: '88vh', overflowY: 'auto' }}>
        <Form
          form={form}
          layout="vertical"
          onFinish={(v: Values) => void submit(v)}
          footer={
            <Button block type="submit" color="primary" loading={busy} data-testid="coverage-claim-submit">
              {t('coverage.submit')}
            </Button>
          }
        >
          <Form.Item name="kind" label={t('coverage.title')} rules={required}>
            <Selector
              columns={1}
              options={KINDS.map((k) => ({
                value: k,
                label: <span data-testid={`coverage-kind-${k}`}>{t(`coverage.kinds.${k}`)}</span>,
              }))}
            />
          </Form.Item>
          <Form.Item name="reason" label={t('coverage.reason')} rules={[{ ...required[0], whitespace: true }]}>
            <TextArea rows={3} data-testid="coverage-claim-reason" />
          </Form.Item>
          {kind === 'network_supplement' && (
            <>
              <Form.Item name="dropCableM" label={t('coverage.dropCable')} rules={required}>
                <Input type="number" inputMode="numeric" min={0} data-testid="coverage-claim-drop-cable" />
              </Form.Item>
              <Form.Item
                name="demandConfirmed"
                label={t('coverage.demand')}
                childElementPosition="right"
                valuePropName="checked"
              >
                <Switch data-testid="coverage-claim-demand" />
              </Form.Item>
            </>
          )}
        </Form>
      </Popup>
    </List>
  );
}
