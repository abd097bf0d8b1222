import { Form } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { type SlotId, slotOf, slotWindow } from '../../orders/timeSlots';
import { AppointmentFields } from './AppointmentFields';
import { FormSubmitButton } from './FormSubmitButton';
import type { ActionFormProps } from '../../orders/ActionFormProps';

/** APT-01: confirm the window agreed with the customer on the phone (prefilled with the current one). */
export function ConfirmAppointmentForm({ order, submitting, onSubmit }: ActionFormProps) {
  const current = slotOf(order.appointment);
  return (
    <Form<{ date: Dayjs; slot: SlotId }>
      layout="vertical"
      initialValues={current ? { date: dayjs(current.date), slot: current.slot } : undefined}
      onFinish={(v) => onSubmit({ window: slotWindow(v.date.format('YYYY-MM-DD'), v.slot) })}
    >
      <AppointmentFields prefix="confirm_appointment" />
      <FormSubmitButton testId="confirm_appointment-submit" loading={submitting} />
    </Form>
  );
}
