import type { OutcomeKind } from '@daowei/domain';
import { Form, Input, Switch, TextArea } from 'antd-mobile';
import { useLabels } from '../../i18n/useLabels';
import type { ActionFormProps } from '../../orders/ActionFormProps';
import { type CompletionValues, completionBody } from '../../orders/completionBody';
import type { SlotId } from '../../orders/timeSlots';
import { MobileComplaintOutcomeFields } from './MobileComplaintOutcomeFields';
import { customerTextRule } from './customerTextRule';
import { MobileSubmitButton } from './MobileSubmitButton';
import { DiagnosisReminder } from '../visit/DiagnosisReminder';

type FormValues = Omit<CompletionValues, 'outcome' | 'causeCode' | 'slot' | 'handlingMinutes'> & {
  handlingMinutes: string;
  outcome?: OutcomeKind[];
  causeCode?: string[];
  slot?: SlotId[];
};

/** 回单 (WO-07) on the phone: handling minutes, contacted, remark; complaints pick an outcome. */
export function MobileCompleteForm({ order, submitting, onSubmit }: ActionFormProps) {
  const { t } = useLabels();
  const isComplaint = order.type === 'complaint';
  const finish = (v: FormValues) =>
    onSubmit(
      completionBody(order.type, {
        ...v,
        handlingMinutes: Number(v.handlingMinutes),
        outcome: v.outcome?.[0],
        causeCode: v.causeCode?.[0],
        slot: v.slot?.[0],
      }),
    );

  return (
    <Form
      layout="vertical"
      initialValues={{ customerContacted: true, outcome: isComplaint ? ['resolved'] : undefined } as FormValues}
      footer={<MobileSubmitButton testId="complete-submit" loading={submitting} />}
      onFinish={finish}
    >
      <DiagnosisReminder order={order} />
      <Form.Item
        name="customerContacted"
        label={t('forms.customerContacted')}
        childElementPosition="right"
        valuePropName="checked"
      >
        <Switch data-testid="complete-contacted" />
      </Form.Item>
      <Form.Item
        name="handlingMinutes"
        label={t('forms.handlingMinutes')}
        rules={[
          { required: true, message: t('forms.required') },
          { pattern: /^\d+$/, message: t('forms.handlingMinutes') },
        ]}
      >
        <Input type="number" inputMode="numeric" min={0} data-testid="complete-handling-minutes" />
      </Form.Item>
      {isComplaint && <MobileComplaintOutcomeFields />}
      {!isComplaint && (
        <Form.Item
          name="uncertainFix"
          label={t('onsite.uncertainFix')}
          childElementPosition="right"
          valuePropName="checked"
        >
          <Switch data-testid="complete-uncertain-fix" />
        </Form.Item>
      )}
      <Form.Item
        name="remark"
        label={t('forms.remark')}
        rules={[{ required: true, whitespace: true, message: t('forms.required') }, customerTextRule(t)]}
      >
        <TextArea rows={3} placeholder={t('forms.remarkPlaceholder')} data-testid="complete-remark" />
      </Form.Item>
    </Form>
  );
}
