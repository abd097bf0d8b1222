import { call, type Body, type Harness } from './harness.js';

/**
 * The tenant's admin saves a new version of its SLA policy, edited from the current one (SLA-02) — the
 * set-up of every test that proves an edited number takes effect. Returns the saved version's answer.
 */
export async function saveSlaPolicy(
  h: Harness,
  adminToken: string,
  edit: (policy: Body) => Body,
  note?: string,
): Promise<Body> {
  const current = (await call(h.app, adminToken, 'GET', '/api/sla/policy')).body;
  const saved = await call(h.app, adminToken, 'POST', '/api/sla/policy/versions', {
    basedOnVersion: current.version,
    ...(note ? { note } : {}),
    policy: edit(current.policy),
  });
  if (saved.status !== 200) throw new Error(`saving the SLA policy: ${saved.status} ${JSON.stringify(saved.body)}`);
  return saved.body;
}
