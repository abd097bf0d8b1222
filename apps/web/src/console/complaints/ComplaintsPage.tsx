import { Card, Col, Empty, Row, Select, Table, Tag } from 'antd';
import { type HTMLAttributes, useState } from 'react';
import { complaintsApi, type ComplaintAbout, type ComplaintView } from '../../api/complaints';
import { useReloadableList } from '../../hooks/useReloadableList';
import { useLabels } from '../../i18n/useLabels';
import { useKpiNames } from '../kpis/useKpiNames';
import {
  acceptedAtColumn,
  ComplaintPeriodFrame,
  complaintTableProps,
  useComplaintPeriod,
} from './ComplaintPeriodFrame';
import { ComplaintSheetPanel, MissingList } from './ComplaintSheetPanel';

type StateFilter = 'all' | 'open' | 'closed';
const ABOUT: readonly ComplaintAbout[] = ['staff', 'service', 'network', 'billing', 'other'];

/**
 * CMP-01/02 complaint follow-up (/complaints): every complaint order of the period with its sheet and
 * what it still lacks to close, filtered by state, station, area and what it is about; picking one
 * opens its sheet. Below, the patterns per person and per area for the same period.
 */
export default function ComplaintsPage() {
  const { t } = useLabels();
  const names = useKpiNames();
  const period = useComplaintPeriod();
  const { from, to, stationId } = period;
  const [state, setState] = useState<StateFilter>('all');
  const [areaId, setAreaId] = useState<string | undefined>();
  const [aboutKind, setAboutKind] = useState<ComplaintAbout | undefined>();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const query = {
    from,
    to,
    state,
    ...(stationId ? { stationId } : {}),
    ...(areaId ? { areaId } : {}),
    ...(aboutKind ? { aboutKind } : {}),
  };
  const list = useReloadableList(JSON.stringify(query), () => complaintsApi.list(query));
  const selected = list.items?.find((i) => i.orderId === selectedId) ?? null;

  return (
    <ComplaintPeriodFrame
      title={t('complaints.title')}
      period={period}
      list={list}
      segments={{
        value: state,
        onChange: setState,
        options: [
          { value: 'all', label: <span data-testid="cmp-state-all">{t('complaints.stateAll')}</span> },
          { value: 'open', label: <span data-testid="cmp-state-open">{t('complaints.stateOpen')}</span> },
          { value: 'closed', label: <span data-testid="cmp-state-closed">{t('complaints.stateClosed')}</span> },
        ],
      }}
      afterStation={
        <>
          <Select
            allowClear
            placeholder={t('complaints.area')}
            style={{ width: 160 }}
            value={areaId}
            onChange={setAreaId}
            options={names.list.area.map((a) => ({ value: a.id, label: a.name }))}
          />
          <Select
            allowClear
            placeholder={t('complaints.about')}
            style={{ width: 160 }}
            value={aboutKind}
            onChange={setAboutKind}
            options={ABOUT.map((a) => ({ value: a, label: t(`complaintAbout.${a}`) }))}
          />
        </>
      }
    >
      <Row gutter={16}>
        <Col xs={24} xl={12}>
          <Table<ComplaintView>
            {...complaintTableProps(list)}
            data-testid="cmp-list"
            rowClassName={(r) => (r.orderId === selectedId ? 'ant-table-row-selected' : '')}
            onRow={(r) =>
              ({
                'data-testid': `cmp-row-${r.order.number}`,
                style: { cursor: 'pointer' },
                onClick: () => setSelectedId(r.orderId),
              }) as HTMLAttributes<HTMLElement>
            }
            columns={[
              { title: t('complaints.order'), render: (_: unknown, r) => r.order.number },
              acceptedAtColumn(t('complaints.acceptedAt')),
              {
                title: t('complaints.about'),
                render: (_: unknown, r) => (r.about ? t(`complaintAbout.${r.about.kind}`) : '—'),
              },
              {
                title: t('complaints.state'),
                render: (_: unknown, r) =>
                  r.state === 'closed' ? (
                    <Tag color="green">{t('complaints.stateClosed')}</Tag>
                  ) : !r.opened ? (
                    <Tag color="red">{t('complaints.notOpened')}</Tag>
                  ) : r.missing.length === 0 ? (
                    <Tag color="blue">{t('complaints.ready')}</Tag>
                  ) : (
                    <MissingList missing={r.missing} />
                  ),
              },
            ]}
          />
        </Col>
        <Col xs={24} xl={12}>
          {selected ? (
            <Card size="small" title={t('complaintSheet.title')}>
              <ComplaintSheetPanel
                key={`${selected.orderId}:${selected.history.length}`}
                item={selected}
                onChanged={list.reload}
              />
            </Card>
          ) : (
            <Empty description={t('complaints.pick')} />
          )}
        </Col>
      </Row>
    </ComplaintPeriodFrame>
  );
}
