import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api';
import { zhCN } from '../i18n/zh-CN';

type ErrorKey = Exclude<keyof typeof zhCN.errors, 'conflictTitle' | 'unknown'>;
const KNOWN = new Set(Object.keys(zhCN.errors).filter((k) => k !== 'conflictTitle' && k !== 'unknown'));

/** Turns an API error into a sentence for the user: friendly text for codes we know, else the server's message. */
export function useErrorText(): (e: ApiError) => string {
  const { t } = useTranslation();
  return (e) => {
    if (!KNOWN.has(e.code)) return t('errors.unknown', { message: e.message });
    const code = e.code as ErrorKey;
    if (code === 'VALIDATION_FAILED') {
      const field = typeof e.details?.field === 'string' ? ` (${e.details.field})` : '';
      return t('errors.VALIDATION_FAILED', { message: `${e.message}${field}` });
    }
    return t(`errors.${code}`);
  };
}
