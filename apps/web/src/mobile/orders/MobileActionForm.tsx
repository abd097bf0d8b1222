import type { WorkOrderAction } from '@daowei/domain';
import type { ActionFormProps } from '../../orders/ActionFormProps';
import { MobileAppointmentForm } from '../forms/MobileAppointmentForm';
import { MobileArriveForm } from '../forms/MobileArriveForm';
import { MobileCompleteForm } from '../forms/MobileCompleteForm';
import { MobileDispatchForm } from '../forms/MobileDispatchForm';
import { MobileNoAccessForm } from '../forms/MobileNoAccessForm';
import { MobileReturnForm } from '../forms/MobileReturnForm';
import { MobileSuspendForm } from '../forms/MobileSuspendForm';

export function MobileActionForm({ action, ...props }: ActionFormProps & { action: WorkOrderAction }) {
  switch (action) {
    case 'return':
      return <MobileReturnForm {...props} />;
    case 'complete':
      return <MobileCompleteForm {...props} />;
    case 'confirm_appointment':
      return <MobileAppointmentForm {...props} reschedule={false} />;
    case 'reschedule':
      return <MobileAppointmentForm {...props} reschedule />;
    case 'dispatch':
      return <MobileDispatchForm {...props} />;
    case 'arrive':
      return <MobileArriveForm {...props} />;
    case 'suspend':
      return <MobileSuspendForm {...props} />;
    case 'no_access':
      return <MobileNoAccessForm {...props} />;
    default:
      return null;
  }
}
