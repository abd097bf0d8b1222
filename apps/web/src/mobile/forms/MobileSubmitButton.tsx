import { Button } from 'antd-mobile';
import { useTranslation } from 'react-i18next';

export function MobileSubmitButton({ testId, loading }: { testId: string; loading: boolean }) {
  const { t } = useTranslation();
  return (
    <Button block type="submit" color="primary" size="large" loading={loading} data-testid={testId}>
      {t('common.submit')}
    </Button>
  );
}
