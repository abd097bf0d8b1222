/**
 * PWA (issue 4): the service worker caches the app shell so the phone opens offline and the app is
 * installable. Production builds only — the dev server's modules must never be served stale.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js').catch(() => undefined);
  });
}
