import { AutoComplete, Button, Form, Input, Select, Spin } from 'antd';
import { useState } from 'react';
import {
  type ExternalAccount,
  externalAccountsApi,
  type PersonSummary,
  referenceApi,
  SubmissionKeys,
  toApiError,
} from '../../api';
import { optionTestId } from '../../components/optionTestId';
import { useLabels } from '../../i18n/useLabels';
import { useFeedback } from '../useFeedback';

interface Values {
  personId: string;
  system: string;
  externalId: string;
}

const KNOWN_SYSTEMS = ['BSS', 'CRM', 'OSS'];

/** ORG-05: link a person (found by name, staff no. or phone) to an id in an external business system. */
export function LinkExternalAccountForm({ onLinked }: { onLinked: (m: ExternalAccount) => void }) {
  const { t } = useLabels();
  const feedback = useFeedback();
  const [form] = Form.useForm<Values>();
  const [keys] = useState(() => new SubmissionKeys());
  const [people, setPeople] = useState<PersonSummary[]>([]);
  const [searching, setSearching] = useState(false);
  const [submitting, setSubmitting] = useState(false);

  const findPeople = async (q: string) => {
    if (!q.trim()) return;
    setSearching(true);
    try {
      setPeople(await referenceApi.people(q.trim()));
    } catch (e) {
      feedback.error(toApiError(e));
    } finally {
      setSearching(false);
    }
  };

  const submit = async (v: Values) => {
    const body = { system: v.system.trim(), externalId: v.externalId.trim() };
    setSubmitting(true);
    try {
      const m = await externalAccountsApi.link(v.personId, body, keys.keyFor({ personId: v.personId, ...body }));
      keys.succeeded();
      const name = people.find((p) => p.id === v.personId)?.name ?? m.personName;
      feedback.success(t('external.linked', { name, system: m.system, externalId: m.externalId }));
      form.resetFields(['externalId']);
      onLinked(m);
    } catch (e) {
      feedback.error(toApiError(e));
    } finally {
      setSubmitting(false);
    }
  };

  const required = [{ required: true, whitespace: true, message: t('forms.required') }];
  return (
    <Form<Values> form={form} layout="vertical" initialValues={{ system: 'BSS' }} onFinish={(v) => void submit(v)}>
      <Form.Item name="personId" label={t('external.person')} rules={required}>
        <Select
          showSearch={{ filterOption: false, onSearch: (q: string) => void findPeople(q) }}
          placeholder={t('external.personPlaceholder')}
          notFoundContent={searching ? <Spin size="small" /> : null}
          data-testid="external-link-person"
          optionRender={optionTestId('external-person-option')}
          options={people.map((p) => ({
            value: p.id,
            label: [p.name, p.staffNo, p.phone].filter(Boolean).join(' · '),
          }))}
        />
      </Form.Item>
      <Form.Item name="system" label={t('external.system')} rules={required}>
        <AutoComplete options={KNOWN_SYSTEMS.map((s) => ({ value: s }))} data-testid="external-link-system" />
      </Form.Item>
      <Form.Item name="externalId" label={t('external.externalId')} rules={required}>
        <Input data-testid="external-link-external-id" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={submitting} data-testid="external-link-submit">
        {t('external.submit')}
      </Button>
    </Form>
  );
}
