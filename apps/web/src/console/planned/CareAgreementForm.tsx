import { DEFAULT_PLANNED_WORK_POLICY } from '@daowei/domain';
import { Button, Checkbox, Form, Input, InputNumber, Radio, Select } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SubmissionKeys, toApiError } from '../../api';
import { careApi, type AgreementDetail, type NewAgreement } from '../../api/plannedWork';
import { referenceApi } from '../../api/reference';
import type { Area } from '../../api/types';
import { codeLabel } from '../../i18n/useLabels';
import { useFeedback } from '../useFeedback';
import { PersonSelect } from './PersonSelect';

interface Values {
  name: string;
  phone: string;
  address: string;
  areaId?: string;
  contents: string[];
  kind: 'weekly' | 'monthly';
  everyWeeks: number;
  weekdays: number[];
  nth: number;
  weekday: number;
  start: string;
  end: string;
  holidayHandling: 'skip' | 'next_day' | 'keep';
  startDate: string;
  endDate?: string;
  carerId?: string;
  note?: string;
}

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

/** WO-16: a new service agreement — client, services, rhythm and window, term, carer. */
export function CareAgreementForm({ onCreated }: { onCreated: (a: AgreementDetail) => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  const feedback = useFeedback();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form);
  const keys = useRef(new SubmissionKeys());
  const [areas, setAreas] = useState<Area[]>([]);
  const [saving, setSaving] = useState(false);
  const policy = DEFAULT_PLANNED_WORK_POLICY.care;
  const dayNames = t('care.weekdayNames').split(',');
  const weekdayOptions = [1, 2, 3, 4, 5, 6, 0].map((d) => ({ value: d, label: dayNames[d] }));

  useEffect(() => {
    referenceApi.areas().then(setAreas, () => setAreas([]));
  }, []);

  const submit = async (v: Values) => {
    const body: NewAgreement = {
      customer: { name: v.name, phone: v.phone, address: v.address },
      ...(v.areaId ? { areaId: v.areaId } : {}),
      contents: v.contents,
      schedule:
        v.kind === 'weekly'
          ? { kind: 'weekly', everyWeeks: v.everyWeeks, weekdays: v.weekdays, start: v.start, end: v.end }
          : { kind: 'monthly', nth: v.nth, weekday: v.weekday, start: v.start, end: v.end },
      holidayHandling: v.holidayHandling,
      startDate: v.startDate,
      ...(v.endDate ? { endDate: v.endDate } : {}),
      ...(v.carerId ? { carerId: v.carerId } : {}),
      ...(v.note?.trim() ? { note: v.note.trim() } : {}),
    };
    setSaving(true);
    try {
      const created = await careApi.create(body, keys.current.keyFor(body));
      keys.current.succeeded();
      onCreated(created);
    } catch (e) {
      feedback.error(toApiError(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      onFinish={(v) => void submit(v)}
      initialValues={{
        kind: 'weekly',
        everyWeeks: 1,
        weekdays: [],
        nth: 1,
        weekday: 1,
        start: '09:00',
        end: '11:00',
        holidayHandling: policy.defaultHolidayHandling,
        contents: [],
      }}
    >
      <Form.Item name="name" label={t('care.customer')} rules={[{ required: true, whitespace: true }]}>
        <Input maxLength={100} data-testid="care-form-name" />
      </Form.Item>
      <Form.Item name="phone" label={t('care.phone')} rules={[{ required: true, pattern: /^\+?[0-9 -]{5,20}$/ }]}>
        <Input maxLength={20} data-testid="care-form-phone" />
      </Form.Item>
      <Form.Item name="address" label={t('care.address')} rules={[{ required: true, whitespace: true }]}>
        <Input maxLength={300} data-testid="care-form-address" />
      </Form.Item>
      <Form.Item name="areaId" label={t('care.area')}>
        <Select allowClear data-testid="care-form-area" options={areas.map((a) => ({ value: a.id, label: a.name }))} />
      </Form.Item>
      <Form.Item name="contents" label={t('care.contents')} rules={[{ required: true, type: 'array', min: 1 }]}>
        <Checkbox.Group
          data-testid="care-form-contents"
          options={policy.contents.map((c) => ({ value: c.code, label: codeLabel(policy.contents, c.code, lang) }))}
        />
      </Form.Item>
      <Form.Item name="kind" label={t('care.kind')}>
        <Radio.Group data-testid="care-form-kind">
          <Radio value="weekly">{t('care.kindWeekly')}</Radio>
          <Radio value="monthly">{t('care.kindMonthly')}</Radio>
        </Radio.Group>
      </Form.Item>
      {kind === 'monthly' ? (
        <>
          <Form.Item name="nth" label={t('care.nth')}>
            <Select
              options={[1, 2, 3, 4, -1].map((n) => ({ value: n, label: n === -1 ? t('care.nthLast') : String(n) }))}
            />
          </Form.Item>
          <Form.Item name="weekday" label={t('care.weekday')}>
            <Select options={weekdayOptions} />
          </Form.Item>
        </>
      ) : (
        <>
          <Form.Item name="everyWeeks" label={t('care.everyWeeks')}>
            <InputNumber min={1} max={8} data-testid="care-form-every-weeks" />
          </Form.Item>
          <Form.Item name="weekdays" label={t('care.weekdays')} rules={[{ required: true, type: 'array', min: 1 }]}>
            <Checkbox.Group options={weekdayOptions} data-testid="care-form-weekdays" />
          </Form.Item>
        </>
      )}
      <Form.Item label={t('care.window')} required style={{ marginBottom: 0 }}>
        <Form.Item
          name="start"
          rules={[{ required: true, pattern: HHMM }]}
          style={{ display: 'inline-block', width: 120 }}
        >
          <Input placeholder="09:00" data-testid="care-form-start" />
        </Form.Item>
        <span style={{ display: 'inline-block', width: 24, textAlign: 'center' }}>–</span>
        <Form.Item
          name="end"
          rules={[{ required: true, pattern: HHMM }]}
          style={{ display: 'inline-block', width: 120 }}
        >
          <Input placeholder="11:00" data-testid="care-form-end" />
        </Form.Item>
      </Form.Item>
      <Form.Item name="holidayHandling" label={t('care.holidayHandling')}>
        <Select
          options={(['next_day', 'skip', 'keep'] as const).map((h) => ({ value: h, label: t(`care.holiday_${h}`) }))}
        />
      </Form.Item>
      <Form.Item name="startDate" label={t('care.startDate')} rules={[{ required: true }]}>
        <Input type="date" data-testid="care-form-start-date" />
      </Form.Item>
      <Form.Item name="endDate" label={t('care.endDate')}>
        <Input type="date" data-testid="care-form-end-date" />
      </Form.Item>
      <Form.Item name="carerId" label={t('care.carer')}>
        <PersonSelect placeholder={t('care.carerSearch')} testId="care-form-carer" />
      </Form.Item>
      <Form.Item name="note" label={t('care.note')}>
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={saving} block data-testid="care-form-submit">
        {t('care.create')}
      </Button>
    </Form>
  );
}
