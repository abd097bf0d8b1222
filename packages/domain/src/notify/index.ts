export * from './notify-policy.js';
export * from './customer-events.js';
export * from './render.js';
export * from './retry.js';
export * from './eta.js';
export * from './format.js';
