import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api';
import { useErrorText } from '../hooks/useErrorText';

/** One message at a time: a new one replaces the last (and a test id is never on the page twice). */
const FEEDBACK_KEY = 'daowei-feedback';

/** Console messages: successes as a toast, conflicts (409) as a dialog that must be acknowledged. */
export function useFeedback() {
  const { message, modal } = App.useApp();
  const { t } = useTranslation();
  const errorText = useErrorText();
  return {
    success(text: string) {
      void message.success({ key: FEEDBACK_KEY, content: <span data-testid="success-message">{text}</span> });
    },
    error(e: ApiError) {
      const text = errorText(e);
      if (e.isConflict) {
        modal.warning({
          title: t('errors.conflictTitle'),
          content: (
            <span data-testid="conflict-message" data-code={e.code}>
              {text}
            </span>
          ),
          okButtonProps: { 'data-testid': 'conflict-ok' },
        });
      } else {
        void message.error({
          key: FEEDBACK_KEY,
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
