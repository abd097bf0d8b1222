import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { type ApiError, SubmissionKeys, toApiError } from './api';
import { LanguageSwitch } from './components/LanguageSwitch';
import { useErrorText } from './hooks/useErrorText';
import { landingPath } from './session/landing';
import { useSession } from './session/SessionContext';

interface LoginValues {
  login: string;
  password: string;
}

export function LoginPage() {
  const { t } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const errorText = useErrorText();
  const [keys] = useState(() => new SubmissionKeys());
  const [error, setError] = useState<ApiError | null>(null);
  const [submitting, setSubmitting] = useState(false);

  if (session.status === 'ready' && session.me && !submitting) {
    return <Navigate to={landingPath(session.me.position)} replace />;
  }

  const onFinish = async (v: LoginValues) => {
    setSubmitting(true);
    setError(null);
    try {
      const me = await session.login(v.login.trim(), v.password, keys.keyFor(v));
      keys.succeeded();
      const from = (location.state as { from?: string } | null)?.from;
      navigate(from && from !== '/' ? from : landingPath(me.position), { replace: true });
      // stay "submitting" until the page is left, so the redirect for signed-in visitors does not win the race
    } catch (e) {
      setError(toApiError(e));
      setSubmitting(false);
    }
  };

  return (
    <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: '#f0f4fa', padding: 16 }}>
      <div style={{ width: '100%', maxWidth: 380 }}>
        <div style={{ display: 'flex', justifyContent: 'flex-end' }}>
          <LanguageSwitch />
        </div>
        <Card>
          <Typography.Title level={3} style={{ marginTop: 0, marginBottom: 4 }}>
            {t('app.name')} · {t('login.title')}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t('login.subtitle')}</Typography.Paragraph>
          {error && (
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 16 }}
              title={errorText(error)}
              data-testid="login-error"
            />
          )}
          <Form<LoginValues> layout="vertical" onFinish={(v) => void onFinish(v)} requiredMark={false}>
            <Form.Item
              name="login"
              label={t('login.username')}
              rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
            >
              <Input
                prefix={<UserOutlined />}
                placeholder={t('login.usernamePlaceholder')}
                autoComplete="username"
                size="large"
                data-testid="login-username"
              />
            </Form.Item>
            <Form.Item
              name="password"
              label={t('login.password')}
              rules={[{ required: true, message: t('login.passwordRequired') }]}
            >
              <Input.Password
                prefix={<LockOutlined />}
                autoComplete="current-password"
                size="large"
                data-testid="login-password"
              />
            </Form.Item>
            <Button type="primary" htmlType="submit" block size="large" loading={submitting} data-testid="login-submit">
              {t('login.submit')}
            </Button>
          </Form>
        </Card>
      </div>
    </div>
  );
}
