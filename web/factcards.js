// factcards drop-in loader: the one stable URL a page includes.
//
//   <div data-factcards></div>
//   <script type="module" src="https://example.org/factcards/factcards.js"></script>
//
// It loads the content-hashed wasm and JS glue that sit beside it, mounts
// every [data-factcards] element (now and later), and offers the JS API as
// `window.factcards` and as this module's exports. tools/build/post-build.mjs
// fills in the hashed file names and integrity hashes at build time.

/** The glue's exports, once it has loaded. */
let wasm = null;

/** factcards.mount(element, sheet?, options?): see factcards.d.ts. */
export function mount(element, sheet, options) {
  if (!wasm) throw new Error("factcards: still loading; await factcards.ready first");
  return wasm.mount(element, sheet, options);
}

// The wasm and the glue are fetched at once: a static import of the glue
// would fetch it first and the wasm only after, one more round trip on a
// page that only includes this file. The wasm is fetched with its
// Subresource Integrity hash, so a tampered copy on a CDN is refused rather
// than run.
const wasmResponse = fetch(new URL("./__WASM__", import.meta.url), { integrity: "__WASM_INTEGRITY__" });
const glue = import("./__GLUE__");

/** Resolves to the API once the wasm has started. */
export const ready = glue.then(async (module) => {
  await module.default({ module_or_path: wasmResponse });
  // Only this file knows where dist/ is (a CDN, a renamed copy, an import()
  // from the iframe page): the widget fetches world-map.json from here, and
  // only for a sheet with a map.
  module.setAssetBase(new URL(".", import.meta.url).href);
  // Builds with the test-hooks feature (never the release) export a
  // deliberate panic for the end-to-end test of the panic hook.
  if (module.panicForTests) api.panicForTests = module.panicForTests;
  wasm = module;
  return api;
});

const api = { mount, ready };
window.factcards = api;
await ready;
