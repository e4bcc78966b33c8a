// WeMi service worker: an offline page when the network is gone, and the last catalogue pages
// seen, so a citizen on a weak connection still finds what they looked at. Pages with personal
// data (area personale, checkout, kiosk) are never cached.
const VERSION = "wemi-v1";
const OFFLINE_URL = "/offline.html";
const PRECACHE = [OFFLINE_URL, "/icons/logo.svg", "/assets/bootstrap-italia/css/bootstrap-italia.min.css", "/pkg/wemi.css"];
const CACHEABLE_PAGES = [/^\/$/, /^\/servizi(\/|$)/, /^\/spazi(\/|$)/, /^\/enti(\/|$)/, /^\/categorie(\/|$)/];

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(VERSION).then((cache) => cache.addAll(PRECACHE)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== VERSION).map((k) => caches.delete(k))))
      .then(() => self.clients.claim())
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;

  if (request.mode === "navigate") {
    const cacheable = CACHEABLE_PAGES.some((re) => re.test(url.pathname));
    event.respondWith(
      fetch(request)
        .then((response) => {
          if (cacheable && response.ok) {
            const copy = response.clone();
            caches.open(VERSION).then((cache) => cache.put(request, copy));
          }
          return response;
        })
        .catch(async () => (cacheable && (await caches.match(request))) || caches.match(OFFLINE_URL))
    );
    return;
  }

  if (url.pathname.startsWith("/assets/") || url.pathname.startsWith("/icons/")) {
    event.respondWith(
      caches.match(request).then((hit) => hit || fetch(request).then((response) => {
        if (response.ok) {
          const copy = response.clone();
          caches.open(VERSION).then((cache) => cache.put(request, copy));
        }
        return response;
      }))
    );
  }
});
