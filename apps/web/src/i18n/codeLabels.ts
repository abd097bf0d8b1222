import {
  ACTION_LABELS,
  type Label,
  type Locale,
  OUTCOME_LABELS,
  POSITION_LABELS,
  PRIORITY_LABELS,
  STATUS_LABELS,
  SUSPEND_REASON_LABELS,
  TYPE_LABELS,
  WARRANTY_LABELS,
} from '@daowei/domain';

function labelsIn<K extends string>(table: Readonly<Record<K, Label>>, locale: Locale): Record<K, string> {
  return Object.fromEntries(Object.entries<Label>(table).map(([k, v]) => [k, v[locale]])) as Record<K, string>;
}

/**
 * Names of the domain's codes come from @daowei/domain's label tables, so a status is called the same
 * on every screen and in every export; they are loaded into the i18next resources like all other text.
 */
export function codeLabels(locale: Locale) {
  return {
    types: labelsIn(TYPE_LABELS, locale),
    statuses: labelsIn(STATUS_LABELS, locale),
    actions: labelsIn(ACTION_LABELS, locale),
    positions: labelsIn(POSITION_LABELS, locale),
    priorities: labelsIn(PRIORITY_LABELS, locale),
    warranty: labelsIn(WARRANTY_LABELS, locale),
    suspendReasons: labelsIn(SUSPEND_REASON_LABELS, locale),
    outcomes: labelsIn(OUTCOME_LABELS, locale),
  };
}
