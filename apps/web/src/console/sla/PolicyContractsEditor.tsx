import { Button, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PolicyClock, PolicyContract } from '../../api/sla';

/** The clocks whose selector names this contract's code (its "rules that apply"). */
function rulesOf(clocks: readonly PolicyClock[], code: string): PolicyClock[] {
  return clocks.filter((c) => {
    const when = c.when as { contracts?: string[] } | undefined;
    return when?.contracts?.includes(code) ?? false;
  });
}

/**
 * SLA-02: the tenant's service contracts in the policy editor — code, name and terms an admin may edit
 * or add (saved with the policy as a new version), and the rules each one selects. A contract that a
 * rule still names cannot be removed here (the server would refuse the policy anyway).
 */
export function PolicyContractsEditor({
  contracts,
  clocks,
  editable,
  lang,
  onChange,
}: {
  contracts: readonly PolicyContract[];
  clocks: readonly PolicyClock[];
  editable: boolean;
  lang: 'zh-CN' | 'en';
  onChange: (next: PolicyContract[]) => void;
}) {
  const { t } = useTranslation();
  const patch = (id: string, p: Partial<PolicyContract>) =>
    onChange(contracts.map((c) => (c.id === id ? { ...c, ...p } : c)));
  const add = () => {
    const n = contracts.length + 1;
    onChange([
      ...contracts,
      { id: `contract-${Date.now().toString(36)}`, code: `C${n}`, name: `${t('slaContract.label')} ${n}`, terms: [] },
    ]);
  };
  return (
    <div data-testid="policy-contracts">
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('slaContract.title')}
      </Typography.Title>
      <Table<PolicyContract>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={[...contracts]}
        locale={{ emptyText: t('slaContract.empty') }}
        columns={[
          {
            title: t('slaContract.code'),
            key: 'code',
            render: (_, c) => (
              <Input
                disabled={!editable || rulesOf(clocks, c.code).length > 0}
                value={c.code}
                onChange={(e) => patch(c.id, { code: e.target.value.trim() })}
                style={{ width: 140 }}
              />
            ),
          },
          {
            title: t('slaContract.name'),
            key: 'name',
            render: (_, c) => (
              <Input disabled={!editable} value={c.name} onChange={(e) => patch(c.id, { name: e.target.value })} />
            ),
          },
          {
            title: t('slaContract.terms'),
            key: 'terms',
            render: (_, c) => (
              <Select
                mode="tags"
                disabled={!editable}
                style={{ minWidth: 160 }}
                value={c.terms ?? []}
                onChange={(terms: string[]) => patch(c.id, { terms })}
              />
            ),
          },
          {
            title: t('slaContract.rules'),
            key: 'rules',
            render: (_, c) => (
              <Space wrap>
                {rulesOf(clocks, c.code).map((r) => (
                  <Tag key={r.kind}>{r.label[lang]}</Tag>
                ))}
              </Space>
            ),
          },
          {
            title: '',
            key: 'remove',
            render: (_, c) =>
              editable && rulesOf(clocks, c.code).length === 0 ? (
                <Button size="small" danger onClick={() => onChange(contracts.filter((x) => x.id !== c.id))}>
                  {t('slaContract.remove')}
                </Button>
              ) : null,
          },
        ]}
      />
      {editable && (
        <Button style={{ marginTop: 8 }} onClick={add} data-testid="policy-contract-add">
          {t('slaContract.add')}
        </Button>
      )}
    </div>
  );
}
