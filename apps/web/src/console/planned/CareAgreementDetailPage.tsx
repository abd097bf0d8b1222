import { DEFAULT_PLANNED_WORK_POLICY } from '@daowei/domain';
import { Button, Card, Descriptions, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import type { ButtonProps } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { SubmissionKeys, toApiError } from '../../api';
import { careApi, type AgreementDetail, type CareAgreement, type CareVisit } from '../../api/plannedWork';
import { useLabels } from '../../i18n/useLabels';
import { formatDateTime } from '../../orders/format';
import { useMe } from '../../session/SessionContext';
import { useFeedback } from '../useFeedback';
import { AGREEMENT_COLOUR } from './CareAgreementsPage';
import { PLANNED_WRITERS } from './plannedMenu';
import { scheduleText } from './scheduleText';

const VISIT_COLOUR: Record<CareVisit['state'], string> = { planned: 'blue', skipped: 'default', cancelled: 'red' };

/** /care/agreements/:id (WO-16): the agreement, its visits (moved, skipped, cancelled), pause/resume/end. */
export default function CareAgreementDetailPage() {
  const { id = '' } = useParams();
  const { t, status, coded } = useLabels();
  const { t: tt } = useTranslation();
  const me = useMe();
  const feedback = useFeedback();
  const [a, setA] = useState<AgreementDetail | null>(null);
  const [changing, setChanging] = useState<CareAgreement['status'] | null>(null);
  const [reason, setReason] = useState('');
  const keys = useRef(new SubmissionKeys());
  const policy = DEFAULT_PLANNED_WORK_POLICY.care;
  const canWrite = PLANNED_WRITERS.includes(me.position);

  const load = useCallback(() => {
    careApi.agreement(id).then(setA, (e) => feedback.error(toApiError(e)));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id]);
  useEffect(load, [load]);

  const changeStatus = async () => {
    if (!changing || !reason.trim()) return;
    try {
      const body = { changing, reason: reason.trim() };
      const r = await careApi.setStatus(id, changing, body.reason, keys.current.keyFor(body));
      keys.current.succeeded();
      setA(r);
      setChanging(null);
      setReason('');
      feedback.success(t('care.statusChanged', { count: r.cancelled ?? 0 }));
    } catch (e) {
      feedback.error(toApiError(e));
    }
  };

  const generate = async () => {
    try {
      const r = await careApi.generate(id);
      setA(r);
      feedback.success(t('care.generated', { count: r.generated?.created ?? 0 }));
    } catch (e) {
      feedback.error(toApiError(e));
    }
  };

  if (!a) return <Card loading />;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card
        title={`${a.contactName} · ${scheduleText(a.schedule, tt)}`}
        extra={
          canWrite && (
            <Space>
              {a.status === 'active' && (
                <>
                  <Button onClick={() => void generate()} data-testid="care-generate">
                    {t('care.generate')}
                  </Button>
                  <Button onClick={() => setChanging('paused')} data-testid="care-pause">
                    {t('care.pause')}
                  </Button>
                </>
              )}
              {a.status === 'paused' && (
                <Button onClick={() => setChanging('active')} data-testid="care-resume">
                  {t('care.resume')}
                </Button>
              )}
              {a.status !== 'ended' && (
                <Button danger onClick={() => setChanging('ended')} data-testid="care-end">
                  {t('care.endAgreement')}
                </Button>
              )}
            </Space>
          )
        }
      >
        <Descriptions column={2} size="small">
          <Descriptions.Item label={t('care.status')}>
            <Tag color={AGREEMENT_COLOUR[a.status]} data-testid="care-agreement-status">
              {t(`care.status_${a.status}`)}
            </Tag>
            {a.statusReason && <Typography.Text type="secondary">{a.statusReason}</Typography.Text>}
          </Descriptions.Item>
          <Descriptions.Item label={t('care.phone')}>{a.contactPhone}</Descriptions.Item>
          <Descriptions.Item label={t('care.address')}>{a.address}</Descriptions.Item>
          <Descriptions.Item label={t('care.term')}>{`${a.startDate} – ${a.endDate ?? '…'}`}</Descriptions.Item>
          <Descriptions.Item label={t('care.contents')} span={2}>
            {a.contents.map((c) => (
              <Tag key={c}>{coded(policy.contents, c)}</Tag>
            ))}
          </Descriptions.Item>
          <Descriptions.Item label={t('care.holidayHandling')}>
            {t(`care.holiday_${a.holidayHandling}`)}
          </Descriptions.Item>
          {a.note && <Descriptions.Item label={t('care.note')}>{a.note}</Descriptions.Item>}
        </Descriptions>
      </Card>
      <Card title={t('care.visits')}>
        <Table<CareVisit>
          rowKey="id"
          size="small"
          dataSource={a.visits}
          pagination={{ pageSize: 20 }}
          data-testid="care-visits-table"
          columns={[
            { title: t('care.occurrence'), dataIndex: 'occurrenceDate' },
            {
              title: t('care.planned'),
              key: 'planned',
              render: (_, v) => (
                <>
                  {v.plannedDate ?? '—'}
                  {v.holiday && (
                    <Typography.Text type="secondary"> {t('care.movedFor', { name: v.holiday })}</Typography.Text>
                  )}
                </>
              ),
            },
            {
              title: t('care.status'),
              key: 'state',
              render: (_, v) => (
                <>
                  <Tag color={VISIT_COLOUR[v.state]}>{t(`care.visitState_${v.state}`)}</Tag>
                  {v.cancelReason && <Typography.Text type="secondary">{v.cancelReason}</Typography.Text>}
                </>
              ),
            },
            {
              title: t('care.order'),
              key: 'order',
              render: (_, v) =>
                v.order ? (
                  <Link to={`/orders/${v.order.id}`} data-testid="care-visit-order">
                    {v.order.number}
                  </Link>
                ) : (
                  '—'
                ),
            },
            {
              title: t('care.orderStatus'),
              key: 'orderStatus',
              render: (_, v) => (v.order ? status(v.order.status as never) : '—'),
            },
            {
              title: t('care.phoneConfirmed'),
              key: 'confirmed',
              render: (_, v) => formatDateTime(v.contentConfirmedAt),
            },
            {
              title: t('care.evaluation'),
              key: 'evaluation',
              render: (_, v) => (v.condition ? `${coded(policy.conditions, v.condition)} · ${v.rating ?? ''}` : '—'),
            },
          ]}
        />
      </Card>
      <Modal
        open={changing !== null}
        title={
          changing
            ? t(changing === 'active' ? 'care.resume' : changing === 'paused' ? 'care.pause' : 'care.endAgreement')
            : ''
        }
        onCancel={() => setChanging(null)}
        onOk={() => void changeStatus()}
        okButtonProps={{ disabled: !reason.trim(), 'data-testid': 'care-status-ok' } as ButtonProps}
      >
        <Input.TextArea
          rows={3}
          maxLength={500}
          placeholder={t('care.reasonRequired')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          data-testid="care-status-reason"
        />
      </Modal>
    </Space>
  );
}
