import { Form, TextArea } from 'antd-mobile';
import { useMeta } from '../../hooks/useReferenceData';
import { useLabels } from '../../i18n/useLabels';
import type { ActionFormProps } from '../../orders/ActionFormProps';
import { CodePickerField } from './CodePickerField';
import { MobileSubmitButton } from './MobileSubmitButton';

/** 退单 (WO-05): reason picker and remark. */
export function MobileReturnForm({ submitting, onSubmit }: ActionFormProps) {
  const { t } = useLabels();
  const meta = useMeta().data;
  return (
    <Form
      layout="vertical"
      footer={<MobileSubmitButton testId="return-submit" loading={submitting} />}
      onFinish={(v: { reasonCode: string[]; remark: string }) =>
        onSubmit({ reasonCode: v.reasonCode[0], remark: v.remark.trim() })
      }
    >
      <CodePickerField
        name="reasonCode"
        label={t('forms.returnReason')}
        codes={meta?.returnReasons ?? []}
        testId="return-reason"
      />
      <Form.Item
        name="remark"
        label={t('forms.remark')}
        rules={[{ required: true, whitespace: true, message: t('forms.required') }]}
      >
        <TextArea rows={3} placeholder={t('forms.remarkPlaceholder')} data-testid="return-remark" />
      </Form.Item>
    </Form>
  );
}
