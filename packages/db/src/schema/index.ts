/** The whole schema, one module per concept. drizzle.config.ts and the client both read this file. */
export * from './tenants.js';
export * from './org-units.js';
export * from './people.js';
export * from './skills.js';
export * from './shifts.js';
export * from './external-accounts.js';
export * from './sessions.js';
export * from './customers.js';
export * from './work-orders.js';
export * from './work-order-events.js';
export * from './idempotency-keys.js';
export * from './parts.js';
export * from './login-failures.js';
export * from './sla-clocks.js';
export * from './visit-records.js';
export * from './callbacks.js';
export * from './self-service.js';
