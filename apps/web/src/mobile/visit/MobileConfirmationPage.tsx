import { Button, Form, NavBar, Rate, Result, Switch, TextArea } from 'antd-mobile';
import { useEffect, useRef, useState } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router-dom';
import { SubmissionKeys, toApiError } from '../../api';
import { visitsApi, type VisitConfirmation } from '../../api/visits';
import { useMe } from '../../session/SessionContext';
import { submit } from '../offline/outbox';
import { useLabels } from '../../i18n/useLabels';
import { useMobileFeedback } from '../useMobileFeedback';
import { SignaturePad } from './SignaturePad';

/**
 * /m/orders/:id/confirm — the page the customer fills on the engineer's phone (ENG-06): satisfaction,
 * comment and a signature drawn on screen, or "declines to sign", which is recorded and never blocks.
 */
export default function MobileConfirmationPage() {
  const { id = '' } = useParams();
  const { t } = useLabels();
  const navigate = useNavigate();
  const personId = useMe().person.id;
  const orderNumber = (useLocation().state as { number?: string } | null)?.number ?? '';
  const [queued, setQueued] = useState(false);
  const feedback = useMobileFeedback();
  const keys = useRef(new SubmissionKeys());
  const [max, setMax] = useState(5);
  const [saved, setSaved] = useState<VisitConfirmation | null>(null);
  const [satisfaction, setSatisfaction] = useState(0);
  const [declined, setDeclined] = useState(false);
  const [signature, setSignature] = useState<string | null>(null);
  const [clearKey, setClearKey] = useState(0);
  const [sending, setSending] = useState(false);

  useEffect(() => {
    visitsApi
      .confirmation(id)
      .then((r) => {
        setMax(r.satisfactionMax);
        setSaved(r.confirmation);
      })
      .catch((e: unknown) => {
        // Offline (ENG-07) the page still works: the default scale, and the answer is queued.
        if (toApiError(e).status !== 0) feedback.error(toApiError(e));
      });
    // feedback is stable per render tree; load once per order.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id]);

  const canSend = satisfaction > 0 && (declined || signature !== null) && !sending;

  const send = async (comment: string) => {
    const body = {
      satisfaction,
      declinedToSign: declined,
      ...(comment.trim() ? { comment: comment.trim() } : {}),
      ...(!declined && signature ? { signature } : {}),
    };
    setSending(true);
    try {
      const key = keys.current.keyFor(body);
      const path = `/work-orders/${encodeURIComponent(id)}/confirmation`;
      const r = await submit<VisitConfirmation>(personId, {
        orderId: id,
        orderNumber,
        what: 'confirmation',
        path,
        body,
        key,
      });
      keys.current.succeeded();
      if (r.queued) setQueued(true);
      else setSaved(r.data);
    } catch (e) {
      feedback.error(toApiError(e));
    } finally {
      setSending(false);
    }
  };

  return (
    <div style={{ paddingBottom: 24 }}>
      <NavBar onBack={() => navigate(`/m/orders/${id}`)} style={{ background: '#fff' }}>
        {t('visit.confirmTitle')}
      </NavBar>
      {queued ? (
        <Result
          status="waiting"
          title={t('visit.confirmed')}
          description={t('eng.queued')}
          data-testid="confirmation-queued"
        />
      ) : saved ? (
        <Result
          status="success"
          title={t('visit.confirmed')}
          description={saved.declinedToSign ? t('visit.declinedRecorded') : t('visit.signed')}
          data-testid="confirmation-saved"
        />
      ) : (
        <Form
          layout="vertical"
          onFinish={(v: { comment?: string }) => void send(v.comment ?? '')}
          footer={
            <Button
              block
              type="submit"
              color="primary"
              size="large"
              disabled={!canSend}
              loading={sending}
              data-testid="confirm-submit"
            >
              {t('common.submit')}
            </Button>
          }
        >
          <Form.Item label={t('visit.satisfaction')}>
            <Rate count={max} value={satisfaction} onChange={setSatisfaction} data-testid="confirm-satisfaction" />
          </Form.Item>
          <Form.Item name="comment" label={t('visit.comment')}>
            <TextArea rows={2} maxLength={2000} data-testid="confirm-comment" />
          </Form.Item>
          <Form.Item label={t('visit.declines')} childElementPosition="right">
            <Switch checked={declined} onChange={setDeclined} data-testid="confirm-declined" />
          </Form.Item>
          {!declined && (
            <Form.Item
              label={t('visit.signHere')}
              extra={<a onClick={() => setClearKey((k) => k + 1)}>{t('visit.clear')}</a>}
            >
              <SignaturePad onChange={setSignature} clearKey={clearKey} />
            </Form.Item>
          )}
        </Form>
      )}
    </div>
  );
}
