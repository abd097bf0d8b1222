import { Col, Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ContractRef } from '../../api/desk';

/** The picker's "no contract" choice (a contract id never looks like this). */
export const NO_CONTRACT = '__none__';

/**
 * SLA-02 on the intake form: the caller's customer holds a service contract (e.g. 政企专线 4 小时修复);
 * the new order names it by default, and the agent may open it without (a call about another line).
 * Shown only when the customer has one; the order's clocks follow the choice.
 */
export function IntakeContractPicker({ contract }: { contract: ContractRef }) {
  const { t } = useTranslation();
  return (
    <Col span={8}>
      <Form.Item name="contractId" label={t('slaContract.label')} initialValue={contract.id}>
        <Select
          data-testid="intake-contract"
          options={[
            { value: contract.id, label: `${contract.code} · ${contract.name}` },
            { value: NO_CONTRACT, label: t('slaContract.none') },
          ]}
        />
      </Form.Item>
    </Col>
  );
}

/** The order body's `contractId`: the picked contract, null for "none", absent when nothing was offered. */
export function contractOfChoice(offered: ContractRef | null | undefined, picked: string | undefined) {
  if (!offered) return {};
  return { contractId: picked === NO_CONTRACT ? null : (picked ?? offered.id) };
}
