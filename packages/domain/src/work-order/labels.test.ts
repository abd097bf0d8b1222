import { describe, expect, it } from 'vitest';
import { POSITIONS } from '../org/positions.js';
import { ORG_UNIT_KINDS, SHIFT_KINDS } from '../org/org.types.js';
import { COMPLAINT_OUTCOMES } from './completion.js';
import {
  ACTION_LABELS,
  INCIDENT_EVENT_ACTIONS,
  RECORD_EVENT_ACTIONS,
  LOCALES,
  ORG_UNIT_KIND_LABELS,
  OUTCOME_LABELS,
  POSITION_LABELS,
  PRIORITY_LABELS,
  SHIFT_KIND_LABELS,
  STATUS_LABELS,
  SUSPEND_REASON_LABELS,
  TYPE_LABELS,
  WARRANTY_LABELS,
  labelOf,
  type Label,
} from './labels.js';
import { WORK_ORDER_ACTIONS } from './lifecycle.table.js';
import {
  PRIORITIES,
  SUSPEND_REASONS,
  WARRANTY_STATES,
  WORK_ORDER_STATUSES,
  WORK_ORDER_TYPES,
} from './work-order.types.js';

const TABLES: [string, Readonly<Record<string, Label>>, readonly string[]][] = [
  ['WO-01 types', TYPE_LABELS, WORK_ORDER_TYPES],
  ['WO-03 statuses', STATUS_LABELS, WORK_ORDER_STATUSES],
  [
    'WO-03 actions',
    ACTION_LABELS,
    ['create', ...WORK_ORDER_ACTIONS, ...INCIDENT_EVENT_ACTIONS, ...RECORD_EVENT_ACTIONS],
  ],
  ['ORG-02 positions', POSITION_LABELS, POSITIONS],
  ['WO-03 suspend reasons', SUSPEND_REASON_LABELS, SUSPEND_REASONS],
  ['WO-02 priorities', PRIORITY_LABELS, PRIORITIES],
  ['WO-02 warranty states', WARRANTY_LABELS, WARRANTY_STATES],
  ['WO-07 outcomes', OUTCOME_LABELS, ['done', ...COMPLAINT_OUTCOMES]],
  ['ORG-06 shift kinds', SHIFT_KIND_LABELS, SHIFT_KINDS],
  ['ORG-01 unit kinds', ORG_UNIT_KIND_LABELS, ORG_UNIT_KINDS],
];

describe('labels', () => {
  it.each(TABLES)('%s: every code has a Chinese and an English name, and no two codes share one', (_, table, codes) => {
    expect(Object.keys(table).sort()).toEqual([...codes].sort());
    for (const locale of LOCALES) {
      const names = codes.map((c) => table[c]![locale].trim());
      expect(names.every((n) => n.length > 0)).toBe(true);
      expect(new Set(names).size).toBe(names.length);
    }
  });

  it('WO-03 Chinese labels are in Chinese and English ones are not', () => {
    expect(labelOf(STATUS_LABELS, 'assigned', 'zh-CN')).toBe('待取单');
    expect(labelOf(ACTION_LABELS, 'take', 'en')).toBe('Take');
    for (const code of WORK_ORDER_STATUSES) {
      expect(STATUS_LABELS[code]['zh-CN']).toMatch(/\p{Script=Han}/u);
      expect(STATUS_LABELS[code].en).not.toMatch(/\p{Script=Han}/u);
    }
  });

  it('WO-03 an action a later release recorded shows as its code rather than a blank', () => {
    expect(labelOf(ACTION_LABELS, 'attach_photo', 'zh-CN')).toBe('attach_photo');
    expect(labelOf(ACTION_LABELS, 'toString', 'en')).toBe('toString');
  });
});
