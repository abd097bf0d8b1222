import { COMPLAINT_OUTCOMES, type OutcomeKind } from '@daowei/domain';
import { Form, Selector, TextArea } from 'antd-mobile';
import { useMeta } from '../../hooks/useReferenceData';
import { useLabels } from '../../i18n/useLabels';
import { CodePickerField } from './CodePickerField';
import { MobileAppointmentFields } from './MobileAppointmentFields';

/** WO-07 complaint outcomes on the phone: a selector and the fields each outcome asks for. */
export function MobileComplaintOutcomeFields() {
  const { t } = useLabels();
  const meta = useMeta().data;
  const outcome = (Form.useWatch('outcome') as OutcomeKind[] | undefined)?.[0];
  const required = [{ required: true, whitespace: true, message: t('forms.required') }];
  const text = (name: string, label: string, testId: string) => (
    <Form.Item name={name} label={label} rules={required}>
      <TextArea rows={2} data-testid={testId} />
    </Form.Item>
  );

  return (
    <>
      <Form.Item name="outcome" label={t('forms.outcome')} rules={[{ required: true, message: t('forms.required') }]}>
        <Selector
          columns={2}
          data-testid="complete-outcome"
          options={COMPLAINT_OUTCOMES.map((k) => ({
            value: k,
            label: <span data-testid={`complete-outcome-${k}`}>{t(`outcomes.${k}`)}</span>,
          }))}
        />
      </Form.Item>
      {outcome === 'resolved' && (
        <>
          <CodePickerField
            name="causeCode"
            label={t('forms.cause')}
            codes={meta?.complaintCauses ?? []}
            testId="complete-cause"
          />
          {text('solution', t('forms.solution'), 'complete-solution')}
          {text('steps', t('forms.steps'), 'complete-steps')}
        </>
      )}
      {outcome === 'unresolved_to_fault' && text('steps', t('forms.steps'), 'complete-steps')}
      {outcome === 'reschedule' && (
        <>
          {text('reason', t('forms.rescheduleReason'), 'complete-reschedule-reason')}
          <MobileAppointmentFields prefix="complete" />
        </>
      )}
      {outcome === 'cannot_resolve' && text('explanation', t('forms.explanation'), 'complete-explanation')}
      {outcome === 'misdispatched' &&
        text('misdispatchRemark', t('forms.misdispatchRemark'), 'complete-misdispatch-remark')}
    </>
  );
}
