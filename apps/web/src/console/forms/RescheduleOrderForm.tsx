import { Form, Input, Radio } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { type SlotId, slotOf, slotWindow } from '../../orders/timeSlots';
import { AppointmentFields } from './AppointmentFields';
import { FormSubmitButton } from './FormSubmitButton';
import type { ActionFormProps } from '../../orders/ActionFormProps';

interface Values {
  reason: string;
  askedBy: 'customer' | 'us';
  date: Dayjs;
  slot: SlotId;
}

/** APT-02 改约: reason, who asked, new date and slot. */
export function RescheduleOrderForm({ order, submitting, onSubmit }: ActionFormProps) {
  const { t } = useTranslation();
  const current = slotOf(order.appointment);
  return (
    <Form<Values>
      layout="vertical"
      initialValues={{ askedBy: 'customer', slot: current?.slot }}
      onFinish={(v) =>
        onSubmit({
          reason: v.reason.trim(),
          askedBy: v.askedBy,
          window: slotWindow(v.date.format('YYYY-MM-DD'), v.slot),
        })
      }
    >
      <Form.Item name="askedBy" label={t('forms.askedBy')}>
        <Radio.Group>
          <Radio value="customer">
            <span data-testid="reschedule-asked-by-customer">{t('askedBy.customer')}</span>
          </Radio>
          <Radio value="us">
            <span data-testid="reschedule-asked-by-us">{t('askedBy.us')}</span>
          </Radio>
        </Radio.Group>
      </Form.Item>
      <Form.Item
        name="reason"
        label={t('forms.rescheduleReason')}
        rules={[{ required: true, whitespace: true, message: t('forms.required') }]}
      >
        <Input.TextArea rows={2} data-testid="reschedule-reason" />
      </Form.Item>
      <AppointmentFields prefix="reschedule" />
      <FormSubmitButton testId="reschedule-submit" loading={submitting} />
    </Form>
  );
}
