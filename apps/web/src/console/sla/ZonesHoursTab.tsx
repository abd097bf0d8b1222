import { WORK_ORDER_TYPES, type WorkOrderType } from '@daowei/domain';
import { Alert, App, Button, Card, Input, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { toApiError } from '../../api';
import { referenceApi } from '../../api/reference';
import {
  calendarSettingsApi,
  type AreaZone,
  type UnitHours,
  type WorkingHoursBody,
  type WorkingSpan,
} from '../../api/sla';
import type { OrgUnit } from '../../api/types';
import { useErrorText } from '../../hooks/useErrorText';
import { useLabels } from '../../i18n/useLabels';
import { useMe } from '../../session/SessionContext';

const SPAN = /^\s*(\d{2}:\d{2})\s*-\s*(\d{2}:\d{2}|24:00)\s*$/;

/** "09:00-12:00, 13:00-18:00" ⇄ spans; null when a piece does not read as a span. */
export function parseSpans(text: string): WorkingSpan[] | null {
  if (text.trim() === '') return [];
  const out: WorkingSpan[] = [];
  for (const piece of text.split(/[,，]/)) {
    const m = SPAN.exec(piece);
    if (!m) return null;
    out.push({ start: m[1]!, end: m[2]! });
  }
  return out;
}
const spansText = (spans: readonly WorkingSpan[]): string => spans.map((s) => `${s.start}-${s.end}`).join(', ');

const ALL_DAY = '00:00-24:00';
const OFFICE = ['', '09:00-18:00', '09:00-18:00', '09:00-18:00', '09:00-18:00', '09:00-18:00', ''];

interface Draft {
  unitId: string | null;
  name: string;
  week: string[];
  holidays: 'observe' | 'work';
  orderTypes: WorkOrderType[];
}
const emptyDraft = (): Draft => ({ unitId: null, name: '', week: [...OFFICE], holidays: 'observe', orderTypes: [] });

/**
 * SLA-01 on the server: each area's time zone (the 18:00 cut-off and shifts are local there) and each
 * team's working hours (a 24×7 fault team, a 09:00–18:00 install team), which the clocks of the team's
 * orders follow. Admins set zones; admins and managers set hours of their own units.
 */
export default function ZonesHoursTab() {
  const { t, type } = useLabels();
  const me = useMe();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const weekdays = t('slaSettings.weekdays').split(',');
  const zoneEditable = me.position === 'admin' && me.person.vendorId === null;
  const hoursEditable = ['admin', 'vendor_manager', 'station_manager'].includes(me.position);
  const [zones, setZones] = useState<{ tenantTimeZone: string; items: AreaZone[] } | null>(null);
  const [hours, setHours] = useState<UnitHours[] | null>(null);
  const [units, setUnits] = useState<OrgUnit[]>([]);
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [version, setVersion] = useState(0);
  const reload = useCallback(() => setVersion((v) => v + 1), []);

  useEffect(() => {
    let live = true;
    Promise.all([calendarSettingsApi.areas(), calendarSettingsApi.workingHours()]).then(
      ([z, h]) => live && (setZones(z), setHours(h.items)),
      (e: unknown) => live && void message.error(errorText(toApiError(e))),
    );
    return () => {
      live = false;
    };
    // Reload only when asked: errorText is a new function every render, and a reload resets the draft.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [version]);
  useEffect(() => {
    referenceApi.orgTree().then(
      (tree) => setUnits(tree.units.filter((u) => u.kind === 'team' || u.kind === 'station')),
      () => setUnits([]),
    );
  }, []);

  const zoneOptions = useMemo(() => {
    const known = (Intl as { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf?.('timeZone') ?? [];
    return known.map((z) => ({ value: z, label: z }));
  }, []);

  async function run(act: () => Promise<string>) {
    try {
      void message.success(await act());
      reload();
    } catch (e) {
      void message.error(errorText(toApiError(e)));
    }
  }

  const spans = draft.week.map(parseSpans);
  const badDay = spans.findIndex((s) => s === null);
  const saveHours = () =>
    run(async () => {
      const body: WorkingHoursBody = {
        name: draft.name.trim(),
        weekly: spans.map((s) => s ?? []),
        holidays: draft.holidays,
        orderTypes: draft.orderTypes,
      };
      await calendarSettingsApi.setWorkingHours(draft.unitId ?? '', body);
      setDraft(emptyDraft());
      return t('slaSettings.saved');
    });

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card title={t('slaSettings.zonesTitle')}>
        <Typography.Paragraph type="secondary">
          {t('slaSettings.zonesHint', { tz: zones?.tenantTimeZone ?? 'Asia/Shanghai' })}
        </Typography.Paragraph>
        <Table<AreaZone>
          rowKey="id"
          size="small"
          loading={!zones}
          dataSource={zones?.items ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          data-testid="area-zones"
          columns={[
            { title: t('slaSettings.area'), key: 'area', render: (_, a) => `${a.name} (${a.code})` },
            {
              title: t('slaSettings.zone'),
              key: 'zone',
              render: (_, a) =>
                zoneEditable ? (
                  <Select<string>
                    showSearch
                    allowClear
                    style={{ width: 260 }}
                    placeholder={t('slaSettings.followTenant')}
                    value={a.timeZone ?? undefined}
                    options={zoneOptions}
                    data-testid={`area-zone-${a.code}`}
                    onChange={(v) =>
                      void run(async () => {
                        await calendarSettingsApi.setAreaZone(a.id, v ?? null);
                        return t('slaSettings.saved');
                      })
                    }
                  />
                ) : (
                  <span>
                    {a.effectiveTimeZone}
                    {a.timeZone === null && <Tag style={{ marginLeft: 8 }}>{t('slaSettings.followTenant')}</Tag>}
                  </span>
                ),
            },
          ]}
        />
      </Card>

      <Card title={t('slaSettings.hoursTitle')}>
        <Typography.Paragraph type="secondary">{t('slaSettings.hoursHint')}</Typography.Paragraph>
        <Table<UnitHours>
          rowKey="unitId"
          size="small"
          loading={!hours}
          dataSource={hours ?? []}
          pagination={false}
          data-testid="unit-hours"
          columns={[
            { title: t('slaSettings.unit'), key: 'unit', render: (_, h) => `${h.unitName} (${h.unitCode})` },
            { title: t('slaSettings.hoursName'), dataIndex: 'name' },
            {
              title: t('slaSettings.week'),
              key: 'week',
              render: (_, h) =>
                h.weekly.map((d, i) => (
                  <div key={i}>
                    {weekdays[i]}: {d.length ? spansText(d) : t('slaSettings.dayOff')}
                  </div>
                )),
            },
            {
              title: t('slaSettings.holidays'),
              key: 'holidays',
              render: (_, h) => t(`slaSettings.holidayModes.${h.holidays}`),
            },
            {
              title: t('slaSettings.orderTypes'),
              key: 'types',
              render: (_, h) => h.orderTypes.map((o) => <Tag key={o}>{type(o)}</Tag>),
            },
            {
              key: 'act',
              render: (_, h) =>
                hoursEditable ? (
                  <Space>
                    <Button
                      size="small"
                      type="link"
                      data-testid={`unit-hours-edit-${h.unitCode}`}
                      onClick={() =>
                        setDraft({
                          unitId: h.unitId,
                          name: h.name,
                          week: h.weekly.map(spansText),
                          holidays: h.holidays,
                          orderTypes: h.orderTypes,
                        })
                      }
                    >
                      ✎
                    </Button>
                    <Button
                      size="small"
                      type="link"
                      danger
                      data-testid={`unit-hours-remove-${h.unitCode}`}
                      onClick={() =>
                        void run(async () => {
                          await calendarSettingsApi.deleteWorkingHours(h.unitId);
                          return t('slaSettings.removed');
                        })
                      }
                    >
                      {t('slaSettings.remove')}
                    </Button>
                  </Space>
                ) : null,
            },
          ]}
        />
      </Card>

      {hoursEditable ? (
        <Card title={t('slaSettings.save')}>
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Space wrap>
              <Select<string>
                showSearch
                optionFilterProp="label"
                style={{ width: 260 }}
                placeholder={t('slaSettings.unit')}
                value={draft.unitId ?? undefined}
                onChange={(unitId) => setDraft({ ...draft, unitId })}
                options={units.map((u) => ({ value: u.id, label: u.name }))}
                data-testid="hours-unit"
              />
              <Input
                style={{ width: 220 }}
                placeholder={t('slaSettings.hoursName')}
                value={draft.name}
                onChange={(e) => setDraft({ ...draft, name: e.target.value })}
                data-testid="hours-name"
              />
              <Button onClick={() => setDraft({ ...draft, week: Array(7).fill(ALL_DAY), holidays: 'work' })}>
                {t('slaSettings.presets.allDay')}
              </Button>
              <Button onClick={() => setDraft({ ...draft, week: [...OFFICE], holidays: 'observe' })}>
                {t('slaSettings.presets.office')}
              </Button>
            </Space>
            <Typography.Text type="secondary">{t('slaSettings.spans')}</Typography.Text>
            {draft.week.map((text, i) => (
              <Space key={i}>
                <span style={{ display: 'inline-block', width: 48 }}>{weekdays[i]}</span>
                <Input
                  style={{ width: 320 }}
                  value={text}
                  status={spans[i] === null ? 'error' : undefined}
                  placeholder={t('slaSettings.dayOff')}
                  onChange={(e) =>
                    setDraft({ ...draft, week: draft.week.map((w, j) => (j === i ? e.target.value : w)) })
                  }
                  data-testid={`hours-day-${i}`}
                />
              </Space>
            ))}
            {badDay >= 0 && <Alert type="error" showIcon title={t('slaSettings.badSpans')} />}
            <Space wrap>
              {t('slaSettings.holidays')}
              <Radio.Group
                value={draft.holidays}
                onChange={(e) => setDraft({ ...draft, holidays: e.target.value as Draft['holidays'] })}
                options={(['observe', 'work'] as const).map((v) => ({
                  value: v,
                  label: t(`slaSettings.holidayModes.${v}`),
                }))}
                data-testid="hours-holidays"
              />
            </Space>
            <Select<WorkOrderType[]>
              mode="multiple"
              style={{ width: '100%', maxWidth: 520 }}
              placeholder={t('slaSettings.orderTypes')}
              value={draft.orderTypes}
              onChange={(orderTypes) => setDraft({ ...draft, orderTypes })}
              options={WORK_ORDER_TYPES.map((v) => ({ value: v, label: type(v) }))}
              data-testid="hours-types"
            />
            <Button
              type="primary"
              disabled={!draft.unitId || draft.name.trim() === '' || badDay >= 0}
              onClick={() => void saveHours()}
              data-testid="hours-save"
            >
              {t('slaSettings.save')}
            </Button>
          </Space>
        </Card>
      ) : (
        <Alert type="info" showIcon title={t('slaSettings.readOnly')} />
      )}
    </Space>
  );
}
