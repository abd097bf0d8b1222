import { Alert, App, Button, Card, Col, Input, InputNumber, Row, Select, Space, Table, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { newIdempotencyKey, toApiError, type ApiError } from '../../api';
import { calendarApi, type CalendarDayOverride, type CalendarView } from '../../api/sla';
import { useErrorText } from '../../hooks/useErrorText';
import { useLabels } from '../../i18n/useLabels';
import { useMe } from '../../session/SessionContext';

type DayKind = CalendarDayOverride['kind'];

/**
 * SLA-01 calendar days: a year's holidays and make-up working days (official data and the tenant's
 * own days), a warning for years without an official notice (their deadlines are provisional), setting
 * a day (local holiday, make-up day, closure) and importing a year's notice as CSV lines.
 */
export default function CalendarDaysTab() {
  const { t, lang } = useLabels();
  const l = lang as 'zh-CN' | 'en';
  const me = useMe();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const editable = me.position === 'admin' && me.person.vendorId === null;
  const [year, setYear] = useState<number | null>(null);
  const [view, setView] = useState<CalendarView | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [day, setDay] = useState<{ date: string; kind: DayKind; name: string }>({
    date: '',
    kind: 'closure',
    name: '',
  });
  const [notice, setNotice] = useState<{ year: number | null; csv: string }>({ year: null, csv: '' });
  const [version, setVersion] = useState(0);
  const reload = useCallback(() => setVersion((v) => v + 1), []);

  useEffect(() => {
    let live = true;
    calendarApi.view(year ?? undefined).then(
      (v) => live && (setView(v), setError(null)),
      (e: unknown) => live && setError(toApiError(e)),
    );
    return () => {
      live = false;
    };
  }, [year, version]);

  async function run(act: () => Promise<string>) {
    try {
      void message.success(await act());
      reload();
    } catch (e) {
      void message.error(errorText(toApiError(e)));
    }
  }

  const saveDay = () =>
    run(async () => {
      await calendarApi.putDay(day.date.trim(), { kind: day.kind, name: day.name.trim() });
      return t('calendarAdmin.saved');
    });
  const importNotice = () =>
    run(async () => {
      const r = await calendarApi.importNotice({ year: notice.year ?? 0, csv: notice.csv }, newIdempotencyKey());
      return t('calendarAdmin.imported', { n: r.imported, year: r.year });
    });

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={t('calendarAdmin.title')}
        extra={
          <Space>
            {t('calendarAdmin.year')}
            <InputNumber
              min={2000}
              max={2999}
              value={year ?? view?.year ?? null}
              onChange={(v) => setYear(v ?? null)}
              data-testid="calendar-year"
            />
          </Space>
        }
      >
        {error && <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 12 }} />}
        {view?.warnings.map((w) => (
          <Alert
            key={w.year}
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            title={<span data-testid={`calendar-warning-${w.year}`}>{w.text[l]}</span>}
          />
        ))}
        {view && (
          <Space wrap style={{ marginBottom: 12 }}>
            <span>
              {t('calendarAdmin.timeZone')}: {view.timeZone}
            </span>
            <span>
              {t('calendarAdmin.source')}: {view.holidaySource ?? '—'}
            </span>
            {view.coverage.map((c) => (
              <Tag
                key={c.year}
                color={c.coverage === 'missing' ? 'orange' : 'green'}
                data-testid={`calendar-coverage-${c.year}`}
              >
                {c.year} {t(`calendarAdmin.coverageStates.${c.coverage}`)}
              </Tag>
            ))}
          </Space>
        )}
        <Table
          rowKey="date"
          size="small"
          loading={!view && !error}
          dataSource={view?.days ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          data-testid="calendar-days"
          columns={[
            { title: t('calendarAdmin.date'), dataIndex: 'date' },
            {
              title: t('calendarAdmin.kind'),
              key: 'working',
              render: (_, d) =>
                d.override ? (
                  t(`calendarAdmin.kinds.${d.override.kind}`)
                ) : (
                  <Tag color={d.working ? 'blue' : 'default'}>
                    {d.working ? t('calendarAdmin.working') : t('calendarAdmin.off')}
                  </Tag>
                ),
            },
            { title: t('calendarAdmin.name'), key: 'name', render: (_, d) => d.override?.name ?? d.name ?? '' },
            {
              title: t('calendarAdmin.origin'),
              key: 'origin',
              render: (_, d) => t(`calendarAdmin.origins.${d.override ? d.override.source : d.source}`),
            },
            {
              key: 'remove',
              render: (_, d) =>
                editable && d.override ? (
                  <Button
                    size="small"
                    danger
                    type="link"
                    data-testid={`calendar-remove-${d.date}`}
                    onClick={() =>
                      void run(async () => {
                        await calendarApi.deleteDay(d.date);
                        return t('calendarAdmin.saved');
                      })
                    }
                  >
                    {t('calendarAdmin.remove')}
                  </Button>
                ) : null,
            },
          ]}
        />
      </Card>
      {editable ? (
        <Row gutter={16}>
          <Col xs={24} xl={12}>
            <Card title={t('calendarAdmin.addDay')}>
              <Space wrap>
                <Input
                  placeholder="YYYY-MM-DD"
                  style={{ width: 130 }}
                  value={day.date}
                  onChange={(e) => setDay({ ...day, date: e.target.value })}
                  data-testid="calendar-day-date"
                />
                <Select<DayKind>
                  style={{ width: 150 }}
                  value={day.kind}
                  onChange={(kind) => setDay({ ...day, kind })}
                  options={(['holiday', 'working', 'closure'] as const).map((k) => ({
                    value: k,
                    label: t(`calendarAdmin.kinds.${k}`),
                  }))}
                  data-testid="calendar-day-kind"
                />
                <Input
                  placeholder={t('calendarAdmin.name')}
                  style={{ width: 160 }}
                  value={day.name}
                  onChange={(e) => setDay({ ...day, name: e.target.value })}
                  data-testid="calendar-day-name"
                />
                <Button type="primary" onClick={() => void saveDay()} data-testid="calendar-day-save">
                  {t('calendarAdmin.save')}
                </Button>
              </Space>
            </Card>
          </Col>
          <Col xs={24} xl={12}>
            <Card title={t('calendarAdmin.importTitle')}>
              <Space orientation="vertical" style={{ width: '100%' }}>
                <InputNumber
                  min={2000}
                  max={2999}
                  placeholder={t('calendarAdmin.year')}
                  value={notice.year}
                  onChange={(v) => setNotice({ ...notice, year: v ?? null })}
                  data-testid="calendar-import-year"
                />
                <Input.TextArea
                  rows={5}
                  placeholder={t('calendarAdmin.importHint')}
                  value={notice.csv}
                  onChange={(e) => setNotice({ ...notice, csv: e.target.value })}
                  data-testid="calendar-import-csv"
                />
                <Button
                  type="primary"
                  disabled={!notice.year || notice.csv.trim() === ''}
                  onClick={() => void importNotice()}
                  data-testid="calendar-import-submit"
                >
                  {t('calendarAdmin.import')}
                </Button>
              </Space>
            </Card>
          </Col>
        </Row>
      ) : (
        <Alert type="info" showIcon title={t('calendarAdmin.readOnly')} />
      )}
    </Space>
  );
}
