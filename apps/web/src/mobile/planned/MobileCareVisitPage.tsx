import { Button, Card, Checkbox, Form, NavBar, Rate, Result, Selector, Space, Tag, TextArea } from 'antd-mobile';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import type { WorkOrderDetail } from '../../api';
import { careApi, type CareVisitDetail } from '../../api/plannedWork';
import { visitsApi, type VisitConfirmation } from '../../api/visits';
import { useLabels } from '../../i18n/useLabels';
import { formatDateTime, formatWindow } from '../../orders/format';
import { OfflineNotes } from '../offline/OfflineNotes';
import { useOfflineOrderDetail } from '../offline/useOfflineOrderDetail';
import { SignaturePad } from '../visit/SignaturePad';
import { QUEUED_ID, queuedSignature, withQueuedCare } from './queuedRecords';
import { answerOf, useKeyedRun } from './useKeyedRun';
import { usePlannedRead } from './usePlannedRead';

/** The lifecycle steps the carer can do from this page (the rest is on the order page). */
const QUICK = ['take', 'depart', 'arrive'] as const;

/**
 * /m/care/:id (WO-16): one home-care visit on the carer's phone — the call that confirms the content,
 * the services ticked on site, the closing checks (the customer checks their valuables before the
 * carer leaves), the customer's signature, the carer's evaluation and the next visit booked. Every
 * step works offline too (ENG-07): queued on the phone and shown as done-but-waiting until synced.
 */
export default function MobileCareVisitPage() {
  const { id = '' } = useParams();
  const { t, status, coded } = useLabels();
  const navigate = useNavigate();
  const orderView = useOfflineOrderDetail(id);
  const order = orderView.detail;
  const care = usePlannedRead('care', id, careApi.visit);
  const confirmation = usePlannedRead('care-confirmation', id, visitsApi.confirmation);
  const { busy, run } = useKeyedRun(order ? { id, number: order.order.number } : null);
  const [outcome, setOutcome] = useState<string[]>([]);
  const [callNote, setCallNote] = useState('');
  const [ticked, setTicked] = useState<string[] | null>(null);
  const [satisfaction, setSatisfaction] = useState(0);
  const [signature, setSignature] = useState<string | null>(null);
  const [condition, setCondition] = useState<string[]>([]);
  const [rating, setRating] = useState(0);
  const [evalNote, setEvalNote] = useState('');

  const base = `/work-orders/${encodeURIComponent(id)}`;
  const d = care.value ? withQueuedCare(care.value, care.pending) : undefined;
  const signedAt = confirmation.value?.confirmation?.confirmedAt ?? queuedSignature(confirmation.pending) ?? null;
  /** A care-visit write: the server's answer replaces the page's copy; a queued one shows through the overlay. */
  const record = (what: string, tail: string, body: unknown, done: string) =>
    run<CareVisitDetail>(what, `${base}/care-visit/${tail}`, body, done).then((r) => {
      const answer = answerOf(r);
      if (answer) care.replace(answer);
      return r !== null;
    });

  if (!d || !order) return <Card>{t('common.loading')}</Card>;
  // The carer's own selection stays after a save: more boxes may be ticked while it is on its way.
  const ticks = ticked ?? Object.keys(d.visit.ticks);
  const setTicks = setTicked;
  const { visit, agreement } = d;
  const label = (list: CareVisitDetail['contentsCatalogue'], code: string) => coded(list, code);
  const closingDone = d.closingChecks.every((c) => visit.ticks[c.code]);
  const selectedOutcome = d.phoneOutcomes.find((o) => o.code === outcome[0]);

  return (
    <div style={{ paddingBottom: 24 }}>
      <NavBar onBack={() => navigate('/m/todo')} style={{ background: '#fff' }}>
        {t('care.visitTitle')}
      </NavBar>
      <Card title={`${order.order.number} · ${agreement.contactName}`}>
        <div>{agreement.address}</div>
        <div>{formatWindow(order.order.appointment)}</div>
        <Space wrap style={{ marginTop: 8 }}>
          <Tag color="primary" data-testid="care-order-status" data-status={order.order.status}>
            {status(order.order.status)}
          </Tag>
          {visit.holiday && <Tag color="warning">{t('care.movedFor', { name: visit.holiday })}</Tag>}
        </Space>
        <Space wrap style={{ marginTop: 8 }}>
          {QUICK.filter((a) => order.actions.includes(a)).map((a) => (
            <Button
              key={a}
              size="small"
              color="primary"
              disabled={busy}
              data-testid={`care-action-${a}`}
              onClick={() =>
                void run<WorkOrderDetail>(a, `${base}/actions/${a}`, {}, t(`actions.${a}`)).then((r) => {
                  const answer = answerOf(r);
                  if (answer) orderView.replace(answer);
                })
              }
            >
              {t(`actions.${a}`)}
            </Button>
          ))}
          <Button size="small" onClick={() => navigate(`/m/orders/${id}`)}>
            {t('care.open')}
          </Button>
        </Space>
      </Card>
      <OfflineNotes
        cachedAt={orderView.cachedAt ?? care.cachedAt}
        pending={orderView.pending}
        conflicts={orderView.conflicts}
      />

      <Card title={t('care.callSection')} data-testid="care-call-section">
        <div data-testid="care-content-confirmed" style={{ marginBottom: 8 }}>
          {visit.contentConfirmedAt
            ? t('care.contentConfirmed', { at: formatDateTime(visit.contentConfirmedAt) })
            : t('care.notConfirmed')}
        </div>
        <div style={{ marginBottom: 8 }}>
          {visit.contents.map((c) => (
            <Tag key={c} style={{ marginRight: 4 }}>
              {label(d.contentsCatalogue, c)}
            </Tag>
          ))}
        </div>
        <Selector
          options={d.phoneOutcomes.map((o) => ({ value: o.code, label: label(d.phoneOutcomes, o.code) }))}
          value={outcome}
          onChange={setOutcome}
          data-testid="care-call-outcome"
        />
        <TextArea
          placeholder={t('care.callNote')}
          value={callNote}
          onChange={setCallNote}
          rows={2}
          maxLength={500}
          data-testid="care-call-note"
        />
        <Button
          block
          color="primary"
          disabled={!selectedOutcome || busy}
          data-testid="care-log-call"
          onClick={() => {
            const body = { outcome: outcome[0]!, ...(callNote.trim() ? { note: callNote.trim() } : {}) };
            void record('care_call', 'calls', body, t('care.callLogged')).then((ok) => {
              if (!ok) return;
              setOutcome([]);
              setCallNote('');
            });
          }}
        >
          {t('care.logCall')}
        </Button>
        {d.calls.map((c) => (
          <div
            key={c.id}
            style={{ fontSize: 13, color: '#666', marginTop: 4 }}
            data-testid="care-call-row"
            data-queued={c.id.startsWith(QUEUED_ID)}
          >
            {formatDateTime(c.calledAt)} {label(d.phoneOutcomes, c.outcome)} {c.note ?? ''}
            {c.id.startsWith(QUEUED_ID) && <Tag color="primary">{t('eng.states.pending')}</Tag>}
          </div>
        ))}
      </Card>

      <Card title={t('care.onSiteSection')}>
        <Checkbox.Group value={ticks} onChange={(v) => setTicks(v as string[])}>
          <Space direction="vertical">
            {visit.contents.map((c) => (
              <Checkbox key={c} value={c} data-testid={`care-tick-${c}`}>
                {label(d.contentsCatalogue, c)}
              </Checkbox>
            ))}
          </Space>
          <div style={{ fontWeight: 600, margin: '12px 0 4px' }}>{t('care.closingSection')}</div>
          <Space direction="vertical">
            {d.closingChecks.map((c) => (
              <Checkbox key={c.code} value={c.code} data-testid={`care-tick-${c.code}`}>
                {label(d.closingChecks, c.code)}
              </Checkbox>
            ))}
          </Space>
        </Checkbox.Group>
        <Button
          block
          color="primary"
          style={{ marginTop: 12 }}
          disabled={ticks.length === 0 || busy}
          data-testid="care-save-ticks"
          onClick={() => void record('care_ticks', 'ticks', { items: ticks }, t('care.ticksSaved'))}
        >
          {t('care.saveTicks')}
        </Button>
      </Card>

      <Card title={t('care.signSection')}>
        {signedAt ? (
          <Result
            status="success"
            title={t('care.signed')}
            description={confirmation.value?.confirmation ? undefined : t('eng.queued')}
            data-testid="care-signed"
            data-queued={!confirmation.value?.confirmation}
          />
        ) : !closingDone ? (
          <div data-testid="care-sign-blocked">{t('care.signAfterChecks')}</div>
        ) : (
          <Form layout="vertical">
            <Form.Item label={t('care.satisfaction')}>
              <Rate
                count={d.ratingMax}
                value={satisfaction}
                onChange={setSatisfaction}
                data-testid="care-satisfaction"
              />
            </Form.Item>
            <Form.Item label={t('visit.signHere')}>
              <SignaturePad onChange={setSignature} clearKey={0} />
            </Form.Item>
            <Button
              block
              color="primary"
              disabled={!signature || satisfaction === 0 || busy}
              data-testid="care-sign"
              onClick={() => {
                const body = { satisfaction, declinedToSign: false, signature: signature! };
                void run<VisitConfirmation>('confirmation', `${base}/confirmation`, body, t('care.signed')).then(
                  (r) => {
                    const answer = answerOf(r);
                    if (answer)
                      confirmation.replace({
                        satisfactionMax: confirmation.value?.satisfactionMax ?? d.ratingMax,
                        confirmation: answer,
                      });
                  },
                );
              }}
            >
              {t('care.sign')}
            </Button>
          </Form>
        )}
      </Card>

      <Card title={t('care.evaluationSection')}>
        {visit.evaluatedAt ? (
          <div data-testid="care-evaluated">
            {label(d.conditions, visit.condition ?? '')} · {visit.rating} · {visit.evaluationNote ?? ''}
          </div>
        ) : (
          <>
            <div>{t('care.condition')}</div>
            <Selector
              options={d.conditions.map((c) => ({ value: c.code, label: label(d.conditions, c.code) }))}
              value={condition}
              onChange={setCondition}
              data-testid="care-condition"
            />
            <div style={{ marginTop: 8 }}>{t('care.rating')}</div>
            <Rate count={d.ratingMax} value={rating} onChange={setRating} data-testid="care-rating" />
            <TextArea
              placeholder={t('care.evaluationNote')}
              value={evalNote}
              onChange={setEvalNote}
              rows={2}
              maxLength={1000}
              data-testid="care-evaluation-note"
            />
            <Button
              block
              color="primary"
              disabled={condition.length === 0 || rating === 0 || busy}
              data-testid="care-save-evaluation"
              onClick={() => {
                const body = {
                  condition: condition[0]!,
                  rating,
                  ...(evalNote.trim() ? { note: evalNote.trim() } : {}),
                };
                void record('care_evaluation', 'evaluation', body, t('care.evaluated'));
              }}
            >
              {t('care.saveEvaluation')}
            </Button>
          </>
        )}
      </Card>

      <Card title={t('care.nextSection')}>
        {!d.nextProposal ? (
          <div>{t('care.noNext')}</div>
        ) : visit.nextBookedAt ? (
          <div data-testid="care-next-booked">{t('care.nextBooked', { date: d.nextProposal.date })}</div>
        ) : (
          <>
            <div data-testid="care-next-proposal">
              {t('care.nextProposal', {
                date: d.nextProposal.date,
                window:
                  d.nextProposal.appointmentStart && d.nextProposal.appointmentEnd
                    ? formatWindow({
                        start: d.nextProposal.appointmentStart,
                        end: d.nextProposal.appointmentEnd,
                      }).slice(11)
                    : `${agreement.schedule.start}–${agreement.schedule.end}`,
              })}
            </div>
            <Button
              block
              color="primary"
              style={{ marginTop: 8 }}
              disabled={busy}
              data-testid="care-book-next"
              onClick={() => void record('care_next', 'next', {}, t('care.bookNext'))}
            >
              {t('care.bookNext')}
            </Button>
          </>
        )}
      </Card>
    </div>
  );
}
