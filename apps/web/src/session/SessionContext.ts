import type { Position } from '@daowei/domain';
import { createContext, useContext } from 'react';
import type { Me } from '../api';

export interface Session {
  status: 'loading' | 'anonymous' | 'ready';
  me: Me | null;
  login(login: string, password: string, idempotencyKey: string): Promise<Me>;
  logout(): Promise<void>;
  switchPosition(position: Position): Promise<Me>;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}

/** For pages behind RequireAuth: the signed-in person. */
export function useMe() {
  const { me } = useSession();
  if (!me) throw new Error('useMe outside RequireAuth');
  return me;
}
