import { COMPLAINT_OUTCOMES, type OutcomeKind } from '@daowei/domain';
import { Form, Input, Radio, Select } from 'antd';
import { optionTestId } from '../../components/optionTestId';
import { useMeta } from '../../hooks/useReferenceData';
import { useLabels } from '../../i18n/useLabels';
import { AppointmentFields } from './AppointmentFields';

/** WO-07 complaint outcomes: the radio and the fields each outcome asks for. */
export function ComplaintOutcomeFields() {
  const { t, coded } = useLabels();
  const meta = useMeta().data;
  const outcome = Form.useWatch<OutcomeKind | undefined>('outcome');
  const required = [{ required: true, whitespace: true, message: t('forms.required') }];
  const text = (name: string, label: string, testId: string) => (
    <Form.Item name={name} label={label} rules={required}>
      <Input.TextArea rows={2} data-testid={testId} />
    </Form.Item>
  );

  return (
    <>
      <Form.Item name="outcome" label={t('forms.outcome')} rules={[{ required: true, message: t('forms.required') }]}>
        <Radio.Group data-testid="complete-outcome">
          {COMPLAINT_OUTCOMES.map((k) => (
            <Radio key={k} value={k}>
              <span data-testid={`complete-outcome-${k}`}>{t(`outcomes.${k}`)}</span>
            </Radio>
          ))}
        </Radio.Group>
      </Form.Item>
      {outcome === 'resolved' && (
        <>
          <Form.Item
            name="causeCode"
            label={t('forms.cause')}
            rules={[{ required: true, message: t('forms.required') }]}
          >
            <Select
              placeholder={t('forms.pick')}
              data-testid="complete-cause"
              optionRender={optionTestId('complete-cause-option')}
              options={(meta?.complaintCauses ?? []).map((c) => ({
                value: c.code,
                label: coded(meta?.complaintCauses, c.code),
              }))}
            />
          </Form.Item>
          {text('solution', t('forms.solution'), 'complete-solution')}
          {text('steps', t('forms.steps'), 'complete-steps')}
        </>
      )}
      {outcome === 'unresolved_to_fault' && text('steps', t('forms.steps'), 'complete-steps')}
      {outcome === 'reschedule' && (
        <>
          {text('reason', t('forms.rescheduleReason'), 'complete-reschedule-reason')}
          <AppointmentFields prefix="complete" />
        </>
      )}
      {outcome === 'cannot_resolve' && text('explanation', t('forms.explanation'), 'complete-explanation')}
      {outcome === 'misdispatched' &&
        text('misdispatchRemark', t('forms.misdispatchRemark'), 'complete-misdispatch-remark')}
    </>
  );
}
