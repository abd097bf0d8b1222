import { checkCustomerText, DEFAULT_FORBIDDEN_PHRASES_ZH } from '@daowei/domain';
import type { TFunction } from 'i18next';

/**
 * DESK-04 on the phone: a text the customer will read is checked against the forbidden phrases before
 * it can be sent — offline too, with the shipped list (the server checks again with the tenant's list
 * and refuses with DESK_FORBIDDEN_PHRASE).
 */
export function customerTextRule(t: TFunction) {
  return {
    validator: async (_: unknown, value: unknown) => {
      const text = typeof value === 'string' ? value : '';
      const flag = text ? checkCustomerText(text, DEFAULT_FORBIDDEN_PHRASES_ZH)[0] : undefined;
      if (flag) throw new Error(t('eng.forbiddenPhrase', { excerpt: flag.excerpt }));
    },
  };
}
