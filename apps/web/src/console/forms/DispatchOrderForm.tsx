import { Form, Input, TreeSelect } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrgTree } from '../../hooks/useReferenceData';
import { useLabels } from '../../i18n/useLabels';
import { buildOrgTree, dispatchTarget, type OrgNode } from '../../orders/orgTreeData';
import { FormSubmitButton } from './FormSubmitButton';
import type { ActionFormProps } from '../../orders/ActionFormProps';

interface TreeOption {
  value: string;
  title: ReactNode;
  searchText: string;
  children: TreeOption[];
}

/** WO-06: dispatch to a person (or a team's pool) picked from the org tree, with a remark. */
export function DispatchOrderForm({ submitting, onSubmit }: ActionFormProps) {
  const { t } = useTranslation();
  const { position } = useLabels();
  const tree = useOrgTree();

  const toOption = (n: OrgNode): TreeOption => {
    const value = `${n.kind}:${n.id}`;
    const roles = n.person?.positions.map((p) => position(p)).join('、');
    return {
      value,
      searchText: n.name,
      title: (
        <span data-testid={`dispatch-option-${n.kind}-${n.id}`} data-name={n.name}>
          {n.name}
          {roles ? <span style={{ color: '#8c8c8c' }}> · {roles}</span> : null}
        </span>
      ),
      children: n.children.map(toOption),
    };
  };
  const treeData = tree.data ? buildOrgTree(tree.data).map(toOption) : [];

  return (
    <Form
      layout="vertical"
      onFinish={(v: { target: string; remark: string }) =>
        onSubmit({ ...dispatchTarget(v.target), remark: v.remark.trim() })
      }
    >
      <Form.Item
        name="target"
        label={t('forms.dispatchTarget')}
        rules={[{ required: true, message: t('forms.required') }]}
      >
        {/* Mounted afresh once the tree has loaded, and not typeable before: the select expands the
            branches matching a search only when the search text changes, so a name typed while the
            tree was still loading would match nothing until it was typed again. */}
        <TreeSelect
          key={tree.data ? 'loaded' : 'loading'}
          disabled={!tree.data}
          treeData={treeData}
          loading={!tree.data && !tree.error}
          placeholder={t('forms.dispatchTargetPlaceholder')}
          showSearch
          treeDefaultExpandAll
          treeNodeLabelProp="searchText"
          filterTreeNode={(input, node) =>
            String((node as unknown as TreeOption).searchText ?? '')
              .toLowerCase()
              .includes(input.toLowerCase())
          }
          data-testid="dispatch-target"
        />
      </Form.Item>
      <Form.Item
        name="remark"
        label={t('forms.remark')}
        rules={[{ required: true, whitespace: true, message: t('forms.required') }]}
      >
        <Input.TextArea rows={3} placeholder={t('forms.remarkPlaceholder')} data-testid="dispatch-remark" />
      </Form.Item>
      <FormSubmitButton testId="dispatch-submit" loading={submitting} />
    </Form>
  );
}
