import type { Position } from '@daowei/domain';
import { type ReactNode, useCallback, useEffect, useMemo, useState } from 'react';
import { authApi, clearToken, getToken, type Me, setToken, UNAUTHORIZED_EVENT } from '../api';
import { clearAllResources } from '../hooks/resource';
import { type Session, SessionContext } from './SessionContext';

interface State {
  status: Session['status'];
  me: Me | null;
}

/** Holds who is signed in and in which position; a 401 anywhere signs the browser out. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<State>(() => ({ status: getToken() ? 'loading' : 'anonymous', me: null }));

  useEffect(() => {
    if (!getToken()) return;
    let live = true;
    authApi.me().then(
      (me) => live && setState({ status: 'ready', me }),
      () => {
        if (!live) return;
        clearToken();
        setState({ status: 'anonymous', me: null });
      },
    );
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    const onUnauthorized = () => {
      clearAllResources();
      setState({ status: 'anonymous', me: null });
    };
    window.addEventListener(UNAUTHORIZED_EVENT, onUnauthorized);
    return () => window.removeEventListener(UNAUTHORIZED_EVENT, onUnauthorized);
  }, []);

  const login = useCallback(async (loginName: string, password: string, key: string) => {
    const r = await authApi.login(loginName, password, key);
    setToken(r.token);
    clearAllResources();
    setState({ status: 'ready', me: r.me });
    return r.me;
  }, []);

  const logout = useCallback(async () => {
    try {
      await authApi.logout();
    } catch {
      // signing out locally is what matters
    }
    clearToken();
    clearAllResources();
    setState({ status: 'anonymous', me: null });
  }, []);

  const switchPosition = useCallback(async (position: Position) => {
    const me = await authApi.setPosition(position);
    clearAllResources();
    setState({ status: 'ready', me });
    return me;
  }, []);

  const value = useMemo<Session>(
    () => ({ ...state, login, logout, switchPosition }),
    [state, login, logout, switchPosition],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
