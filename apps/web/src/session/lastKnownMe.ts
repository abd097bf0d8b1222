import type { Me } from '../api';
import { getToken } from '../api';

/**
 * ENG-07: who is signed in on this browser, kept with the token so that opening the installed app
 * without network (a basement, a lift) still shows the engineer's day instead of the login page. Tied
 * to the token it was read with: a new login replaces it, signing out or a 401 clears it.
 */
const KEY = 'daowei.me';

export function rememberMe(me: Me): void {
  const token = getToken();
  if (token) localStorage.setItem(KEY, JSON.stringify({ token, me }));
}

export function lastKnownMe(): Me | null {
  try {
    const saved = JSON.parse(localStorage.getItem(KEY) ?? 'null') as { token: string; me: Me } | null;
    return saved && saved.token === getToken() ? saved.me : null;
  } catch {
    return null;
  }
}

export function forgetMe(): void {
  localStorage.removeItem(KEY);
}
