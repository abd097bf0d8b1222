import type { Position } from '../org/positions.js';
import { DomainError } from '../shared/errors.js';
import type { WorkOrderCommand } from '../work-order/lifecycle.js';
import type { DeskPolicy } from './desk-policy.js';
import { checkCustomerText, type ForbiddenPhraseList, type PhraseFlag } from './forbidden-phrases.js';

/** One customer-facing text of a request and the field it came in. */
export interface CustomerText {
  field: string;
  text: string;
}

/**
 * DESK-04: the texts of a lifecycle command a customer gets to read (told on the phone, shown on the
 * self-service page, sent in a notification). Dispatch and return remarks stay between staff.
 */
export function customerTextsOf(cmd: WorkOrderCommand): CustomerText[] {
  const out: CustomerText[] = [];
  const add = (field: string, text: string | undefined) => {
    if (text) out.push({ field, text });
  };
  switch (cmd.action) {
    case 'reschedule':
    case 'cancel':
      add('body.reason', cmd.reason);
      break;
    case 'complete': {
      add('body.remark', cmd.completion.remark);
      const o = cmd.completion.outcome;
      if (o.kind === 'resolved') add('body.outcome.solution', o.solution);
      if (o.kind === 'cannot_resolve') add('body.outcome.explanation', o.explanation);
      if (o.kind === 'reschedule') add('body.outcome.reason', o.reason);
      break;
    }
    default:
      break;
  }
  return out;
}

export interface TextVerdict {
  /** Flags the caller confirmed (recorded with the write); empty when the texts are clean. */
  confirmed: (PhraseFlag & { field: string })[];
}

/**
 * DESK-04 on every write of customer-facing text: a forbidden phrase refuses the write
 * (DESK_FORBIDDEN_PHRASE, naming field and phrase) unless the caller explicitly confirmed the flagged
 * text and their position may do so by policy; a confirmed flag is returned so it is recorded.
 */
export function judgeCustomerTexts(
  texts: readonly CustomerText[],
  list: ForbiddenPhraseList,
  opts: { position: Position | null; confirmed: boolean; policy: DeskPolicy },
): TextVerdict {
  const flags = texts.flatMap((t) => checkCustomerText(t.text, list).map((f) => ({ ...f, field: t.field })));
  if (flags.length === 0) return { confirmed: [] };
  const mayConfirm = opts.position !== null && opts.policy.flaggedTextConfirmPositions.includes(opts.position);
  if (opts.confirmed && mayConfirm) return { confirmed: flags };
  const first = flags[0]!;
  throw new DomainError('DESK_FORBIDDEN_PHRASE', `"${first.excerpt}" is a phrase we do not say to customers`, {
    field: first.field,
    phrase: first.matched,
    phraseId: first.phraseId,
    excerpt: first.excerpt,
    suggest: first.suggest,
    confirmable: mayConfirm,
    flags: flags.map((f) => ({ field: f.field, phrase: f.matched, phraseId: f.phraseId, excerpt: f.excerpt })),
  });
}
