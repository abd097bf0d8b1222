import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormSubmitButton } from './FormSubmitButton';
import type { ActionFormProps } from '../../orders/ActionFormProps';

interface Props extends ActionFormProps {
  /** The action, used for test ids: `<action>-<field>`, `<action>-submit`. */
  action: string;
  /** `reason` (required: reopen, cancel) or `remark` (optional: triage, resume, close). */
  field: 'reason' | 'remark';
}

/** The small forms whose body is a single text: `{ reason }` or `{ remark? }`. */
export function TextFieldForm({ action, field, submitting, onSubmit }: Props) {
  const { t } = useTranslation();
  const required = field === 'reason';
  return (
    <Form
      layout="vertical"
      onFinish={(v: Record<string, string | undefined>) => {
        const text = (v[field] ?? '').trim();
        onSubmit(text || required ? { [field]: text } : {});
      }}
    >
      <Form.Item
        name={field}
        label={field === 'reason' ? t('forms.reason') : t('forms.remark')}
        rules={required ? [{ required: true, whitespace: true, message: t('forms.required') }] : []}
      >
        <Input.TextArea rows={3} data-testid={`${action}-${field}`} />
      </Form.Item>
      <FormSubmitButton testId={`${action}-submit`} loading={submitting} />
    </Form>
  );
}
