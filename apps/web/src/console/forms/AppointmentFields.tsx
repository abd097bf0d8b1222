import { DatePicker, Form, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { slotLabel, TIME_SLOTS } from '../../orders/timeSlots';

/** Date + two-hour slot (APT-01). Field names `date` (Dayjs) and `slot`; test ids `<prefix>-date`, `slot-08-10`… */
export function AppointmentFields({ prefix }: { prefix: string }) {
  const { t } = useTranslation();
  const required = [{ required: true, message: t('forms.required') }];
  return (
    <>
      <Form.Item name="date" label={t('forms.date')} rules={required}>
        <DatePicker
          style={{ width: '100%' }}
          format="YYYY-MM-DD"
          disabledDate={(d: Dayjs) => d.isBefore(dayjs().startOf('day'))}
          data-testid={`${prefix}-date`}
        />
      </Form.Item>
      <Form.Item name="slot" label={t('forms.slot')} rules={required}>
        <Radio.Group optionType="button" buttonStyle="solid" data-testid={`${prefix}-slot`}>
          {TIME_SLOTS.map((s) => (
            <Radio.Button key={s.id} value={s.id}>
              <span data-testid={`slot-${s.id}`}>{slotLabel(s.id)}</span>
            </Radio.Button>
          ))}
        </Radio.Group>
      </Form.Item>
    </>
  );
}
