import { Form, Input, Selector } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { slotLabel, TIME_SLOTS } from '../../orders/timeSlots';

/**
 * Date (the phone's own date picker) and a two-hour slot. Field names `date` (YYYY-MM-DD) and `slot`
 * (a one-element array, as Selector gives it). Test ids `<prefix>-date`, `slot-08-10`…
 */
export function MobileAppointmentFields({ prefix }: { prefix: string }) {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item name="date" label={t('forms.date')} rules={[{ required: true, message: t('forms.required') }]}>
        <Input type="date" data-testid={`${prefix}-date`} />
      </Form.Item>
      <Form.Item name="slot" label={t('forms.slot')} rules={[{ required: true, message: t('forms.required') }]}>
        <Selector
          columns={3}
          data-testid={`${prefix}-slot`}
          options={TIME_SLOTS.map((s) => ({
            value: s.id,
            label: <span data-testid={`slot-${s.id}`}>{slotLabel(s.id)}</span>,
          }))}
        />
      </Form.Item>
    </>
  );
}
