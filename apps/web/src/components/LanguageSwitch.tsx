import { GlobalOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLanguage, setLanguage } from '../i18n';

/** One button: shows the other language's name and switches to it (remembered on this device). */
export function LanguageSwitch() {
  const { t } = useTranslation();
  return (
    <Button
      type="text"
      icon={<GlobalOutlined />}
      data-testid="language-switch"
      onClick={() => void setLanguage(currentLanguage() === 'en' ? 'zh-CN' : 'en')}
    >
      {t('common.language')}
    </Button>
  );
}
