import { Alert, Card, Checkbox, Space, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { toApiError } from '../../api';
import { incidentsApi, type IncidentSummary } from '../../api/incidents';
import { formatDateTime } from '../../orders/format';

export const INCIDENT_STATE_COLOUR: Record<IncidentSummary['state'], string> = {
  proposed: 'orange',
  confirmed: 'red',
  dismissed: 'default',
  closed: 'green',
};

/**
 * /desk/incidents (WO-11): the parent incidents the clustering proposed and the desk confirmed, newest
 * first; each opens its children, the map and the actions.
 */
export default function IncidentsPage() {
  const { t } = useTranslation();
  const [rows, setRows] = useState<IncidentSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [withClosed, setWithClosed] = useState(false);

  useEffect(() => {
    let live = true;
    const states: IncidentSummary['state'][] = withClosed
      ? ['proposed', 'confirmed', 'closed', 'dismissed']
      : ['proposed', 'confirmed'];
    incidentsApi.list(states).then(
      (r) => live && setRows(r.items),
      (e) => live && setError(toApiError(e).message),
    );
    return () => {
      live = false;
    };
  }, [withClosed]);

  return (
    <Card
      title={t('incidents.title')}
      extra={
        <Checkbox checked={withClosed} onChange={(e) => setWithClosed(e.target.checked)} data-testid="incidents-all">
          {t('incidents.showClosed')}
        </Checkbox>
      }
    >
      {error && <Alert type="error" message={error} showIcon style={{ marginBottom: 12 }} />}
      <Table<IncidentSummary>
        rowKey="id"
        data-testid="incidents-table"
        loading={rows === null}
        dataSource={rows ?? []}
        pagination={false}
        locale={{ emptyText: t('incidents.empty') }}
        columns={[
          {
            title: t('incidents.number'),
            dataIndex: 'number',
            render: (n: string, r) => (
              <Link to={`/desk/incidents/${r.id}`} data-testid={`incident-${n}`}>
                {n}
              </Link>
            ),
          },
          {
            title: t('incidents.key'),
            render: (_, r) =>
              r.key.kind === 'area' ? t('incidents.keyArea') : `${t('incidents.keyDevice')} ${r.key.value}`,
          },
          {
            title: t('incidents.state'),
            render: (_, r) => (
              <Space>
                <Tag color={INCIDENT_STATE_COLOUR[r.state]} data-testid={`incident-state-${r.number}`}>
                  {t(`incidents.states.${r.state}`)}
                </Tag>
                {r.progress && <Tag>{t(`incidents.progressNames.${r.progress}`)}</Tag>}
              </Space>
            ),
          },
          {
            title: t('incidents.children'),
            render: (_, r) => t('incidents.counts', { linked: r.counts.linked, proposed: r.counts.proposed }),
          },
          { title: t('incidents.proposedAt'), dataIndex: 'proposedAt', render: (v: string) => formatDateTime(v) },
        ]}
      />
    </Card>
  );
}
