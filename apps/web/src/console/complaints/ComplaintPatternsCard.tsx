import { Card, Empty, Progress, Segmented, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { toApiError, type ApiError } from '../../api';
import { complaintsApi, type ComplaintPattern } from '../../api/complaints';
import { useErrorText } from '../../hooks/useErrorText';
import { useLabels } from '../../i18n/useLabels';

const TOP = 10;

/** CMP-02: who and where keeps drawing complaints — counts over the period, the top N, most first. */
export function ComplaintPatternsCard({
  from,
  to,
  stationId,
  version,
}: {
  from: string;
  to: string;
  stationId?: string | undefined;
  version?: number;
}) {
  const { t } = useLabels();
  const errorText = useErrorText();
  const [by, setBy] = useState<'person' | 'area'>('person');
  const [answer, setAnswer] = useState<{ total: number; items: ComplaintPattern[] } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    let live = true;
    complaintsApi.patterns({ from, to, by, top: TOP, ...(stationId ? { stationId } : {}) }).then(
      (r) => {
        if (!live) return;
        setError(null);
        setAnswer(r);
      },
      (e: unknown) => live && setError(toApiError(e)),
    );
    return () => {
      live = false;
    };
  }, [from, to, by, stationId, version]);

  const max = Math.max(1, ...(answer?.items ?? []).map((i) => i.count));
  return (
    <Card
      size="small"
      title={`${t('complaints.patterns')} · ${t('complaints.top', { n: TOP })}`}
      extra={
        <Segmented<'person' | 'area'>
          value={by}
          onChange={setBy}
          options={[
            { value: 'person', label: <span data-testid="cmp-pattern-person">{t('complaints.byPerson')}</span> },
            { value: 'area', label: <span data-testid="cmp-pattern-area">{t('complaints.byArea')}</span> },
          ]}
        />
      }
      data-testid="cmp-patterns"
    >
      {error && <Typography.Text type="danger">{errorText(error)}</Typography.Text>}
      {answer && answer.items.length === 0 ? (
        <Empty description={t('complaints.noPattern')} />
      ) : (
        <Table<ComplaintPattern>
          rowKey="key"
          size="small"
          pagination={false}
          loading={!answer && !error}
          dataSource={answer?.items ?? []}
          columns={[
            { title: '#', width: 40, render: (_: unknown, _r, i) => i + 1 },
            {
              title: by === 'person' ? t('staffLog.person') : t('complaints.area'),
              render: (_: unknown, r) => (
                <span data-testid={`cmp-pattern-${r.key}`}>{r.name ?? r.key.slice(0, 8)}</span>
              ),
            },
            {
              title: t('complaints.count'),
              width: 200,
              render: (_: unknown, r) => (
                <Progress percent={(r.count / max) * 100} format={() => r.count} size="small" status="normal" />
              ),
            },
          ]}
        />
      )}
      {answer && <Typography.Text type="secondary">{t('complaints.total', { n: answer.total })}</Typography.Text>}
    </Card>
  );
}
