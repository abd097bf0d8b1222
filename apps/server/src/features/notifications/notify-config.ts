import type { MessageChannel, NotifyPolicy } from '@daowei/domain';
import { logAdapter, switchedOffAdapter, type DeliveryAdapter } from './delivery-adapter.js';
import { webhookAdapter } from './webhook-adapter.js';

/** Which adapter carries each channel, and the outbox numbers the operator overrides. */
export interface NotifyConfig {
  adapters: Record<MessageChannel, DeliveryAdapter>;
  policy: Partial<Pick<NotifyPolicy, 'maxAttempts' | 'backoffBaseSeconds'>>;
}

const CHOICES: Record<MessageChannel, readonly string[]> = {
  sms: ['log', 'webhook', 'sms'],
  email: ['log', 'webhook', 'email'],
  wechat: ['log', 'webhook'],
  webhook: ['webhook', 'log'],
};

/**
 * INT-01 configuration from the environment (docs/notifications.md). Every channel defaults to the
 * log adapter, so a fresh install sends nothing anywhere; the webhook needs its URL and secret, and
 * a wrong value stops the server at start rather than losing messages later.
 *
 *   DAOWEI_NOTIFY_SMS / _EMAIL / _WECHAT   log | webhook | sms | email   (default log)
 *   DAOWEI_NOTIFY_WEBHOOK_URL              http(s) URL of the tenant's gateway
 *   DAOWEI_NOTIFY_WEBHOOK_SECRET           HMAC-SHA256 key for the X-Daowei-Signature header
 *   DAOWEI_NOTIFY_WEBHOOK_TIMEOUT_MS       per try (default 5000)
 *   DAOWEI_NOTIFY_MAX_ATTEMPTS             tries before a message is dead (policy default 6)
 *   DAOWEI_NOTIFY_BACKOFF_SECONDS          wait before the 2nd try, doubled each time (policy default 30)
 */
export function readNotifyConfig(env: NodeJS.ProcessEnv = process.env): NotifyConfig {
  const log = logAdapter();
  const url = env.DAOWEI_NOTIFY_WEBHOOK_URL?.trim() || null;
  const secret = env.DAOWEI_NOTIFY_WEBHOOK_SECRET ?? '';
  const timeoutMs = intOf(env, 'DAOWEI_NOTIFY_WEBHOOK_TIMEOUT_MS', 5000, 100, 120_000)!;
  let webhook: DeliveryAdapter | null = null;
  const needWebhook = () => {
    if (webhook) return webhook;
    if (!url || !/^https?:\/\//.test(url)) {
      throw new Error('DAOWEI_NOTIFY_WEBHOOK_URL must be an http(s) URL when a channel uses the webhook adapter');
    }
    if (secret.length < 16) throw new Error('DAOWEI_NOTIFY_WEBHOOK_SECRET must be at least 16 characters');
    webhook = webhookAdapter({ url, secret, timeoutMs });
    return webhook;
  };
  const pick = (channel: MessageChannel, envName: string): DeliveryAdapter => {
    const fallback = channel === 'webhook' ? (url ? 'webhook' : 'log') : 'log';
    const choice = (env[envName]?.trim() || fallback).toLowerCase();
    if (!CHOICES[channel].includes(choice)) {
      throw new Error(`${envName} must be one of ${CHOICES[channel].join(', ')} (got "${choice}")`);
    }
    if (choice === 'webhook') return needWebhook();
    if (choice === 'sms' || choice === 'email') return switchedOffAdapter(choice);
    return log;
  };
  const policy: NotifyConfig['policy'] = {};
  const maxAttempts = intOf(env, 'DAOWEI_NOTIFY_MAX_ATTEMPTS', undefined, 1, 50);
  const base = intOf(env, 'DAOWEI_NOTIFY_BACKOFF_SECONDS', undefined, 1, 86_400);
  if (maxAttempts !== undefined) policy.maxAttempts = maxAttempts;
  if (base !== undefined) policy.backoffBaseSeconds = base;
  return {
    adapters: {
      sms: pick('sms', 'DAOWEI_NOTIFY_SMS'),
      email: pick('email', 'DAOWEI_NOTIFY_EMAIL'),
      wechat: pick('wechat', 'DAOWEI_NOTIFY_WECHAT'),
      webhook: pick('webhook', 'DAOWEI_NOTIFY_WEBHOOK'),
    },
    policy,
  };
}

function intOf(env: NodeJS.ProcessEnv, name: string, fallback: number | undefined, min: number, max: number) {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${name} must be a whole number ${min}–${max}`);
  return n;
}
