import { DEFAULT_PLANNED_WORK_POLICY } from '@daowei/domain';
import { Alert, Button, Card, Modal, Table, Tag } from 'antd';
import type { ButtonProps } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { SubmissionKeys, toApiError } from '../../api';
import { inspectionApi, type InspectionPlan, type InspectionTarget } from '../../api/plannedWork';
import { useLabels } from '../../i18n/useLabels';
import { useMe } from '../../session/SessionContext';
import { useFeedback } from '../useFeedback';
import { CREW_ASSIGNERS, PLANNED_WRITERS } from './plannedMenu';
import { PersonSelect } from './PersonSelect';

/** /inspections/plans/:id (WO-17): the households, their orders, and the crew of each inspection. */
export default function InspectionPlanDetailPage() {
  const { id = '' } = useParams();
  const { t, status } = useLabels();
  const me = useMe();
  const feedback = useFeedback();
  const [plan, setPlan] = useState<(InspectionPlan & { targets: InspectionTarget[] }) | null>(null);
  const [assigning, setAssigning] = useState<InspectionTarget | null>(null);
  const [crew, setCrew] = useState<string[]>([]);
  const [crewError, setCrewError] = useState<string | null>(null);
  const keys = useRef(new SubmissionKeys());
  const min = DEFAULT_PLANNED_WORK_POLICY.inspection.minInspectors;

  const load = useCallback(() => {
    inspectionApi.plan(id).then(setPlan, (e) => feedback.error(toApiError(e)));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id]);
  useEffect(load, [load]);

  const generate = async () => {
    try {
      const r = await inspectionApi.generate(id);
      setPlan(r);
      const g = r.generated;
      feedback.success(t('insp.generated', { count: typeof g === 'object' ? g.created : 0 }));
    } catch (e) {
      feedback.error(toApiError(e));
    }
  };

  const assign = async () => {
    if (!assigning?.order) return;
    try {
      const body = { order: assigning.order.id, crew };
      await inspectionApi.assign(assigning.order.id, crew, keys.current.keyFor(body));
      keys.current.succeeded();
      setAssigning(null);
      feedback.success(t('insp.assigned'));
      load();
    } catch (e) {
      const err = toApiError(e);
      // WO-17: say it in the user's words; the dialog stays open to add the second inspector.
      if (err.code === 'WO_INSPECTORS_REQUIRED') setCrewError(t('insp.needMore', { n: min }));
      else feedback.error(err);
    }
  };

  if (!plan) return <Card loading />;
  return (
    <Card
      title={`${plan.year} · ${plan.name}`}
      extra={
        PLANNED_WRITERS.includes(me.position) && (
          <Button onClick={() => void generate()} data-testid="insp-generate">
            {t('insp.generate')}
          </Button>
        )
      }
    >
      <Table<InspectionTarget>
        rowKey="id"
        size="small"
        dataSource={plan.targets}
        pagination={{ pageSize: 50 }}
        data-testid="insp-targets-table"
        columns={[
          { title: t('insp.month'), dataIndex: 'month' },
          { title: t('insp.customer'), dataIndex: 'customerName' },
          { title: t('insp.address'), dataIndex: 'address' },
          {
            title: t('insp.order'),
            key: 'order',
            render: (_, x) => (x.order ? <Link to={`/orders/${x.order.id}`}>{x.order.number}</Link> : '—'),
          },
          {
            title: t('insp.orderStatus'),
            key: 'status',
            render: (_, x) =>
              x.order ? <Tag data-testid="insp-order-status">{status(x.order.status as never)}</Tag> : '—',
          },
          {
            title: '',
            key: 'assign',
            render: (_, x) =>
              x.order && CREW_ASSIGNERS.includes(me.position) ? (
                <Button
                  size="small"
                  onClick={() => {
                    setCrew([]);
                    setCrewError(null);
                    setAssigning(x);
                  }}
                  data-testid="insp-assign"
                >
                  {t('insp.assign')}
                </Button>
              ) : null,
          },
        ]}
      />
      <Modal
        open={assigning !== null}
        title={t('insp.assignTitle', { n: min })}
        onCancel={() => setAssigning(null)}
        onOk={() => void assign()}
        okButtonProps={{ 'data-testid': 'insp-assign-ok' } as ButtonProps}
        destroyOnHidden
      >
        {crewError && (
          <Alert type="error" showIcon message={crewError} data-testid="insp-crew-error" style={{ marginBottom: 12 }} />
        )}
        <PersonSelect
          mode="multiple"
          value={crew}
          onChange={(v) => setCrew(Array.isArray(v) ? v : [v])}
          placeholder={t('insp.inspectors')}
          testId="insp-crew-select"
        />
      </Modal>
    </Card>
  );
}
