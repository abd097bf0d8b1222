import { Input, InputNumber, Space } from 'antd';
import type { PolicyDeadline } from '../../api/sla';
import { useLabels } from '../../i18n/useLabels';

const HHMM = /^(?:([01]\d|2[0-3]):([0-5]\d)|24:00)$/;

/**
 * SLA-02: the numbers of one deadline rule, edited in place (the rule's kind stays: changing what kind of
 * promise a clock is belongs in a policy file, not in a number field). Times are HH:mm, checked as typed;
 * the server validates the whole policy against its schema on save.
 */
export function DeadlineEditor({
  value,
  disabled,
  testId,
  onChange,
}: {
  value: PolicyDeadline;
  disabled: boolean;
  testId: string;
  onChange: (d: PolicyDeadline) => void;
}) {
  const { t } = useLabels();
  const number = (n: number, unit: string, set: (v: number) => PolicyDeadline) => (
    <Space>
      <InputNumber
        min={1}
        disabled={disabled}
        value={n}
        onChange={(v) => v !== null && onChange(set(v))}
        data-testid={testId}
      />
      {unit}
    </Space>
  );
  const time = (label: string, v: string, set: (s: string) => PolicyDeadline, key: string) => (
    <Space size={4}>
      {label}
      <Input
        style={{ width: 72 }}
        disabled={disabled}
        value={v}
        status={HHMM.test(v) ? undefined : 'error'}
        onChange={(e) => onChange(set(e.target.value.trim()))}
        data-testid={`${testId}-${key}`}
      />
    </Space>
  );
  switch (value.kind) {
    case 'elapsed':
      return number(value.minutes, t('slaPolicy.minutes'), (minutes) => ({ ...value, minutes }));
    case 'working_time':
      return number(value.minutes, t('slaPolicy.workingMinutes'), (minutes) => ({ ...value, minutes }));
    case 'calendar_days':
      return number(value.days, t('slaPolicy.calendarDays'), (days) => ({ ...value, days }));
    case 'working_days':
      return number(value.days, t('slaPolicy.workingDays'), (days) => ({ ...value, days }));
    case 'before_appointment':
      return number(value.minutes, t('slaPolicy.beforeWindow'), (minutes) => ({ ...value, minutes }));
    case 'cutoff':
      return (
        <Space wrap>
          {time(t('slaPolicy.cutoff'), value.cutoff, (cutoff) => ({ ...value, cutoff }), 'cutoff')}
          {time(t('slaPolicy.sameDayBy'), value.sameDayBy, (sameDayBy) => ({ ...value, sameDayBy }), 'same')}
          {time(t('slaPolicy.nextDayBy'), value.nextDayBy, (nextDayBy) => ({ ...value, nextDayBy }), 'next')}
        </Space>
      );
  }
}
