import type { ScriptSituation } from './scripts-library.js';

/**
 * DESK-04 服务忌语: phrases staff must not send to a customer. Each entry names the situation whose
 * script to suggest instead. The defaults are our own examples of the kinds of phrase service rules
 * forbid (shifting responsibility, blaming or lecturing the customer, impatience, brushing off).
 */
export interface ForbiddenPhrase {
  id: string;
  phrase: string;
  /** Other wordings of the same phrase. */
  variants?: readonly string[];
  suggest: ScriptSituation;
}

export type ForbiddenPhraseList = readonly ForbiddenPhrase[];

export const DEFAULT_FORBIDDEN_PHRASES_ZH: ForbiddenPhraseList = [
  { id: 'not-my-job', phrase: '这不归我管', variants: ['不关我的事', '这不是我的事'], suggest: 'complaint_response' },
  { id: 'do-it-yourself', phrase: '你自己去查', variants: ['你自己看着办'], suggest: 'cause_explanation' },
  { id: 'told-you-already', phrase: '跟你说过多少遍了', variants: ['说了你也不懂'], suggest: 'cause_explanation' },
  { id: 'no-way', phrase: '我也没办法', variants: ['没办法了'], suggest: 'cause_explanation' },
  { id: 'not-our-fault', phrase: '我们这边肯定没问题', variants: ['不是我们的问题'], suggest: 'cause_explanation' },
  { id: 'wait-then', phrase: '等着吧', variants: ['慢慢等'], suggest: 'appointment_call' },
  { id: 'complain-useless', phrase: '投诉也没用', variants: ['随便你投诉'], suggest: 'complaint_response' },
  { id: 'off-work', phrase: '要下班了改天再说', variants: ['下班了明天再说'], suggest: 'appointment_call' },
  { id: 'company-rule', phrase: '规定就是这样', variants: ['这是规定'], suggest: 'tariff_speed_question' },
];

export interface PhraseFlag {
  phraseId: string;
  /** The list entry's wording that matched (the phrase or one of its variants). */
  matched: string;
  /** The text as written, from start (inclusive) to end (exclusive), in UTF-16 units of the input. */
  start: number;
  end: number;
  excerpt: string;
  suggest: ScriptSituation;
}

/** One comparable character and where it came from in the original text. */
interface Folded {
  chars: string[];
  from: number[];
  to: number[];
}

/** Spaces, punctuation and symbols are ignored when matching: inserting them must not hide a phrase. */
const IGNORED = /[\p{White_Space}\p{P}\p{S}\u200B-\u200D\u2060\uFEFF]/u;

/**
 * Folds text for matching: NFKC (full-width letters, digits and punctuation become half-width),
 * lower case, ignored characters dropped; each kept character remembers its source range.
 */
function fold(text: string): Folded {
  const out: Folded = { chars: [], from: [], to: [] };
  let i = 0;
  for (const ch of text) {
    const end = i + ch.length;
    for (const c of ch.normalize('NFKC').toLowerCase()) {
      if (IGNORED.test(c)) continue;
      out.chars.push(c);
      out.from.push(i);
      out.to.push(end);
    }
    i = end;
  }
  return out;
}

/** Every forbidden phrase in a customer-facing text, in order of position; overlapping hits of one entry count once. */
export function checkCustomerText(text: string, list: ForbiddenPhraseList): PhraseFlag[] {
  const t = fold(text);
  const hay = t.chars.join('');
  // Map from an index in `hay` (UTF-16) to an index in t.chars: folded chars may be astral.
  const unitToChar: number[] = [];
  t.chars.forEach((c, k) => {
    for (let u = 0; u < c.length; u++) unitToChar.push(k);
  });
  const flags: PhraseFlag[] = [];
  for (const entry of list) {
    const taken: [number, number][] = [];
    for (const wording of [entry.phrase, ...(entry.variants ?? [])]) {
      const needle = fold(wording).chars.join('');
      if (!needle) continue;
      for (let at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + 1)) {
        const first = unitToChar[at]!;
        const last = unitToChar[at + needle.length - 1]!;
        const start = t.from[first]!;
        const end = t.to[last]!;
        if (taken.some(([s, e]) => start < e && s < end)) continue;
        taken.push([start, end]);
        flags.push({
          phraseId: entry.id,
          matched: wording,
          start,
          end,
          excerpt: text.slice(start, end),
          suggest: entry.suggest,
        });
      }
    }
  }
  return flags.sort((a, b) => a.start - b.start || a.end - b.end);
}
