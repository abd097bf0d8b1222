import { DomainError } from '../shared/errors.js';
import { EVENT_PLACEHOLDERS, type CustomerEvent, type MessageTemplateText } from './customer-events.js';

const PLACEHOLDER = /\{(\w+)\}/g;

/** The placeholder names a text uses, in order of first use. */
export function placeholdersOf(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(PLACEHOLDER)) if (!out.includes(m[1]!)) out.push(m[1]!);
  return out;
}

/**
 * INT-01: an edited template may only name the facts its event has; anything else would reach the
 * customer literally. Refused with the field and the unknown names.
 */
export function assertTemplatePlaceholders(event: CustomerEvent, t: MessageTemplateText): void {
  const allowed = EVENT_PLACEHOLDERS[event];
  for (const [field, text] of [
    ['body.body', t.body],
    ['body.subject', t.subject ?? ''],
  ] as const) {
    const unknown = placeholdersOf(text).filter((p) => !allowed.includes(p));
    if (unknown.length > 0) {
      throw new DomainError('NOTIFY_TEMPLATE_PLACEHOLDER', `Unknown placeholder {${unknown[0]}}`, {
        field,
        unknown,
        allowed: [...allowed],
      });
    }
  }
}

/** Fills the placeholders; a fact the order lacks becomes "—" rather than a brace the customer reads. */
export function renderTemplate(
  t: MessageTemplateText,
  values: Readonly<Record<string, string | null | undefined>>,
): MessageTemplateText {
  const fill = (text: string) =>
    text.replace(PLACEHOLDER, (_whole, key: string) => {
      const v = values[key];
      return v === undefined || v === null || v === '' ? '—' : v;
    });
  return { subject: t.subject === null ? null : fill(t.subject), body: fill(t.body) };
}
