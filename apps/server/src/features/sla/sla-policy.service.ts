import {
  getSlaPolicyVersion,
  insertSlaPolicyVersion,
  listSlaPolicyVersions,
  setCustomerContract,
  type Db,
  type StoredSlaPolicyVersion,
} from '@daowei/db';
import {
  contractForNewOrder,
  contractRef,
  diffSlaPolicies,
  DomainError,
  isSupervisor,
  nextSlaPolicyVersion,
  parseSlaPolicy,
  slaPolicyJsonSchema,
  type SlaPolicy,
} from '@daowei/domain';
import type { AuthContext } from '../../http/auth-context.js';
import type { Clock } from '../../platform/clock.js';
import { runIdempotent } from '../../platform/idempotency.js';
import type { CustomerContractBody, NewPolicyVersionBody } from './sla-policy.schemas.js';
import type { TenantSlaPolicies } from './tenant-sla-policy.js';

export type SlaPolicyService = ReturnType<typeof createSlaPolicyService>;

/**
 * SLA-02 policy editor: the tenant's SLA policy as versioned data. Supervisors read the current version,
 * the history and diffs; the operator's admins save an edit as a new version (validated by the schema
 * the JSON schema is generated from; older versions are kept). Saving never moves a running clock —
 * clocks keep their stamped version until the explicit re-evaluate command.
 */
export function createSlaPolicyService({
  db,
  clock,
  shipped,
  policies,
}: {
  db: Db;
  clock: Clock;
  /** The deployment's policy, the tenant's version until its first edit. */
  shipped: SlaPolicy;
  policies: TenantSlaPolicies;
}) {
  function requireViewer(auth: AuthContext): void {
    if (!isSupervisor(auth.position)) {
      throw new DomainError('FORBIDDEN', 'The SLA policy is for coordinators, managers and admins', {
        position: auth.position,
      });
    }
  }

  async function versionOf(tx: Db, auth: AuthContext, version: number): Promise<SlaPolicy> {
    const stored = await getSlaPolicyVersion(tx, auth.tenantId, version);
    if (stored) return parseSlaPolicy(stored.policy);
    if (version === shipped.version) return shipped;
    throw new DomainError('NOT_FOUND', 'No such policy version', { version });
  }

  const entry = (v: Omit<StoredSlaPolicyVersion, 'policy'>) => ({
    version: v.version,
    note: v.note,
    createdBy: v.createdBy,
    createdAt: v.createdAt.toISOString(),
    shipped: false,
  });
  const shippedEntry = () => ({
    version: shipped.version,
    note: null,
    createdBy: null,
    createdAt: null,
    shipped: true,
  });

  return {
    /** The current version with its body, and the history newest first (the shipped one last). */
    async current(auth: AuthContext) {
      requireViewer(auth);
      const policy = await policies(db, auth.tenantId);
      const stored = await listSlaPolicyVersions(db, auth.tenantId);
      const versions = [
        ...stored.map(entry),
        ...(stored.some((v) => v.version === shipped.version) ? [] : [shippedEntry()]),
      ];
      return {
        version: policy.version,
        policy,
        versions,
        editable: auth.position === 'admin' && auth.vendorId === null,
      };
    },

    async version(auth: AuthContext, version: number) {
      requireViewer(auth);
      return { version, policy: await versionOf(db, auth, version) };
    },

    async diff(auth: AuthContext, from: number, to: number) {
      requireViewer(auth);
      const [a, b] = [await versionOf(db, auth, from), await versionOf(db, auth, to)];
      return { from, to, changes: diffSlaPolicies(a, b) };
    },

    schema: () => slaPolicyJsonSchema(),

    /** An admin's edit becomes the next version; a save from an older version is a conflict. */
    save(auth: AuthContext, body: NewPolicyVersionBody, key: string | null) {
      if (auth.position !== 'admin' || auth.vendorId !== null) {
        throw new DomainError('FORBIDDEN', 'The SLA policy is edited by the operator’s admins', {
          position: auth.position,
        });
      }
      return db.transaction((tx) =>
        runIdempotent(tx, auth, key, body, async () => {
          const current = await policies(tx, auth.tenantId);
          const next = nextSlaPolicyVersion(current, body.policy, body.basedOnVersion);
          const note = body.note?.trim() || null;
          const saved = await insertSlaPolicyVersion(tx, auth.tenantId, {
            policy: next,
            note,
            by: auth.personId,
            at: clock.now(),
          });
          if (!saved) {
            throw new DomainError('CONFLICT', 'Another admin saved a version at the same time', {
              basedOnVersion: body.basedOnVersion,
            });
          }
          return { version: next.version, policy: next, changes: diffSlaPolicies(current, next) };
        }),
      );
    },
    /**
     * SLA-02: records the service contract a customer holds (one of the current policy's contracts, or
     * none); new orders of the customer name it unless the desk says otherwise. Operator staff only:
     * contracts are the operator's agreements with its customers.
     */
    async setCustomerContract(auth: AuthContext, customerId: string, body: CustomerContractBody) {
      if (auth.vendorId !== null || !(auth.position === 'admin' || isSupervisor(auth.position))) {
        throw new DomainError('FORBIDDEN', 'Customer contracts are kept by the operator’s admins and supervisors', {
          position: auth.position,
        });
      }
      return db.transaction(async (tx) => {
        const policy = await policies(tx, auth.tenantId);
        const contractId = body.contractId === null ? null : contractForNewOrder(policy, body.contractId, null);
        const customer = await setCustomerContract(tx, auth.tenantId, customerId, contractId);
        if (!customer) throw new DomainError('NOT_FOUND', 'Customer not found', { id: customerId });
        return { customerId: customer.id, contract: contractRef(policy, customer.contractId) };
      });
    },
  };
}
