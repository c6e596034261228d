// factcards drop-in loader: the one stable URL a page includes.
//
//   <div data-factcards></div>
//   <script type="module" src="https://example.org/factcards/factcards.js"></script>
//
// It loads the content-hashed wasm and JS glue that sit beside it, mounts
// every [data-factcards] element (now and later), and offers the JS API as
// this module's exports and as `window.factcards`. tools/build/post-build.mjs
// fills in the hashed file names and integrity hashes at build time.
//
// A page's own script may run before this one: a classic script always does,
// and WebKit runs a module with imports and a top-level await after the
// module scripts that follow it. So a page reaches the API through a queue,
// as analytics snippets do, which works whichever script runs first:
//
//   (window.factcards = window.factcards || []).push((api) => api.mount(…));
//
// Until this file runs, window.factcards is the page's array of callbacks;
// then it is the API, whose push() runs each callback once `ready` has
// resolved. This module has no top-level await, for that same WebKit order.
import init, * as wasm from "./__GLUE__";

let loaded = false;

/** factcards.mount(element, sheet?, options?): see factcards.d.ts. */
export function mount(element, sheet, options) {
  if (!loaded) throw new Error("factcards: still loading; call mount once `ready` has resolved, or from factcards.push()");
  return wasm.mount(element, sheet, options);
}

/** Resolves to the API once the wasm has started. */
// The wasm is fetched with its Subresource Integrity hash, so a tampered copy
// on a CDN is refused rather than run.
const wasmResponse = fetch(new URL("./__WASM__", import.meta.url), { integrity: "__WASM_INTEGRITY__" });
export const ready = init({ module_or_path: wasmResponse }).then(() => {
  // Only this file knows where dist/ is (a CDN, a renamed copy, an import()
  // from the iframe page): the widget fetches world-map.json from here, and
  // only for a sheet with a map.
  wasm.setAssetBase(new URL(".", import.meta.url).href);
  loaded = true;
  return api;
});
// A widget that cannot start is reported once, as an uncaught error, whoever
// else awaits `ready`.
ready.catch((error) => setTimeout(() => { throw error; }));

/**
 * Runs each callback with the API once `ready` has resolved (in a later
 * microtask if it already has), in the order pushed; a callback that throws
 * is reported as an unhandled rejection and stops no other. The same call
 * as an array's push, so a page's queue works before and after this file.
 */
export function push(...callbacks) {
  for (const callback of callbacks) ready.then(callback, () => {});
}

const api = { mount, ready, push };
// Builds with the test-hooks feature (never the release) export a deliberate
// panic for the end-to-end test of the panic hook.
if (wasm.panicForTests) api.panicForTests = wasm.panicForTests;
const queued = Array.isArray(window.factcards) ? window.factcards : [];
window.factcards = api;
push(...queued);
