import type { Db } from '@daowei/db';
import type { PolicyPack } from '@daowei/domain';
import type { Clock } from './platform/clock.js';
import { createAuthService } from './features/auth/auth.service.js';
import { createOrgService } from './features/org/org.service.js';
import { createWorkOrderService } from './features/work-orders/work-order.service.js';

export interface ServiceDeps {
  db: Db;
  clock: Clock;
  policy: PolicyPack;
}

/** All services of one app instance; routes receive this and call exactly one method per request. */
export function createServices(deps: ServiceDeps) {
  return {
    policy: deps.policy,
    clock: deps.clock,
    auth: createAuthService(deps),
    org: createOrgService(deps),
    workOrders: createWorkOrderService(deps),
  };
}

export type Services = ReturnType<typeof createServices>;
