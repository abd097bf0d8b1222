import {
  MESSAGE_CHANNELS,
  MESSAGE_LOCALES,
  SAMPLE_PARAMS,
  renderTemplate,
  type CustomerEvent,
  type MessageChannel,
  type MessageLocale,
} from '@daowei/domain';
import {
  Alert,
  Button,
  Card,
  Form,
  Input,
  List,
  Modal,
  Segmented,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
  message,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toApiError } from '../../api';
import { notifyApi, type MessageTemplate } from '../../api/notify';
import { useMe } from '../../session/SessionContext';

interface Draft {
  body: string;
  subject: string;
  enabled: boolean;
}

/**
 * /notify/templates (INT-01): the tenant's wording of each customer message per event, channel and
 * language, with an example filled in. An edit is saved as a new version (placeholders and forbidden
 * phrases checked by the server); operator admins edit, the desk reads.
 */
export default function NotifyTemplatesPage() {
  const { t } = useTranslation();
  const me = useMe();
  const canEdit = me.position === 'admin';
  const [items, setItems] = useState<MessageTemplate[]>([]);
  const [inUse, setInUse] = useState<MessageChannel[]>([]);
  const [channel, setChannel] = useState<MessageChannel>('sms');
  const [locale, setLocale] = useState<MessageLocale>('zh-CN');
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<MessageTemplate | null>(null);
  const [history, setHistory] = useState<MessageTemplate[] | null>(null);
  const [saving, setSaving] = useState(false);
  const [reload, setReload] = useState(0);
  const [form] = Form.useForm<Draft>();
  const draft = Form.useWatch([], form) as Draft | undefined;

  useEffect(() => {
    notifyApi.templates().then(
      (r) => {
        setItems(r.items);
        setInUse(r.channelsInUse);
      },
      (e: unknown) => setError(toApiError(e).message),
    );
  }, [reload]);

  const shown = useMemo(
    () => items.filter((x) => x.channel === channel && x.locale === locale),
    [items, channel, locale],
  );
  const preview = useMemo(() => {
    if (!editing || !draft) return null;
    return renderTemplate(
      { subject: editing.channel === 'email' ? (draft.subject ?? '') : null, body: draft.body ?? '' },
      SAMPLE_PARAMS[editing.locale],
    );
  }, [editing, draft]);

  function edit(tpl: MessageTemplate) {
    setError(null);
    setEditing(tpl);
    form.setFieldsValue({ body: tpl.body, subject: tpl.subject ?? '', enabled: tpl.enabled });
  }

  async function save() {
    if (!editing) return;
    const v = await form.validateFields();
    setSaving(true);
    try {
      const saved = await notifyApi.saveTemplate(editing, {
        body: v.body,
        subject: editing.channel === 'email' ? v.subject : null,
        enabled: v.enabled,
        version: editing.version,
      });
      void message.success(t('notify.templates.saved', { version: saved.version }));
      setEditing(null);
      setReload((r) => r + 1);
    } catch (e) {
      setError(toApiError(e).message);
    } finally {
      setSaving(false);
    }
  }

  async function showHistory(tpl: MessageTemplate) {
    try {
      setHistory((await notifyApi.history(tpl)).items);
    } catch (e) {
      setError(toApiError(e).message);
    }
  }

  return (
    <Card title={t('notify.templates.title')} data-testid="notify-templates">
      <Typography.Paragraph type="secondary">{t('notify.templates.hint')}</Typography.Paragraph>
      <Typography.Paragraph type="secondary">
        {t('notify.templates.inUse', { channels: inUse.map((c) => t(`notify.channels.${c}`)).join('、') })}
      </Typography.Paragraph>
      {!canEdit && <Alert type="info" showIcon message={t('notify.templates.readOnly')} style={{ marginBottom: 12 }} />}
      {error && !editing && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Space wrap style={{ marginBottom: 12 }}>
        <Segmented
          value={channel}
          onChange={(v) => setChannel(v as MessageChannel)}
          options={MESSAGE_CHANNELS.map((c) => ({ value: c, label: t(`notify.channels.${c}`) }))}
        />
        <Segmented
          value={locale}
          onChange={(v) => setLocale(v as MessageLocale)}
          options={MESSAGE_LOCALES.map((l) => ({ value: l, label: t(`notify.locales.${l}`) }))}
        />
      </Space>
      <Table<MessageTemplate>
        rowKey={(x) => `${x.event}/${x.channel}/${x.locale}`}
        size="small"
        pagination={false}
        dataSource={shown}
        columns={[
          {
            title: t('notify.templates.event'),
            dataIndex: 'event',
            render: (e: CustomerEvent) => t(`notify.events.${e}`),
            width: 180,
          },
          {
            title: t('notify.templates.version'),
            render: (_, x) => (
              <Space size={4}>
                <span>v{x.version}</span>
                {x.isDefault && <Tag>{t('notify.templates.isDefault')}</Tag>}
                {!x.enabled && <Tag color="red">{t('notify.templates.disabled')}</Tag>}
              </Space>
            ),
            width: 130,
          },
          {
            title: t('notify.templates.preview'),
            render: (_, x) => (
              <div>
                {x.preview.subject && <Typography.Text strong>{x.preview.subject}</Typography.Text>}
                <Typography.Paragraph style={{ marginBottom: 0 }}>{x.preview.body}</Typography.Paragraph>
              </div>
            ),
          },
          {
            title: '',
            width: 150,
            render: (_, x) => (
              <Space>
                {canEdit && (
                  <Button size="small" onClick={() => edit(x)} data-testid={`template-edit-${x.event}`}>
                    {t('notify.templates.edit')}
                  </Button>
                )}
                <Button size="small" type="link" onClick={() => void showHistory(x)}>
                  {t('notify.templates.history')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={editing !== null}
        title={
          editing
            ? `${t(`notify.events.${editing.event}`)} · ${t(`notify.channels.${editing.channel}`)} · ${t(`notify.locales.${editing.locale}`)}`
            : ''
        }
        onCancel={() => setEditing(null)}
        onOk={() => void save()}
        okText={t('notify.templates.save')}
        confirmLoading={saving}
        width={640}
        destroyOnHidden
      >
        {editing && (
          <Form form={form} layout="vertical">
            {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
            <Typography.Paragraph>
              {t('notify.templates.placeholders')}:{' '}
              {editing.placeholders.map((p) => (
                <Tag key={p}>{`{${p}}`}</Tag>
              ))}
            </Typography.Paragraph>
            {editing.channel === 'email' && (
              <Form.Item name="subject" label={t('notify.templates.subject')} rules={[{ required: true, max: 200 }]}>
                <Input />
              </Form.Item>
            )}
            <Form.Item name="body" label={t('notify.templates.body')} rules={[{ required: true, max: 1000 }]}>
              <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} data-testid="template-body" />
            </Form.Item>
            <Form.Item name="enabled" label={t('notify.templates.enabled')} valuePropName="checked">
              <Switch />
            </Form.Item>
            {preview && (
              <Alert
                type="info"
                message={t('notify.templates.preview')}
                description={`${preview.subject ? `${preview.subject} — ` : ''}${preview.body}`}
              />
            )}
          </Form>
        )}
      </Modal>
      <Modal
        open={history !== null}
        footer={null}
        onCancel={() => setHistory(null)}
        title={t('notify.templates.history')}
      >
        <List
          dataSource={history ?? []}
          renderItem={(x) => (
            <List.Item>
              <List.Item.Meta
                title={
                  <Space>
                    <span>v{x.version}</span>
                    {x.isDefault && <Tag>{t('notify.templates.isDefault')}</Tag>}
                    {x.updatedAt && (
                      <Typography.Text type="secondary">{x.updatedAt.slice(0, 16).replace('T', ' ')}</Typography.Text>
                    )}
                  </Space>
                }
                description={x.body}
              />
            </List.Item>
          )}
        />
      </Modal>
    </Card>
  );
}
