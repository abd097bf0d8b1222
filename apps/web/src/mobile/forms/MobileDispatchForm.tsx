import { Form, TextArea } from 'antd-mobile';
import { useLabels } from '../../i18n/useLabels';
import type { ActionFormProps } from '../../orders/ActionFormProps';
import { MobilePersonPicker } from './MobilePersonPicker';
import { MobileSubmitButton } from './MobileSubmitButton';

/** 分派 (WO-06) on the phone: a person from the org tree and a remark. */
export function MobileDispatchForm({ submitting, onSubmit }: ActionFormProps) {
  const { t } = useLabels();
  return (
    <Form
      layout="vertical"
      footer={<MobileSubmitButton testId="dispatch-submit" loading={submitting} />}
      onFinish={(v: { target: string[]; remark: string }) =>
        onSubmit({ toPersonId: v.target[0], remark: v.remark.trim() })
      }
    >
      <Form.Item
        name="target"
        label={t('forms.dispatchTarget')}
        rules={[{ required: true, type: 'array', min: 1, message: t('forms.required') }]}
      >
        <MobilePersonPicker />
      </Form.Item>
      <Form.Item
        name="remark"
        label={t('forms.remark')}
        rules={[{ required: true, whitespace: true, message: t('forms.required') }]}
      >
        <TextArea rows={2} placeholder={t('forms.remarkPlaceholder')} data-testid="dispatch-remark" />
      </Form.Item>
    </Form>
  );
}
