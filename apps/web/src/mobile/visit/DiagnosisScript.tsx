import { CAUSE_CATEGORIES, type CauseCategory } from '@daowei/domain';
import { List, Selector } from 'antd-mobile';
import { useEffect, useState } from 'react';
import type { WorkOrderView } from '../../api';
import { apiRequest } from '../../api/http';
import { useLabels } from '../../i18n/useLabels';
import { useMe } from '../../session/SessionContext';
import { readThrough } from '../offline/readCache';

interface Script {
  id: string;
  title: string;
  text: string;
}

/**
 * ENG-05 + DESK-04: the engineer picks the cause category of the fault (ours / customer side / third
 * party / unknown) and sees the tenant's script for explaining that cause to the customer, with the
 * customer's name filled in. Read through the cache, so it works offline once seen.
 */
export function DiagnosisScript({ order }: { order: WorkOrderView }) {
  const { t } = useLabels();
  const personId = useMe().person.id;
  const [cause, setCause] = useState<CauseCategory | null>(null);
  const [scripts, setScripts] = useState<Script[]>([]);

  useEffect(() => {
    if (!cause) return;
    let live = true;
    const path = `/scripts?situation=cause_explanation&cause=${cause}`;
    readThrough(`scripts:${personId}:${cause}`, () => apiRequest<{ items: Script[] }>('GET', path)).then(
      (r) => live && setScripts(r.value.items),
      () => live && setScripts([]),
    );
    return () => {
      live = false;
    };
  }, [cause, personId]);

  const fill = (text: string) => text.replaceAll('{customerName}', order.contactName);
  return (
    <List header={t('eng.diagnosis')} data-testid="diagnosis">
      <List.Item>
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
    </List>
  );
}
