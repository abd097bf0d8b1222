import { WORK_ORDER_ACTIONS, type WorkOrderAction } from '@daowei/domain';
import { Button, type ButtonProps, Modal, Space, Typography } from 'antd';
import type { WorkOrderDetail } from '../../api';
import { useOrderActionFlow } from '../../hooks/useOrderActionFlow';
import { useLabels } from '../../i18n/useLabels';
import { ACTIONS_WITHOUT_FORM, ActionForm } from '../forms/ActionForm';
import { useFeedback } from '../useFeedback';

const PRIMARY: readonly WorkOrderAction[] = ['take', 'complete', 'dispatch', 'triage', 'close'];
const DANGER: readonly WorkOrderAction[] = ['return', 'cancel'];

interface Props {
  detail: WorkOrderDetail;
  /** The order's new detail after an action succeeded. */
  onDone: (detail: WorkOrderDetail) => void;
  /** Someone else moved the order first (409): reload it. */
  onStale: () => void;
}

/** One button per action the server says the caller may take now; actions with a body open a modal form. */
export function OrderActionBar({ detail, onDone, onStale }: Props) {
  const { t, action: label } = useLabels();
  const feedback = useFeedback();
  const { send, pending, open, setOpen } = useOrderActionFlow(detail, feedback, onDone, onStale);

  // APT-03 nobody home is recorded on the doorstep, with the phone (its protocol and photo).
  const actions = WORK_ORDER_ACTIONS.filter((a) => detail.actions.includes(a) && a !== 'no_access');
  if (!actions.length) {
    return <Typography.Text type="secondary">{t('orderDetail.noActions')}</Typography.Text>;
  }

  const buttonProps = (a: WorkOrderAction): ButtonProps => ({
    type: PRIMARY.includes(a) ? 'primary' : 'default',
    danger: DANGER.includes(a),
    loading: pending === a && ACTIONS_WITHOUT_FORM.includes(a),
    disabled: pending !== null && pending !== a,
  });

  return (
    <>
      <Space wrap data-testid="order-actions">
        {actions.map((a) => (
          <Button
            key={a}
            {...buttonProps(a)}
            data-testid={`action-${a}`}
            onClick={() => (ACTIONS_WITHOUT_FORM.includes(a) ? void send(a) : setOpen(a))}
          >
            {label(a)}
          </Button>
        ))}
      </Space>
      <Modal
        open={open !== null}
        title={open ? `${label(open)} · ${detail.order.number}` : ''}
        footer={null}
        destroyOnHidden
        onCancel={() => setOpen(null)}
        width={open === 'complete' ? 640 : 520}
        data-testid={open ? `action-modal-${open}` : undefined}
      >
        {open && (
          <ActionForm
            action={open}
            order={detail.order}
            submitting={pending === open}
            onSubmit={(body) => void send(open, body)}
          />
        )}
      </Modal>
    </>
  );
}
