import { Alert, Button, Input, Modal, Space, Table, Tag, Timeline } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { SubmissionKeys, toApiError, type ApiError } from '../../api';
import { assessmentApi, type AssessmentCaseView, type CaseStepKind } from '../../api/assessment';
import { useErrorText } from '../../hooks/useErrorText';
import { useLabels } from '../../i18n/useLabels';
import { useFeedback } from '../useFeedback';
import { yuan } from './yuan';

/** Steps each side may take from a state (the server and the domain decide; this only offers them). */
const NEXT: Record<AssessmentCaseView['state'], { vendor: CaseStepKind[]; operator: CaseStepKind[] }> = {
  assessed: { vendor: ['disputed'], operator: [] },
  disputed: { vendor: [], operator: ['review_started'] },
  in_review: { vendor: [], operator: ['upheld', 'reversed'] },
  upheld: { vendor: [], operator: [] },
  reversed: { vendor: [], operator: [] },
};

interface Props {
  month: string;
  vendorId: string;
  operator: boolean;
  onChanged: () => void;
}

/** VND-01 cases of a month with their evidence and history; dispute → review → upheld | reversed. */
export function CasesTab({ month, vendorId, operator, onChanged }: Props) {
  const { t } = useLabels();
  const errorText = useErrorText();
  const feedback = useFeedback();
  const [items, setItems] = useState<AssessmentCaseView[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [step, setStep] = useState<{ c: AssessmentCaseView; kind: CaseStepKind } | null>(null);
  const [note, setNote] = useState('');
  const keys = useRef(new SubmissionKeys());

  useEffect(() => {
    let live = true;
    assessmentApi.cases(month, vendorId).then(
      (r) => live && setItems(r.items),
      (e: unknown) => live && setError(toApiError(e)),
    );
    return () => {
      live = false;
    };
  }, [month, vendorId]);

  async function submit() {
    if (!step) return;
    const body = { kind: step.kind, note };
    try {
      await assessmentApi.step(step.c.id, body, keys.current.keyFor({ id: step.c.id, ...body }));
      keys.current.succeeded();
      feedback.success(t('assessmentPage.stepDone'));
      setStep(null);
      setNote('');
      onChanged();
    } catch (e) {
      feedback.error(toApiError(e));
    }
  }

  if (error) return <Alert type="error" showIcon title={errorText(error)} />;
  return (
    <>
      <Table<AssessmentCaseView>
        size="small"
        rowKey="id"
        loading={!items}
        dataSource={items ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        data-testid="cases-table"
        expandable={{
          expandedRowRender: (c) => (
            <Timeline
              items={[
                { content: `${dayjs(c.occurredAt).format('MM-DD HH:mm')} ${c.note ?? ''} · ${c.evidence.join(', ')}` },
                ...c.history.map((h) => ({
                  content: `${dayjs(h.at).format('MM-DD HH:mm')} ${t(`assessmentPage.${h.kind}_step`)}: ${h.note}`,
                })),
              ]}
            />
          ),
        }}
        columns={[
          {
            title: t('assessmentPage.at'),
            dataIndex: 'occurredAt',
            render: (v: string) => dayjs(v).format('MM-DD HH:mm'),
          },
          {
            title: t('assessmentPage.event'),
            dataIndex: 'event',
            render: (e: string) => t(`assessmentPage.events.${e}`, { defaultValue: e }),
          },
          {
            title: t('assessmentPage.order'),
            dataIndex: 'orderId',
            render: (id: string, c) => <Link to={`/orders/${id}`}>{c.orderNumber ?? id.slice(0, 8)}</Link>,
          },
          {
            title: t('assessmentPage.amount'),
            render: (_: unknown, c) =>
              c.lines.map((l) => `${l.party === 'vendor' ? 'V' : 'P'} ${yuan(l.amountFen)}`).join(' / '),
          },
          {
            title: t('assessmentPage.state'),
            dataIndex: 'state',
            render: (s: AssessmentCaseView['state']) => (
              <Tag color={s === 'reversed' ? 'green' : s === 'assessed' || s === 'upheld' ? 'red' : 'orange'}>
                {t(`assessmentPage.states.${s}`)}
              </Tag>
            ),
          },
          {
            title: '',
            render: (_: unknown, c) => (
              <Space>
                {NEXT[c.state][operator ? 'operator' : 'vendor'].map((k) => (
                  <Button
                    key={k}
                    size="small"
                    onClick={() => setStep({ c, kind: k })}
                    data-testid={`case-${k}-${c.id}`}
                  >
                    {t(`assessmentPage.${k}_step`)}
                  </Button>
                ))}
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={step !== null}
        title={step ? t(`assessmentPage.${step.kind}_step`) : ''}
        onCancel={() => setStep(null)}
        onOk={() => void submit()}
        okButtonProps={{ disabled: note.trim() === '' }}
      >
        <Input.TextArea
          rows={3}
          placeholder={t('assessmentPage.note')}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          data-testid="case-step-note"
        />
      </Modal>
    </>
  );
}
