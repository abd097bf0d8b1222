import { Button, Card, Drawer, Space, Table, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { toApiError } from '../../api';
import { careApi, type CareAgreement } from '../../api/plannedWork';
import { useMe } from '../../session/SessionContext';
import { useFeedback } from '../useFeedback';
import { CareAgreementForm } from './CareAgreementForm';
import { PLANNED_WRITERS } from './plannedMenu';
import { scheduleText } from './scheduleText';

export const AGREEMENT_COLOUR: Record<CareAgreement['status'], string> = {
  active: 'green',
  paused: 'orange',
  ended: 'default',
};

/** /care/agreements (WO-16): the home-care agreements, newest first, and a drawer to create one. */
export default function CareAgreementsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const feedback = useFeedback();
  const [rows, setRows] = useState<CareAgreement[] | null>(null);
  const [creating, setCreating] = useState(false);

  const load = useCallback(() => {
    careApi.agreements().then(setRows, (e) => feedback.error(toApiError(e)));
    // feedback is stable per render tree
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  useEffect(load, [load]);

  return (
    <Card
      title={t('care.agreementsTitle')}
      extra={
        PLANNED_WRITERS.includes(me.position) && (
          <Button type="primary" onClick={() => setCreating(true)} data-testid="care-new-agreement">
            {t('care.newAgreement')}
          </Button>
        )
      }
    >
      <Table<CareAgreement>
        rowKey="id"
        loading={rows === null}
        dataSource={rows ?? []}
        pagination={{ pageSize: 20 }}
        data-testid="care-agreements-table"
        columns={[
          {
            title: t('care.customer'),
            dataIndex: 'contactName',
            render: (v: string, a) => (
              <Link to={`/care/agreements/${a.id}`} data-testid="care-agreement-link">
                {v}
              </Link>
            ),
          },
          { title: t('care.address'), dataIndex: 'address' },
          { title: t('care.schedule'), key: 'schedule', render: (_, a) => scheduleText(a.schedule, t) },
          {
            title: t('care.term'),
            key: 'term',
            render: (_, a) => `${a.startDate} – ${a.endDate ?? '…'}`,
          },
          {
            title: t('care.status'),
            dataIndex: 'status',
            render: (s: CareAgreement['status']) => <Tag color={AGREEMENT_COLOUR[s]}>{t(`care.status_${s}`)}</Tag>,
          },
        ]}
      />
      <Drawer
        open={creating}
        width={560}
        title={t('care.newAgreement')}
        onClose={() => setCreating(false)}
        destroyOnHidden
      >
        <Space direction="vertical" style={{ width: '100%' }}>
          <CareAgreementForm
            onCreated={(a) => {
              setCreating(false);
              feedback.success(t('care.created', { count: a.generated?.created ?? 0 }));
              load();
            }}
          />
        </Space>
      </Drawer>
    </Card>
  );
}
