import { CAUSE_CATEGORIES, SCRIPT_SITUATIONS, type ForbiddenPhrase, type Script } from '@daowei/domain';
import { Alert, Button, Card, Form, Input, Modal, Select, Space, Table, Tabs, message } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toApiError } from '../../api';
import { deskApi } from '../../api/desk';
import { useMe } from '../../session/SessionContext';

type Editing =
  | { kind: 'script'; value: Partial<Script> }
  | { kind: 'phrase'; value: Partial<ForbiddenPhrase> & { variantsText?: string } };

/**
 * /desk/scripts (DESK-04): the tenant's scripts by situation and its forbidden phrases with variants.
 * Edits are kept on the page and saved together; the server refuses a stale version and a script that
 * says one of the phrases. Station managers and admins edit; everyone else reads.
 */
export default function ScriptsAdminPage() {
  const { t } = useTranslation();
  const me = useMe();
  const canEdit = (['station_manager', 'admin'] as string[]).includes(me.position);
  const [scripts, setScripts] = useState<Script[]>([]);
  const [phrases, setPhrases] = useState<ForbiddenPhrase[]>([]);
  const [version, setVersion] = useState(0);
  const [isDefault, setIsDefault] = useState(false);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [reload, setReload] = useState(0);
  const [form] = Form.useForm();

  useEffect(() => {
    deskApi.library().then(
      (lib) => {
        setScripts(lib.scripts);
        setPhrases(lib.phrases);
        setVersion(lib.version);
        setIsDefault(lib.isDefault);
      },
      (e: unknown) => setError(toApiError(e).message),
    );
  }, [reload]);

  async function save() {
    setError(null);
    try {
      await deskApi.saveLibrary({ version, scripts, phrases });
      void message.success(t('desk.saved'));
      setReload((r) => r + 1);
    } catch (e) {
      setError(toApiError(e).message);
    }
  }

  function open(next: Editing) {
    setEditing(next);
    form.setFieldsValue(
      next.kind === 'phrase' ? { ...next.value, variantsText: (next.value.variants ?? []).join(', ') } : next.value,
    );
  }

  function apply(v: Record<string, string>) {
    if (!editing) return;
    if (editing.kind === 'script') {
      const s: Script = {
        id: editing.value.id ?? `s-${Date.now()}`,
        situation: v.situation as Script['situation'],
        ...(v.causeCategory ? { causeCategory: v.causeCategory as Script['causeCategory'] & string } : {}),
        title: v.title ?? '',
        text: v.text ?? '',
      };
      setScripts((all) => (all.some((x) => x.id === s.id) ? all.map((x) => (x.id === s.id ? s : x)) : [...all, s]));
    } else {
      const variants = (v.variantsText ?? '')
        .split(/[,，]/)
        .map((x) => x.trim())
        .filter(Boolean);
      const p: ForbiddenPhrase = {
        id: editing.value.id ?? `p-${Date.now()}`,
        phrase: v.phrase ?? '',
        ...(variants.length ? { variants } : {}),
        suggest: v.suggest as ForbiddenPhrase['suggest'],
      };
      setPhrases((all) => (all.some((x) => x.id === p.id) ? all.map((x) => (x.id === p.id ? p : x)) : [...all, p]));
    }
    setEditing(null);
  }

  const situationOptions = SCRIPT_SITUATIONS.map((s) => ({ value: s, label: t(`desk.situations.${s}`) }));
  const actions = <T extends { id: string }>(row: T, kind: Editing['kind'], remove: (id: string) => void) =>
    canEdit && (
      <Space>
        <Button size="small" onClick={() => open({ kind, value: row } as Editing)}>
          {t('desk.edit')}
        </Button>
        <Button size="small" danger onClick={() => remove(row.id)}>
          {t('desk.remove')}
        </Button>
      </Space>
    );

  return (
    <Card
      title={t('desk.scriptsTitle')}
      extra={
        canEdit && (
          <Button type="primary" onClick={() => void save()} data-testid="scripts-save">
            {t('desk.save')}
          </Button>
        )
      }
    >
      {isDefault && <Alert type="info" title={t('desk.usingDefaults')} style={{ marginBottom: 12 }} />}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="scripts-error" />}
      <Tabs
        items={[
          {
            key: 'scripts',
            label: t('desk.scripts'),
            children: (
              <>
                {canEdit && (
                  <Button
                    style={{ marginBottom: 8 }}
                    onClick={() => open({ kind: 'script', value: { situation: 'farewell' } })}
                    data-testid="scripts-add"
                  >
                    {t('desk.add')}
                  </Button>
                )}
                <Table<Script>
                  rowKey="id"
                  dataSource={scripts}
                  pagination={false}
                  data-testid="scripts-table"
                  columns={[
                    { title: t('desk.situation'), render: (_, s) => t(`desk.situations.${s.situation}`) },
                    { title: t('desk.title'), dataIndex: 'title' },
                    { title: t('desk.text'), dataIndex: 'text' },
                    {
                      title: '',
                      render: (_, s) => actions(s, 'script', (id) => setScripts((a) => a.filter((x) => x.id !== id))),
                    },
                  ]}
                />
              </>
            ),
          },
          {
            key: 'phrases',
            label: t('desk.phrases'),
            children: (
              <>
                {canEdit && (
                  <Button
                    style={{ marginBottom: 8 }}
                    onClick={() => open({ kind: 'phrase', value: { suggest: 'complaint_response' } })}
                    data-testid="phrases-add"
                  >
                    {t('desk.add')}
                  </Button>
                )}
                <Table<ForbiddenPhrase>
                  rowKey="id"
                  dataSource={phrases}
                  pagination={false}
                  data-testid="phrases-table"
                  columns={[
                    { title: t('desk.phrase'), dataIndex: 'phrase' },
                    { title: t('desk.variants'), render: (_, p) => (p.variants ?? []).join('、') },
                    { title: t('desk.suggest'), render: (_, p) => t(`desk.situations.${p.suggest}`) },
                    {
                      title: '',
                      render: (_, p) => actions(p, 'phrase', (id) => setPhrases((a) => a.filter((x) => x.id !== id))),
                    },
                  ]}
                />
              </>
            ),
          },
        ]}
      />
      <Modal open={editing !== null} onCancel={() => setEditing(null)} onOk={() => form.submit()} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={apply}>
          {editing?.kind === 'script' ? (
            <>
              <Form.Item name="situation" label={t('desk.situation')} rules={[{ required: true }]}>
                <Select options={situationOptions} />
              </Form.Item>
              <Form.Item name="causeCategory" label={t('desk.cause')}>
                <Select allowClear options={CAUSE_CATEGORIES.map((c) => ({ value: c, label: c }))} />
              </Form.Item>
              <Form.Item name="title" label={t('desk.title')} rules={[{ required: true }]}>
                <Input data-testid="script-title" />
              </Form.Item>
              <Form.Item name="text" label={t('desk.text')} rules={[{ required: true }]}>
                <Input.TextArea rows={4} data-testid="script-text" />
              </Form.Item>
            </>
          ) : (
            <>
              <Form.Item name="phrase" label={t('desk.phrase')} rules={[{ required: true }]}>
                <Input data-testid="phrase-text" />
              </Form.Item>
              <Form.Item name="variantsText" label={t('desk.variants')}>
                <Input />
              </Form.Item>
              <Form.Item name="suggest" label={t('desk.suggest')} rules={[{ required: true }]}>
                <Select options={situationOptions} />
              </Form.Item>
            </>
          )}
        </Form>
      </Modal>
    </Card>
  );
}
