import type { LabelledCode, Position, WorkOrderStatus, WorkOrderType } from '@daowei/domain';
import { INCIDENT_EVENT_ACTIONS, RECORD_EVENT_ACTIONS, WORK_ORDER_ACTIONS } from '@daowei/domain';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from './index';

const KNOWN_ACTIONS: readonly string[] = [
  ...WORK_ORDER_ACTIONS,
  'create',
  ...INCIDENT_EVENT_ACTIONS,
  ...RECORD_EVENT_ACTIONS,
];

/** Labels for the domain's codes in the current language. */
export function useLabels() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  return {
    t,
    lang,
    type: (v: WorkOrderType) => t(`types.${v}`),
    status: (v: WorkOrderStatus) => t(`statuses.${v}`),
    position: (v: Position | null | undefined) => (v ? t(`positions.${v}`, { defaultValue: v }) : ''),
    action: (v: string) => (KNOWN_ACTIONS.includes(v) ? t(`actions.${v as 'take'}`) : v),
    coded: (list: readonly LabelledCode[] | undefined, code: string) => codeLabel(list, code, lang),
  };
}

export function codeLabel(list: readonly LabelledCode[] | undefined, code: string, lang = currentLanguage()): string {
  const found = list?.find((c) => c.code === code);
  return found ? found.label[lang] || found.label['zh-CN'] : code;
}
