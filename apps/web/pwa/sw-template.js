/* Daowei service worker (issue 4, PWA): the phone's app shell works without network.
 * Generated at build by pwa/serviceWorkerPlugin.ts, which fills in VERSION and PRECACHE (the entry and
 * every chunk the phone routes can load). Hand-written on purpose: a few rules, no library.
 * - install: precache the shell; activate: drop older caches;
 * - page navigations: network first, the cached index.html when offline (the SPA routes itself);
 * - /assets/* (hashed, immutable) and icons: cache first, filled at run time too;
 * - /api/*: never cached here — the app keeps its own offline data in IndexedDB (ENG-07). */
const VERSION = '__VERSION__';
const PRECACHE = /* __PRECACHE__ */ [];
const CACHE = `daowei-shell-${VERSION}`;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      // force-cache: files the page already downloaded come from the HTTP cache, not again over a slow link.
      .then((c) => c.addAll(PRECACHE.map((u) => new Request(u, { cache: 'force-cache' }))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(keys.filter((k) => k.startsWith('daowei-shell-') && k !== CACHE).map((k) => caches.delete(k))),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin || url.pathname.startsWith('/api/')) return;
  if (req.mode === 'navigate') {
    event.respondWith(
      fetch(req)
        .then((res) => {
          if (res.ok) {
            const copy = res.clone();
            caches.open(CACHE).then((c) => c.put('/index.html', copy));
          }
          return res;
        })
        .catch(() => caches.match('/index.html').then((hit) => hit || Response.error())),
    );
    return;
  }
  if (url.pathname.startsWith('/assets/') || /\.(png|webmanifest)$/.test(url.pathname)) {
    event.respondWith(
      caches.match(req).then(
        (hit) =>
          hit ||
          fetch(req).then((res) => {
            if (res.ok) {
              const copy = res.clone();
              caches.open(CACHE).then((c) => c.put(req, copy));
            }
            return res;
          }),
      ),
    );
  }
});
