import { Button, Card, NavBar, Result, Selector, Space, Tag, TextArea } from 'antd-mobile';
import { useCallback, useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { toApiError, workOrdersApi } from '../../api';
import { useKeyedRun } from './useKeyedRun';
import { inspectionApi, type InspectionDetail } from '../../api/plannedWork';
import type { WorkOrderDetail } from '../../api/types';
import { useLabels } from '../../i18n/useLabels';
import { formatWindow } from '../../orders/format';
import { useMobileFeedback } from '../useMobileFeedback';
import { SignaturePad } from '../visit/SignaturePad';

type Result3 = 'ok' | 'hazard' | 'not_applicable';
const RESULTS: readonly Result3[] = ['ok', 'hazard', 'not_applicable'];
const QUICK = ['take', 'depart', 'arrive'] as const;

/**
 * /m/inspection/:id (WO-17): the inspection on an inspector's phone — the crew, a result per item, the
 * rectification notice of the hazards with its deadline, and the customer's answer: a signature, or
 * the refusal with its reason (recorded, never forced).
 */
export default function MobileInspectionPage() {
  const { id = '' } = useParams();
  const { t, status, coded } = useLabels();
  const navigate = useNavigate();
  const feedback = useMobileFeedback();
  const { busy, run } = useKeyedRun();
  const [d, setD] = useState<InspectionDetail | null>(null);
  const [order, setOrder] = useState<WorkOrderDetail | null>(null);
  const [draft, setDraft] = useState<Record<string, { result?: Result3; level?: string; note?: string }>>({});
  const [signature, setSignature] = useState<string | null>(null);
  const [refusing, setRefusing] = useState(false);
  const [reason, setReason] = useState<string[]>([]);
  const [refusalNote, setRefusalNote] = useState('');

  const load = useCallback(() => {
    Promise.all([inspectionApi.detail(id), workOrdersApi.get(id).catch(() => null)]).then(
      ([detail, o]) => {
        setD(detail);
        setOrder(o);
      },
      (e: unknown) => feedback.error(toApiError(e)),
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id]);
  useEffect(load, [load]);

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
          <Tag color="primary" data-testid="insp-order-status" data-status={d.status}>
            {status(d.status as never)}
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
                  void run(a, {}, (key) => workOrdersApi.act(id, a, {}, key), t(`actions.${a}`)).then(load)
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
                        void run('finding', body, (key) => inspectionApi.finding(id, body, key), t('insp.saved')).then(
                          (r) => {
                            if (!r) return;
                            setD(r);
                            setDraft((x) => ({ ...x, [item.code]: {} }));
                          },
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
            onClick={() =>
              void run('notice', {}, (key) => inspectionApi.issueNotice(id, key), t('insp.issueNotice')).then(
                (r) => r && setD(r),
              )
            }
          >
            {hazards.length === 0 ? t('insp.noHazard') : t('insp.issueNotice')}
          </Button>
        )}
      </Card>

      {notice && (
        <Card title={`${t('insp.noticeTitle')} ${notice.number}`}>
          <div data-testid="insp-notice-deadline">{t('insp.noticeIssued', { deadline: notice.deadline })}</div>
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
                  void run(
                    'sign',
                    body,
                    (key) => inspectionApi.answer(notice.id, body, key),
                    t('insp.answerRecorded'),
                  ).then((r) => r && setD(r));
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
                  void run(
                    'refuse',
                    body,
                    (key) => inspectionApi.answer(notice.id, body, key),
                    t('insp.answerRecorded'),
                  ).then((r) => r && setD(r));
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
