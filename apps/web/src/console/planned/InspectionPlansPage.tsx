import { Button, Card, Form, Input, InputNumber, Modal, Select, Table } from 'antd';
import type { ButtonProps } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { SubmissionKeys, toApiError } from '../../api';
import { inspectionApi, type InspectionPlan, type NewPlan } from '../../api/plannedWork';
import { referenceApi } from '../../api/reference';
import type { Area } from '../../api/types';
import { useMe } from '../../session/SessionContext';
import { useFeedback } from '../useFeedback';
import { PLANNED_WRITERS } from './plannedMenu';

/** "name,phone,address,month" lines → targets, or the number of the first bad line. */
export function parseTargets(text: string, areaId?: string): NewPlan['targets'] | { badLine: number } {
  const out: NewPlan['targets'] = [];
  const lines = text.split('\n').map((l) => l.trim());
  for (const [i, line] of lines.entries()) {
    if (!line) continue;
    const parts = line.split(/[,，]/).map((p) => p.trim());
    const month = Number(parts[3]);
    if (
      parts.length !== 4 ||
      !parts[0] ||
      !parts[1] ||
      !parts[2] ||
      !Number.isInteger(month) ||
      month < 1 ||
      month > 12
    ) {
      return { badLine: i + 1 };
    }
    out.push({
      customerName: parts[0],
      contactPhone: parts[1],
      address: parts[2],
      month,
      ...(areaId ? { areaId } : {}),
    });
  }
  return out;
}

/** /inspections/plans (WO-17): the yearly plans and a form to create one from a list of households. */
export default function InspectionPlansPage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const feedback = useFeedback();
  const [rows, setRows] = useState<InspectionPlan[] | null>(null);
  const [creating, setCreating] = useState(false);
  const [areas, setAreas] = useState<Area[]>([]);
  const [form] = Form.useForm<{ year: number; name: string; areaId?: string; targets: string }>();
  const keys = useRef(new SubmissionKeys());

  const load = useCallback(() => {
    inspectionApi.plans().then(setRows, (e) => feedback.error(toApiError(e)));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  useEffect(load, [load]);
  useEffect(() => {
    referenceApi.areas().then(setAreas, () => setAreas([]));
  }, []);

  const create = async () => {
    const v = await form.validateFields();
    const targets = parseTargets(v.targets, v.areaId);
    if ('badLine' in targets) {
      form.setFields([{ name: 'targets', errors: [t('insp.targetsInvalid', { line: targets.badLine })] }]);
      return;
    }
    const body: NewPlan = { year: v.year, name: v.name.trim(), targets };
    try {
      const plan = await inspectionApi.createPlan(body, keys.current.keyFor(body));
      keys.current.succeeded();
      setCreating(false);
      const g = plan.generated;
      feedback.success(t('insp.created', { count: typeof g === 'object' ? g.created : 0 }));
      navigate(`/inspections/plans/${plan.id}`);
    } catch (e) {
      feedback.error(toApiError(e));
    }
  };

  return (
    <Card
      title={t('insp.plansTitle')}
      extra={
        PLANNED_WRITERS.includes(me.position) && (
          <Button type="primary" onClick={() => setCreating(true)} data-testid="insp-new-plan">
            {t('insp.newPlan')}
          </Button>
        )
      }
    >
      <Table<InspectionPlan>
        rowKey="id"
        loading={rows === null}
        dataSource={rows ?? []}
        data-testid="insp-plans-table"
        columns={[
          { title: t('insp.year'), dataIndex: 'year' },
          {
            title: t('insp.name'),
            dataIndex: 'name',
            render: (v: string, p) => (
              <Link to={`/inspections/plans/${p.id}`} data-testid="insp-plan-link">
                {v}
              </Link>
            ),
          },
          { title: t('insp.targetCount'), dataIndex: 'targets' },
          { title: t('insp.generatedCount'), dataIndex: 'generated' },
        ]}
      />
      <Modal
        open={creating}
        width={640}
        title={t('insp.newPlan')}
        onCancel={() => setCreating(false)}
        onOk={() => void create()}
        okButtonProps={{ 'data-testid': 'insp-plan-submit' } as ButtonProps}
        okText={t('insp.create')}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" initialValues={{ year: new Date().getFullYear() }}>
          <Form.Item name="year" label={t('insp.year')} rules={[{ required: true }]}>
            <InputNumber min={2000} max={2100} data-testid="insp-plan-year" />
          </Form.Item>
          <Form.Item name="name" label={t('insp.name')} rules={[{ required: true, whitespace: true }]}>
            <Input maxLength={100} data-testid="insp-plan-name" />
          </Form.Item>
          <Form.Item name="areaId" label={t('insp.area')}>
            <Select
              allowClear
              options={areas.map((a) => ({ value: a.id, label: a.name }))}
              data-testid="insp-plan-area"
            />
          </Form.Item>
          <Form.Item
            name="targets"
            label={t('insp.targets')}
            extra={t('insp.targetsHelp')}
            rules={[{ required: true }]}
          >
            <Input.TextArea rows={8} data-testid="insp-plan-targets" />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
