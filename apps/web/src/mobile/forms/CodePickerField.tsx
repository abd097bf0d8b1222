import type { LabelledCode } from '@daowei/domain';
import { Form, Picker } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { codeLabel } from '../../i18n/useLabels';

interface Props {
  name: string;
  label: string;
  codes: readonly LabelledCode[];
  /** Test id of the field (`<testId>`) and its options (`<testId>-option-<code>`). */
  testId: string;
}

/** A required pick from a coded list (return reasons, complaint causes) with antd-mobile's Picker. */
export function CodePickerField({ name, label, codes, testId }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  const text = (code: string) => codeLabel(codes, code, lang);
  return (
    <Form.Item
      name={name}
      label={label}
      trigger="onConfirm"
      rules={[{ required: true, message: t('forms.required') }]}
      onClick={(_, pickerRef) => pickerRef.current?.open()}
    >
      <Picker
        columns={[
          codes.map((c) => ({
            value: c.code,
            label: <span data-testid={`${testId}-option-${c.code}`}>{text(c.code)}</span>,
          })),
        ]}
        confirmText={<span data-testid="picker-confirm">{t('common.confirm')}</span>}
        cancelText={t('common.cancel')}
      >
        {(items) => (
          <span data-testid={testId} style={{ color: items[0] ? undefined : '#bfbfbf' }}>
            {items[0] ? text(String(items[0].value)) : t('forms.pick')}
          </span>
        )}
      </Picker>
    </Form.Item>
  );
}
