import { latestSlaPolicyVersion, type Db } from '@daowei/db';
import { parseSlaPolicy, type SlaPolicy } from '@daowei/domain';

/**
 * SLA-02: the SLA policy a tenant's new clocks are stamped with — its newest stored version (an admin's
 * edit, sla-policy.service.ts), or the shipped policy of the deployment while it has none. Read per call
 * inside the caller's transaction, so a saved version reaches every server process at once; the parsed
 * policy is reused while the version is unchanged.
 */
export function createTenantSlaPolicies(shipped: SlaPolicy) {
  const parsed = new Map<string, SlaPolicy>();

  return async function policyFor(db: Db, tenantId: string): Promise<SlaPolicy> {
    const stored = await latestSlaPolicyVersion(db, tenantId);
    if (!stored) return shipped;
    const key = `${tenantId}:${stored.version}`;
    let p = parsed.get(key);
    if (!p) {
      // Parsed again on the way out: defaults added to the schema later fill in on old rows.
      p = parseSlaPolicy(stored.policy);
      parsed.set(key, p);
    }
    return p;
  };
}

export type TenantSlaPolicies = ReturnType<typeof createTenantSlaPolicies>;
