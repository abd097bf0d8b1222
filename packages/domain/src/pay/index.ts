/** PAY-01..03: money in fen, price list and warranty, quotes, payments and takings. */
export * from './pay-policy.js';
export * from './money.js';
export * from './pricing.js';
export * from './quote.js';
