// End-to-end security tests of the release build in headless Chromium:
// hostile sheets through the drop-in and the JS API (no script runs, no
// element or attribute is injected, another widget keeps working), the
// strict Content-Security-Policy, and the network requests the widget makes.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve } from "./server.mjs";
import { DIST, FIXTURES, browser, origin, setUpSuite, stopSuite, widgetsLive } from "./browser.mjs";
import { STRICT_CSP, assertEveryFrameRecords, recordViolations, violationsByFrame } from "./csp.mjs";

const TIMEOUT = 5000;

let cspServer, cspOrigin;

setUpSuite(DIST, { mounts: { "/fixtures/": FIXTURES } });
// The same files again, from a second origin that sends the strict CSP.
before(async () => {
  cspServer = await serve(DIST, 0, {
    mounts: { "/fixtures/": FIXTURES },
    headers: { "content-security-policy": STRICT_CSP },
  });
  cspOrigin = `http://127.0.0.1:${cspServer.address().port}`;
});

after(() => stopSuite({ server: cspServer }));

/** Records dialogs before scripts run (in every frame, as CSP violations are: csp.mjs). */
function watch() {
  window.__dialogs = [];
  for (const name of ["alert", "confirm", "prompt"]) {
    window[name] = (message) => {
      window.__dialogs.push(`${name}: ${message}`);
    };
  }
}

async function open(path, base = origin) {
  const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  const dialogs = [];
  page.on("pageerror", (error) => errors.push(String(error)));
  page.on("dialog", async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  await page.addInitScript(watch);
  await page.addInitScript(recordViolations);
  await page.goto(`${base}${path}`);
  await widgetsLive(page);
  return { page, errors, dialogs, close: () => context.close() };
}

/** A valid small sheet whose every text is `payload`, and with `extra` changes. */
function sheetWith(payload, extra = (sheet) => sheet) {
  return extra({
    factcards: 1,
    id: "hostile",
    title: payload,
    summary: payload,
    lang: "en",
    updated: "2024-03-23",
    sources: [{ id: "s", title: payload, publisher: payload, url: "https://example.com/" }],
    categories: [{ id: "c", label: payload, description: payload }],
    cards: [{ id: "k", category: "c", title: payload, facts: [{ text: payload, status: "claimed", sources: ["s"], attribution: payload, quote: payload }] }],
    corrections: [{ date: "2024-03-24", text: payload, card: "k" }],
  });
}

const PAYLOADS = [
  "<img src=x onerror=alert(1)>",
  "<script>alert(2)</script>",
  "\"><svg onload=alert(3)>",
  "' onfocus='alert(4)' autofocus='",
  "<iframe src=javascript:alert(5)></iframe>",
  "\u202Eevil\u200B text",
];

/** Adds a drop-in mount element `#id` holding `text` as its inline sheet to `#targets`. */
function addInline(page, id, text) {
  return page.evaluate(({ id, text }) => {
    const host = document.createElement("div");
    host.id = id;
    host.setAttribute("data-factcards", "");
    host.setAttribute("data-debug", "");
    const script = document.createElement("script");
    script.type = "application/json";
    script.textContent = text;
    host.append(script);
    document.getElementById("targets").append(host);
  }, { id, text });
}

/** Every element and attribute in a widget's shadow root that could run code. */
function dangerous(hostId) {
  const root = document.getElementById(hostId)?.shadowRoot;
  if (!root) return ["no shadow root"];
  const found = [];
  for (const el of root.querySelectorAll("*")) {
    if (["SCRIPT", "IMG", "IFRAME", "OBJECT", "EMBED"].includes(el.tagName)) found.push(el.tagName);
    if (el.tagName === "svg" && el.closest(".fc-map") === null) found.push("svg outside the map");
    for (const attr of el.attributes) {
      if (/^on/i.test(attr.name)) found.push(`${el.tagName} ${attr.name}`);
      // Source links are http(s); a fact's source mark is a same-document
      // fragment (#source0:…), which cannot run anything.
      const safe = attr.name === "href" ? /^(https?:|blob:|#)/ : /^(https?:|blob:)/;
      if (["href", "src"].includes(attr.name) && !safe.test(attr.value)) found.push(`${el.tagName} ${attr.name}=${attr.value}`);
    }
  }
  return found;
}

test("markup in every text field renders as text, through the JS API and inline data", async () => {
  const { page, errors, dialogs, close } = await open("/fixtures/hostile.html");
  await page.locator("#healthy :not([hidden]) > .fc-card").first().waitFor({ timeout: TIMEOUT });
  for (const [index, payload] of PAYLOADS.entries()) {
    const id = `api-${index}`;
    await page.evaluate(async ({ id, sheet }) => {
      const host = document.createElement("div");
      host.id = id;
      document.getElementById("targets").append(host);
      const { mount } = await window.factcards.ready;
      mount(host, sheet);
    }, { id, sheet: sheetWith(payload) });
    await page.locator(`#${id} :not([hidden]) > .fc-card`).waitFor({ timeout: TIMEOUT });
    await page.locator(`#${id} .fc-card__toggle`).click();
    assert.deepEqual(await page.evaluate(dangerous, id), [], payload);
    // The payload is visible as text.
    assert.equal(await page.locator(`#${id} .fc-fact__text`).innerText(), payload.replace(/\s+/g, " ").trim());

    // The same sheet as inline data in a drop-in element.
    const inlineId = `inline-${index}`;
    await addInline(page, inlineId, JSON.stringify(sheetWith(payload)));
    await page.locator(`#${inlineId} :not([hidden]) > .fc-card`).waitFor({ timeout: TIMEOUT });
    assert.deepEqual(await page.evaluate(dangerous, inlineId), [], payload);
  }
  // Nothing outside the widgets was added either.
  const strays = await page.evaluate(() => [...document.querySelectorAll("body img, body svg, body iframe")].length);
  assert.equal(strays, 0);
  // The healthy widget still works.
  await page.locator("#healthy .fc-filter__chip[data-category='origins']").click();
  assert.equal(await page.locator("#healthy :not([hidden]) > .fc-card").count(), 2);
  assert.deepEqual([...dialogs, ...(await page.evaluate(() => window.__dialogs))], []);
  assert.deepEqual(errors, []);
  await close();
});

test("dangerous URLs and broken sheets end in the error panel, never in a link or a crash", async () => {
  const { page, errors, dialogs, close } = await open("/fixtures/hostile.html");
  await page.locator("#healthy :not([hidden]) > .fc-card").first().waitFor({ timeout: TIMEOUT });
  const cases = [
    ["javascript url", sheetWith("x", (s) => ((s.sources[0].url = "javascript:alert(1)"), s)), /is not an http or https url/],
    ["data url", sheetWith("x", (s) => ((s.sources[0].url = "data:text/html,<script>alert(1)</script>"), s)), /is not an http or https url/],
    ["vbscript url", sheetWith("x", (s) => ((s.sources[0].url = "vbscript:msgbox(1)"), s)), /is not an http or https url/],
    ["protocol-relative url", sheetWith("x", (s) => ((s.sources[0].url = "//evil.example/"), s)), /is not an http or https url/],
    ["padded url", sheetWith("x", (s) => ((s.sources[0].url = " https://example.com/ "), s)), /spaces around it/],
    ["unknown reference", sheetWith("x", (s) => ((s.cards[0].facts[0].sources = ["nope"]), s)), /unknown source "nope"/],
    ["duplicate ids", sheetWith("x", (s) => (s.cards.push({ ...s.cards[0] }), s)), /duplicate card id "k"/],
    ["wrong type", sheetWith("x", (s) => ((s.cards = "many"), s)), /cards: expected an array, found a string/],
    ["null object", sheetWith("x", (s) => ((s.categories[0] = null), s)), /categories\[0\]: expected an object, found null/],
    ["zero-width id", sheetWith("x", (s) => ((s.cards[0].id = "k\u200B"), s)), /invisible character U\+200B/],
    ["rtl override id", sheetWith("x", (s) => ((s.categories[0].id = "\u202Ec"), s)), /invisible character U\+202E/],
    ["huge text", sheetWith("x", (s) => ((s.summary = "y".repeat(6000)), s)), /the text is 6000 characters; the limit is 5000/],
    ["deep nesting", sheetWith("x", (s) => ((s.extra = JSON.parse("[".repeat(40) + "]".repeat(40))), s)), /nesting is deeper than 32 levels/],
  ];
  for (const [name, sheet, message] of cases) {
    const thrown = await page.evaluate(async (sheet) => {
      const host = document.createElement("div");
      document.getElementById("targets").append(host);
      const { mount } = await window.factcards.ready;
      try {
        mount(host, sheet);
        return "no error";
      } catch (error) {
        return `${error.constructor.name}: ${error.message}`;
      }
    }, sheet);
    assert.match(thrown, /^Error: factcards/, name);
    assert.match(thrown, message, name);
  }
  // Text that is not a sheet at all, through inline data.
  const texts = ["", "[]", "\"a string\"", "{\"factcards\": 1,}", "\uFEFF{}", "{\"a\": \"\\ud800\"}", "null"];
  for (const [index, text] of texts.entries()) {
    const id = `text-${index}`;
    await addInline(page, id, text);
    await page.locator(`#${id} .fc-error`).waitFor({ timeout: TIMEOUT });
    assert.ok((await page.locator(`#${id} .fc-error__problem`).count()) > 0, JSON.stringify(text));
  }
  assert.equal(await page.locator("#targets .fc-sources__link").count(), 0);
  await page.locator("#healthy :not([hidden]) > .fc-card .fc-card__toggle").first().click();
  assert.equal(await page.locator("#healthy :not([hidden]) > .fc-card .fc-card__toggle").first().getAttribute("aria-expanded"), "true");
  assert.deepEqual([...dialogs, ...(await page.evaluate(() => window.__dialogs))], []);
  assert.deepEqual(errors, []);
  await close();
});

// How long it takes, and the longest task meanwhile, are the benchmark's
// (its 10,000-fact sheet, `ONLY=scaling scripts/bench`): here, that every
// card comes, and that both widgets answer clicks afterwards.
test("the largest allowed sheet renders and the page stays responsive", async () => {
  const { page, errors, close } = await open("/fixtures/hostile.html");
  await page.locator("#healthy :not([hidden]) > .fc-card").first().waitFor({ timeout: TIMEOUT });
  await page.evaluate(async () => {
    // 1,000 cards of 10 facts: the card and fact limits at once.
    const categories = Array.from({ length: 10 }, (_, i) => ({ id: `c${i}`, label: `Category ${i}` }));
    const cards = Array.from({ length: 1000 }, (_, i) => ({
      id: `card-${i}`,
      category: `c${i % 10}`,
      title: `Card ${i}`,
      facts: Array.from({ length: 10 }, (_, j) => ({ text: `Fact ${j} of card ${i}, with some words to search.`, status: "reported", sources: ["s"], attribution: "a wire service" })),
    }));
    const sheet = { factcards: 1, id: "big", title: "Big", summary: "The largest allowed sheet.", lang: "en", updated: "2024-03-23", sources: [{ id: "s", title: "Source", url: "https://example.com/" }], categories, cards };
    const host = document.createElement("div");
    host.id = "big";
    document.getElementById("targets").append(host);
    const { mount } = await window.factcards.ready;
    mount(host, sheet);
  });
  // Until the big widget shows `count` cards (it renders in chunks); the
  // time-out only catches a hang.
  const shows = (count) =>
    page.waitForFunction(
      (count) => document.getElementById("big").shadowRoot.querySelectorAll(":not([hidden]) > .fc-card").length === count,
      count,
      { timeout: 60000 },
    );
  await shows(1000);
  // It still answers clicks, in the healthy widget and in the big one.
  await page.locator("#healthy .fc-filter__chip[data-category='russia']").click();
  assert.equal(await page.locator("#healthy :not([hidden]) > .fc-card").count(), 1);
  await page.locator("#big .fc-filter__chip[data-category='c3']").click();
  await shows(100);
  assert.deepEqual(errors, []);
  await close();
});

for (const [name, path, selector, frames] of [
  ["demo page", "/", "#demo-widget :not([hidden]) > .fc-card", ["/"]],
  ["example article", "/news-article.html", "#inline-facts :not([hidden]) > .fc-card", ["/news-article.html", "/embed.html"]],
  ["iframe page", "/embed.html?src=moscow-isis-k.json", ":not([hidden]) > .fc-card", ["/embed.html"]],
]) {
  test(`the ${name} works under the strict CSP with no violation in any frame`, async () => {
    const { page, errors, close } = await open(path, cspOrigin);
    await page.locator(selector).first().waitFor({ timeout: TIMEOUT });
    await page.locator(selector).first().locator(".fc-card__toggle").click();
    if (path === "/news-article.html") {
      // The iframe loads lazily, when it comes near the viewport.
      await page.locator("iframe[data-factcards-frame]").scrollIntoViewIfNeeded();
      const frame = page.frameLocator("iframe[data-factcards-frame]");
      await frame.locator(":not([hidden]) > .fc-card").first().waitFor({ timeout: TIMEOUT });
      await frame.locator(":not([hidden]) > .fc-card .fc-card__toggle").first().click();
    }
    const found = await violationsByFrame(page);
    assert.deepEqual(found.map((frame) => new URL(frame.url).pathname), frames, "the frames read");
    assert.deepEqual(found.filter((frame) => frame.violations?.length !== 0), [], "no violation in any frame");
    await assertEveryFrameRecords(page);
    assert.deepEqual(errors, []);
    await close();
  });
}

test("the widget requests only its own assets and the configured data-src", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const requests = [];
  page.on("request", (request) => requests.push(request.url()));
  await page.goto(`${origin}/fixtures/mount-styles.html`);
  await page.locator("#from-src :not([hidden]) > .fc-card").first().waitFor({ timeout: TIMEOUT });
  const foreign = requests.filter((url) => !url.startsWith(origin) && !url.startsWith("data:") && !url.startsWith("blob:"));
  assert.deepEqual(foreign, []);
  const paths = [...new Set(requests.map((url) => new URL(url).pathname))].sort();
  const allowed = /^\/(fixtures\/mount-styles\.html|factcards\.(js|css)|factcards-(web|live)-[0-9a-f]+(_bg\.wasm|\.js)|moscow-isis-k\.json|world-(map|names)\.json|fixtures\/small-sheet\.json)$/;
  assert.deepEqual(paths.filter((path) => !allowed.test(path)), [], `unexpected requests: ${paths.join(", ")}`);
  const cookies = await context.cookies();
  assert.deepEqual(cookies, []);
  await context.close();
});
