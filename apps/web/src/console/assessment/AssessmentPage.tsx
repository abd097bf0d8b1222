import { Button, Card, DatePicker, Select, Space, Tabs, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { toApiError } from '../../api';
import { assessmentApi } from '../../api/assessment';
import { useLabels } from '../../i18n/useLabels';
import { useMe } from '../../session/SessionContext';
import { useKpiNames } from '../kpis/useKpiNames';
import { useFeedback } from '../useFeedback';
import { CasesTab } from './CasesTab';
import { LedgerTab } from './LedgerTab';
import { WhatIfTab } from './WhatIfTab';

/** VND-01 console page: a vendor's monthly ledger, its cases with dispute steps, and the what-if. */
export default function AssessmentPage() {
  const { t } = useLabels();
  const me = useMe();
  const feedback = useFeedback();
  const names = useKpiNames();
  const operator = me.person.vendorId === null;
  const [month, setMonth] = useState(() => dayjs().subtract(1, 'month').format('YYYY-MM'));
  const [vendorId, setVendorId] = useState<string | undefined>();
  const [version, setVersion] = useState(0);
  const vendors = names.list.vendor;
  const vendor = me.person.vendorId ?? vendorId ?? vendors[0]?.id;

  async function sweep() {
    try {
      const r = await assessmentApi.sweep();
      feedback.success(t('assessmentPage.swept', { count: r.created }));
      setVersion((v) => v + 1);
    } catch (e) {
      feedback.error(toApiError(e));
    }
  }

  return (
    <Card>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('assessmentPage.title')}
        </Typography.Title>
        <Space wrap>
          <DatePicker
            picker="month"
            allowClear={false}
            value={dayjs(`${month}-01`)}
            onChange={(d) => d && setMonth(d.format('YYYY-MM'))}
            data-testid="assessment-month"
          />
          {operator && (
            <Select
              style={{ minWidth: 160 }}
              placeholder={t('assessmentPage.vendor')}
              value={vendor}
              options={vendors.map((v) => ({ value: v.id, label: v.name }))}
              onChange={setVendorId}
              data-testid="assessment-vendor"
            />
          )}
          {operator && (
            <Button onClick={() => void sweep()} data-testid="assessment-sweep">
              {t('assessmentPage.sweep')}
            </Button>
          )}
        </Space>
      </Space>
      {vendor ? (
        <Tabs
          items={[
            {
              key: 'ledger',
              label: t('assessmentPage.ledger'),
              children: <LedgerTab key={`${vendor}${month}${version}`} month={month} vendorId={vendor} />,
            },
            {
              key: 'cases',
              label: t('assessmentPage.cases'),
              children: (
                <CasesTab
                  key={`${vendor}${month}${version}`}
                  month={month}
                  vendorId={vendor}
                  operator={operator}
                  onChanged={() => setVersion((v) => v + 1)}
                />
              ),
            },
            {
              key: 'what-if',
              label: t('assessmentPage.whatIf'),
              children: <WhatIfTab month={month} vendorId={vendor} />,
            },
          ]}
        />
      ) : (
        <Typography.Text type="secondary">{t('assessmentPage.needVendor')}</Typography.Text>
      )}
    </Card>
  );
}
