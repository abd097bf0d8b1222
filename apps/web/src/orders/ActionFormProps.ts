import type { WorkOrderView } from '../api';

/** Every action form gets the order, whether a submission is running, and where to send the body. */
export interface ActionFormProps {
  order: WorkOrderView;
  submitting: boolean;
  onSubmit: (body: object) => void;
}
