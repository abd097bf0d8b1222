import { createHash, randomBytes } from 'node:crypto';
import {
  clearLoginFailures,
  createSession,
  deleteStaleLoginFailures,
  getLoginFailures,
  recordLoginFailure,
  deleteSession,
  findLoginAccount,
  findSessionByTokenHash,
  getPerson,
  getTenant,
  listOrgUnits,
  listPositions,
  touchSession,
  setSessionPosition,
  type Db,
} from '@daowei/db';
import { ancestors, DomainError, type PolicyPack, type Position } from '@daowei/domain';
import type { AuthContext } from '../../http/auth-context.js';
import type { Clock } from '../../platform/clock.js';
import type { MeView } from './auth.schemas.js';
import { dummyHash, verifyPassword } from './password.js';

const MINUTE = 60_000;
/** Only write last-seen when it moved this much: one write per minute per session, not per request. */
const TOUCH_EVERY_MS = MINUTE;

const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

export interface AuthServiceDeps {
  db: Db;
  clock: Clock;
  policy: PolicyPack;
}

export type AuthService = ReturnType<typeof createAuthService>;

/**
 * SEC-03 sessions: an opaque random token (only its hash is stored), idle expiry from the policy pack
 * and sliding on use; the position worked in is part of the session (ORG-02).
 */
export function createAuthService({ db, clock, policy }: AuthServiceDeps) {
  const idleMs = () => policy.sessionIdleMinutes * MINUTE;

  async function unitChain(tenantId: string, unitId: string): Promise<string[]> {
    return ancestors(unitId, await listOrgUnits(db, tenantId));
  }

  async function me(auth: AuthContext): Promise<MeView> {
    const [person, tenant] = await Promise.all([
      getPerson(db, auth.tenantId, auth.personId),
      getTenant(db, auth.tenantId),
    ]);
    if (!person || !tenant) throw new DomainError('UNAUTHENTICATED', 'Log in first');
    return {
      person: {
        id: person.id,
        name: person.name,
        staffNo: person.staffNo,
        unitId: person.unitId,
        vendorId: person.vendorId,
      },
      positions: [...auth.positions],
      position: auth.position,
      tenant: { id: tenant.id, name: tenant.name },
    };
  }

  /** SEC-03 lockout: a login name locked by too many failures is refused without trying the password. */
  async function refuseWhileLocked(login: string): Promise<void> {
    const state = await getLoginFailures(db, login);
    const now = clock.now();
    if (state?.lockedUntil && state.lockedUntil > now) {
      const retryAfterSeconds = Math.ceil((state.lockedUntil.getTime() - now.getTime()) / 1000);
      throw new DomainError('RATE_LIMITED', 'Too many failed logins for this account; try again later', {
        retryAfterSeconds,
      });
    }
  }

  /**
   * Counts a failed login — for unknown names too, so the lockout does not tell which logins exist —
   * and answers the one "wrong login or password". Counters idle longer than a lockout are pruned.
   */
  async function failed(login: string): Promise<never> {
    const now = clock.now();
    const lockMs = policy.loginLockoutMinutes * MINUTE;
    await recordLoginFailure(db, login, {
      now,
      lockAfter: policy.loginLockoutFailures,
      lockUntil: new Date(now.getTime() + lockMs),
    });
    await deleteStaleLoginFailures(db, new Date(now.getTime() - lockMs));
    throw new DomainError('AUTH_INVALID_CREDENTIALS', 'Wrong login or password');
  }

  return {
    async login(login: string, password: string) {
      await refuseWhileLocked(login);
      const account = await findLoginAccount(db, login);
      if (!account || !account.person.active) {
        await verifyPassword(await dummyHash(), password); // same cost as a wrong password
        return failed(login);
      }
      if (!(await verifyPassword(account.passwordHash, password))) return failed(login);
      await clearLoginFailures(db, login);
      const { person } = account;
      const positions = await listPositions(db, person.tenantId, person.id);
      const position = positions[0];
      if (!position) throw new DomainError('FORBIDDEN', 'This account holds no position; ask an administrator');
      const token = randomBytes(32).toString('base64url');
      const now = clock.now();
      const expiresAt = new Date(now.getTime() + idleMs());
      const session = await createSession(db, person.tenantId, {
        tokenHash: tokenHash(token),
        personId: person.id,
        position,
        now,
        expiresAt,
      });
      const auth: AuthContext = {
        tenantId: person.tenantId,
        personId: person.id,
        personName: person.name,
        position,
        positions,
        unitIds: await unitChain(person.tenantId, person.unitId),
        vendorId: person.vendorId,
        sessionId: session.id,
      };
      return { token, expiresAt: expiresAt.toISOString(), me: await me(auth) };
    },

    /** Token → caller, or 401. Expiry slides with use. */
    async resolve(token: string): Promise<AuthContext> {
      const found = await findSessionByTokenHash(db, tokenHash(token));
      if (!found) throw new DomainError('UNAUTHENTICATED', 'Log in first');
      const now = clock.now();
      if (found.session.expiresAt <= now) {
        await deleteSession(db, found.session.tenantId, found.session.id);
        throw new DomainError('AUTH_SESSION_EXPIRED', 'The session has expired; log in again');
      }
      if (!found.person.active) throw new DomainError('UNAUTHENTICATED', 'This account is disabled');
      if (now.getTime() - found.session.lastSeenAt.getTime() >= TOUCH_EVERY_MS) {
        await touchSession(db, found.session.tenantId, found.session.id, {
          now,
          expiresAt: new Date(now.getTime() + idleMs()),
        });
      }
      const { person } = found;
      const [positions, unitIds] = await Promise.all([
        listPositions(db, person.tenantId, person.id),
        unitChain(person.tenantId, person.unitId),
      ]);
      return {
        tenantId: person.tenantId,
        personId: person.id,
        personName: person.name,
        position: found.session.position,
        positions,
        unitIds,
        vendorId: person.vendorId,
        sessionId: found.session.id,
      };
    },

    async logout(auth: AuthContext): Promise<void> {
      await deleteSession(db, auth.tenantId, auth.sessionId);
    },

    me,

    /** ORG-02: work in another of the positions the person holds. */
    async switchPosition(auth: AuthContext, position: Position): Promise<MeView> {
      if (!auth.positions.includes(position)) {
        throw new DomainError('ORG_POSITION_NOT_HELD', `You do not hold the position ${position}`, {
          field: 'position',
          held: auth.positions,
        });
      }
      await setSessionPosition(db, auth.tenantId, auth.sessionId, position);
      return me({ ...auth, position });
    },
  };
}
