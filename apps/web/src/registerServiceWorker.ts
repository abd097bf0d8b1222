/**
 * PWA (issue 4): the service worker caches the app shell so the phone opens offline and the app is
 * installable. Production builds only — the dev server's modules must never be served stale.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  // After the page is up, so the shell's precache does not compete with the first screen on a slow link.
  window.addEventListener('load', () => {
    window.setTimeout(() => void navigator.serviceWorker.register('/sw.js').catch(() => undefined), 3000);
  });
}
