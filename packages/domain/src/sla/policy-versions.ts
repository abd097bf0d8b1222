import { DomainError } from '../shared/errors.js';
import { parseSlaPolicy, type SlaPolicy } from './sla-policy.js';

/**
 * SLA-02 per-tenant policy versions: an admin's edit of the SLA section becomes a new version (the old
 * one is kept), validated by the same schema that the JSON schema is generated from. A clock keeps the
 * version it was stamped with; only the explicit re-evaluate command moves it.
 */

/**
 * The next version from an admin's edit. The edit must start from the current version (someone else's
 * save in between answers a conflict rather than being overwritten); the id stays the current one and
 * the version number is assigned here, whatever the edit says.
 */
export function nextSlaPolicyVersion(current: SlaPolicy, edited: unknown, basedOnVersion: number): SlaPolicy {
  if (basedOnVersion !== current.version) {
    throw new DomainError('CONFLICT', 'The policy was changed by someone else since it was opened', {
      basedOnVersion,
      currentVersion: current.version,
    });
  }
  const body = typeof edited === 'object' && edited !== null ? edited : {};
  const next = parseSlaPolicy({ ...body, id: current.id, version: current.version + 1 });
  if (diffSlaPolicies(current, next).length === 0) {
    throw new DomainError('VALIDATION_FAILED', 'The edit changes nothing: no new version is needed', {
      field: 'policy',
    });
  }
  return next;
}

export interface PolicyChange {
  /** Dotted path; clocks are addressed by kind, e.g. `clocks.install_complete.deadline.days`. */
  path: string;
  /** JSON values; undefined when the field or clock does not exist on that side. */
  before: unknown;
  after: unknown;
}

/** Leaf-level differences between two versions (the version number itself is left out). */
export function diffSlaPolicies(a: SlaPolicy, b: SlaPolicy): PolicyChange[] {
  const out: PolicyChange[] = [];
  const { clocks: ca, id: _ia, version: _va, ...ra } = a;
  const { clocks: cb, id: _ib, version: _vb, ...rb } = b;
  walk('', ra, rb, out);
  const byKind = (cs: SlaPolicy['clocks']) => new Map(cs.map((c) => [c.kind, c]));
  const ma = byKind(ca);
  const mb = byKind(cb);
  for (const kind of [...new Set([...ma.keys(), ...mb.keys()])]) {
    const x = ma.get(kind);
    const y = mb.get(kind);
    if (!x || !y) out.push({ path: `clocks.${kind}`, before: x, after: y });
    else walk(`clocks.${kind}`, x, y, out);
  }
  return out;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function walk(path: string, a: unknown, b: unknown, out: PolicyChange[]): void {
  if (isRecord(a) && isRecord(b)) {
    for (const k of [...new Set([...Object.keys(a), ...Object.keys(b)])]) {
      walk(path ? `${path}.${k}` : k, a[k], b[k], out);
    }
    return;
  }
  // Lists (pause reasons, selector values) compare whole: their order carries no meaning to people.
  if (JSON.stringify(a) !== JSON.stringify(b)) out.push({ path, before: a, after: b });
}
