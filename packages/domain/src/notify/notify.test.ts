import { describe, expect, it } from 'vitest';
import { DEFAULT_FORBIDDEN_PHRASES_ZH, checkCustomerText } from '../desk/forbidden-phrases.js';
import {
  CUSTOMER_EVENTS,
  EVENT_PLACEHOLDERS,
  MESSAGE_CHANNELS,
  MESSAGE_LOCALES,
  defaultTemplate,
} from './customer-events.js';
import { etaFrom } from './eta.js';
import { formatWindow } from './format.js';
import { DEFAULT_NOTIFY_POLICY } from './notify-policy.js';
import { assertTemplatePlaceholders, placeholdersOf, renderTemplate } from './render.js';
import { afterAttempt, backoffSeconds } from './retry.js';

const policy = DEFAULT_NOTIFY_POLICY;
const at = new Date('2026-11-23T02:00:00Z');

describe('INT-01 retries: exponential back-off, dead after the last try', () => {
  it('INT-01 waits 30 s, 60 s, 120 s … doubling from the policy base, capped at the policy maximum', () => {
    expect([1, 2, 3, 4].map((n) => backoffSeconds(policy, n))).toEqual([30, 60, 120, 240]);
    expect(backoffSeconds(policy, 20)).toBe(policy.backoffMaxSeconds);
  });

  it('INT-01 a failed try is tried again after the back-off until the tries are used up, then it is dead', () => {
    const failed = { ok: false, retryable: true } as const;
    expect(afterAttempt(policy, { attempts: 1, maxAttempts: 3, outcome: failed, now: at })).toEqual({
      status: 'pending',
      nextAttemptAt: new Date(at.getTime() + 30_000),
    });
    expect(afterAttempt(policy, { attempts: 2, maxAttempts: 3, outcome: failed, now: at })).toEqual({
      status: 'pending',
      nextAttemptAt: new Date(at.getTime() + 60_000),
    });
    expect(afterAttempt(policy, { attempts: 3, maxAttempts: 3, outcome: failed, now: at })).toEqual({ status: 'dead' });
    expect(afterAttempt(policy, { attempts: 3, maxAttempts: 3, outcome: { ok: true }, now: at })).toEqual({
      status: 'sent',
    });
  });

  it('INT-01 a failure that cannot get better (adapter switched off) is dead at once', () => {
    const final = { ok: false, retryable: false } as const;
    expect(afterAttempt(policy, { attempts: 1, maxAttempts: 6, outcome: final, now: at }).status).toBe('dead');
  });
});

describe('INT-01 templates: defaults, placeholders, rendering', () => {
  it('INT-01 every event has a default on every channel in Chinese and English, naming only its own facts', () => {
    for (const event of CUSTOMER_EVENTS) {
      for (const channel of MESSAGE_CHANNELS) {
        for (const locale of MESSAGE_LOCALES) {
          const t = defaultTemplate(event, channel, locale);
          expect(t.body.length).toBeGreaterThan(20);
          expect(t.subject === null).toBe(channel !== 'email');
          expect(() => assertTemplatePlaceholders(event, t)).not.toThrow();
          expect(placeholdersOf(t.body)).toContain('orderNo');
        }
      }
    }
    expect(placeholdersOf(defaultTemplate('engineer_en_route', 'sms', 'zh-CN').body)).toEqual(
      expect.arrayContaining(['engineerName', 'eta', 'orderNo']),
    );
  });

  it('DESK-04 none of our default texts says a phrase of the shipped forbidden list', () => {
    for (const event of CUSTOMER_EVENTS) {
      for (const locale of MESSAGE_LOCALES) {
        const t = defaultTemplate(event, 'email', locale);
        expect(checkCustomerText(`${t.subject} ${t.body}`, DEFAULT_FORBIDDEN_PHRASES_ZH)).toEqual([]);
      }
    }
  });

  it('INT-01 placeholders are filled from the order; a missing fact reads "—", never a brace', () => {
    const t = defaultTemplate('engineer_en_route', 'sms', 'zh-CN');
    const r = renderTemplate(t, { customerName: '王女士', orderNo: 'WO-1', engineerName: '李明', eta: '14:35' });
    expect(r.body).toBe(
      '王女士您好，工程师李明已出发前往您处，预计14:35左右到达（服务单WO-1）。请保持电话畅通，谢谢您。',
    );
    expect(renderTemplate({ subject: null, body: '{customerName}，{eta}' }, { customerName: null }).body).toBe('—，—');
  });

  it('INT-01 an edited template naming a fact its event does not have is refused: NOTIFY_TEMPLATE_PLACEHOLDER', () => {
    const bad = { subject: null, body: '{customerName}您好，工程师{engineerNmae}已出发' };
    expect(() => assertTemplatePlaceholders('engineer_en_route', bad)).toThrowError(
      expect.objectContaining({
        code: 'NOTIFY_TEMPLATE_PLACEHOLDER',
        details: expect.objectContaining({ unknown: ['engineerNmae'] }),
      }),
    );
    expect(EVENT_PLACEHOLDERS.ready_for_pickup).not.toContain('eta');
  });
});

describe('INT-01/ENG-02 ETA and times as the customer reads them', () => {
  it('INT-01 the ETA is now plus the travel time, rounded up to the policy step (5 min)', () => {
    expect(etaFrom(policy, new Date('2026-11-23T02:01:00Z'), 22).toISOString()).toBe('2026-11-23T02:25:00.000Z');
    expect(etaFrom(policy, new Date('2026-11-23T02:00:00Z'), 0).toISOString()).toBe('2026-11-23T02:00:00.000Z');
  });

  it('INT-01 a window is written in the tenant zone (Asia/Shanghai) in the message language', () => {
    const w = { start: new Date('2026-11-24T01:00:00Z'), end: new Date('2026-11-24T03:00:00Z') };
    expect(formatWindow('zh-CN', w)).toBe('11月24日 09:00–11:00');
    expect(formatWindow('en', w)).toBe('24 Nov 09:00–11:00');
  });
});
