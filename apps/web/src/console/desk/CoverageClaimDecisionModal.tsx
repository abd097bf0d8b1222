import { Alert, Form, Input, Modal } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SubmissionKeys, toApiError } from '../../api';
import { coverageClaimsApi, type CoverageClaimKind } from '../../api/coverageClaims';
import { useFeedback } from '../useFeedback';

/** The supervisor's confirm / reject of a claimed one; the close of a confirmed one (customer contacted, supplement built). */
export type ClaimDecision = 'confirm' | 'reject' | 'close';

const TITLE = {
  confirm: 'coverageClaims.confirmTitle',
  reject: 'coverageClaims.rejectTitle',
  close: 'coverageClaims.closeTitle',
} as const;
const DONE = {
  confirm: 'coverageClaims.confirmed',
  reject: 'coverageClaims.rejected',
  close: 'coverageClaims.closed',
} as const;

/** What the modal decides: one claim, named by its order's number. */
export interface ClaimToDecide {
  id: string;
  kind: CoverageClaimKind;
  orderNumber: string;
  decision: ClaimDecision;
}

/**
 * WO-09/WO-10: the supervisor's confirmation or rejection of a coverage claim, or the close of a confirmed
 * one, always with a note (the server requires one: it is the evidence a rejected claim is charged on). A retried submit of the same
 * note reuses its Idempotency-Key, so a double click decides once.
 */
export function CoverageClaimDecisionModal({
  claim,
  onClose,
  onDecided,
}: {
  claim: ClaimToDecide | null;
  onClose: () => void;
  onDecided: () => void;
}) {
  const { t } = useTranslation();
  const feedback = useFeedback();
  const [form] = Form.useForm<{ note: string }>();
  const [busy, setBusy] = useState(false);
  const keys = useRef(new SubmissionKeys());

  async function submit({ note }: { note: string }) {
    if (!claim) return;
    const { id, decision } = claim;
    const key = keys.current.keyFor({ id, decision, note: note.trim() });
    setBusy(true);
    try {
      if (decision === 'close') await coverageClaimsApi.close(id, { note: note.trim() }, key);
      else await coverageClaimsApi.decide(id, { decision, note: note.trim() }, key);
      keys.current.succeeded();
      feedback.success(t(DONE[decision]));
      form.resetFields();
      onDecided();
    } catch (e) {
      feedback.error(toApiError(e));
    } finally {
      setBusy(false);
    }
  }

  const hint =
    claim?.decision === 'confirm'
      ? t('coverageClaims.confirmHint')
      : claim?.decision === 'close'
        ? t('coverageClaims.closeHint')
        : claim?.kind === 'uncovered_address'
          ? t('coverageClaims.rejectHint')
          : null;
  return (
    <Modal
      open={claim !== null}
      title={claim && t(TITLE[claim.decision], { number: claim.orderNumber })}
      okText={t('coverageClaims.submit')}
      okButtonProps={{ loading: busy, danger: claim?.decision === 'reject', 'data-testid': 'claim-decide-submit' }}
      onOk={() => form.submit()}
      onCancel={() => {
        form.resetFields();
        onClose();
      }}
      destroyOnHidden
    >
      {hint && (
        <Alert
          type={claim?.decision === 'reject' ? 'warning' : 'info'}
          showIcon
          style={{ marginBottom: 12 }}
          title={hint}
        />
      )}
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item
          name="note"
          label={t('coverageClaims.note')}
          rules={[{ required: true, whitespace: true, message: t('coverageClaims.noteRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={2000} data-testid="claim-decide-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
