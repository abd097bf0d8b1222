import './setupMobileRender';
import { ConfigProvider } from 'antd-mobile';
import enUS from 'antd-mobile/es/locales/en-US';
import zhCN from 'antd-mobile/es/locales/zh-CN';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router-dom';
import { useMe } from '../session/SessionContext';
import { NetworkBar } from './offline/NetworkBar';

/** The phone pages (ENG-01): a single column sized for a 390 px wide screen, centred on larger ones. */
export default function MobileLayout() {
  const { i18n } = useTranslation();
  const me = useMe();
  return (
    <ConfigProvider locale={i18n.language === 'en' ? enUS : zhCN}>
      <div style={{ maxWidth: 480, margin: '0 auto', minHeight: '100vh', background: '#f5f5f5' }}>
        <NetworkBar />
        {/* remount on a position switch: lists and allowed actions depend on the position */}
        <Outlet key={me.position} />
      </div>
    </ConfigProvider>
  );
}
