export * from './desk-policy.js';
export * from './scripts-library.js';
export * from './forbidden-phrases.js';
export * from './self-service.js';
