import { Button, Form } from 'antd';
import { useTranslation } from 'react-i18next';

export function FormSubmitButton({ testId, loading, label }: { testId: string; loading: boolean; label?: string }) {
  const { t } = useTranslation();
  return (
    <Form.Item style={{ marginBottom: 0, textAlign: 'right' }}>
      <Button type="primary" htmlType="submit" loading={loading} data-testid={testId}>
        {label ?? t('common.submit')}
      </Button>
    </Form.Item>
  );
}
