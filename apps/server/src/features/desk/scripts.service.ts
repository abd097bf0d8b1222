import {
  checkCustomerText,
  DEFAULT_FORBIDDEN_PHRASES_ZH,
  DEFAULT_SCRIPTS_ZH,
  type ForbiddenPhraseList,
  type ScriptLibrary,
} from '@daowei/domain';
import type { ScriptsQuery } from './desk.schemas.js';

export type ScriptsService = ReturnType<typeof createScriptsService>;

/**
 * DESK-04: the scripts library and the forbidden-phrase check. Every tenant uses the defaults until
 * tenant libraries are stored (the deps take a library so that step only changes where it comes from).
 */
export function createScriptsService(deps: { scripts?: ScriptLibrary; forbidden?: ForbiddenPhraseList } = {}) {
  const library = deps.scripts ?? DEFAULT_SCRIPTS_ZH;
  const forbidden = deps.forbidden ?? DEFAULT_FORBIDDEN_PHRASES_ZH;

  return {
    list(q: ScriptsQuery) {
      const items = library.filter(
        (s) =>
          (q.situation === undefined || s.situation === q.situation) &&
          (q.cause === undefined || s.causeCategory === undefined || s.causeCategory === q.cause),
      );
      return { items };
    },

    /** Flags with, for each, the scripts of the situation to use instead. */
    check(text: string) {
      const flags = checkCustomerText(text, forbidden).map((f) => ({
        ...f,
        suggestions: library
          .filter((s) => s.situation === f.suggest)
          .map((s) => ({ id: s.id, title: s.title, text: s.text })),
      }));
      return { ok: flags.length === 0, flags };
    },
  };
}
