// Parcours TI offline support (registered by release builds only, dom.rs).
// tools/postbuild.py fills BUILD with the build's files and a version
// derived from their content: a new build has a new version, so its files
// replace the old cache on the next online visit.
const BUILD = { version: "dev", files: [] };
const CACHE = "parcours-ti-" + BUILD.version;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll(BUILD.files)).then(() => self.skipWaiting())
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(
        keys.filter((k) => k.startsWith("parcours-ti-") && k !== CACHE).map((k) => caches.delete(k))
      ))
      .then(() => self.clients.claim())
  );
});

// The page and the catalogue: network first (a new catalogue is picked up
// as soon as the network is there), cache when offline. Everything else is
// content-addressed or versioned: cache first.
self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  const isPage = request.mode === "navigate";
  const isCatalogue = new URL(request.url).pathname.endsWith("/content/catalogue.json");
  if (isPage || isCatalogue) {
    event.respondWith(
      fetch(request)
        .then((response) => {
          if (response.ok) {
            const copy = response.clone();
            caches.open(CACHE).then((cache) => cache.put(isPage ? "./" : "content/catalogue.json", copy));
          }
          return response;
        })
        .catch(() => caches.match(isPage ? "./" : "content/catalogue.json")
          .then((hit) => hit || Response.error()))
    );
    return;
  }
  event.respondWith(
    caches.match(request, { ignoreSearch: true }).then((hit) => hit || fetch(request))
  );
});
