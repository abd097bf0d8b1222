import { Alert, Form, Input, Modal } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SubmissionKeys, toApiError } from '../../api';
import { coverageClaimsApi, type CoverageClaimKind } from '../../api/coverageClaims';
import { useFeedback } from '../useFeedback';

export type ClaimDecision = 'confirm' | 'reject';

/** What the modal decides: one claim, named by its order's number. */
export interface ClaimToDecide {
  id: string;
  kind: CoverageClaimKind;
  orderNumber: string;
  decision: ClaimDecision;
}

/**
 * WO-09/WO-10: the supervisor's confirmation or rejection of a coverage claim, always with a note (the
 * server requires one: it is the evidence a rejected claim is charged on). A retried submit of the same
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
    const body = { decision: claim.decision, note: note.trim() };
    setBusy(true);
    try {
      await coverageClaimsApi.decide(claim.id, body, keys.current.keyFor({ id: claim.id, ...body }));
      keys.current.succeeded();
      feedback.success(t(claim.decision === 'confirm' ? 'coverageClaims.confirmed' : 'coverageClaims.rejected'));
      form.resetFields();
      onDecided();
    } catch (e) {
      feedback.error(toApiError(e));
    } finally {
      setBusy(false);
    }
  }

  const confirm = claim?.decision === 'confirm';
  return (
    <Modal
      open={claim !== null}
      title={
        claim &&
        t(confirm ? 'coverageClaims.confirmTitle' : 'coverageClaims.rejectTitle', { number: claim.orderNumber })
      }
      okText={t('coverageClaims.submit')}
      okButtonProps={{ loading: busy, danger: !confirm, 'data-testid': 'claim-decide-submit' }}
      onOk={() => form.submit()}
      onCancel={() => {
        form.resetFields();
        onClose();
      }}
      destroyOnHidden
    >
      {claim && (
        <Alert
          type={confirm ? 'info' : 'warning'}
          showIcon
          style={{ marginBottom: 12 }}
          title={
            confirm
              ? t('coverageClaims.confirmHint')
              : claim.kind === 'uncovered_address'
                ? t('coverageClaims.rejectHint')
                : t('coverageClaims.reject')
          }
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
