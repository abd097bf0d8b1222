import { Tabs } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { useLabels } from '../../i18n/useLabels';
import CalendarDaysTab from './CalendarDaysTab';
import SlaPolicyTab from './SlaPolicyTab';
import ZonesHoursTab from './ZonesHoursTab';

const TABS = ['calendar', 'zones', 'policy'] as const;
type Tab = (typeof TABS)[number];

/**
 * SLA-01/02 settings in one place: the holidays and make-up days of the business calendar, the areas'
 * time zones and teams' working hours, and the versioned SLA policy. The tab is in the address
 * (?tab=policy) so a link can open the policy editor directly.
 */
export default function CalendarAdminPage() {
  const { t } = useLabels();
  const [params, setParams] = useSearchParams();
  const asked = params.get('tab');
  const tab: Tab = TABS.includes(asked as Tab) ? (asked as Tab) : 'calendar';
  return (
    <Tabs
      activeKey={tab}
      onChange={(k) => setParams(k === 'calendar' ? {} : { tab: k }, { replace: true })}
      destroyOnHidden
      items={[
        {
          key: 'calendar',
          label: <span data-testid="sla-tab-calendar">{t('slaSettings.tabs.calendar')}</span>,
          children: <CalendarDaysTab />,
        },
        {
          key: 'zones',
          label: <span data-testid="sla-tab-zones">{t('slaSettings.tabs.zones')}</span>,
          children: <ZonesHoursTab />,
        },
        {
          key: 'policy',
          label: <span data-testid="sla-tab-policy">{t('slaSettings.tabs.policy')}</span>,
          children: <SlaPolicyTab />,
        },
      ]}
    />
  );
}
