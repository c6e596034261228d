// factcards drop-in loader: the one stable URL a page includes.
//
//   <div data-factcards></div>
//   <script type="module" src="https://example.org/factcards/factcards.js"></script>
//
// It loads the content-hashed wasm and JS glue that sit beside it, mounts
// every [data-factcards] element (now and later), and offers the JS API as
// `window.factcards` and as this module's exports. tools/build/post-build.mjs
// fills in the hashed file names at build time.
import init, { mount as mountNow, setAssetBase } from "./__GLUE__";

let loaded = false;

/** factcards.mount(element, sheet?, options?): see factcards.d.ts. */
export function mount(element, sheet, options) {
  if (!loaded) throw new Error("factcards: still loading; await factcards.ready first");
  return mountNow(element, sheet, options);
}

/** Resolves to the API once the wasm has started. */
export const ready = init({ module_or_path: new URL("./__WASM__", import.meta.url) }).then(() => {
  // Only this file knows where dist/ is (a CDN, a renamed copy, an import()
  // from the iframe page): the widget fetches world-map.json from here, and
  // only for a sheet with a map.
  setAssetBase(new URL(".", import.meta.url).href);
  loaded = true;
  return api;
});

const api = { mount, ready };
window.factcards = api;
await ready;
