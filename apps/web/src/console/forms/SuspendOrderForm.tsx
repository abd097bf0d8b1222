import { SUSPEND_REASONS, type SuspendReason } from '@daowei/domain';
import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { optionTestId } from '../../components/optionTestId';
import { FormSubmitButton } from './FormSubmitButton';
import type { ActionFormProps } from '../../orders/ActionFormProps';

/** WO-03 挂起: waiting for parts, a third party, a network supplement or the customer. */
export function SuspendOrderForm({ submitting, onSubmit }: ActionFormProps) {
  const { t } = useTranslation();
  return (
    <Form
      layout="vertical"
      onFinish={(v: { reason: SuspendReason; remark?: string }) =>
        onSubmit({ reason: v.reason, remark: (v.remark ?? '').trim() })
      }
    >
      <Form.Item
        name="reason"
        label={t('forms.suspendReason')}
        rules={[{ required: true, message: t('forms.required') }]}
      >
        <Select
          placeholder={t('forms.pick')}
          data-testid="suspend-reason"
          optionRender={optionTestId('suspend-reason-option')}
          options={SUSPEND_REASONS.map((r) => ({
            value: r,
            label: t(`suspendReasons.${r}`),
          }))}
        />
      </Form.Item>
      <Form.Item name="remark" label={t('forms.remark')}>
        <Input.TextArea rows={2} data-testid="suspend-remark" />
      </Form.Item>
      <FormSubmitButton testId="suspend-submit" loading={submitting} />
    </Form>
  );
}
