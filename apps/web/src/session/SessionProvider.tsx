import type { Position } from '@daowei/domain';
import { type ReactNode, useCallback, useEffect, useMemo, useState } from 'react';
import { authApi, clearToken, getToken, type Me, setToken, toApiError, UNAUTHORIZED_EVENT } from '../api';
import { forgetMe, lastKnownMe, rememberMe } from './lastKnownMe';
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
      (me) => {
        rememberMe(me);
        if (live) setState({ status: 'ready', me });
      },
      (e: unknown) => {
        if (!live) return;
        // ENG-07: no network is not "signed out" — the phone keeps working as the last known person.
        const known = toApiError(e).status === 0 ? lastKnownMe() : null;
        if (known) return setState({ status: 'ready', me: known });
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
      forgetMe();
      clearAllResources();
      setState({ status: 'anonymous', me: null });
    };
    window.addEventListener(UNAUTHORIZED_EVENT, onUnauthorized);
    return () => window.removeEventListener(UNAUTHORIZED_EVENT, onUnauthorized);
  }, []);

  const login = useCallback(async (loginName: string, password: string, key: string) => {
    const r = await authApi.login(loginName, password, key);
    setToken(r.token);
    rememberMe(r.me);
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
    forgetMe();
    clearAllResources();
    setState({ status: 'anonymous', me: null });
  }, []);

  const switchPosition = useCallback(async (position: Position) => {
    const me = await authApi.setPosition(position);
    rememberMe(me);
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
