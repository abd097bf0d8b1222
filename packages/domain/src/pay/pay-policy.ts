/**
 * PAY-01..03 settings as data, per tenant (versioned with the pack). Money is integer fen (minor units).
 */
export const PRICE_KINDS = ['labour', 'part', 'visit', 'software'] as const;
export type PriceKind = (typeof PRICE_KINDS)[number];

export const PAYMENT_METHODS = ['cash', 'wechat', 'alipay', 'card', 'transfer'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

export interface PayPolicy {
  version: number;
  /** PAY-03: ISO 4217 code of the tenant's currency; amounts are in its minor unit (fen for CNY). */
  currency: string;
  /** PAY-01: what a valid warranty makes free. Visit fees and software services stay paid by default. */
  warrantyCovers: readonly PriceKind[];
  /** PAY-02: how customers may pay. */
  methods: readonly PaymentMethod[];
  /** PAY-02: methods that count toward an engineer's cash takings handed in at the station. */
  handedInMethods: readonly PaymentMethod[];
}

export const DEFAULT_PAY_POLICY: PayPolicy = {
  version: 1,
  currency: 'CNY',
  warrantyCovers: ['labour', 'part'],
  methods: PAYMENT_METHODS,
  handedInMethods: ['cash'],
};
