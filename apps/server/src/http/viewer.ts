import type { Viewer } from '@daowei/domain';
import type { AuthContext } from './auth-context.js';

/** The caller as the domain's visibility rules see them (SEC-01, SEC-02). */
export function viewerOf(auth: AuthContext): Viewer {
  return {
    tenantId: auth.tenantId,
    personId: auth.personId,
    position: auth.position,
    unitIds: auth.unitIds,
    vendorId: auth.vendorId,
  };
}
