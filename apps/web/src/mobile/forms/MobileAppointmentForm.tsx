import { Form, Selector, TextArea } from 'antd-mobile';
import { useLabels } from '../../i18n/useLabels';
import type { ActionFormProps } from '../../orders/ActionFormProps';
import { type SlotId, slotOf, slotWindow, tomorrow } from '../../orders/timeSlots';
import { MobileAppointmentFields } from './MobileAppointmentFields';
import { MobileSubmitButton } from './MobileSubmitButton';

interface Values {
  date: string;
  slot: SlotId[];
  reason?: string;
  askedBy?: ('customer' | 'us')[];
}

/** 确认预约 (APT-01) and 改约 (APT-02: plus reason and who asked). */
export function MobileAppointmentForm({
  order,
  submitting,
  onSubmit,
  reschedule,
}: ActionFormProps & { reschedule: boolean }) {
  const { t } = useLabels();
  const current = slotOf(order.appointment);
  const prefix = reschedule ? 'reschedule' : 'confirm_appointment';
  const finish = (v: Values) => {
    const window = slotWindow(v.date, v.slot[0] ?? '08-10');
    onSubmit(
      reschedule ? { reason: (v.reason ?? '').trim(), askedBy: v.askedBy?.[0] ?? 'customer', window } : { window },
    );
  };
  return (
    <Form
      layout="vertical"
      initialValues={{
        date: reschedule ? tomorrow() : (current?.date ?? tomorrow()),
        slot: current ? [current.slot] : [],
        askedBy: ['customer'],
      }}
      footer={<MobileSubmitButton testId={`${prefix}-submit`} loading={submitting} />}
      onFinish={finish}
    >
      {reschedule && (
        <>
          <Form.Item name="askedBy" label={t('forms.askedBy')}>
            <Selector
              columns={2}
              options={(['customer', 'us'] as const).map((k) => ({
                value: k,
                label: <span data-testid={`reschedule-asked-by-${k}`}>{t(`askedBy.${k}`)}</span>,
              }))}
            />
          </Form.Item>
          <Form.Item
            name="reason"
            label={t('forms.rescheduleReason')}
            rules={[{ required: true, whitespace: true, message: t('forms.required') }]}
          >
            <TextArea rows={2} data-testid="reschedule-reason" />
          </Form.Item>
        </>
      )}
      <MobileAppointmentFields prefix={prefix} />
    </Form>
  );
}
