import { Alert, Button, Card, Checkbox, Form, Input, Radio, Space, Table, Tag } from 'antd';
import { SHIFT_KINDS, type ShiftKind } from '@daowei/domain';
import dayjs from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SubmissionKeys, toApiError } from '../../api';
import { shiftsApi, type RosterLine, type RosterView } from '../../api/shifts';
import { useFeedback } from '../useFeedback';

const KIND_COLOUR: Record<ShiftKind, string> = { day: 'blue', evening: 'purple', weekend: 'orange' };
const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Weekday names by dayjs/JS day number (0 = Sunday). */
const WEEKDAY = [
  'shifts.weekday.d0',
  'shifts.weekday.d1',
  'shifts.weekday.d2',
  'shifts.weekday.d3',
  'shifts.weekday.d4',
  'shifts.weekday.d5',
  'shifts.weekday.d6',
] as const;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Monday of the week holding `d` (rosters are read a week at a time). */
const mondayOf = (d: dayjs.Dayjs) => d.subtract((d.day() + 6) % 7, 'day').startOf('day');

/**
 * /shifts (ORG-06): the week's roster of the field staff — day, evening and weekend shifts (错时服务) —
 * and a form that rosters a weekly line for several people at once. Times are the station's wall clock.
 */
export default function ShiftsPage() {
  const { t } = useTranslation();
  const feedback = useFeedback();
  const [monday, setMonday] = useState(() => mondayOf(dayjs()));
  const [view, setView] = useState<RosterView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const [busy, setBusy] = useState(false);
  const keys = useRef(new SubmissionKeys());
  const [form] = Form.useForm<RosterLine>();
  const days = Array.from({ length: 7 }, (_, i) => monday.add(i, 'day'));

  useEffect(() => {
    let live = true;
    shiftsApi.list(days[0]!.format('YYYY-MM-DD'), days[6]!.format('YYYY-MM-DD')).then(
      (v) => live && setView(v),
      (e) => live && setError(toApiError(e).message),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- days derive from monday
  }, [monday, version]);

  async function plan(v: RosterLine) {
    setBusy(true);
    try {
      const body = { ...v, weekdays: [...v.weekdays].sort() };
      const res = await shiftsApi.roster(body, keys.current.keyFor(body));
      keys.current.succeeded();
      feedback.success(t('shifts.planned', { created: res.created, skipped: res.skipped }));
      setVersion((x) => x + 1);
    } catch (e) {
      feedback.error(toApiError(e));
    } finally {
      setBusy(false);
    }
  }

  async function remove(id: string) {
    try {
      await shiftsApi.remove(id);
      feedback.success(t('shifts.removed'));
      setVersion((x) => x + 1);
    } catch (e) {
      feedback.error(toApiError(e));
    }
  }

  const shiftsOf = (personId: string, day: dayjs.Dayjs) =>
    (view?.items ?? []).filter((s) => s.personId === personId && dayjs(s.start).isSame(day, 'day'));

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card
        title={t('shifts.title')}
        extra={
          <Space>
            <Button onClick={() => setMonday((m) => m.subtract(7, 'day'))}>{t('shifts.prev')}</Button>
            <span data-testid="shifts-week">{days[0]!.format('YYYY-MM-DD')}</span>
            <Button onClick={() => setMonday((m) => m.add(7, 'day'))} data-testid="shifts-next-week">
              {t('shifts.next')}
            </Button>
          </Space>
        }
      >
        {error && <Alert type="error" message={error} showIcon style={{ marginBottom: 12 }} />}
        <Table
          rowKey="id"
          size="small"
          data-testid="shifts-table"
          loading={view === null && !error}
          dataSource={view?.people ?? []}
          pagination={false}
          columns={[
            { title: t('shifts.person'), dataIndex: 'name' },
            ...days.map((d) => ({
              title: `${t(WEEKDAY[d.day()]!)} ${d.format('MM-DD')}`,
              key: d.format('YYYY-MM-DD'),
              render: (_: unknown, p: { id: string; name: string }) => (
                <Space direction="vertical" size={2}>
                  {shiftsOf(p.id, d).map((s) => (
                    <Tag
                      key={s.id}
                      color={KIND_COLOUR[s.kind]}
                      closable
                      onClose={(e) => {
                        e.preventDefault();
                        void remove(s.id);
                      }}
                      data-testid={`shift-${p.id}-${d.format('YYYY-MM-DD')}-${s.kind}`}
                      title={t('shifts.remove')}
                    >
                      {t(`shifts.kinds.${s.kind}`)} {dayjs(s.start).format('HH:mm')}–{dayjs(s.end).format('HH:mm')}
                    </Tag>
                  ))}
                </Space>
              ),
            })),
          ]}
        />
      </Card>
      <Card title={t('shifts.planTitle')} size="small">
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) => void plan(v)}
          initialValues={{
            kind: 'evening',
            weekdays: [1, 2, 3, 4, 5],
            start: '18:00',
            end: '22:00',
            fromDate: days[0]!.format('YYYY-MM-DD'),
            toDate: days[6]!.format('YYYY-MM-DD'),
          }}
        >
          <Form.Item name="personIds" label={t('shifts.people')} rules={[{ required: true }]}>
            <Checkbox.Group
              data-testid="roster-people"
              options={(view?.people ?? []).map((p) => ({
                value: p.id,
                label: <span data-testid={`roster-person-${p.id}`}>{p.name}</span>,
              }))}
            />
          </Form.Item>
          <Form.Item name="kind" label={t('shifts.kind')} rules={[{ required: true }]}>
            <Radio.Group data-testid="roster-kind">
              {SHIFT_KINDS.map((k) => (
                <Radio key={k} value={k} data-testid={`roster-kind-${k}`}>
                  {t(`shifts.kinds.${k}`)}
                </Radio>
              ))}
            </Radio.Group>
          </Form.Item>
          <Form.Item name="weekdays" label={t('shifts.weekdays')} rules={[{ required: true }]}>
            <Checkbox.Group
              data-testid="roster-weekdays"
              options={[1, 2, 3, 4, 5, 6, 0].map((d) => ({ value: d, label: t(WEEKDAY[d]!) }))}
            />
          </Form.Item>
          <Space wrap>
            <Form.Item name="start" label={t('shifts.start')} rules={[{ required: true, pattern: TIME }]}>
              <Input style={{ width: 100 }} placeholder="18:00" data-testid="roster-start" />
            </Form.Item>
            <Form.Item
              name="end"
              label={t('shifts.end')}
              tooltip={t('shifts.overnight')}
              rules={[{ required: true, pattern: TIME }]}
            >
              <Input style={{ width: 100 }} placeholder="22:00" data-testid="roster-end" />
            </Form.Item>
            <Form.Item name="fromDate" label={t('shifts.range')} rules={[{ required: true, pattern: DATE }]}>
              <Input style={{ width: 130 }} data-testid="roster-from" />
            </Form.Item>
            <Form.Item name="toDate" label=" " rules={[{ required: true, pattern: DATE }]}>
              <Input style={{ width: 130 }} data-testid="roster-to" />
            </Form.Item>
          </Space>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="roster-submit">
            {t('shifts.plan')}
          </Button>
        </Form>
      </Card>
    </Space>
  );
}
