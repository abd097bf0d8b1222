import { getDeskLibrary, saveDeskLibrary, type Db } from '@daowei/db';
import {
  checkCustomerText,
  DEFAULT_FORBIDDEN_PHRASES_ZH,
  DEFAULT_SCRIPTS_ZH,
  DomainError,
  judgeCustomerTexts,
  type CustomerText,
  type DeskPolicy,
  type ForbiddenPhrase,
  type ForbiddenPhraseList,
  type Script,
  type ScriptLibrary,
} from '@daowei/domain';
import type { AuthContext } from '../../http/auth-context.js';
import type { Clock } from '../../platform/clock.js';
import { runIdempotent } from '../../platform/idempotency.js';
import type { LibraryBody, ScriptsQuery } from './desk.schemas.js';

export type ScriptsService = ReturnType<typeof createScriptsService>;

interface Library {
  scripts: ScriptLibrary;
  phrases: ForbiddenPhraseList;
  /** 0 while the tenant uses the shipped defaults. */
  version: number;
}

/**
 * DESK-04: the tenant's scripts library and forbidden-phrase list (the shipped defaults until the
 * tenant saves its own), the check staff run while typing, and the same check enforced on every
 * write of customer-facing text (`assertTexts`).
 */
export function createScriptsService({ db, clock, deskPolicy }: { db: Db; clock: Clock; deskPolicy: DeskPolicy }) {
  async function libraryOf(tx: Db, tenantId: string): Promise<Library> {
    const stored = await getDeskLibrary(tx, tenantId);
    if (!stored) return { scripts: DEFAULT_SCRIPTS_ZH, phrases: DEFAULT_FORBIDDEN_PHRASES_ZH, version: 0 };
    return { scripts: stored.scripts, phrases: stored.phrases, version: stored.version };
  }

  const suggestionsFor = (lib: Library, situation: string) =>
    lib.scripts.filter((s) => s.situation === situation).map((s) => ({ id: s.id, title: s.title, text: s.text }));

  function requireAdmin(auth: AuthContext) {
    if (!deskPolicy.scriptAdminPositions.includes(auth.position)) {
      throw new DomainError('FORBIDDEN', 'Scripts are edited by station managers and admins', {
        position: auth.position,
      });
    }
    // The library is the tenant's: vendor staff read it but do not rewrite the operator's words.
    if (auth.vendorId) throw new DomainError('FORBIDDEN', "Vendor staff cannot edit the tenant's scripts");
  }

  return {
    async list(auth: AuthContext, q: ScriptsQuery) {
      const lib = await libraryOf(db, auth.tenantId);
      const items = lib.scripts.filter(
        (s) =>
          (q.situation === undefined || s.situation === q.situation) &&
          (q.cause === undefined || s.causeCategory === undefined || s.causeCategory === q.cause),
      );
      return { items };
    },

    /** The tenant's first script of a situation (WO-09/10 customer notice), read in the caller's transaction. */
    async scriptOf(tx: Db, tenantId: string, situation: string) {
      return (await libraryOf(tx, tenantId)).scripts.find((s) => s.situation === situation) ?? null;
    },

    /** Flags with, for each, the scripts of the situation to use instead. */
    async check(auth: AuthContext, text: string) {
      const lib = await libraryOf(db, auth.tenantId);
      const flags = checkCustomerText(text, lib.phrases).map((f) => ({
        ...f,
        suggestions: suggestionsFor(lib, f.suggest),
      }));
      return { ok: flags.length === 0, flags };
    },

    /** GET /api/desk/library: the whole library as an admin edits it. */
    async getLibrary(auth: AuthContext) {
      const lib = await libraryOf(db, auth.tenantId);
      return { scripts: lib.scripts, phrases: lib.phrases, version: lib.version, isDefault: lib.version === 0 };
    },

    /** PUT /api/desk/library: replaces it; a stale version (someone saved meanwhile) is a 409. */
    async saveLibrary(auth: AuthContext, body: LibraryBody, key: string | null) {
      requireAdmin(auth);
      const ids = new Set<string>();
      for (const s of [...body.scripts, ...body.phrases]) {
        if (ids.has(s.id)) throw new DomainError('VALIDATION_FAILED', `Duplicate id "${s.id}"`, { field: 'body.id' });
        ids.add(s.id);
      }
      // A script that says a forbidden phrase would be suggested as the fix for itself.
      for (const s of body.scripts) {
        const hit = checkCustomerText(s.text, body.phrases)[0];
        if (hit) {
          throw new DomainError('DESK_FORBIDDEN_PHRASE', `Script "${s.title}" contains "${hit.excerpt}"`, {
            field: `body.scripts.${s.id}`,
            phrase: hit.matched,
            excerpt: hit.excerpt,
          });
        }
      }
      return db.transaction((tx) =>
        runIdempotent(tx, auth, key, { op: 'desk-library', body }, async () => {
          const version = await saveDeskLibrary(tx, auth.tenantId, {
            scripts: body.scripts as Script[],
            phrases: body.phrases as ForbiddenPhrase[],
            updatedBy: auth.personId,
            updatedAt: clock.now(),
            expectedVersion: body.version,
          });
          if (version === null) {
            throw new DomainError('CONFLICT', 'The library was changed meanwhile; reload it', {
              field: 'body.version',
            });
          }
          return { version };
        }),
      );
    },

    /** DESK-04 before a write that has its own transaction elsewhere (lifecycle actions): same verdict. */
    assertTextsNow(auth: AuthContext, texts: CustomerText[], confirmed: boolean) {
      return this.assertTexts(db, auth, texts, confirmed);
    },

    /**
     * DESK-04 enforced: the texts a write sends to a customer, against the tenant's list, inside the
     * write's transaction. Returns the flags a permitted caller confirmed (to be recorded with the write).
     */
    async assertTexts(
      tx: Db,
      auth: { tenantId: string; position: AuthContext['position'] | null },
      texts: CustomerText[],
      confirmed: boolean,
    ) {
      if (texts.length === 0) return [];
      const lib = await libraryOf(tx, auth.tenantId);
      try {
        return judgeCustomerTexts(texts, lib.phrases, { position: auth.position, confirmed, policy: deskPolicy })
          .confirmed;
      } catch (e) {
        // The 409 carries the scripts to say instead, as the check route does.
        if (e instanceof DomainError && e.code === 'DESK_FORBIDDEN_PHRASE' && e.details) {
          throw new DomainError(e.code, e.message, {
            ...e.details,
            suggestions: suggestionsFor(lib, String(e.details.suggest)),
          });
        }
        throw e;
      }
    },
  };
}
