// End-to-end tests of the embedding: the drop-in loader (factcards.js) and
// its mount points, the JS API, the DOM events, style isolation in the
// shadow root, the iframe embed and deep links. The release build in dist/
// is served on 127.0.0.1 together with the small pages in fixtures/ (under
// /fixtures/), and driven in headless Chromium.
//
// No test sleeps for a fixed time: each waits for an element, an event or a
// condition, with a short timeout so that a missing behaviour fails fast.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { serve } from "./server.mjs";
import { launch, widgetsLive, fullPageScreenshot } from "./browser.mjs";

const DIST = process.env.DIST ?? "dist";
const SHOTS = process.env.SCREENSHOTS ?? "target/screenshots";
const FIXTURES = fileURLToPath(new URL("./fixtures/", import.meta.url));
/** How long a wait may take before the behaviour counts as missing. */
const TIMEOUT = 5000;

const SHEET_ID = "moscow-concert-hall-attack-isis-k";
const CATEGORIES = ["attack", "origins", "regions", "ideology", "russia"];
const CARDS = [
  "what-happened", "who-claimed-it", "formed-in-2015", "parent-group", "regions",
  "wider-isis-network", "aims", "ties-to-isis", "why-russia",
];
/** The console message Chromium logs for every 404 resource load. */
const RESOURCE_404 = /^Failed to load resource: the server responded with a status of 404/;

let server, browser, origin;

/** A gate the test server holds /slow-sheet.json behind until the test opens it. */
function gate() {
  let open;
  const opened = new Promise((resolve) => (open = resolve));
  let requested;
  const hit = new Promise((resolve) => (requested = resolve));
  return { opened, open, hit, requested };
}
let slow = gate();

before(async () => {
  await mkdir(SHOTS, { recursive: true });
  server = await serve(DIST, 0, {
    mounts: { "/fixtures/": FIXTURES },
    routes: {
      "/slow-sheet.json": async (request, response) => {
        const current = slow;
        current.requested();
        await current.opened;
        const body = await readFile(join(DIST, "moscow-isis-k.json"));
        response.writeHead(200, {
          "content-type": "application/json; charset=utf-8",
          "cache-control": "no-store",
        });
        response.end(body);
      },
    },
  });
  origin = `http://127.0.0.1:${server.address().port}`;
  browser = await launch();
});

after(async () => {
  slow.open();
  await browser?.close();
  server?.closeAllConnections?.();
  server?.close();
});

/** Runs in every page before its scripts: records every factcards:* event that reaches the document. */
function recordEvents() {
  window.__fcEvents = [];
  for (const name of ["ready", "error", "card-toggle", "filter", "source-click", "copy-link"]) {
    document.addEventListener(`factcards:${name}`, (event) => {
      window.__fcEvents.push({
        name,
        target: event.target.id,
        bubbles: event.bubbles,
        detail: JSON.parse(JSON.stringify(event.detail)),
      });
    });
  }
}

/**
 * Opens `path` in a fresh context and collects uncaught page errors and
 * console errors (404 resource loads only when `allow404`).
 * `t.after` closes the context.
 */
async function open(t, path, { width = 1280, height = 900, colorScheme = "light", allow404 = false, wait, context: contextOptions = {}, beforeGoto } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, colorScheme, ...contextOptions });
  t.after(() => context.close());
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  const errors = [];
  page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    if (allow404 && RESOURCE_404.test(message.text())) return;
    errors.push(`console.error: ${message.text()}`);
  });
  await page.addInitScript(recordEvents);
  if (beforeGoto) await beforeGoto(page);
  await page.goto(`${origin}${path}`);
  if (wait) {
    await page.locator(wait).first().waitFor({ state: "visible" });
    await widgetsLive(page);
  }
  return { page, errors, context };
}

/** Waits for a recorded factcards:`name` event (on the element with id `target`, if given) and returns it. */
async function event(page, name, target, timeout = TIMEOUT) {
  const handle = await page.waitForFunction(
    ([name, target]) => window.__fcEvents.find((e) => e.name === name && (target === undefined || e.target === target)),
    [name, target],
    { timeout },
  );
  return handle.jsonValue();
}

/** Every recorded event named `name`. */
function events(page, name) {
  return page.evaluate((name) => window.__fcEvents.filter((e) => e.name === name), name);
}

/** The data-card ids of the cards shown in the widget on `#host`. */
function shownCards(page, host) {
  return page.locator(`#${host} :not([hidden]) > .fc-card`).evaluateAll((cards) => cards.map((card) => card.dataset.card));
}

/** Waits until two animation frames have passed (for "nothing happened" checks). */
function frames(page) {
  return page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}

/** Relative luminance of a CSS rgb()/rgba() colour, 0 (black) to 1 (white). */
function luminance(color) {
  const [r, g, b] = color.match(/[\d.]+/g).slice(0, 3).map(Number).map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

// ---------------------------------------------------------------------------
// 1. Mount styles and options
// ---------------------------------------------------------------------------

test("mount: a bare [data-factcards] shows the bundled story and replaces the static fallback", async (t) => {
  const { page, errors } = await open(t, "/fixtures/mount-styles.html", { wait: "#bundled :not([hidden]) > .fc-card" });
  assert.deepEqual(await shownCards(page, "bundled"), CARDS);
  assert.match(await page.locator("#bundled .fc-header__title").innerText(), /ISIS-K/);
  const host = await page.evaluate(() => {
    const host = document.getElementById("bundled");
    return {
      lightChildren: host.childNodes.length,
      fallbackLeft: document.querySelectorAll(".fallback").length,
      shadowMode: host.shadowRoot?.mode,
      deckInShadow: host.shadowRoot?.querySelectorAll(".fc-deck").length,
    };
  });
  assert.deepEqual(host, { lightChildren: 0, fallbackLeft: 0, shadowMode: "open", deckInShadow: 1 });
  assert.deepEqual(errors, []);
});

test("mount: data-src fetches the sheet from its URL", async (t) => {
  const { page, errors } = await open(t, "/fixtures/mount-styles.html", { wait: "#from-src :not([hidden]) > .fc-card" });
  assert.deepEqual(await shownCards(page, "from-src"), CARDS);
  assert.match(await page.locator("#from-src .fc-header__title").innerText(), /ISIS-K/);
  const ready = await event(page, "ready", "from-src");
  assert.deepEqual(ready.detail, { sheet: SHEET_ID, cards: 9 });
  assert.deepEqual(errors, []);
});

test("mount: an inline <script type=application/json> sheet is shown, and the light DOM is emptied", async (t) => {
  const { page, errors } = await open(t, "/fixtures/mount-styles.html", { wait: "#inline :not([hidden]) > .fc-card" });
  assert.deepEqual(await shownCards(page, "inline"), ["why-closed", "how-long", "diversions"]);
  assert.equal(await page.locator("#inline .fc-header__title").innerText(), "Harbour bridge closed: what we know");
  assert.deepEqual(
    await page.locator("#inline .fc-filter__chip:not(.fc-filter__chip--all)").evaluateAll((chips) => chips.map((c) => c.dataset.category)),
    ["closure", "traffic"],
  );
  const host = await page.evaluate(() => {
    const host = document.getElementById("inline");
    return { lightChildren: host.childNodes.length, decks: host.shadowRoot.querySelectorAll(".fc-deck").length };
  });
  assert.deepEqual(host, { lightChildren: 0, decks: 1 });
  assert.deepEqual(errors, []);
});

test("mount: data-theme=dark gives a dark root even when the reader prefers light", async (t) => {
  const { page, errors } = await open(t, "/fixtures/mount-styles.html", { colorScheme: "light", wait: "#dark :not([hidden]) > .fc-card" });
  const root = (host) =>
    page.evaluate((host) => {
      const root = document.getElementById(host).shadowRoot.querySelector(".fc-root");
      const style = getComputedStyle(root);
      return { theme: root.dataset.theme, background: style.backgroundColor, color: style.color };
    }, host);
  const dark = await root("dark");
  const auto = await root("bundled");
  assert.equal(dark.theme, "dark");
  assert.equal(auto.theme, "auto");
  assert.ok(luminance(dark.background) < 0.05, `dark background is ${dark.background}`);
  assert.ok(luminance(dark.color) > 0.6, `dark text is ${dark.color}`);
  assert.ok(luminance(auto.background) > 0.8, `auto (light reader) background is ${auto.background}`);
  assert.deepEqual(errors, []);
});

test("mount: data-lang=ru shows the widget's labels in Russian", async (t) => {
  const { page, errors } = await open(t, "/fixtures/mount-styles.html", { wait: "#russian :not([hidden]) > .fc-card" });
  const toggle = page.locator("#russian :not([hidden]) > .fc-card .fc-card__toggle").first();
  // textContent, not innerText: cards off screen are not rendered
  // (content-visibility: auto), and innerText reads only what is rendered.
  assert.match(await toggle.textContent(), /Показать источники/);
  assert.match(await page.locator("#bundled :not([hidden]) > .fc-card .fc-card__toggle").first().innerText(), /Show sources/);
  // The sheet's own text stays as written.
  assert.match(await page.locator("#russian .fc-header__title").innerText(), /ISIS-K/);
  assert.deepEqual(errors, []);
});

test("mount: data-category shows only that category's cards", async (t) => {
  const { page, errors } = await open(t, "/fixtures/mount-styles.html", { wait: "#one-category :not([hidden]) > .fc-card" });
  assert.deepEqual(await shownCards(page, "one-category"), ["formed-in-2015", "parent-group"]);
  assert.equal(await page.locator("#one-category .fc-filter__chip[data-category='origins']").getAttribute("aria-pressed"), "true");
  assert.equal(await page.locator("#one-category .fc-filter__chip--all").getAttribute("aria-pressed"), "false");
  assert.deepEqual(errors, []);
});

test("mount: data-card opens that card", async (t) => {
  const { page, errors } = await open(t, "/fixtures/mount-styles.html", { wait: "#one-card :not([hidden]) > .fc-card" });
  const card = page.locator("#one-card :not([hidden]) > .fc-card[data-card='why-russia']");
  assert.equal(await card.locator(".fc-card__toggle").getAttribute("aria-expanded"), "true");
  assert.ok(await card.locator(".fc-card__sources").isVisible());
  const expanded = await page.locator("#one-card :not([hidden]) > .fc-card .fc-card__toggle[aria-expanded='true']").count();
  assert.equal(expanded, 1, "only the chosen card is open");
  assert.deepEqual(await shownCards(page, "one-card"), CARDS, "data-card does not filter");
  assert.deepEqual(errors, []);
});

test("mount: an element added later by a script is mounted without any call", async (t) => {
  const { page, errors } = await open(t, "/fixtures/mount-styles.html", { wait: "#bundled :not([hidden]) > .fc-card" });
  await page.evaluate(() => {
    // Nested in a wrapper, as a live blog or a single-page site would insert it.
    const wrapper = document.createElement("section");
    wrapper.innerHTML = '<div data-factcards id="late" data-category="russia"><p>fallback</p></div>';
    document.body.append(wrapper);
  });
  await page.locator("#late :not([hidden]) > .fc-card").first().waitFor();
  assert.deepEqual(await shownCards(page, "late"), ["why-russia"]);
  assert.equal(await page.evaluate(() => document.getElementById("late").childNodes.length), 0);
  // Removing it again is quiet.
  await page.evaluate(() => document.getElementById("late").remove());
  await frames(page);
  assert.deepEqual(errors, []);
});

test("mount: a slow data-src shows a space-holding loading state with role=status", async (t) => {
  slow = gate();
  const { page, errors } = await open(t, "/fixtures/slow.html");
  // The widget asked for the sheet, and the server holds it.
  await Promise.race([
    slow.hit,
    new Promise((_, fail) => setTimeout(() => fail(new Error("the sheet was never requested")), TIMEOUT)),
  ]);
  const loading = page.locator("#slow .fc-loading");
  await loading.waitFor({ state: "visible" });
  assert.equal(await loading.getAttribute("role"), "status");
  assert.match(await loading.innerText(), /Loading/);
  const box = await loading.boundingBox();
  assert.ok(box.height >= 100, `the loading state is ${box.height}px high`);
  const host = await page.locator("#slow").boundingBox();
  assert.ok(host.height >= box.height, "the mount element holds the loading state's space");
  assert.equal(await page.locator("#slow :not([hidden]) > .fc-card").count(), 0);
  slow.open();
  await page.locator("#slow :not([hidden]) > .fc-card").first().waitFor();
  assert.equal(await page.locator("#slow .fc-loading").count(), 0);
  assert.deepEqual(await shownCards(page, "slow"), CARDS);
  assert.deepEqual(errors, []);
});

// ---------------------------------------------------------------------------
// 2. Instances are independent
// ---------------------------------------------------------------------------

test("instances: filtering and expanding in one leaves the other unchanged", async (t) => {
  const { page, errors } = await open(t, "/fixtures/two-instances.html", { allow404: true, wait: "#second :not([hidden]) > .fc-card" });
  await page.locator("#first :not([hidden]) > .fc-card").first().waitFor();
  await page.locator("#first .fc-filter__chip[data-category='origins']").click();
  await page.waitForFunction(() => document.getElementById("first").shadowRoot.querySelectorAll(":not([hidden]) > .fc-card").length === 2);
  assert.deepEqual(await shownCards(page, "first"), ["formed-in-2015", "parent-group"]);
  assert.deepEqual(await shownCards(page, "second"), CARDS);
  assert.equal(await page.locator("#second .fc-filter__chip--all").getAttribute("aria-pressed"), "true");

  await page.locator("#second :not([hidden]) > .fc-card[data-card='parent-group'] .fc-card__toggle").click();
  assert.equal(await page.locator("#second :not([hidden]) > .fc-card[data-card='parent-group'] .fc-card__toggle").getAttribute("aria-expanded"), "true");
  assert.equal(await page.locator("#first :not([hidden]) > .fc-card[data-card='parent-group'] .fc-card__toggle").getAttribute("aria-expanded"), "false");
  assert.ok(await page.locator("#first :not([hidden]) > .fc-card[data-card='parent-group'] .fc-card__sources").isHidden());
  // Card ids are shared by both decks' DOM ids (`sheet/card`), but each lives in its own shadow root.
  assert.equal(await page.locator("#first :not([hidden]) > .fc-card[data-card='parent-group']").getAttribute("id"), `${SHEET_ID}/parent-group`);
  assert.deepEqual(errors, []);
});

test("instances: a failing instance shows its error panel while the others work", async (t) => {
  const { page, errors } = await open(t, "/fixtures/two-instances.html", { allow404: true, wait: "#broken .fc-error" });
  await page.locator("#first :not([hidden]) > .fc-card").first().waitFor();
  await page.locator("#second :not([hidden]) > .fc-card").first().waitFor();
  assert.equal(await page.locator("#broken .fc-error").getAttribute("role"), "alert");
  assert.equal(await page.locator("#broken :not([hidden]) > .fc-card").count(), 0);
  // The others still respond.
  await page.locator("#second :not([hidden]) > .fc-card .fc-card__toggle").first().click();
  assert.equal(await page.locator("#second :not([hidden]) > .fc-card .fc-card__toggle").first().getAttribute("aria-expanded"), "true");
  assert.equal(await page.locator("#first .fc-error").count(), 0);
  assert.equal(await page.locator("#second .fc-error").count(), 0);
  assert.deepEqual(errors, []);
});

// ---------------------------------------------------------------------------
// 3. data-src failures
// ---------------------------------------------------------------------------

/** The error panel's problems on `#host`, and the problems of its factcards:error event. */
async function failure(page, host) {
  await page.locator(`#${host} .fc-error`).waitFor();
  const panel = page.locator(`#${host} .fc-error`);
  assert.equal(await panel.getAttribute("role"), "alert");
  const problems = await panel.locator(".fc-error__problem").allInnerTexts();
  const fired = await event(page, "error", host);
  assert.equal(fired.bubbles, true);
  // The event's problems are data (api-shapes.test.mjs checks their shape); as text they read as the panel does.
  const asText = ({ path, message, line, column }) =>
    path ? `${path}: ${message}` : line ? `line ${line}, column ${column}: ${message}` : message;
  return { problems: problems.map((text) => text.trim()), fired: fired.detail.problems.map(asText) };
}

test("data-src: a 404 shows the error panel with HTTP 404 and fires factcards:error", async (t) => {
  const { page, errors } = await open(t, "/fixtures/errors.html", { allow404: true });
  const { problems, fired } = await failure(page, "not-found");
  assert.equal(problems.length, 1);
  assert.match(problems[0], /\/fixtures\/missing-sheet\.json/);
  assert.match(problems[0], /HTTP 404/);
  assert.equal(fired.length, 1);
  assert.match(fired[0], /HTTP 404/);
  assert.deepEqual(errors, []);
});

test("data-src: invalid JSON shows the syntax error with its line and column", async (t) => {
  const { page, errors } = await open(t, "/fixtures/errors.html", { allow404: true });
  const { problems, fired } = await failure(page, "syntax");
  // bad-syntax.json: the comma after "id" on line 3 is missing, so reading stops on line 4.
  assert.equal(problems.length, 1);
  assert.match(problems[0], /^line 4, column 3: /);
  assert.match(problems[0], /expected ','/);
  assert.deepEqual(fired, problems);
  assert.deepEqual(errors, []);
});

test("data-src: a valid-JSON but invalid sheet lists each problem with its JSON path", async (t) => {
  const { page, errors } = await open(t, "/fixtures/errors.html", { allow404: true });
  const { problems, fired } = await failure(page, "invalid");
  assert.deepEqual(problems, [
    'updated: "2026-02-30" is not an ISO 8601 date or date-time, such as "2024-03-23" or "2024-03-23T18:05:00Z"',
    'cards[0].facts[0].sources[0]: unknown source "s9" (known: "council")',
    'cards[0].facts[1].sources[1]: unknown source "s8" (known: "council")',
  ]);
  const paths = await page.locator("#invalid .fc-error__path").allInnerTexts();
  assert.deepEqual(paths, ["updated", "cards[0].facts[0].sources[0]", "cards[0].facts[1].sources[1]"]);
  assert.deepEqual(fired, problems);
  assert.deepEqual(errors, []);
});

// ---------------------------------------------------------------------------
// 4. The JS API
// ---------------------------------------------------------------------------

/** Opens the API fixture with the small sheet at hand as `window.smallSheet`. */
async function openApi(t, options = {}) {
  const opened = await open(t, "/fixtures/api.html", { wait: "#drop-in :not([hidden]) > .fc-card", ...options });
  await opened.page.evaluate(async () => {
    await window.factcards.ready;
    window.smallSheet = await (await fetch("/fixtures/small-sheet.json")).json();
  });
  return opened;
}

test("api: mount(element, object) returns a Handle and renders the deck", async (t) => {
  const { page, errors } = await openApi(t);
  const result = await page.evaluate(() => {
    const handle = window.factcards.mount(document.getElementById("target"), window.smallSheet, { theme: "light" });
    window.handle = handle;
    return {
      isPromise: handle instanceof Promise,
      update: typeof handle.update,
      destroy: typeof handle.destroy,
    };
  });
  assert.deepEqual(result, { isPromise: false, update: "function", destroy: "function" });
  await page.locator("#target :not([hidden]) > .fc-card").first().waitFor();
  assert.deepEqual(await shownCards(page, "target"), ["why-closed", "how-long", "diversions"]);
  assert.equal(await page.locator("#target .fc-root").getAttribute("data-theme"), "light");
  assert.deepEqual((await event(page, "ready", "target")).detail, { sheet: "harbour-bridge-closure", cards: 3 });
  assert.deepEqual(errors, []);
});

test("api: handle.update(otherSheet) replaces the deck, and the new deck responds", async (t) => {
  const { page, errors } = await openApi(t);
  await page.evaluate(() => {
    window.handle = window.factcards.mount(document.getElementById("target"), window.smallSheet);
  });
  await page.locator("#target :not([hidden]) > .fc-card").first().waitFor();
  await page.evaluate(() => {
    const other = structuredClone(window.smallSheet);
    other.id = "ferry-strike";
    other.title = "Ferry strike: what we know";
    other.categories = [{ id: "strike", label: "The strike" }];
    other.cards = [{
      id: "who-is-striking",
      category: "strike",
      title: "Who is striking",
      facts: [{ text: "Ferry crews have stopped work.", status: "reported", sources: ["council"] }],
    }];
    window.updated = window.handle.update(other);
  });
  await page.waitForFunction(() =>
    document.getElementById("target").shadowRoot.querySelector(".fc-header__title")?.textContent === "Ferry strike: what we know");
  assert.equal(await page.evaluate(() => window.updated), undefined);
  assert.deepEqual(await shownCards(page, "target"), ["who-is-striking"]);
  assert.equal(await page.locator("#target :not([hidden]) > .fc-card").getAttribute("id"), "ferry-strike/who-is-striking");
  // The new sheet's cards and categories work (the deck's state follows the new sheet).
  const toggle = page.locator("#target :not([hidden]) > .fc-card[data-card='who-is-striking'] .fc-card__toggle");
  await toggle.click();
  assert.equal(await toggle.getAttribute("aria-expanded"), "true");
  assert.deepEqual((await events(page, "ready")).filter((e) => e.target === "target").map((e) => e.detail.sheet),
    ["harbour-bridge-closure", "ferry-strike"]);
  assert.deepEqual(errors, []);
});

test("api: handle.destroy() empties the widget", async (t) => {
  const { page, errors } = await openApi(t);
  await page.evaluate(() => {
    window.handle = window.factcards.mount(document.getElementById("target"), window.smallSheet);
  });
  await page.locator("#target :not([hidden]) > .fc-card").first().waitFor();
  await page.evaluate(() => window.handle.destroy());
  assert.equal(await page.locator("#target .fc-deck").count(), 0);
  assert.equal(await page.evaluate(() => document.getElementById("target").shadowRoot.childNodes.length), 0);
  // Another mount on the same element works again.
  await page.evaluate(() => { window.factcards.mount(document.getElementById("target"), window.smallSheet); });
  await page.locator("#target :not([hidden]) > .fc-card").first().waitFor();
  assert.deepEqual(errors, []);
});

test("api: destroy() on a [data-factcards] element stays destroyed after later DOM changes", async (t) => {
  const { page, errors } = await openApi(t);
  await page.evaluate(() => {
    const handle = window.factcards.mount(document.getElementById("drop-in"), window.smallSheet);
    handle.destroy();
  });
  assert.equal(await page.evaluate(() => document.getElementById("drop-in").shadowRoot.childNodes.length), 0);
  // Any later change to the page (here: an unrelated paragraph) must not bring the widget back.
  await page.evaluate(() => {
    const p = document.createElement("p");
    p.id = "unrelated";
    p.textContent = "An unrelated paragraph.";
    document.body.append(p);
  });
  await frames(page);
  await frames(page);
  assert.equal(
    await page.evaluate(() => document.getElementById("drop-in").shadowRoot.childNodes.length),
    0,
    "the drop-in re-mounted the destroyed widget",
  );
  assert.deepEqual(errors, []);
});

test("api: an invalid sheet object throws an Error listing each problem with its path", async (t) => {
  const { page, errors } = await openApi(t);
  const thrown = await page.evaluate(() => {
    const bad = structuredClone(window.smallSheet);
    bad.cards[0].facts[0].sources = ["s9"];
    bad.updated = "yesterday";
    try {
      window.factcards.mount(document.getElementById("target"), bad);
      return null;
    } catch (error) {
      return { isError: error instanceof Error, message: error.message };
    }
  });
  assert.ok(thrown, "mount did not throw");
  assert.equal(thrown.isError, true);
  assert.match(thrown.message, /^factcards: the sheet has \d+ problems\n/);
  assert.match(thrown.message, /\n- cards\[0\]\.facts\[0\]\.sources\[0\]: unknown source "s9"/);
  assert.match(thrown.message, /\n- updated: "yesterday" is not an ISO 8601 date/);
  assert.deepEqual(errors, []);
});

test("api: a URL sheet resolves to a Handle; a bad URL rejects with HTTP 404", async (t) => {
  const { page, errors } = await openApi(t, { allow404: true });
  const good = await page.evaluate(async () => {
    const promise = window.factcards.mount(document.getElementById("target"), "/fixtures/small-sheet.json");
    const handle = await promise;
    return { isPromise: promise instanceof Promise, update: typeof handle.update };
  });
  assert.deepEqual(good, { isPromise: true, update: "function" });
  assert.deepEqual(await shownCards(page, "target"), ["why-closed", "how-long", "diversions"]);
  assert.equal(await page.locator("#target .fc-deck__data-link").getAttribute("href"), "/fixtures/small-sheet.json");

  const bad = await page.evaluate(async () => {
    const promise = window.factcards.mount(document.getElementById("other"), "/fixtures/missing-sheet.json");
    try {
      await promise;
      return null;
    } catch (error) {
      return { isError: error instanceof Error, message: error.message };
    }
  });
  assert.ok(bad, "the promise resolved");
  assert.equal(bad.isError, true);
  assert.match(bad.message, /HTTP 404/);
  await page.locator("#other .fc-error").waitFor();
  assert.deepEqual(errors, []);
});

test("api: handle.update(url) returns a Promise, and a failing URL rejects it instead of throwing uncaught", async (t) => {
  const { page, errors } = await openApi(t, { allow404: true });
  const result = await page.evaluate(async () => {
    const handle = window.factcards.mount(document.getElementById("target"), window.smallSheet);
    const returned = handle.update("/fixtures/missing-sheet.json");
    const isPromise = returned instanceof Promise;
    let message = null;
    if (isPromise) {
      try {
        await returned;
      } catch (error) {
        message = error.message;
      }
    }
    return { isPromise, message };
  });
  await page.locator("#target .fc-error").waitFor();
  // Let any unhandled rejection surface before checking for it.
  await frames(page);
  assert.deepEqual(errors, [], "uncaught errors on the page");
  assert.equal(result.isPromise, true, "update(url) did not return a Promise");
  assert.match(result.message, /HTTP 404/);
});

test("api: an unknown option key throws an Error naming it", async (t) => {
  const { page, errors } = await openApi(t);
  const message = await page.evaluate(() => {
    try {
      window.factcards.mount(document.getElementById("target"), window.smallSheet, { theme: "dark", colour: "red" });
      return null;
    } catch (error) {
      return error instanceof Error ? error.message : `not an Error: ${error}`;
    }
  });
  assert.ok(message, "mount did not throw");
  assert.match(message, /colour/);
  assert.equal(await page.locator("#target .fc-deck").count(), 0, "nothing was mounted");
  assert.deepEqual(errors, []);
});

test("api: a sheet of the wrong type throws an Error", async (t) => {
  const { page, errors } = await openApi(t);
  const outcomes = await page.evaluate(() => {
    const target = document.getElementById("target");
    return [42, true, () => window.smallSheet].map((sheet) => {
      try {
        window.factcards.mount(target, sheet);
        return `no error for ${typeof sheet}`;
      } catch (error) {
        return error instanceof Error ? error.message : `not an Error: ${error}`;
      }
    });
  });
  for (const message of outcomes) {
    assert.match(message, /^factcards: the sheet must be a plain object, a URL string, or undefined/);
  }
  // The page's own widget is untouched and still works.
  await page.locator("#drop-in :not([hidden]) > .fc-card .fc-card__toggle").first().click();
  assert.equal(await page.locator("#drop-in :not([hidden]) > .fc-card .fc-card__toggle").first().getAttribute("aria-expanded"), "true");
  assert.deepEqual(errors, []);
});

// ---------------------------------------------------------------------------
// 5. Events
// ---------------------------------------------------------------------------

test("events: factcards:ready bubbles with {sheet, cards: 9}", async (t) => {
  const { page, errors } = await open(t, "/fixtures/api.html", { wait: "#drop-in :not([hidden]) > .fc-card" });
  const ready = await event(page, "ready", "drop-in");
  assert.equal(ready.bubbles, true);
  assert.deepEqual(ready.detail, { sheet: SHEET_ID, cards: 9 });
  assert.equal((await events(page, "ready")).length, 1, "ready fired once");
  assert.deepEqual(errors, []);
});

test("events: toggling a card fires factcards:card-toggle {card, expanded}", async (t) => {
  const { page, errors } = await open(t, "/fixtures/api.html", { wait: "#drop-in :not([hidden]) > .fc-card" });
  const toggle = page.locator("#drop-in :not([hidden]) > .fc-card[data-card='aims'] .fc-card__toggle");
  await toggle.click();
  assert.equal(await toggle.getAttribute("aria-expanded"), "true");
  const opened = await event(page, "card-toggle", "drop-in");
  assert.deepEqual(opened.detail, { card: "aims", expanded: true });
  await toggle.click();
  await page.waitForFunction(() => window.__fcEvents.filter((e) => e.name === "card-toggle").length === 2);
  assert.deepEqual((await events(page, "card-toggle"))[1].detail, { card: "aims", expanded: false });
  assert.deepEqual(errors, []);
});

test("events: clicking a filter chip fires factcards:filter {categories}", async (t) => {
  const { page, errors } = await open(t, "/fixtures/api.html", { wait: "#drop-in :not([hidden]) > .fc-card" });
  await page.locator("#drop-in .fc-filter__chip[data-category='origins']").click();
  const filtered = await event(page, "filter", "drop-in");
  assert.deepEqual(filtered.detail, { categories: ["origins"] });
  await page.locator("#drop-in .fc-filter__chip--all").click();
  await page.waitForFunction(() => window.__fcEvents.filter((e) => e.name === "filter").length === 2);
  assert.deepEqual((await events(page, "filter"))[1].detail, { categories: [] });
  assert.deepEqual(errors, []);
});

test("events: following a source link fires factcards:source-click {source, url}", async (t) => {
  const { page, errors, context } = await open(t, "/fixtures/api.html", { wait: "#drop-in :not([hidden]) > .fc-card" });
  // A source on this origin, so the new tab does not reach the network.
  const url = `${origin}/moscow-isis-k.json`;
  await page.evaluate(async (url) => {
    const sheet = await (await fetch("/fixtures/small-sheet.json")).json();
    sheet.sources[0].url = url;
    window.factcards.mount(document.getElementById("target"), sheet);
  }, url);
  await page.locator("#target :not([hidden]) > .fc-card[data-card='why-closed'] .fc-card__toggle").click();
  const link = page.locator("#target :not([hidden]) > .fc-card[data-card='why-closed'] .fc-sources__link");
  assert.equal(await link.getAttribute("href"), url);
  assert.equal(await link.getAttribute("target"), "_blank");
  assert.match(await link.getAttribute("rel"), /noopener/);
  const [tab] = await Promise.all([context.waitForEvent("page"), link.click()]);
  const clicked = await event(page, "source-click", "target");
  assert.deepEqual(clicked.detail, { source: "council", url });
  await tab.waitForLoadState();
  assert.equal(tab.url(), url);
  await tab.close();
  assert.deepEqual(errors, []);
});

test("events: copying a card's link fires factcards:copy-link and copies the deep link", async (t) => {
  const { page, errors } = await open(t, "/fixtures/api.html", {
    wait: "#drop-in :not([hidden]) > .fc-card",
    context: { permissions: ["clipboard-read", "clipboard-write"] },
  });
  const button = page.locator("#drop-in :not([hidden]) > .fc-card[data-card='aims'] .fc-card__copy-link");
  await button.click();
  const copied = await event(page, "copy-link", "drop-in");
  assert.deepEqual(copied.detail, { card: "aims", anchor: `${SHEET_ID}/aims` });
  await page.waitForFunction(async () => (await navigator.clipboard.readText()).includes("#"));
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), `${origin}/fixtures/api.html#${SHEET_ID}/aims`);
  assert.match(await button.innerText(), /Link copied/);
  assert.deepEqual(errors, []);
});

// ---------------------------------------------------------------------------
// 6. Style isolation
// ---------------------------------------------------------------------------

const WIDGET_PROPERTIES = [
  "font-family", "font-size", "font-weight", "font-style", "line-height", "color", "background-color",
  "letter-spacing", "word-spacing", "text-transform", "text-align", "text-decoration-line", "text-decoration-style",
  "box-sizing", "margin-top", "margin-right", "margin-bottom", "margin-left",
  "padding-top", "padding-right", "padding-bottom", "padding-left",
  "border-top-width", "border-top-style", "list-style-type",
];

const WIDGET_ELEMENTS = [
  ".fc-root", ".fc-deck", ".fc-header__title", ".fc-header__summary", ".fc-filter__chip", ".fc-filter__chip--all",
  ".fc-category__title", ":not([hidden]) > .fc-card", ":not([hidden]) > .fc-card .fc-card__title", ".fc-card__facts", ".fc-fact__text", ":not([hidden]) > .fc-card .fc-card__toggle",
  ":not([hidden]) > .fc-card .fc-card__copy-link", ".fc-sources__link", ".fc-deck__data-link",
];

/** Computed styles of the widget's inner elements, per mount element. */
function widgetStyles(page, hosts) {
  return page.evaluate(([hosts, selectors, properties]) => {
    const out = {};
    for (const host of hosts) {
      const shadow = document.getElementById(host).shadowRoot;
      for (const selector of selectors) {
        const element = shadow.querySelector(selector);
        if (!element) continue;
        const style = getComputedStyle(element);
        out[`#${host} ${selector}`] = Object.fromEntries(properties.map((p) => [p, style.getPropertyValue(p)]));
      }
    }
    return out;
  }, [hosts, WIDGET_ELEMENTS, WIDGET_PROPERTIES]);
}

test("isolation: the hostile page stylesheet does not change the widget", async (t) => {
  const { page, errors } = await open(t, "/news-article.html", { wait: "#inline-facts :not([hidden]) > .fc-card" });
  await page.locator("#sidebar-facts :not([hidden]) > .fc-card").first().waitFor();
  // The bundled story's source has no URL: mount one more deck whose source
  // links somewhere, in the article body, where the hostile `a` rule applies.
  await page.evaluate(async () => {
    const sheet = await (await fetch("/fixtures/small-sheet.json")).json();
    const host = document.createElement("div");
    host.id = "linked-facts";
    document.querySelector(".article .embed").append(host);
    window.factcards.mount(host, sheet, { card: "why-closed" });
  });
  await page.locator("#linked-facts .fc-sources__link").first().waitFor();
  await page.locator("#inline-facts :not([hidden]) > .fc-card .fc-card__toggle").first().click();
  // Off the widget, so that no :hover style counts as a difference when the layout shifts.
  await page.mouse.move(0, 0);
  const hosts = ["inline-facts", "sidebar-facts", "linked-facts"];
  const hostile = await widgetStyles(page, hosts);
  for (const selector of WIDGET_ELEMENTS) {
    assert.ok(hostile[`#linked-facts ${selector}`], `no ${selector} to compare`);
  }
  const rootFontSize = () => page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
  const pageBefore = await rootFontSize();

  await page.evaluate(() => document.getElementById("hostile-css").remove());
  const pageAfter = await rootFontSize();
  assert.notEqual(pageBefore, pageAfter, "removing the hostile stylesheet changed nothing on the page");
  const clean = await widgetStyles(page, hosts);

  const differences = [];
  for (const [element, styles] of Object.entries(clean)) {
    for (const [property, value] of Object.entries(styles)) {
      if (hostile[element]?.[property] !== value) {
        differences.push(`${element} ${property}: ${hostile[element]?.[property]} with the hostile CSS, ${value} without`);
      }
    }
  }
  assert.deepEqual(differences, []);
  assert.deepEqual(errors, []);
});

const PAGE_PROPERTIES = [
  "font-family", "font-size", "font-weight", "line-height", "color", "background-color", "letter-spacing",
  "text-transform", "text-align", "box-sizing", "margin-top", "margin-bottom", "padding-top", "padding-left",
  "border-top-width", "display", "color-scheme", "list-style-type",
];
const PAGE_ELEMENTS = [
  "html", "body", ".site-header", ".article", ".article h1", ".article p", ".byline", ".article > h2",
  ".sidebar h2", ".site-footer", "#probe-button", "#probe-link", "#probe-list li", "#sidebar-facts",
];

/** Computed styles of the page's own elements, after adding a button, a link and a list of our own. */
function pageStyles(page) {
  return page.evaluate(([selectors, properties]) => {
    const probe = document.createElement("div");
    probe.innerHTML = '<button id="probe-button" type="button">A page button</button> <a id="probe-link" href="#top">A page link</a><ul id="probe-list"><li>An item</li></ul>';
    document.querySelector(".article").append(probe);
    const out = {
      adoptedSheets: document.adoptedStyleSheets.length,
      documentSheets: [...document.styleSheets].map((sheet) => sheet.href ?? `inline: ${sheet.ownerNode?.outerHTML.slice(0, 60)}`),
    };
    for (const selector of selectors) {
      const element = document.querySelector(selector);
      const style = getComputedStyle(element);
      out[selector] = Object.fromEntries(properties.map((p) => [p, style.getPropertyValue(p)]));
    }
    return out;
  }, [PAGE_ELEMENTS, PAGE_PROPERTIES]);
}

test("isolation: the widget's CSS does not leak into the page", async (t) => {
  // The same page without the widget: its scripts answered with empty modules.
  const without = await open(t, "/news-article.html", {
    beforeGoto: (page) => Promise.all([
      page.route("**/factcards.js", (route) => route.fulfill({ contentType: "text/javascript", body: "" })),
      page.route("**/embed-loader.js", (route) => route.fulfill({ contentType: "text/javascript", body: "" })),
    ]),
  });
  await without.page.waitForLoadState("load");
  assert.equal(await without.page.evaluate(() => document.getElementById("inline-facts").shadowRoot), null);
  const baseline = await pageStyles(without.page);

  const withWidget = await open(t, "/news-article.html", { wait: "#inline-facts :not([hidden]) > .fc-card" });
  await withWidget.page.locator("#sidebar-facts :not([hidden]) > .fc-card").first().waitFor();
  await withWidget.page.locator("#inline-facts :not([hidden]) > .fc-card .fc-card__toggle").first().click();
  const styled = await pageStyles(withWidget.page);
  assert.deepEqual(styled, baseline);
  assert.deepEqual(withWidget.errors, []);
});

// ---------------------------------------------------------------------------
// 7. The iframe embed
// ---------------------------------------------------------------------------

/** Waits until the iframe is sized to its document (±2px) and returns both heights. */
async function frameHeights(page, { above = 0 } = {}) {
  const measure = () => page.evaluate(() => {
    const frame = document.querySelector("iframe[data-factcards-frame]");
    return {
      frameStyle: frame.style.height,
      frameHeight: frame.getBoundingClientRect().height,
      documentHeight: frame.contentDocument?.documentElement.getBoundingClientRect().height,
    };
  });
  const handle = await page.waitForFunction((above) => {
    const frame = document.querySelector("iframe[data-factcards-frame]");
    const root = frame.contentDocument?.documentElement;
    if (!root || !frame.style.height) return false;
    const frameHeight = frame.getBoundingClientRect().height;
    const documentHeight = root.getBoundingClientRect().height;
    if (frameHeight <= above || Math.abs(frameHeight - documentHeight) > 2) return false;
    return { frameHeight, documentHeight };
  }, above).catch(async (error) => {
    throw new Error(`the iframe is not sized to its document: ${JSON.stringify(await measure())}`, { cause: error });
  });
  return handle.jsonValue();
}

test("iframe: the frame is as tall as its document, and grows when a card opens", async (t) => {
  const { page, errors } = await open(t, "/news-article.html", { wait: "#inline-facts :not([hidden]) > .fc-card" });
  const iframe = page.locator("iframe[data-factcards-frame]");
  await iframe.scrollIntoViewIfNeeded(); // it loads lazily
  const inside = page.frameLocator("iframe[data-factcards-frame]");
  await inside.locator(":not([hidden]) > .fc-card").first().waitFor();
  // embed.html?category=regions: only that category.
  assert.deepEqual(await inside.locator(":not([hidden]) > .fc-card").evaluateAll((cards) => cards.map((c) => c.dataset.card)), ["regions", "wider-isis-network"]);
  const closed = await frameHeights(page);
  assert.ok(closed.frameHeight > 100, `the frame is ${closed.frameHeight}px high`);

  // The two cards share a grid row, so open both: the taller one sets the row's height.
  for (const toggle of await inside.locator(":not([hidden]) > .fc-card .fc-card__toggle").all()) {
    await toggle.click();
    assert.equal(await toggle.getAttribute("aria-expanded"), "true");
  }
  const opened = await frameHeights(page, { above: closed.frameHeight + 10 });
  assert.ok(opened.frameHeight > closed.frameHeight, `${opened.frameHeight} > ${closed.frameHeight}`);
  // Nothing inside the frame scrolls.
  const frame = page.frame({ url: /embed\.html/ });
  assert.equal(await frame.evaluate(() => document.documentElement.scrollHeight <= window.innerHeight + 2), true);
  assert.deepEqual(errors, []);
});

// ---------------------------------------------------------------------------
// 8. Deep links
// ---------------------------------------------------------------------------

/** Waits until the card `id` of the widget on `#host` is in the viewport. */
function cardInView(page, host, id, timeout = TIMEOUT) {
  return page.waitForFunction(([host, id]) => {
    const card = document.getElementById(host)?.shadowRoot?.querySelector(`:not([hidden]) > .fc-card[data-card="${id}"]`);
    if (!card) return false;
    const box = card.getBoundingClientRect();
    return box.top < window.innerHeight && box.bottom > 0;
  }, [host, id], { timeout });
}

/** The card's top relative to the top of the document. */
function cardOffset(page, host, id) {
  return page.evaluate(([host, id]) => {
    const card = document.getElementById(host).shadowRoot.querySelector(`:not([hidden]) > .fc-card[data-card="${id}"]`);
    return card.getBoundingClientRect().top + window.scrollY;
  }, [host, id]);
}

test("deep link: #sheet/card on load scrolls that card into view", async (t) => {
  const { page, errors } = await open(t, `/#${SHEET_ID}/why-russia`, { height: 700, wait: "#demo-widget :not([hidden]) > .fc-card" });
  await cardInView(page, "demo-widget", "why-russia");
  assert.ok(await cardOffset(page, "demo-widget", "why-russia") > 700, "the card starts below the fold");
  assert.ok(await page.evaluate(() => window.scrollY) > 0);
  assert.deepEqual(errors, []);
});

test("deep link: #sheet/card on load opens that card", async (t) => {
  const { page, errors } = await open(t, `/#${SHEET_ID}/why-russia`, { height: 700, wait: "#demo-widget :not([hidden]) > .fc-card" });
  const toggle = page.locator("#demo-widget :not([hidden]) > .fc-card[data-card='why-russia'] .fc-card__toggle");
  await page.waitForFunction(
    () => document.getElementById("demo-widget").shadowRoot
      .querySelector(':not([hidden]) > .fc-card[data-card="why-russia"] .fc-card__toggle')?.getAttribute("aria-expanded") === "true",
    undefined,
    { timeout: 2000 },
  ).catch(() => {});
  assert.equal(await toggle.getAttribute("aria-expanded"), "true");
  assert.ok(await page.locator("#demo-widget :not([hidden]) > .fc-card[data-card='why-russia'] .fc-card__sources").isVisible());
  assert.deepEqual(errors, []);
});

test("deep link: changing location.hash later opens and shows that card", async (t) => {
  const { page, errors } = await open(t, "/", { height: 700, wait: "#demo-widget :not([hidden]) > .fc-card" });
  assert.equal(await page.evaluate(() => window.scrollY), 0);
  await page.evaluate((sheet) => { location.hash = `#${sheet}/aims`; }, SHEET_ID);
  await cardInView(page, "demo-widget", "aims");
  const toggle = page.locator("#demo-widget :not([hidden]) > .fc-card[data-card='aims'] .fc-card__toggle");
  await page.waitForFunction(
    () => document.getElementById("demo-widget").shadowRoot
      .querySelector(':not([hidden]) > .fc-card[data-card="aims"] .fc-card__toggle')?.getAttribute("aria-expanded") === "true",
    undefined,
    { timeout: 2000 },
  ).catch(() => {});
  assert.equal(await toggle.getAttribute("aria-expanded"), "true");
  assert.deepEqual(errors, []);
});

test("deep link: a hash for another sheet id does nothing", async (t) => {
  const { page, errors } = await open(t, "/", { height: 700, wait: "#demo-widget :not([hidden]) > .fc-card" });
  // Our listener runs after the widget's (added later), then waits two frames.
  const seen = page.evaluate(() => new Promise((done) => {
    window.addEventListener("hashchange", () => requestAnimationFrame(() => requestAnimationFrame(() => done(location.hash))), { once: true });
  }));
  await page.evaluate(() => { location.hash = "#some-other-story/why-russia"; });
  assert.equal(await seen, "#some-other-story/why-russia");
  assert.equal(await page.locator("#demo-widget :not([hidden]) > .fc-card .fc-card__toggle[aria-expanded='true']").count(), 0);
  assert.equal(await page.evaluate(() => window.scrollY), 0);
  assert.deepEqual(errors, []);
});

test("deep link: #sheet/card reaches a widget whose sheet comes from data-src", async (t) => {
  const { page, errors } = await open(t, `/fixtures/deep-link.html#${SHEET_ID}/why-russia`, { height: 700 });
  await event(page, "ready", "far");
  assert.ok(await cardOffset(page, "far", "why-russia") > 3000, "the card starts far below the fold");
  await cardInView(page, "far", "why-russia", 2000).catch(() => {});
  const scrolled = await page.evaluate(() => window.scrollY);
  assert.ok(scrolled > 2000, `the page did not scroll to the card (scrollY ${scrolled})`);
  assert.deepEqual(errors, []);
});

test("deep link: a widget mounted with factcards.mount() honours the hash already in the URL", async (t) => {
  const { page, errors } = await open(t, "/fixtures/api.html#harbour-bridge-closure/diversions", { wait: "#drop-in :not([hidden]) > .fc-card" });
  await page.evaluate(async () => {
    const sheet = await (await fetch("/fixtures/small-sheet.json")).json();
    window.factcards.mount(document.getElementById("target"), sheet);
  });
  await event(page, "ready", "target");
  const toggle = page.locator("#target :not([hidden]) > .fc-card[data-card='diversions'] .fc-card__toggle");
  await page.waitForFunction(
    () => document.getElementById("target").shadowRoot
      .querySelector(':not([hidden]) > .fc-card[data-card="diversions"] .fc-card__toggle')?.getAttribute("aria-expanded") === "true",
    undefined,
    { timeout: 2000 },
  ).catch(() => {});
  assert.equal(await toggle.getAttribute("aria-expanded"), "true");
  assert.deepEqual(errors, []);
});

// ---------------------------------------------------------------------------
// 9. "Get the data"
// ---------------------------------------------------------------------------

test("get the data: a download link to the sheet's JSON (blob: for bundled and inline, the URL for data-src)", async (t) => {
  const { page, errors } = await open(t, "/fixtures/mount-styles.html", { wait: "#bundled :not([hidden]) > .fc-card" });
  for (const host of ["from-src", "inline"]) await page.locator(`#${host} :not([hidden]) > .fc-card`).first().waitFor();
  const links = await page.evaluate(async () => {
    const out = {};
    for (const host of ["bundled", "inline", "from-src"]) {
      const link = document.getElementById(host).shadowRoot.querySelector(".fc-deck__data-link");
      if (!link) continue;
      const json = await (await fetch(link.href)).json();
      out[host] = { href: link.getAttribute("href"), download: link.getAttribute("download"), text: link.textContent, id: json.id };
    }
    return out;
  });
  assert.match(links.bundled?.href ?? "", /^blob:/);
  assert.equal(links.bundled.download, `${SHEET_ID}.json`);
  assert.equal(links.bundled.id, SHEET_ID);
  assert.match(links.bundled.text, /Get the data/);
  assert.match(links.inline?.href ?? "", /^blob:/);
  assert.equal(links.inline.download, "harbour-bridge-closure.json");
  assert.equal(links.inline.id, "harbour-bridge-closure");
  assert.equal(links.inline.text, links.bundled.text);
  assert.equal(links["from-src"]?.href, "/moscow-isis-k.json");
  assert.equal(links["from-src"].download, `${SHEET_ID}.json`);
  assert.equal(links["from-src"].id, SHEET_ID);
  assert.deepEqual(errors, []);
});

// ---------------------------------------------------------------------------
// Screenshots of the example news article
// ---------------------------------------------------------------------------

for (const [name, width] of [["phone", 375], ["desktop", 1280]]) {
  test(`news article screenshot (${name}, ${width}px): every widget shown, no horizontal scrolling`, async (t) => {
    const { page, errors } = await open(t, "/news-article.html", { width, wait: "#inline-facts :not([hidden]) > .fc-card" });
    await page.locator("#sidebar-facts :not([hidden]) > .fc-card").first().waitFor();
    assert.deepEqual(await shownCards(page, "sidebar-facts"), ["why-russia"]);
    await page.locator("iframe[data-factcards-frame]").scrollIntoViewIfNeeded();
    await page.frameLocator("iframe[data-factcards-frame]").locator(":not([hidden]) > .fc-card").first().waitFor();
    await frameHeights(page);
    await page.evaluate(() => window.scrollTo(0, 0));
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the page is ${overflow}px wider than the viewport`);
    await fullPageScreenshot(page, `${SHOTS}/news-article-${name}.png`);
    assert.deepEqual(errors, []);
  });
}
