import { DEFAULT_ASSESSMENT_RULES } from '@daowei/domain';
import { Button, Descriptions, InputNumber, Table } from 'antd';
import { useState } from 'react';
import { toApiError } from '../../api';
import { assessmentApi, type WhatIfTotals } from '../../api/assessment';
import { useLabels } from '../../i18n/useLabels';
import { useFeedback } from '../useFeedback';
import { yuan } from './yuan';

/** VND-01 what-if: edit the amounts of a draft rule set, re-run the month, compare with the rules in force. */
export function WhatIfTab({ month, vendorId }: { month: string; vendorId: string }) {
  const { t, lang: language } = useLabels();
  const lang = language as 'zh-CN' | 'en';
  const feedback = useFeedback();
  const [rules, setRules] = useState(() => DEFAULT_ASSESSMENT_RULES.rules.map((r) => ({ ...r })));
  const [result, setResult] = useState<{ current: WhatIfTotals; draft: WhatIfTotals; delta: WhatIfTotals } | null>(
    null,
  );

  const edit = (i: number, field: 'vendorFen' | 'personFen', yuanValue: number | null) =>
    setRules((rs) => rs.map((r, j) => (j === i ? { ...r, [field]: Math.round((yuanValue ?? 0) * 100) } : r)));

  async function run() {
    try {
      const draft = { id: 'draft', version: DEFAULT_ASSESSMENT_RULES.version + 1, rules };
      setResult(await assessmentApi.whatIf(month, vendorId, draft));
    } catch (e) {
      feedback.error(toApiError(e));
    }
  }

  const totals = (x: WhatIfTotals) =>
    `${yuan(x.vendorFen)} / ${yuan(x.personFen)} · ${t('assessmentPage.cases_count')} ${x.cases}`;

  return (
    <>
      <Table
        size="small"
        rowKey="event"
        pagination={false}
        dataSource={rules.map((r, i) => ({ ...r, i }))}
        columns={[
          { title: t('assessmentPage.event'), render: (_: unknown, r) => r.label[lang] },
          {
            title: `${t('assessmentPage.vendorParty')} ${t('assessmentPage.draftAmounts')}`,
            render: (_: unknown, r) => (
              <InputNumber min={0} value={r.vendorFen / 100} onChange={(v) => edit(r.i, 'vendorFen', v)} />
            ),
          },
          {
            title: `${t('assessmentPage.personParty')} ${t('assessmentPage.draftAmounts')}`,
            render: (_: unknown, r) => (
              <InputNumber min={0} value={r.personFen / 100} onChange={(v) => edit(r.i, 'personFen', v)} />
            ),
          },
        ]}
      />
      <Button type="primary" style={{ margin: '12px 0' }} onClick={() => void run()} data-testid="what-if-run">
        {t('assessmentPage.run')}
      </Button>
      {result && (
        <Descriptions bordered size="small" column={1} data-testid="what-if-result">
          <Descriptions.Item label={t('assessmentPage.current')}>{totals(result.current)}</Descriptions.Item>
          <Descriptions.Item label={t('assessmentPage.draft')}>{totals(result.draft)}</Descriptions.Item>
          <Descriptions.Item label={t('assessmentPage.delta')}>{totals(result.delta)}</Descriptions.Item>
        </Descriptions>
      )}
    </>
  );
}
