export * from './shared/errors.js';
export * from './org/positions.js';
export * from './policy/policy-pack.js';
export * from './work-order/work-order.types.js';
export * from './work-order/lifecycle.table.js';
export * from './work-order/lifecycle.js';
export * from './work-order/completion.js';
