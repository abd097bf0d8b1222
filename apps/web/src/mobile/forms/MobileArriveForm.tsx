import { Form, TextArea } from 'antd-mobile';
import { useEffect, useState } from 'react';
import { useLabels } from '../../i18n/useLabels';
import type { ActionFormProps } from '../../orders/ActionFormProps';
import { MobileSubmitButton } from './MobileSubmitButton';

type Fix = { state: 'locating' } | { state: 'found'; lat: number; lng: number } | { state: 'unavailable' };

/**
 * 到达签到 (ENG-03): the check-in carries the phone's position when the browser gives one (denied, no
 * GPS or a timeout still lets the engineer check in — the position is optional). When the visit is
 * late the escalation note (APT-04: the manager's apology) is asked for; the server decides whether
 * it is required by its policy and answers WO_ESCALATION_REQUIRED otherwise.
 */
export function MobileArriveForm({ order, submitting, onSubmit }: ActionFormProps) {
  const { t } = useLabels();
  const [fix, setFix] = useState<Fix>(() =>
    'geolocation' in navigator ? { state: 'locating' } : { state: 'unavailable' },
  );
  // Lateness as the sheet opens (an estimate for the form; the server computes the recorded figure).
  const [openedAt] = useState(() => Date.now());
  const lateMinutes = order.appointment
    ? Math.max(0, Math.ceil((openedAt - new Date(order.appointment.start).getTime()) / 60_000))
    : 0;

  useEffect(() => {
    if (!('geolocation' in navigator)) return;
    navigator.geolocation.getCurrentPosition(
      (p) => setFix({ state: 'found', lat: p.coords.latitude, lng: p.coords.longitude }),
      () => setFix({ state: 'unavailable' }),
      { enableHighAccuracy: true, timeout: 8000, maximumAge: 60_000 },
    );
  }, []);

  return (
    <Form
      layout="vertical"
      footer={<MobileSubmitButton testId="arrive-submit" loading={submitting} />}
      onFinish={(v: { escalationNote?: string }) =>
        onSubmit({
          ...(fix.state === 'found' ? { position: { lat: fix.lat, lng: fix.lng } } : {}),
          ...(v.escalationNote?.trim() ? { escalationNote: v.escalationNote.trim() } : {}),
        })
      }
    >
      <Form.Item label={t('visit.position')}>
        <span data-testid="arrive-position">
          {fix.state === 'found'
            ? `${fix.lat.toFixed(5)}, ${fix.lng.toFixed(5)}`
            : t(fix.state === 'locating' ? 'visit.locating' : 'visit.positionUnavailable')}
        </span>
      </Form.Item>
      {lateMinutes > 0 && (
        <>
          <div style={{ padding: '0 16px', color: '#d4380d' }} data-testid="arrive-late">
            {t('visit.lateBy', { minutes: lateMinutes })}
          </div>
          <Form.Item name="escalationNote" label={t('visit.escalationNote')} help={t('visit.escalationHelp')}>
            <TextArea rows={2} data-testid="arrive-escalation-note" />
          </Form.Item>
        </>
      )}
    </Form>
  );
}
