import { CAUSE_CATEGORIES, SYMPTOM_REPRODUCED, type CauseCategory, type SymptomReproduced } from '@daowei/domain';
import { Button, Input, List, Selector, TextArea } from 'antd-mobile';
import { useEffect, useState } from 'react';
import type { WorkOrderView } from '../../api';
import { visitReads, type CauseScript, type VisitChecklist, type VisitDiagnosis } from '../../api/visits';
import { useLabels } from '../../i18n/useLabels';
import { useMe } from '../../session/SessionContext';
import type { OutboxItem } from '../offline/outbox';
import { causeScriptsKey, visitKey } from '../offline/offlineKeys';
import { readThrough } from '../offline/readCache';
import { useVisitSubmit } from './useVisitSubmit';

interface Props {
  order: WorkOrderView;
  /** Carries the policy's observation limit (cached before departure, so it is known offline). */
  checklist: VisitChecklist | null;
  /** The order's submissions still queued on the phone: a queued diagnosis counts as recorded. */
  queued: readonly OutboxItem[];
  version: number;
  onSaved: () => void;
}

/**
 * ENG-05: the engineer records the diagnosis — symptom reproduced or not, minutes observed (at most the
 * policy's limit), the cause category and what was found — through the outbox, so it works offline.
 * DESK-04: the chosen cause shows the tenant's script for explaining it to the customer. The finding is
 * an internal record, so it is not run through the forbidden-phrase check.
 */
export function DiagnosisScript({ order, checklist, queued, version, onSaved }: Props) {
  const { t } = useLabels();
  const personId = useMe().person.id;
  const { send, busy } = useVisitSubmit(order, onSaved);
  const [repro, setRepro] = useState<SymptomReproduced | null>(null);
  const [minutes, setMinutes] = useState('');
  const [cause, setCause] = useState<CauseCategory | null>(null);
  const [finding, setFinding] = useState('');
  const [saved, setSaved] = useState<VisitDiagnosis | null>(null);
  const [scripts, setScripts] = useState<CauseScript[]>([]);

  useEffect(() => {
    let live = true;
    readThrough(visitKey(personId, order.id, 'diagnosis'), () => visitReads.diagnosis(order.id)).then(
      (r) => live && setSaved(r.value.diagnosis),
      () => undefined, // never read online: the form still works, the server has the last word
    );
    return () => {
      live = false;
    };
  }, [order.id, personId, version]);

  useEffect(() => {
    if (!cause) return;
    let live = true;
    readThrough(causeScriptsKey(personId, cause), () => visitReads.causeScripts(cause)).then(
      (r) => live && setScripts(r.value.items),
      () => live && setScripts([]),
    );
    return () => {
      live = false;
    };
  }, [cause, personId]);

  const max = checklist?.diagnosis?.maxObservedMinutes ?? null;
  const n = Number(minutes);
  const tooLong = max !== null && n > max;
  const minutesOk = /^\d+$/.test(minutes.trim()) && !tooLong;
  const recorded = saved !== null || queued.some((i) => i.what === 'diagnosis');
  const ready = repro !== null && cause !== null && minutesOk && finding.trim() !== '' && busy === null;

  const save = async () => {
    if (!ready) return;
    const body = { symptomReproduced: repro, observedMinutes: n, causeCategory: cause, finding: finding.trim() };
    if (await send('diagnosis', body)) setFinding('');
  };

  const fill = (text: string) => text.replaceAll('{customerName}', order.contactName);
  return (
    <List header={t('eng.diag.title')} data-testid="diagnosis" data-recorded={String(recorded)}>
      <List.Item
        description={recorded ? t('eng.diag.recorded') : checklist?.diagnosis?.required ? t('eng.diag.missing') : null}
        data-testid="diagnosis-state"
      >
        {saved && (
          <span data-testid="diagnosis-saved">
            {t(`eng.diag.repro.${saved.symptomReproduced}`)} · {t(`eng.causes.${saved.causeCategory}`)} ·{' '}
            {saved.finding}
          </span>
        )}
      </List.Item>
      <List.Item title={t('eng.diag.reproduced')}>
        <Selector
          columns={3}
          options={SYMPTOM_REPRODUCED.map((r) => ({ label: t(`eng.diag.repro.${r}`), value: r }))}
          value={repro ? [repro] : []}
          onChange={(v) => setRepro((v[0] as SymptomReproduced | undefined) ?? null)}
          data-testid="diagnosis-reproduced"
        />
      </List.Item>
      <List.Item
        title={max === null ? t('eng.diag.observedShort') : t('eng.diag.observed', { max })}
        description={tooLong ? t('eng.diag.tooLong', { max }) : null}
      >
        <Input
          type="number"
          inputMode="numeric"
          min={0}
          value={minutes}
          onChange={setMinutes}
          data-testid="diagnosis-minutes"
        />
      </List.Item>
      <List.Item title={t('eng.diag.cause')}>
        <Selector
          columns={2}
          options={CAUSE_CATEGORIES.map((c) => ({ label: t(`eng.causes.${c}`), value: c }))}
          value={cause ? [cause] : []}
          onChange={(v) => setCause((v[0] as CauseCategory | undefined) ?? null)}
          data-testid="diagnosis-cause"
        />
      </List.Item>
      {cause &&
        scripts.map((s) => (
          <List.Item key={s.id} description={fill(s.text)} data-testid="diagnosis-script">
            {s.title}
          </List.Item>
        ))}
      <List.Item title={t('eng.diag.finding')}>
        <TextArea
          placeholder={t('eng.diag.findingHint')}
          value={finding}
          onChange={setFinding}
          autoSize={{ minRows: 2, maxRows: 5 }}
          maxLength={2000}
          data-testid="diagnosis-finding"
        />
      </List.Item>
      <List.Item>
        <Button
          block
          color="primary"
          disabled={!ready}
          loading={busy === 'diagnosis'}
          onClick={() => void save()}
          data-testid="diagnosis-save"
        >
          {t('eng.diag.save')}
        </Button>
      </List.Item>
    </List>
  );
}
