import { Button, List, Space } from 'antd-mobile';
import { useEffect, useRef, useState } from 'react';
import { SubmissionKeys, toApiError, type WorkOrderView } from '../../api';
import { appointmentsApi, type AppointmentHistory, type CallOutcome } from '../../api/appointments';
import { useLabels } from '../../i18n/useLabels';
import { formatDateTime } from '../../orders/format';
import { useMe } from '../../session/SessionContext';
import { useMobileFeedback } from '../useMobileFeedback';

/** Statuses in which the holder still calls the customer to agree or confirm the visit. */
const CALLING: readonly WorkOrderView['status'][] = ['taken', 'appointment_confirmed', 'en_route', 'suspended'];
/** One tap after hanging up; "call back at T" needs a time and stays on the console's appointment card. */
const QUICK: readonly CallOutcome[] = ['reached', 'no_answer', 'busy'];

/**
 * APT-01 on the phone: after tapping the customer's number the holder records how the call went, so
 * the attempts are logged beside the order (the coordinator sees the same list on the console).
 */
export function MobileCallLog({ order }: { order: WorkOrderView }) {
  const { t } = useLabels();
  const me = useMe();
  const feedback = useMobileFeedback();
  const keys = useRef(new SubmissionKeys());
  const [calls, setCalls] = useState<AppointmentHistory['calls']>([]);
  const [busy, setBusy] = useState(false);
  const shown = order.holderId === me.person.id && CALLING.includes(order.status);

  const [version, setVersion] = useState(0);

  useEffect(() => {
    if (!shown) return;
    let live = true;
    appointmentsApi.history(order.id).then(
      (r) => live && setCalls(r.calls),
      () => undefined, // offline or not readable: the list comes back with the network
    );
    return () => {
      live = false;
    };
  }, [shown, order.id, version]);

  if (!shown) return null;

  async function log(outcome: CallOutcome) {
    setBusy(true);
    try {
      await appointmentsApi.logCall(order.id, { outcome }, keys.current.keyFor({ id: order.id, outcome }));
      keys.current.succeeded();
      feedback.success(t('appointments.callLogged'));
      setVersion((v) => v + 1);
    } catch (e) {
      feedback.error(toApiError(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <List header={t('appointments.logCall')} data-testid="call-log">
      <List.Item>
        <Space wrap>
          {QUICK.map((o) => (
            <Button key={o} size="small" disabled={busy} onClick={() => void log(o)} data-testid={`call-log-${o}`}>
              {t(`appointments.outcomes.${o}`)}
            </Button>
          ))}
        </Space>
      </List.Item>
      {calls.map((c) => (
        <List.Item key={c.id} extra={formatDateTime(c.at)} data-testid="call-log-entry" data-outcome={c.outcome}>
          {t(`appointments.outcomes.${c.outcome}`)}
        </List.Item>
      ))}
    </List>
  );
}
