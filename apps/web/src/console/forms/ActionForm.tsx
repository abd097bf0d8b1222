import type { WorkOrderAction } from '@daowei/domain';
import { CompleteOrderForm } from './CompleteOrderForm';
import { ConfirmAppointmentForm } from './ConfirmAppointmentForm';
import { DispatchOrderForm } from './DispatchOrderForm';
import { RescheduleOrderForm } from './RescheduleOrderForm';
import { ReturnOrderForm } from './ReturnOrderForm';
import { SuspendOrderForm } from './SuspendOrderForm';
import { TextFieldForm } from './TextFieldForm';
import type { ActionFormProps } from '../../orders/ActionFormProps';

/** Actions that are sent at once, without a form. */
export const ACTIONS_WITHOUT_FORM: readonly WorkOrderAction[] = ['take', 'depart', 'arrive', 'start_callback'];

/** The form for an action (docs/api.md "Action bodies"). */
export function ActionForm({ action, ...props }: ActionFormProps & { action: WorkOrderAction }) {
  switch (action) {
    case 'dispatch':
      return <DispatchOrderForm {...props} />;
    case 'return':
      return <ReturnOrderForm {...props} />;
    case 'complete':
      return <CompleteOrderForm {...props} />;
    case 'reschedule':
      return <RescheduleOrderForm {...props} />;
    case 'confirm_appointment':
      return <ConfirmAppointmentForm {...props} />;
    case 'suspend':
      return <SuspendOrderForm {...props} />;
    case 'reopen':
    case 'cancel':
      return <TextFieldForm action={action} field="reason" {...props} />;
    case 'triage':
    case 'resume':
    case 'close':
      return <TextFieldForm action={action} field="remark" {...props} />;
    default:
      return null;
  }
}
