import { Dialog, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api';
import { useErrorText } from '../hooks/useErrorText';

/** Phone messages: a toast for success and ordinary errors, a dialog for conflicts (409) that must be read. */
export function useMobileFeedback() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  return {
    success(text: string) {
      Toast.show({ icon: 'success', content: <span data-testid="success-message">{text}</span> });
    },
    error(e: ApiError) {
      const text = errorText(e);
      if (e.isConflict) {
        void Dialog.alert({
          title: t('errors.conflictTitle'),
          content: (
            <span data-testid="conflict-message" data-code={e.code}>
              {text}
            </span>
          ),
          confirmText: <span data-testid="conflict-ok">{t('common.confirm')}</span>,
        });
      } else {
        Toast.show({
          icon: 'fail',
          duration: 3000,
          content: (
            <span data-testid="error-message" data-code={e.code}>
              {text}
            </span>
          ),
        });
      }
    },
  };
}
