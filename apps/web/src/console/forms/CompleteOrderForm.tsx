import { Form, Input, InputNumber, Switch } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { type CompletionValues, completionBody } from '../../orders/completionBody';
import { ComplaintOutcomeFields } from './ComplaintOutcomeFields';
import { FormSubmitButton } from './FormSubmitButton';
import type { ActionFormProps } from '../../orders/ActionFormProps';

type FormValues = Omit<CompletionValues, 'date'> & { date?: Dayjs };

/** WO-07 回单: contact, handling time, remark; complaints also pick an outcome. */
export function CompleteOrderForm({ order, submitting, onSubmit }: ActionFormProps) {
  const { t } = useTranslation();
  const isComplaint = order.type === 'complaint';
  return (
    <Form<FormValues>
      layout="vertical"
      initialValues={{ customerContacted: true, outcome: isComplaint ? 'resolved' : undefined }}
      onFinish={(v) => onSubmit(completionBody(order.type, { ...v, date: v.date?.format('YYYY-MM-DD') }))}
    >
      <Form.Item name="customerContacted" label={t('forms.customerContacted')} valuePropName="checked">
        <Switch data-testid="complete-contacted" />
      </Form.Item>
      <Form.Item
        name="handlingMinutes"
        label={t('forms.handlingMinutes')}
        rules={[{ required: true, message: t('forms.required') }]}
      >
        <InputNumber min={0} max={10000} precision={0} style={{ width: 160 }} data-testid="complete-handling-minutes" />
      </Form.Item>
      {isComplaint && <ComplaintOutcomeFields />}
      <Form.Item
        name="remark"
        label={t('forms.remark')}
        rules={[{ required: true, whitespace: true, message: t('forms.required') }]}
      >
        <Input.TextArea rows={3} placeholder={t('forms.remarkPlaceholder')} data-testid="complete-remark" />
      </Form.Item>
      <FormSubmitButton testId="complete-submit" loading={submitting} />
    </Form>
  );
}
