import { describe, expect, it } from 'vitest';
import { DEFAULT_SLA_POLICY } from './default-sla-policy.js';
import { contractForNewOrder, contractRef } from './contracts.js';
import { parseSlaPolicy } from './sla-policy.js';

const policy = parseSlaPolicy({
  ...DEFAULT_SLA_POLICY,
  contracts: [
    { id: 'gov-line', code: 'GOV-4H', name: '政企专线 4 小时修复' },
    { id: 'vip', code: 'VIP', name: 'VIP 客户', terms: ['urgent_repair'] },
  ],
});

describe('SLA-02 the contract a new order names', () => {
  it('SLA-02 the desk’s choice wins; null means none even for a customer with a contract', () => {
    expect(contractForNewOrder(policy, 'vip', 'gov-line')).toBe('vip');
    expect(contractForNewOrder(policy, null, 'gov-line')).toBeNull();
  });

  it('SLA-02 without a choice the customer’s contract applies, unless the policy no longer has it', () => {
    expect(contractForNewOrder(policy, undefined, 'gov-line')).toBe('gov-line');
    expect(contractForNewOrder(policy, undefined, 'dropped')).toBeNull();
    expect(contractForNewOrder(policy, undefined, null)).toBeNull();
  });

  it('SLA-02 a contract the policy does not have is refused naming the field', () => {
    expect(() => contractForNewOrder(policy, 'nope', null)).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED', details: { field: 'contractId' } }),
    );
    expect(contractRef(policy, 'vip')).toEqual({ id: 'vip', code: 'VIP', name: 'VIP 客户' });
    expect(contractRef(DEFAULT_SLA_POLICY, 'vip')).toBeNull();
  });
});
