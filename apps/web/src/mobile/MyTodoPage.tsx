import { NavBar, Tabs } from 'antd-mobile';
import { useSearchParams } from 'react-router-dom';
import { useLabels } from '../i18n/useLabels';
import { MobileHeaderMenu } from './MobileHeaderMenu';
import { MobileOrderList } from './MobileOrderList';
import { MyDayRoute } from './MyDayRoute';
import { CrewTodoList } from './planned/CrewTodoList';
import { asScope, asTypeTab, SCOPES, TYPE_TABS } from './todoTabs';

/** /m/todo 我的待办 (ENG-01): to-do / done / all orders, sub-tabs per type, infinite scroll (plus WO-17 crew entries). */
export default function MyTodoPage() {
  const { t } = useLabels();
  const [params, setParams] = useSearchParams();
  const scope = asScope(params.get('scope'));
  const typeTab = asTypeTab(params.get('type'));
  const go = (next: { scope?: string; type?: string }) =>
    setParams({ scope: next.scope ?? scope, type: next.type ?? typeTab }, { replace: true });

  return (
    <div>
      <div style={{ position: 'sticky', top: 0, zIndex: 10, background: '#fff' }}>
        <NavBar back={null} right={<MobileHeaderMenu />} style={{ borderBottom: '1px solid #f0f0f0' }}>
          {t('mobile.todoTitle')}
        </NavBar>
        <Tabs activeKey={scope} onChange={(k) => go({ scope: k })}>
          {SCOPES.map((s) => (
            <Tabs.Tab key={s} title={<span data-testid={`tab-${s}`}>{t(`mobile.tabs.${s}`)}</span>} />
          ))}
        </Tabs>
        <Tabs
          activeKey={typeTab}
          onChange={(k) => go({ type: k })}
          style={{ '--title-font-size': '14px', '--active-line-height': '2px' }}
        >
          {TYPE_TABS.map((k) => (
            <Tabs.Tab key={k} title={<span data-testid={`type-tab-${k}`}>{t(`mobile.typeTabs.${k}`)}</span>} />
          ))}
        </Tabs>
      </div>
      {scope === 'todo' && <MyDayRoute />}
      {/* WO-17: inspections this engineer joins as second inspector sit with the other order types. */}
      {scope === 'todo' && typeTab === 'other' && <CrewTodoList />}
      <MobileOrderList key={`${scope}-${typeTab}`} scope={scope} typeTab={typeTab} />
    </div>
  );
}
