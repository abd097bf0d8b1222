import { Button, Card, NavBar, Result, Selector, Space, Tag, TextArea } from 'antd-mobile';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import type { WorkOrderDetail } from '../../api';
import { inspectionApi, type InspectionDetail } from '../../api/plannedWork';
import { useLabels } from '../../i18n/useLabels';
import { formatWindow } from '../../orders/format';
import { OfflineNotes } from '../offline/OfflineNotes';
import { useOfflineOrderDetail } from '../offline/useOfflineOrderDetail';
import { SignaturePad } from '../visit/SignaturePad';
import { withQueuedInspection } from './queuedRecords';
import { answerOf, useKeyedRun } from './useKeyedRun';
import { usePlannedRead } from './usePlannedRead';

type Result3 = 'ok' | 'hazard' | 'not_applicable';
const RESULTS: readonly Result3[] = ['ok', 'hazard', 'not_applicable'];
const QUICK = ['take', 'depart', 'arrive'] as const;

/**
 * /m/inspection/:id (WO-17): the inspection on an inspector's phone — the crew, a result per item, the
 * rectification notice of the hazards with its deadline, and the customer's answer: a signature, or
 * the refusal with its reason (recorded, never forced). Works offline (ENG-07): each step is queued on
 * the phone and shown as waiting; the customer's answer goes by the order, so a notice issued offline
 * can be signed before the server has numbered it. The second inspector (not holding the order) reads
 * it through the inspection alone.
 */
export default function MobileInspectionPage() {
  const { id = '' } = useParams();
  const { t, status, coded } = useLabels();
  const navigate = useNavigate();
  const orderView = useOfflineOrderDetail(id);
  const order = orderView.detail ?? null;
  const insp = usePlannedRead('inspection', id, inspectionApi.detail);
  const { busy, run } = useKeyedRun(insp.value ? { id, number: insp.value.orderNumber } : null);
  const [draft, setDraft] = useState<Record<string, { result?: Result3; level?: string; note?: string }>>({});
  const [signature, setSignature] = useState<string | null>(null);
  const [refusing, setRefusing] = useState(false);
  const [reason, setReason] = useState<string[]>([]);
  const [refusalNote, setRefusalNote] = useState('');

  const base = `/work-orders/${encodeURIComponent(id)}`;
  const d = insp.value ? withQueuedInspection(insp.value, insp.pending) : undefined;
  /** An inspection write: the server's answer replaces the page's copy; a queued one shows through the overlay. */
  const record = (what: string, path: string, body: unknown, done: string) =>
    run<InspectionDetail>(what, path, body, done).then((r) => {
      const answer = answerOf(r);
      if (answer) insp.replace(answer);
      return r !== null;
    });

  if (!d) return <Card>{t('common.loading')}</Card>;
  const found = (item: string) => d.findings.find((f) => f.item === item);
  const notice = d.notice;
  const hazards = d.findings.filter((f) => f.result === 'hazard');

  return (
    <div style={{ paddingBottom: 24 }}>
      <NavBar onBack={() => navigate('/m/todo')} style={{ background: '#fff' }}>
        {t('insp.inspectionTitle')}
      </NavBar>
      <Card title={d.orderNumber}>
        {order && (
          <>
            <div>
              {order.order.contactName} · {order.order.address}
            </div>
            <div>{formatWindow(order.order.appointment)}</div>
          </>
        )}
        <Space wrap style={{ marginTop: 8 }}>
          <Tag color="primary" data-testid="insp-order-status" data-status={order?.order.status ?? d.status}>
            {status((order?.order.status ?? d.status) as never)}
          </Tag>
          {order &&
            QUICK.filter((a) => order.actions.includes(a)).map((a) => (
              <Button
                key={a}
                size="small"
                color="primary"
                disabled={busy}
                data-testid={`insp-action-${a}`}
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
        </Space>
        <div style={{ marginTop: 8 }} data-testid="insp-crew">
          {t('insp.crew')}：
          {d.crew.map((c) => (
            <Tag key={c.personId} color={c.lead ? 'success' : 'default'} style={{ marginRight: 4 }}>
              {c.name}
              {c.lead ? `（${t('insp.lead')}）` : ''}
            </Tag>
          ))}
        </div>
      </Card>
      <OfflineNotes cachedAt={insp.cachedAt} pending={insp.pending.length} conflicts={orderView.conflicts} />

      <Card title={t('insp.findings')}>
        {d.items.map((item) => {
          const saved = found(item.code);
          const cur = draft[item.code] ?? {};
          const result = cur.result ?? saved?.result;
          const level = cur.level ?? saved?.hazardLevel ?? undefined;
          const set = (patch: typeof cur) => setDraft((x) => ({ ...x, [item.code]: { ...x[item.code], ...patch } }));
          return (
            <div
              key={item.code}
              style={{ borderBottom: '1px solid #eee', padding: '8px 0' }}
              data-testid={`insp-item-${item.code}`}
            >
              <div style={{ fontWeight: 600 }}>
                {coded(d.items, item.code)}{' '}
                {saved && (
                  <Tag color={saved.result === 'hazard' ? 'danger' : 'success'}>{t(`insp.result_${saved.result}`)}</Tag>
                )}
              </div>
              {!notice && (
                <>
                  <Selector
                    options={RESULTS.map((r) => ({ value: r, label: t(`insp.result_${r}`) }))}
                    value={result ? [result] : []}
                    onChange={(v) => set({ result: v[0] as Result3 })}
                    data-testid={`insp-result-${item.code}`}
                  />
                  {result === 'hazard' && (
                    <>
                      <Selector
                        options={d.hazardLevels.map((h) => ({ value: h.code, label: coded(d.hazardLevels, h.code) }))}
                        value={level ? [level] : []}
                        onChange={(v) => set({ level: v[0] })}
                        data-testid={`insp-level-${item.code}`}
                      />
                      <TextArea
                        placeholder={t('insp.note')}
                        value={cur.note ?? saved?.note ?? ''}
                        onChange={(note) => set({ note })}
                        rows={1}
                        maxLength={500}
                        data-testid={`insp-note-${item.code}`}
                      />
                    </>
                  )}
                  {cur.result && (
                    <Button
                      size="small"
                      color="primary"
                      disabled={busy || (cur.result === 'hazard' && !level)}
                      data-testid={`insp-save-${item.code}`}
                      onClick={() => {
                        const body = {
                          item: item.code,
                          result: cur.result!,
                          ...(cur.result === 'hazard' && level ? { hazardLevel: level } : {}),
                          ...(cur.result === 'hazard' && cur.note?.trim() ? { note: cur.note.trim() } : {}),
                        };
                        void record('finding', `${base}/inspection/findings`, body, t('insp.saved')).then(
                          (ok) => ok && setDraft((x) => ({ ...x, [item.code]: {} })),
                        );
                      }}
                    >
                      {t('insp.save')}
                    </Button>
                  )}
                </>
              )}
            </div>
          );
        })}
        {!notice && (
          <Button
            block
            color="danger"
            style={{ marginTop: 12 }}
            disabled={hazards.length === 0 || busy}
            data-testid="insp-issue-notice"
            onClick={() => void record('notice', `${base}/rectification-notice`, {}, t('insp.issueNotice'))}
          >
            {hazards.length === 0 ? t('insp.noHazard') : t('insp.issueNotice')}
          </Button>
        )}
      </Card>

      {notice && (
        <Card title={`${t('insp.noticeTitle')} ${notice.number}`}>
          <div data-testid="insp-notice-deadline" data-queued={notice.id === ''}>
            {notice.id === '' ? t('eng.noticeQueued') : t('insp.noticeIssued', { deadline: notice.deadline })}
          </div>
          {notice.signed === true && (
            <Result status="success" title={t('insp.signedYes')} data-testid="insp-notice-signed" />
          )}
          {notice.signed === false && (
            <Result
              status="warning"
              data-testid="insp-notice-refused"
              title={t('insp.refused', { reason: coded(d.refusalReasons, notice.refusalReason ?? '') })}
              description={notice.refusalNote ?? ''}
            />
          )}
          {notice.signed === null && !refusing && (
            <>
              <div style={{ margin: '8px 0' }}>{t('insp.signHere')}</div>
              <SignaturePad onChange={setSignature} clearKey={0} />
              <Button
                block
                color="primary"
                style={{ marginTop: 8 }}
                disabled={!signature || busy}
                data-testid="insp-notice-sign"
                onClick={() => {
                  const body = { signature: signature! };
                  void record('notice_answer', `${base}/rectification-notice/answer`, body, t('insp.answerRecorded'));
                }}
              >
                {t('insp.submitSignature')}
              </Button>
              <Button block style={{ marginTop: 8 }} onClick={() => setRefusing(true)} data-testid="insp-notice-refuse">
                {t('insp.refuse')}
              </Button>
            </>
          )}
          {notice.signed === null && refusing && (
            <>
              <div style={{ margin: '8px 0' }}>{t('insp.refusalReason')}</div>
              <Selector
                options={d.refusalReasons.map((r) => ({ value: r.code, label: coded(d.refusalReasons, r.code) }))}
                value={reason}
                onChange={setReason}
                data-testid="insp-refusal-reason"
              />
              <TextArea
                placeholder={t('insp.refusalNote')}
                value={refusalNote}
                onChange={setRefusalNote}
                rows={2}
                maxLength={500}
                data-testid="insp-refusal-note"
              />
              <Button
                block
                color="warning"
                style={{ marginTop: 8 }}
                disabled={reason.length === 0 || busy}
                data-testid="insp-record-refusal"
                onClick={() => {
                  const body = {
                    refusalReason: reason[0]!,
                    ...(refusalNote.trim() ? { refusalNote: refusalNote.trim() } : {}),
                  };
                  void record('notice_answer', `${base}/rectification-notice/answer`, body, t('insp.answerRecorded'));
                }}
              >
                {t('insp.recordRefusal')}
              </Button>
            </>
          )}
        </Card>
      )}
    </div>
  );
}
