import { recordChannelSend, type Db } from '@daowei/db';

/**
 * INT-01: how a message leaves the system — SMS, WeChat, e-mail or a webhook. Content comes from a
 * template name and its parameters (the adapter renders or hands both to the provider), and every
 * send is logged in `notification_sends` whatever the adapter does.
 *
 * `deliver` runs inside the caller's transaction. An adapter that talks to a network must not do so
 * there (a rolled-back order would still have texted the customer): it records the send and lets a job
 * deliver it after commit. The local one records the send; the outbox (outbox.service.ts) delivers
 * through the adapters of delivery-adapter.ts after commit.
 */
export type ChannelName = 'sms' | 'wechat' | 'email' | 'webhook';

export interface ChannelMessage {
  channel: ChannelName;
  /** Phone number, OpenID, e-mail address or webhook URL, as the channel needs. */
  to: string;
  template: string;
  params: Record<string, unknown>;
  orderId?: string | null;
  notificationId?: string | null;
  /** INT-01: the outbox message this send queued, when it was queued there. */
  outboxId?: string | null;
}

export interface ChannelSendResult {
  id: string;
  status: 'recorded' | 'sent' | 'failed';
}

export interface ChannelAdapter {
  readonly name: string;
  deliver(tx: Db, tenantId: string, message: ChannelMessage, at: Date): Promise<ChannelSendResult>;
}

/** Development, tests and air-gapped installs: the send is written to the log and goes nowhere. */
export const localChannelAdapter: ChannelAdapter = {
  name: 'local',
  async deliver(tx, tenantId, m, at) {
    const row = await recordChannelSend(tx, tenantId, {
      notificationId: m.notificationId ?? null,
      orderId: m.orderId ?? null,
      channel: m.channel,
      adapter: 'local',
      recipient: m.to,
      template: m.template,
      params: m.params,
      status: 'recorded',
      at,
      outboxId: m.outboxId ?? null,
      attempt: m.outboxId ? 0 : null,
    });
    return { id: row.id, status: 'recorded' };
  },
};
