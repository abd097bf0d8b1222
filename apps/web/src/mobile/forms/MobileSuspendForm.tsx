import { SUSPEND_REASONS, type SuspendReason } from '@daowei/domain';
import { Form, Selector, TextArea } from 'antd-mobile';
import { useLabels } from '../../i18n/useLabels';
import type { ActionFormProps } from '../../orders/ActionFormProps';
import { MobileSubmitButton } from './MobileSubmitButton';

/** 挂起: what the order waits for, and a remark. */
export function MobileSuspendForm({ submitting, onSubmit }: ActionFormProps) {
  const { t } = useLabels();
  return (
    <Form
      layout="vertical"
      footer={<MobileSubmitButton testId="suspend-submit" loading={submitting} />}
      onFinish={(v: { reason: SuspendReason[]; remark?: string }) =>
        onSubmit({ reason: v.reason[0], remark: (v.remark ?? '').trim() })
      }
    >
      <Form.Item
        name="reason"
        label={t('forms.suspendReason')}
        rules={[{ required: true, message: t('forms.required') }]}
      >
        <Selector
          columns={2}
          options={SUSPEND_REASONS.map((r) => ({
            value: r,
            label: <span data-testid={`suspend-reason-option-${r}`}>{t(`suspendReasons.${r}`)}</span>,
          }))}
        />
      </Form.Item>
      <Form.Item name="remark" label={t('forms.remark')}>
        <TextArea rows={2} data-testid="suspend-remark" />
      </Form.Item>
    </Form>
  );
}
