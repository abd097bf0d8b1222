import { Form, Input, Select } from 'antd';
import { optionTestId } from '../../components/optionTestId';
import { useMeta } from '../../hooks/useReferenceData';
import { useLabels } from '../../i18n/useLabels';
import { FormSubmitButton } from './FormSubmitButton';
import type { ActionFormProps } from '../../orders/ActionFormProps';

/** WO-05: return with a reason from the policy's list and a remark. */
export function ReturnOrderForm({ submitting, onSubmit }: ActionFormProps) {
  const { t, coded } = useLabels();
  const meta = useMeta().data;
  const required = { required: true, whitespace: true, message: t('forms.required') };
  return (
    <Form
      layout="vertical"
      onFinish={(v: { reasonCode: string; remark: string }) => onSubmit({ ...v, remark: v.remark.trim() })}
    >
      <Form.Item name="reasonCode" label={t('forms.returnReason')} rules={[required]}>
        <Select
          placeholder={t('forms.pick')}
          loading={!meta}
          data-testid="return-reason"
          optionRender={optionTestId('return-reason-option')}
          options={(meta?.returnReasons ?? []).map((r) => ({
            value: r.code,
            label: coded(meta?.returnReasons, r.code),
          }))}
        />
      </Form.Item>
      <Form.Item name="remark" label={t('forms.remark')} rules={[required]}>
        <Input.TextArea rows={3} placeholder={t('forms.remarkPlaceholder')} data-testid="return-remark" />
      </Form.Item>
      <FormSubmitButton testId="return-submit" loading={submitting} />
    </Form>
  );
}
