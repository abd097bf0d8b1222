import { Button, DotLoading, ErrorBlock, List, NavBar } from 'antd-mobile';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import { useErrorText } from '../../hooks/useErrorText';
import { useLabels } from '../../i18n/useLabels';
import { MobileHeaderMenu } from '../MobileHeaderMenu';
import { MobileStatusTag } from '../MobileStatusTag';
import { OfflineNotes } from '../offline/OfflineNotes';
import { useOfflineOrderDetail } from '../offline/useOfflineOrderDetail';
import { MobileActionButtons } from './MobileActionButtons';
import { MobileOrderFacts } from './MobileOrderFacts';
import { MobileCallLog } from './MobileCallLog';
import { MobileCoverageClaim } from './MobileCoverageClaim';
import { MobilePartsPanel } from '../parts/MobilePartsPanel';
import { MobileQuotePanel } from '../parts/MobileQuotePanel';
import { MobileTakeBackPanel } from '../parts/MobileTakeBackPanel';
import { VisitPanels } from '../visit/VisitPanels';
import { MobileOrderHistory } from './MobileOrderHistory';
import { useMe } from '../../session/SessionContext';
import type { WorkOrderView } from '../../api';

/** PAY-01/02: the holder quotes and takes payment while at the job (payment may follow completion). */
const CHARGING: readonly WorkOrderView['status'][] = [
  'taken',
  'appointment_confirmed',
  'en_route',
  'on_site',
  'completed',
];

/**
 * /m/orders/:id: facts, tap-to-call, linked orders, history and the actions the server allows; offline
 * from the cache with the queued actions applied (ENG-07).
 */
export default function MobileOrderDetailPage() {
  const { id = '' } = useParams();
  const { t, type } = useLabels();
  const navigate = useNavigate();
  const location = useLocation();
  const errorText = useErrorText();
  const me = useMe();
  const { detail, error, reload, replace, cachedAt, pending, conflicts } = useOfflineOrderDetail(id);
  const back = () => (location.key === 'default' ? navigate('/m/todo') : navigate(-1));

  return (
    <div style={{ paddingBottom: 24 }}>
      <NavBar
        onBack={back}
        backIcon={<span data-testid="back">‹</span>}
        right={<MobileHeaderMenu />}
        style={{ background: '#fff', position: 'sticky', top: 0, zIndex: 10 }}
      >
        {t('mobile.orderTitle')}
      </NavBar>
      {!detail && error && (
        <ErrorBlock
          status="default"
          title={errorText(error)}
          description={<a onClick={reload}>{t('common.retry')}</a>}
        />
      )}
      {!detail && !error && (
        <div style={{ textAlign: 'center', padding: 48 }}>
          <DotLoading color="primary" />
        </div>
      )}
      {detail && (
        <>
          <div style={{ background: '#fff', padding: '12px 16px', display: 'flex', gap: 8, alignItems: 'center' }}>
            <strong style={{ fontSize: 17 }} data-testid="order-number">
              {detail.order.number}
            </strong>
            <span>{type(detail.order.type)}</span>
            <MobileStatusTag status={detail.order.status} />
          </div>
          <OfflineNotes cachedAt={cachedAt} pending={pending} conflicts={conflicts} />
          <MobileActionButtons detail={detail} onDone={replace} onStale={reload} />
          <MobilePartsPanel orderId={detail.order.id} onChanged={reload} />
          <MobileQuotePanel
            orderId={detail.order.id}
            canCharge={CHARGING.includes(detail.order.status) && detail.order.holderId === me.person.id && !cachedAt}
          />
          <MobileTakeBackPanel
            orderId={detail.order.id}
            orderNumber={detail.order.number}
            onSite={detail.order.status === 'on_site' && detail.order.holderId !== null}
            onChanged={reload}
          />
          {detail.order.status === 'on_site' && detail.order.holderId !== null && (
            <div style={{ padding: '0 12px 12px', background: '#fff' }}>
              {/* ENG-06: the customer's confirmation page, filled on this phone before completing. */}
              <Button
                block
                onClick={() => navigate(`/m/orders/${id}/confirm`, { state: { number: detail.order.number } })}
                data-testid="open-confirmation"
              >
                {t('visit.confirmTitle')}
              </Button>
            </div>
          )}
          <VisitPanels order={detail.order} onSaved={reload} />
          <MobileOrderFacts order={detail.order} />
          <MobileCallLog order={detail.order} />
          <MobileCoverageClaim order={detail.order} />
          {detail.linked.length > 0 && (
            <List header={t('orderDetail.linked')} data-testid="linked-orders">
              {detail.linked.map((o) => (
                <List.Item key={o.id} description={type(o.type)} arrowIcon>
                  <Link to={`/m/orders/${o.id}`} data-testid={`linked-order-${o.number}`}>
                    {o.number}
                  </Link>
                </List.Item>
              ))}
            </List>
          )}
          <MobileOrderHistory events={detail.events} />
        </>
      )}
    </div>
  );
}
