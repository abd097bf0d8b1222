import type { WorkOrderAction } from '@daowei/domain';
import { Button, Grid, Popup } from 'antd-mobile';
import { Link } from 'react-router-dom';
import type { WorkOrderDetail } from '../../api';
import { useLabels } from '../../i18n/useLabels';
import { useQueuedOrderActionFlow } from '../offline/useQueuedOrderActionFlow';
import { useMobileFeedback } from '../useMobileFeedback';
import { MobileActionForm } from './MobileActionForm';
import { MOBILE_ACTIONS, MOBILE_DIRECT_ACTIONS } from './mobileActions';

const PRIMARY: readonly WorkOrderAction[] = ['take', 'complete', 'confirm_appointment', 'depart', 'arrive'];

interface Props {
  detail: WorkOrderDetail;
  onDone: (detail: WorkOrderDetail) => void;
  onStale: () => void;
}

/** Big buttons for what the server allows now; forms open in a bottom sheet. */
export function MobileActionButtons({ detail, onDone, onStale }: Props) {
  const { t, action: label } = useLabels();
  const feedback = useMobileFeedback();
  const { send, pending, open, setOpen } = useQueuedOrderActionFlow(detail, feedback, onDone, onStale);

  const shown = MOBILE_ACTIONS.filter((a) => detail.actions.includes(a));
  const elsewhere = detail.actions.filter((a) => !MOBILE_ACTIONS.includes(a));

  return (
    <div style={{ padding: 12, background: '#fff' }} data-testid="order-actions">
      {shown.length === 0 && elsewhere.length === 0 && (
        <div style={{ color: '#8c8c8c', textAlign: 'center' }}>{t('orderDetail.noActions')}</div>
      )}
      <Grid columns={shown.length > 1 ? 2 : 1} gap={10}>
        {shown.map((a) => (
          <Grid.Item key={a}>
            <Button
              block
              size="large"
              color={a === 'return' ? 'danger' : PRIMARY.includes(a) ? 'primary' : 'default'}
              fill={PRIMARY.includes(a) || a === 'return' ? 'solid' : 'outline'}
              loading={pending === a && MOBILE_DIRECT_ACTIONS.includes(a)}
              disabled={pending !== null && pending !== a}
              onClick={() => (MOBILE_DIRECT_ACTIONS.includes(a) ? void send(a) : setOpen(a))}
              data-testid={`action-${a}`}
            >
              {label(a)}
            </Button>
          </Grid.Item>
        ))}
      </Grid>
      {elsewhere.length > 0 && (
        <div style={{ marginTop: 10, color: '#8c8c8c', fontSize: 13, textAlign: 'center' }}>
          {t('mobile.desktopOnly')} · <Link to={`/orders/${detail.order.id}`}>{t('mobile.openConsole')}</Link>
        </div>
      )}
      <Popup
        visible={open !== null}
        onMaskClick={() => setOpen(null)}
        onClose={() => setOpen(null)}
        destroyOnClose
        bodyStyle={{ borderTopLeftRadius: 12, borderTopRightRadius: 12, maxHeight: '88vh', overflowY: 'auto' }}
      >
        {open && (
          <div data-testid={`action-sheet-${open}`}>
            <div style={{ padding: '14px 16px 0', fontSize: 17, fontWeight: 600 }}>
              {label(open)} · {detail.order.number}
            </div>
            <MobileActionForm
              action={open}
              order={detail.order}
              submitting={pending === open}
              onSubmit={(body) => void send(open, body)}
            />
          </div>
        )}
      </Popup>
    </div>
  );
}
