import { DEFAULT_PLANNED_WORK_POLICY } from '@daowei/domain';
import { Button, Card, Input, Modal, Space, Table } from 'antd';
import type { TFunction } from 'i18next';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { SubmissionKeys, toApiError } from '../../api';
import { inspectionApi, type Notice } from '../../api/plannedWork';
import { codeLabel, useLabels } from '../../i18n/useLabels';
import { formatDateTime } from '../../orders/format';
import { useFeedback } from '../useFeedback';

/** How the customer answered a notice, in words. */
export function answerText(n: Notice, t: TFunction): string {
  if (n.signed === true) return t('insp.signedYes');
  if (n.signed === false) {
    const reason = codeLabel(DEFAULT_PLANNED_WORK_POLICY.inspection.refusalReasons, n.refusalReason ?? '');
    return t('insp.refused', { reason: n.refusalNote ? `${reason}（${n.refusalNote}）` : reason });
  }
  return t('insp.unanswered');
}

/** /inspections/overdue (WO-17): open rectification notices past their deadline, earliest first. */
export default function OverdueNoticesPage() {
  const { t } = useLabels();
  const feedback = useFeedback();
  const [rows, setRows] = useState<Notice[] | null>(null);
  const [fixing, setFixing] = useState<Notice | null>(null);
  const [note, setNote] = useState('');
  const keys = useRef(new SubmissionKeys());

  const load = useCallback(() => {
    inspectionApi.overdue().then(setRows, (e) => feedback.error(toApiError(e)));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  useEffect(load, [load]);

  const fixed = async () => {
    if (!fixing || !note.trim()) return;
    try {
      await inspectionApi.rectified(fixing.id, note.trim(), keys.current.keyFor({ id: fixing.id, note }));
      keys.current.succeeded();
      setFixing(null);
      setNote('');
      feedback.success(t('insp.rectifiedDone'));
      load();
    } catch (e) {
      feedback.error(toApiError(e));
    }
  };

  return (
    <Card title={t('insp.overdueTitle')}>
      <Table<Notice>
        rowKey="id"
        size="small"
        loading={rows === null}
        dataSource={rows ?? []}
        data-testid="insp-overdue-table"
        columns={[
          { title: t('insp.noticeNumber'), dataIndex: 'number' },
          { title: t('insp.deadline'), dataIndex: 'deadline' },
          { title: t('insp.customer'), key: 'customer', render: (_, n) => n.order?.contactName ?? '—' },
          { title: t('insp.address'), key: 'address', render: (_, n) => n.order?.address ?? '—' },
          {
            title: t('insp.order'),
            key: 'order',
            render: (_, n) => (n.order ? <Link to={`/orders/${n.order.id}`}>{n.order.number}</Link> : '—'),
          },
          { title: t('insp.issuedAt'), key: 'issued', render: (_, n) => formatDateTime(n.issuedAt) },
          { title: t('insp.answer'), key: 'answer', render: (_, n) => answerText(n, t) },
          {
            title: '',
            key: 'actions',
            render: (_, n) => (
              <Space>
                <Link to={`/inspections/notices/${n.id}/print`}>{t('insp.print')}</Link>
                <Button size="small" onClick={() => setFixing(n)} data-testid="insp-mark-rectified">
                  {t('insp.markRectified')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={fixing !== null}
        title={t('insp.markRectified')}
        onCancel={() => setFixing(null)}
        onOk={() => void fixed()}
        okButtonProps={{ disabled: !note.trim() }}
      >
        <Input.TextArea
          rows={3}
          maxLength={500}
          placeholder={t('insp.rectifiedNote')}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </Modal>
    </Card>
  );
}
