// factcards drop-in loader: the one stable URL a page includes.
//
//   <div data-factcards></div>
//   <script type="module" src="https://example.org/factcards/factcards.js"></script>
//
// It loads the content-hashed wasm and JS glue that sit beside it, and the
// widget's stylesheet (factcards.css), mounts
// every [data-factcards] element (now and later), and offers the JS API as
// this module's exports and as `window.factcards`. tools/build/post-build.mjs
// fills in the hashed file names and integrity hashes at build time.
//
// This file is small and imports nothing: the glue and the wasm are fetched
// only when the widget is wanted. There are two builds of them, and it picks
// one before it fetches anything: decks that never update get the reader's
// build; a page where a mount point has data-live, or whose script uses the
// JS API (any mount() may ask for `live`), gets the same widget with live
// sheets (the poller, the diff and the change marks), about 10 KB more. A mount that holds a server-rendered
// fallback already shows its facts, so by default the live deck loads only
// when the mount comes within about a screen of the viewport, when the reader
// first touches or focuses it, or before printing (data-load="visible"); a
// mount without one loads at once (data-load="eager"); data-load="idle" loads
// when the browser is idle. A page that uses the JS API (push, mount, load)
// loads it at once.
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

const here = (name) => new URL(name, import.meta.url).href;

/**
 * The two builds, each as its hashed name (`<name>.js` the glue,
 * `<name>_bg.wasm` the wasm) and the integrity of its glue and its wasm,
 * which tools/build/post-build.mjs fills in.
 */
const READER = ["__READER__", "__READER_GLUE_INTEGRITY__", "__READER_WASM_INTEGRITY__"];
const LIVE = ["__LIVE__", "__LIVE_GLUE_INTEGRITY__", "__LIVE_WASM_INTEGRITY__"];

let glue = null;
let loading = null;
let settle;
/** Resolves to the API once the wasm has started (see `load`). */
export const ready = new Promise((resolve, reject) => (settle = { resolve, reject }));
// A widget that cannot start is reported once, as an uncaught error, whoever
// else awaits `ready`.
ready.catch((error) => setTimeout(() => { throw error; }));

/**
 * Fetches and starts the widget now, if it has not started yet; the wasm
 * then mounts every [data-factcards] element. Returns `ready`. The page
 * uses the JS API, so it gets the build with live sheets.
 */
export function load() {
  return begin(true);
}

/**
 * Starts the widget, once: the build with live sheets if `live` or if a
 * mount point asks for live updates now, else the reader's build.
 */
function begin(live) {
  loading ??= start(live || [...document.querySelectorAll("[data-factcards]")].some(asksForLive) ? LIVE : READER)
    .then(() => settle.resolve(api), settle.reject);
  return ready;
}

/** Whether a mount point asks for live updates: data-live, unless "off" or "false" (as `Live::from_attribute` reads it). */
function asksForLive(element) {
  const live = element.getAttribute("data-live")?.trim();
  return live !== undefined && live !== "off" && live !== "false";
}

async function start([name, glueIntegrity, wasmIntegrity]) {
  // The glue's integrity is checked through a module preload (an import()
  // cannot carry one), and the wasm's by its fetch, so a tampered copy on a
  // CDN is refused rather than run. Both are fetched at once.
  const url = here(`${name}.js`);
  const preload = Object.assign(document.createElement("link"), { rel: "modulepreload", href: url, integrity: glueIntegrity });
  document.head.append(preload);
  const wasmResponse = fetch(here(`${name}_bg.wasm`), { integrity: wasmIntegrity });
  // The widget's stylesheet is the fallback's factcards.css (over a
  // fallback, from the cache where the server lets it be kept), not a copy
  // in the wasm; every widget mounts with it, so none is drawn unstyled.
  const stylesheet = fetch(here("factcards.css"), { integrity: "__CSS_INTEGRITY__" })
    .then((response) => {
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return response.text();
    })
    .catch((error) => {
      throw new Error(`factcards: the stylesheet factcards.css did not load (${error.message})`);
    });
  // Awaited below, after the glue: not an unhandled rejection meanwhile.
  stylesheet.catch(() => {});
  // A mount that names no sheet shows the bundled story, which the wasm
  // fetches from beside this file (BUNDLED_SHEET_FILE): ask for it now, in
  // parallel with the wasm, not after it.
  if ([...document.querySelectorAll("[data-factcards]")].some(namesNoSheet)) {
    document.head.append(Object.assign(document.createElement("link"), { rel: "preload", as: "fetch", crossOrigin: "anonymous", href: here("moscow-isis-k.json") }));
  }
  const module = await import(url);
  await module.default({ module_or_path: wasmResponse });
  // Only this file knows where dist/ is (a CDN, a renamed copy, an import()
  // from the iframe page): the widget fetches world-map.json from here, and
  // only for a sheet with a map.
  module.startWidgets(await stylesheet, here("."));
  // Builds with the test-hooks feature (never the release) export a
  // deliberate panic and a deliberate trap for the end-to-end tests of what
  // they leave behind.
  if (module.panicForTests) api.panicForTests = module.panicForTests;
  if (module.trapForTests) api.trapForTests = module.trapForTests;
  glue = module;
  watchForTraps(url, module);
}

/** Whether a mount point names no sheet (no data-src, no inline JSON), as `SheetSource::from_element` reads it. */
function namesNoSheet(element) {
  return !element.getAttribute("data-src")?.trim() && !element.querySelector(":scope > script[type='application/json']");
}

/**
 * A trap in the wasm (an out-of-bounds access, `unreachable`) stops it
 * without its panic hook, and would leave each widget on screen with
 * controls that do nothing. Every call into the wasm goes through the glue,
 * so an uncaught WebAssembly.RuntimeError whose stack passes through the
 * glue is the widget's own (another module's trap on the page is not): the
 * wasm then leaves each widget as after a panic. A panic ends in a trap too;
 * the wasm does that only once.
 */
function watchForTraps(glueUrl, module) {
  const onError = (event) => {
    const error = event.error;
    if (!(error instanceof WebAssembly.RuntimeError)) return;
    if (event.filename !== glueUrl && !String(error.stack).includes(glueUrl)) return;
    window.removeEventListener("error", onError);
    console.warn("factcards: the widget stopped after an error in its wasm; each widget shows its fallback or a short notice.", error);
    try {
      module.afterTrap();
    } catch {
      // The wasm could not run even that: the widgets stay as they were.
    }
  };
  window.addEventListener("error", onError);
}

/** factcards.mount(element, sheet?, options?): see factcards.d.ts. */
export function mount(element, sheet, options) {
  if (!glue) {
    load();
    throw new Error("factcards: still loading; call mount once `ready` has resolved, or from factcards.push()");
  }
  return glue.mount(element, sheet, options);
}

/**
 * Runs each callback with the API once `ready` has resolved (in a later
 * microtask if it already has), in the order pushed; a callback that throws
 * is reported as an unhandled rejection and stops no other. The same call
 * as an array's push, so a page's queue works before and after this file.
 */
export function push(...callbacks) {
  if (callbacks.length) load();
  for (const callback of callbacks) ready.then(callback, () => {});
}

const api = { mount, ready, push, load };

/** How a mount point asks to be loaded: its data-load, or by its content. */
function loadMode(element) {
  const asked = element.getAttribute("data-load");
  if (asked === "eager" || asked === "idle" || asked === "visible") return asked;
  // A server-rendered fallback is a declarative shadow root, attached while
  // the page was parsed.
  return element.shadowRoot ? "visible" : "eager";
}

/** Starts the widget when the first of `mounts` is wanted. */
function loadWhenWanted(mounts) {
  const modes = mounts.map(loadMode);
  if (modes.includes("eager")) return begin(false);
  if (modes.includes("idle")) {
    const idle = window.requestIdleCallback ?? ((run) => setTimeout(run, 1));
    idle(() => begin(false), { timeout: 3000 });
  }
  const visible = mounts.filter((_, index) => modes[index] === "visible");
  if (!visible.length) return;
  // About one screen ahead, so the deck is live before the reader reaches it.
  const observer = new IntersectionObserver((entries) => {
    if (entries.some((entry) => entry.isIntersecting)) begin(false);
  }, { rootMargin: "100% 0px" });
  const interactions = ["pointerdown", "focusin", "keydown"];
  const wanted = () => begin(false);
  for (const element of visible) {
    observer.observe(element);
    for (const type of interactions) element.addEventListener(type, wanted, { once: true, passive: true });
  }
  window.addEventListener("beforeprint", wanted, { once: true });
  ready.then(() => {
    observer.disconnect();
    for (const element of visible) for (const type of interactions) element.removeEventListener(type, wanted);
    window.removeEventListener("beforeprint", wanted);
  }, () => {});
}

/**
 * Gives a server-rendered fallback with data-theme="auto" the theme the live
 * deck will take over with, so that nothing flips at takeover: a page that
 * offers only light (or only dark), in its CSS at the mount point or in its
 * <meta name="color-scheme">, gets that; any other page the reader's
 * preference. The same reading as `page_color_scheme` and
 * `Theme::following_page` in the wasm, which it must match (theme.test.mjs).
 * CSS alone cannot do it: a page that says nothing and a page that says
 * light both give the mount a light used scheme, and only the first follows
 * the reader.
 */
function followPageScheme(element) {
  const root = element.shadowRoot?.querySelector(".fc-root[data-theme='auto']");
  if (!root) return;
  let scheme = getComputedStyle(element).colorScheme;
  if (!scheme.trim() || scheme.trim() === "normal") scheme = document.querySelector("meta[name='color-scheme' i]")?.content ?? "";
  const words = scheme.toLowerCase().split(/\s+/);
  const light = words.includes("light");
  if (light !== words.includes("dark")) root.dataset.theme = light ? "light" : "dark";
}

const queued = Array.isArray(window.factcards) ? window.factcards : [];
window.factcards = api;
push(...queued);
const mountPoints = [...document.querySelectorAll("[data-factcards]")];
mountPoints.forEach(followPageScheme);
// A page without a mount point yet uses the JS API, or adds one later.
if (mountPoints.length) loadWhenWanted(mountPoints);
else load();
// Mount points a page adds before the widget has started (a single-page
// site, a live blog) may want it sooner; once started, the wasm mounts them.
if (!glue) {
  const added = new MutationObserver((records) => {
    const mounts = records.flatMap((record) => [...record.addedNodes])
      .filter((node) => node.nodeType === Node.ELEMENT_NODE)
      .flatMap((element) => [element, ...element.querySelectorAll("[data-factcards]")])
      .filter((element) => element.matches("[data-factcards]"));
    mounts.forEach(followPageScheme);
    if (mounts.length) loadWhenWanted(mounts);
  });
  added.observe(document.documentElement, { childList: true, subtree: true });
  ready.then(() => added.disconnect(), () => added.disconnect());
}
