// factcards drop-in loader: the one stable URL a page includes.
//
//   <div data-factcards></div>
//   <script type="module" src="https://example.org/factcards/factcards.js"></script>
//
// It loads the content-hashed wasm and JS glue that sit beside it, mounts
// every [data-factcards] element (now and later), and offers the JS API as
// `window.factcards` and as this module's exports. tools/build/post-build.mjs
// fills in the hashed file names and integrity hashes at build time.
import init, * as wasm from "./__GLUE__";

let loaded = false;

/** factcards.mount(element, sheet?, options?): see factcards.d.ts. */
export function mount(element, sheet, options) {
  if (!loaded) throw new Error("factcards: still loading; await factcards.ready first");
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

const api = { mount, ready };
// Builds with the test-hooks feature (never the release) export a deliberate
// panic for the end-to-end test of the panic hook.
if (wasm.panicForTests) api.panicForTests = wasm.panicForTests;
window.factcards = api;
await ready;
