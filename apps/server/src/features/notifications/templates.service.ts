import {
  getDeskLibrary,
  insertTemplateVersion,
  listCurrentTemplates,
  listTemplateVersions,
  type Db,
  type StoredTemplateVersion,
} from '@daowei/db';
import {
  assertTemplatePlaceholders,
  checkCustomerText,
  CUSTOMER_EVENTS,
  DEFAULT_FORBIDDEN_PHRASES_ZH,
  defaultTemplate,
  DomainError,
  EVENT_PLACEHOLDERS,
  MESSAGE_CHANNELS,
  MESSAGE_LOCALES,
  renderTemplate,
  SAMPLE_PARAMS,
  type CustomerEvent,
  type MessageChannel,
  type MessageLocale,
  type NotifyPolicy,
} from '@daowei/domain';
import type { AuthContext } from '../../http/auth-context.js';
import type { Clock } from '../../platform/clock.js';
import { runIdempotent } from '../../platform/idempotency.js';
import type { TemplateBody, TemplateKeyParams } from './notify.schemas.js';

export type TemplatesService = ReturnType<typeof createTemplatesService>;

/**
 * INT-01 templates: the tenant's wording of each customer message per event, channel and language —
 * ours (version 0) until an admin edits it; every edit is a new version, checked for unknown
 * placeholders and for forbidden phrases (DESK-04) before it is saved.
 */
export function createTemplatesService({ db, clock, policy }: { db: Db; clock: Clock; policy: NotifyPolicy }) {
  function requireViewer(auth: AuthContext) {
    if (!policy.outboxViewPositions.includes(auth.position) && !policy.templateAdminPositions.includes(auth.position)) {
      throw new DomainError('FORBIDDEN', 'Message templates are for the desk and admins', { position: auth.position });
    }
  }
  function requireAdmin(auth: AuthContext) {
    if (!policy.templateAdminPositions.includes(auth.position) || auth.vendorId) {
      throw new DomainError('FORBIDDEN', "Only the operator's admins edit message templates", {
        position: auth.position,
      });
    }
  }

  function view(
    event: CustomerEvent,
    channel: MessageChannel,
    locale: MessageLocale,
    stored: StoredTemplateVersion | null,
  ) {
    const text = stored ? { subject: stored.subject, body: stored.body } : defaultTemplate(event, channel, locale);
    return {
      event,
      channel,
      locale,
      version: stored?.version ?? 0,
      isDefault: !stored,
      enabled: stored?.enabled ?? true,
      subject: text.subject,
      body: text.body,
      placeholders: [...EVENT_PLACEHOLDERS[event]],
      preview: renderTemplate(text, SAMPLE_PARAMS[locale]),
      updatedAt: stored ? stored.createdAt.toISOString() : null,
      updatedBy: stored?.createdBy ?? null,
    };
  }

  return {
    /** GET /api/notify/templates: every event × channel × language, the tenant's version or ours. */
    async list(auth: AuthContext) {
      requireViewer(auth);
      const stored = await listCurrentTemplates(db, auth.tenantId);
      const find = (e: string, c: string, l: string) =>
        stored.find((t) => t.event === e && t.channel === c && t.locale === l) ?? null;
      const items = CUSTOMER_EVENTS.flatMap((e) =>
        MESSAGE_CHANNELS.flatMap((c) => MESSAGE_LOCALES.map((l) => view(e, c, l, find(e, c, l)))),
      );
      return { items, channelsInUse: policy.channels, defaultLocale: policy.defaultLocale };
    },

    /** GET …/versions: the edits of one template, newest first (version 0, ours, is always last). */
    async history(auth: AuthContext, k: TemplateKeyParams) {
      requireViewer(auth);
      const rows = await listTemplateVersions(db, auth.tenantId, k);
      return {
        items: [...rows.map((r) => view(k.event, k.channel, k.locale, r)), view(k.event, k.channel, k.locale, null)],
      };
    },

    /** PUT …: saves the next version; `version` is the one the editor started from (0 = ours). */
    async save(auth: AuthContext, k: TemplateKeyParams, body: TemplateBody, key: string | null) {
      requireAdmin(auth);
      const text = { subject: k.channel === 'email' ? (body.subject ?? '').trim() || null : null, body: body.body };
      if (k.channel === 'email' && !text.subject) {
        throw new DomainError('VALIDATION_FAILED', 'An e-mail needs a subject', { field: 'body.subject' });
      }
      assertTemplatePlaceholders(k.event, text);
      return db.transaction((tx) =>
        runIdempotent(tx, auth, key, { op: 'notify-template', k, body }, async () => {
          const lib = await getDeskLibrary(tx, auth.tenantId);
          const phrases = lib?.phrases ?? DEFAULT_FORBIDDEN_PHRASES_ZH;
          for (const [field, t] of [
            ['body.subject', text.subject ?? ''],
            ['body.body', text.body],
          ] as const) {
            const hit = checkCustomerText(t, phrases)[0];
            if (hit) {
              throw new DomainError(
                'DESK_FORBIDDEN_PHRASE',
                `"${hit.excerpt}" is a phrase we do not say to customers`,
                {
                  field,
                  phrase: hit.matched,
                  phraseId: hit.phraseId,
                  excerpt: hit.excerpt,
                  suggest: hit.suggest,
                  confirmable: false,
                },
              );
            }
          }
          const row = await insertTemplateVersion(
            tx,
            auth.tenantId,
            { ...k, ...text, enabled: body.enabled, createdBy: auth.personId, at: clock.now() },
            body.version,
          );
          if (!row) {
            throw new DomainError('CONFLICT', 'The template was changed meanwhile; reload it', {
              field: 'body.version',
            });
          }
          return view(k.event, k.channel, k.locale, row);
        }),
      );
    },
  };
}
