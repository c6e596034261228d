// End-to-end: live sheets (data-live). A route serves a sequence of
// versions of one sheet with ETags, answering 304 to a matching
// If-None-Match, and each test sets what it answers next: a new version,
// an error, a redirect, a huge body, a sheet that flips. Runs against the
// test-hooks build (scripts/test builds it into target/dist-test), whose
// floor between reads is 50 ms instead of the release's 30 s, so that no
// test waits for long; nothing else differs.
//
// No test sleeps for a fixed time: each waits on the server's request log
// (so many reads of the sheet) or on the page. Where a test shows that
// something does not happen, something that must come later comes first:
// for a deck off screen, a control deck in a frame of the same page, reading
// its own sheet at the same interval, reads four times; for a hidden tab (a
// real one, behind another tab), the hidden page's own timer at the deck's
// interval fires ten times. The backoff of a failing server is read on the
// page's clock (Playwright's, paused), read for read.
import { test, beforeEach } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { FIXTURES, browser, launchWithTabs, origin, pollUntil, server, setUpSuite } from "./browser.mjs";

const DIST_TEST = process.env.DIST_TEST ?? "target/dist-test";
const CLI = process.env.FACTCARDS_BIN ?? ["target/debug/factcards", "target/release/factcards"].find(existsSync);

/** Version 1: the small fixture sheet, with an id on every fact. */
const V1 = JSON.parse(readFileSync(new URL("./fixtures/small-sheet.json", import.meta.url), "utf8"));
const IDS = ["cause", "reopening", "detour"];
V1.cards.forEach((card, index) => {
  card.facts[0].id = IDS[index];
});

/** Version 2: reopening is confirmed, and the first card has a new fact. */
function v2() {
  const sheet = structuredClone(V1);
  sheet.updated = "2026-11-26T15:05:00Z";
  sheet.cards[1].facts[0].status = "confirmed";
  sheet.cards[0].facts.push({
    id: "inspection",
    text: "Engineers will inspect the other supports this week.",
    status: "reported",
    sources: ["council"],
  });
  return sheet;
}

/** The live deck's sheet, and the control deck's. */
const SHEET = "/live/sheet.json";
const CONTROL = "/live/control.json";

/** What the sheet's route answers; each test sets it. */
let serving;
/** How many times the sheet's route was asked since the test began. */
let asked;

function answer(body, etag) {
  return { status: 200, body: typeof body === "string" ? body : JSON.stringify(body), etag };
}

beforeEach(() => {
  serving = answer(V1, '"v1"');
  asked = 0;
});

let port;
setUpSuite(DIST_TEST, {
  mounts: { "/fixtures/": FIXTURES },
  routes: {
    // ?live=<seconds>&below=1 puts the deck below a screen of text;
    // &control=1 puts the control deck's frame at the top, always in view.
    "/live.html": (request, response, url) => {
      port = url.port || request.headers.host.split(":")[1];
      const live = url.searchParams.get("live") ?? "0.1";
      const spacer = '<div style="height:3000px">Above the deck</div>';
      const control = `<iframe id="control" title="control deck" src="/live-control.html?live=${live}" style="width:480px;height:120px"></iframe>`;
      response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      response.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>live deck</title>
<link rel="icon" href="data:,"><script type="module" src="/factcards.js"></script></head>
<body>${url.searchParams.has("control") ? control : ""}${url.searchParams.has("below") ? spacer : ""}
<div data-factcards id="facts" data-src="${SHEET}" data-live="${live}" data-url-state="off"></div>
<div style="height:2000px"></div></body></html>`);
    },
    // The control deck: its own document (a frame's tab stays visible when
    // the test hides the page's) reading its own unchanging sheet.
    "/live-control.html": (request, response, url) => {
      response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      response.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>control deck</title>
<link rel="icon" href="data:,"><script type="module" src="/factcards.js"></script></head>
<body><div data-factcards data-src="${CONTROL}" data-live="${url.searchParams.get("live")}" data-url-state="off"></div></body></html>`);
    },
    [CONTROL]: (request, response) => {
      if (request.headers["if-none-match"] === '"v1"') {
        response.writeHead(304, { etag: '"v1"' });
        response.end();
      } else {
        response.writeHead(200, { "content-type": "application/json", "cache-control": "no-cache", etag: '"v1"' });
        response.end(JSON.stringify(V1));
      }
    },
    // A server-rendered fallback of version 1 (a live sheet: it suggests
    // a refresh, so the fallback holds the sheet as rendered).
    "/live-fallback.html": (request, response) => {
      const fallback = execFileSync(CLI, ["render", "--css-href", "/factcards.css", "-"], {
        encoding: "utf8",
        input: JSON.stringify({ ...V1, refresh: 60 }),
      });
      response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      response.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>live over a fallback</title>
<link rel="icon" href="data:,"><script type="module" src="/factcards.js"></script></head>
<body><div data-factcards id="facts" data-src="/live/sheet.json" data-live="60" data-url-state="off">${fallback}</div></body></html>`);
    },
    [SHEET]: (request, response) => {
      const now = typeof serving === "function" ? serving(asked) : serving;
      asked += 1;
      const match = now.etag && request.headers["if-none-match"] === now.etag;
      if (now.redirect) {
        response.writeHead(302, { location: now.redirect.replace("PORT", request.headers.host.split(":")[1]) });
        response.end();
      } else if (match) {
        response.writeHead(304, { etag: now.etag });
        response.end();
      } else {
        response.writeHead(now.status, {
          "content-type": "application/json",
          "cache-control": "no-cache",
          ...(now.etag ? { etag: now.etag } : {}),
        });
        response.end(now.body);
      }
    },
    // Another origin's copy of the story (localhost, not 127.0.0.1), which
    // CORS would let through: only the widget's own check refuses it.
    "/live/other.json": (request, response) => {
      response.writeHead(200, {
        "content-type": "application/json",
        "access-control-allow-origin": "*",
        "access-control-allow-headers": "*",
      });
      response.end(request.method === "OPTIONS" ? "" : JSON.stringify(v2()));
    },
  },
});

/**
 * Before the page's scripts: records the deck's events, and counts the
 * reads of the live deck's sheet as the page makes them (`window.__reads`,
 * at the call of fetch, before any request leaves).
 */
function recordLive() {
  window.__events = [];
  for (const name of ["factcards:update", "factcards:error", "factcards:ready"]) {
    document.addEventListener(name, (event) => window.__events.push({ name, detail: event.detail }));
  }
  window.__reads = 0;
  const fetch = window.fetch;
  window.fetch = function (input, init) {
    if (new URL(input instanceof Request ? input.url : String(input), location.href).pathname === "/live/sheet.json") window.__reads += 1;
    return fetch.call(this, input, init);
  };
}

/**
 * Opens the live page and waits for the first version of its deck; the page
 * closes when the test ends, whether it passed or not. With `clock`, the
 * page's timers run on Playwright's clock; `page` opens it in a given tab.
 */
async function open(t, query = "", path = "/live.html", { clock = false, page: given } = {}) {
  const page = given ?? (await browser.newPage({ viewport: { width: 500, height: 400 } }));
  await page.addInitScript(recordLive);
  if (clock) await page.clock.install();
  t.after(() => page.close());
  await page.goto(`${origin}${path}${query}`);
  await page.waitForFunction(() => window.__events.some((event) => event.name === "factcards:ready"));
  if (query.includes("control")) await reads(1, CONTROL);
  return page;
}

function facts(page) {
  return page.evaluate(() =>
    [...document.getElementById("facts").shadowRoot.querySelectorAll(".fc-fact .fc-fact__text")].map((p) =>
      p.textContent.trim(),
    ),
  );
}

async function waitForEvent(page, name, count = 1) {
  await page.waitForFunction(
    ([name, count]) => window.__events.filter((event) => event.name === name).length >= count,
    [name, count],
  );
  return page.evaluate((name) => window.__events.filter((event) => event.name === name), name);
}

/** Resolves once the server has answered `n` more reads of `path` (the live deck's sheet by default). */
function reads(n, path = SHEET) {
  return server.log.waitFor(path, server.log.count(path) + n);
}

/** How many reads of the live deck's sheet the server has answered. */
const answered = () => server.log.count(SHEET);

test("an update lands with its marks, keeps the search, the open card and the scroll, and is announced", async (t) => {
  const page = await open(t, "?live=0.1");
  const root = "document.getElementById('facts').shadowRoot";
  // The reader searches, opens a card's sources and scrolls the third card
  // to the top.
  await page.evaluate(`${root}.querySelector('[data-card=how-long] .fc-card__toggle').click()`);
  const search = page.locator("#facts .fc-search input, #facts input[type=search]").first();
  await search.fill("the");
  await page.evaluate(`window.scrollTo(0, ${root}.querySelector('[data-card=diversions]').getBoundingClientRect().top + window.scrollY - 10)`);
  await search.focus();
  await page.evaluate(`window.scrollTo(0, ${root}.querySelector('[data-card=diversions]').getBoundingClientRect().top + window.scrollY - 10)`);
  const before = await page.evaluate(`${root}.querySelector('[data-card=diversions]').getBoundingClientRect().top`);
  assert.ok(Math.abs(before - 10) < 1, `scrolled to the third card (${before})`);
  await reads(1);
  serving = answer(v2(), '"v2"');
  const [update] = await waitForEvent(page, "factcards:update");
  assert.deepEqual(update.detail.counts, { new: 1, changed: 1, removed: 0, moved: 0, newCards: 0, removedCards: 0 });
  assert.deepEqual(update.detail.ids, { new: ["inspection"], changed: ["reopening"], removed: [], moved: [] });
  assert.equal(update.detail.sheet, V1.id);
  await page.waitForFunction(() => document.getElementById("facts").shadowRoot.querySelector(".fc-change"));
  const shown = await page.evaluate(() => {
    const root = document.getElementById("facts").shadowRoot;
    const mark = (card) => root.querySelector(`[data-card=${card}] .fc-change`)?.textContent ?? null;
    return {
      changed: mark("how-long"),
      added: [...root.querySelectorAll("[data-card=why-closed] .fc-change")].map((p) => p.textContent),
      unchanged: mark("diversions"),
      open: root.querySelector("[data-card=how-long] .fc-card__toggle").getAttribute("aria-expanded"),
      query: root.querySelector("input").value,
      updated: root.querySelector(".fc-header__live")?.textContent ?? null,
      region: root.querySelector(".fc-live-region")?.textContent ?? null,
      top: root.querySelector("[data-card=diversions]").getBoundingClientRect().top,
      focus: root.activeElement?.className ?? null,
    };
  });
  assert.match(shown.changed, /^Status changed: Unclear → Confirmed, \d\d?:\d\d [AP]M/i);
  assert.equal(shown.added.length, 1);
  assert.match(shown.added[0], /^New, \d\d?:\d\d [AP]M/);
  assert.equal(shown.unchanged, null);
  assert.equal(shown.open, "true", "the open card stays open");
  assert.equal(shown.query, "the", "the search stays");
  assert.equal(shown.focus, "fc-search__input", "the focus stays");
  assert.match(shown.updated, /^Updated \d\d?:\d\d [AP]M$/);
  assert.equal(shown.region, "2 facts updated");
  assert.ok(Math.abs(shown.top - before) < 1, `the card the reader looks at stays put (${before} → ${shown.top})`);
  // Print shows the marks.
  await page.emulateMedia({ media: "print" });
  // (A fact the reader's search leaves out stays out of the printout too.)
  const printed = await page.evaluate(() => {
    const marks = [...document.getElementById("facts").shadowRoot.querySelectorAll(".fc-change")].filter(
      (mark) => !mark.closest("[hidden]"),
    );
    return marks.length > 0 && marks.every((mark) => mark.checkVisibility());
  });
  assert.ok(printed, "every change mark the reader sees prints");
});

test("a 304 costs no render, and reads send the last ETag", async (t) => {
  const page = await open(t, "?live=0.05");
  await reads(2);
  await page.evaluate(() => {
    window.__mutations = 0;
    new MutationObserver((list) => (window.__mutations += list.length)).observe(
      document.getElementById("facts").shadowRoot,
      { subtree: true, childList: true, attributes: true, characterData: true },
    );
  });
  await reads(4);
  const last = server.log.of(SHEET).slice(-4);
  assert.ok(
    last.every((read) => read.headers["if-none-match"] === '"v1"' && read.status === 304),
    JSON.stringify(last.map((read) => [read.headers["if-none-match"], read.status])),
  );
  assert.equal(await page.evaluate(() => window.__mutations), 0);
  assert.equal((await page.evaluate(() => window.__events)).filter((e) => e.name === "factcards:update").length, 0);
});

/**
 * Shows that the live deck does not read for as long as the control deck
 * (the same interval, in view in its own frame) takes to read four times:
 * time for four reads. First the control reads once, so that a read of the
 * live deck already under way has landed.
 */
async function noReadsWhileControlReads() {
  await reads(1, CONTROL);
  const before = answered();
  await reads(4, CONTROL);
  return answered() - before;
}

test("a tab hidden behind another tab does not read, and reads again when shown", async (t) => {
  const tabs = await launchWithTabs();
  t.after(tabs.close);
  const page = await open(t, "?live=0.05", "/live.html", { page: tabs.first });
  await page.evaluate(() => {
    window.__visibility = [];
    document.addEventListener("visibilitychange", () => window.__visibility.push({ state: document.visibilityState, reads: window.__reads }));
  });
  await reads(2);
  // The reader opens another tab: this one goes behind it.
  const other = await tabs.tab();
  t.after(() => other.close());
  await page.waitForFunction(() => document.visibilityState === "hidden", null, { polling: 50, timeout: 10000 });
  // Ten times the deck's interval, counted by the hidden page's own timer
  // (so its timers do run): the deck would have read ten times.
  await page.evaluate(
    () =>
      new Promise((resolve) => {
        let ticks = 0;
        const timer = setInterval(() => {
          ticks += 1;
          if (ticks < 10) return;
          clearInterval(timer);
          resolve();
        }, 50);
      }),
  );
  const hidden = await page.evaluate(() => ({ visibility: window.__visibility, reads: window.__reads }));
  assert.deepEqual(hidden.visibility.map((change) => change.state), ["hidden"]);
  // (The page counts them: the data-src read and at least the two waited for.)
  assert.ok(hidden.visibility[0].reads >= 3, `the page counted ${hidden.visibility[0].reads} reads before it was hidden`);
  assert.equal(hidden.reads, hidden.visibility[0].reads, "no read while hidden");
  // Back to the tab: it reads again.
  await page.bringToFront();
  await page.waitForFunction(() => document.visibilityState === "visible", null, { polling: 50, timeout: 10000 });
  await reads(2);
  assert.deepEqual(await page.evaluate(() => window.__visibility.map((change) => change.state)), ["hidden", "visible"]);
});

test("a deck off screen does not read, and reads again when scrolled to", async (t) => {
  const below = await open(t, "?live=0.05&below=1&control=1");
  assert.equal(await noReadsWhileControlReads(), 0, "no reads while the deck is off screen");
  await below.evaluate(() => document.getElementById("facts").scrollIntoView());
  await reads(2);
});

const BAD = {
  "an HTTP error": { status: 500, body: "oops", why: /HTTP 500/ },
  "invalid JSON": { status: 200, body: "{ not json", etag: '"bad"', why: /./ },
  "an invalid sheet": { status: 200, body: JSON.stringify({ ...V1, cards: [] }), etag: '"bad"', why: /./ },
  "another story": {
    status: 200,
    body: JSON.stringify({ ...v2(), id: "another-story" }),
    etag: '"bad"',
    why: /another story/,
  },
  "a redirect to another origin": { redirect: "http://localhost:PORT/live/other.json", why: /another origin/ },
  "a sheet over the limits": {
    status: 200,
    body: `{"x": "${"a".repeat(4 * 1024 * 1024)}"}`,
    etag: '"big"',
    why: /MiB|bytes|large|limit/i,
  },
};

for (const [name, bad] of Object.entries(BAD)) {
  test(`${name} leaves the deck as it is, says why, and the next read is tried`, async (t) => {
    const page = await open(t, "?live=0.05");
    const before = await facts(page);
    const warnings = [];
    page.on("console", (message) => message.type() === "warning" && warnings.push(message.text()));
    serving = bad;
    const errors = await waitForEvent(page, "factcards:error");
    assert.ok(
      errors[0].detail.problems.some((problem) => bad.why.test(problem.message)),
      JSON.stringify(errors[0].detail.problems).slice(0, 500),
    );
    assert.deepEqual(await facts(page), before);
    assert.ok(warnings.some((text) => text.includes("an update of the sheet was not shown")), warnings.join("\n"));
    // The fixed sheet lands at a later read.
    serving = answer(v2(), '"v2"');
    await waitForEvent(page, "factcards:update");
    assert.equal((await facts(page)).length, before.length + 1);
  });
}

test("a failing server is read ever less often: the wait doubles after each failure", async (t) => {
  // The first read gives the page its sheet; every read after it fails.
  serving = (n) => (n === 0 ? answer(V1, '"v1"') : { status: 503, body: "" });
  const page = await open(t, "?live=0.05", "/live.html", { clock: true });
  const state = () => page.evaluate(() => ({ reads: window.__reads, failed: window.__events.filter((e) => e.name === "factcards:error").length }));
  // Until every read the deck made has failed and been reported: the deck
  // has then set the timer of its next read.
  const settled = () => pollUntil(state, ({ reads, failed }) => reads === failed + 1);
  await pollUntil(state, ({ failed }) => failed >= 1);
  // From here the page's clock moves only when the test moves it.
  await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 10000);
  let { failed } = await settled();
  for (let read = 0; read < 5; read++) {
    // 50 ms doubled for each failure in a row (live.rs, Poller::delay_ms).
    const wait = 50 * 2 ** failed;
    await page.clock.runFor(wait - 1);
    assert.equal((await state()).reads, failed + 1, `no read ${wait - 1} ms after ${failed} failures`);
    await page.clock.runFor(1);
    assert.equal((await state()).reads, failed + 2, `a read ${wait} ms after ${failed} failures`);
    ({ failed } = await settled());
  }
});

test("a sheet that flips between two versions is announced once a minute at most", async (t) => {
  const page = await open(t, "?live=0.05");
  const flips = [answer(V1, '"v1"'), answer(v2(), '"v2"')];
  serving = (n) => flips[n % 2];
  await waitForEvent(page, "factcards:update", 4);
  const region = await page.evaluate(() => {
    const root = document.getElementById("facts").shadowRoot;
    return root.querySelector(".fc-live-region").textContent;
  });
  // The first update spoke; the others wait for the minute.
  assert.match(region, /^\d+ facts? updated$/);
  // Four more updates land; the region says none of them.
  await page.evaluate(() => {
    window.__spoken = 0;
    const region = document.getElementById("facts").shadowRoot.querySelector(".fc-live-region");
    new MutationObserver(() => window.__spoken++).observe(region, { childList: true, characterData: true, subtree: true });
  });
  const seen = await page.evaluate(() => window.__events.filter((event) => event.name === "factcards:update").length);
  await waitForEvent(page, "factcards:update", seen + 4);
  assert.equal(await page.evaluate(() => window.__spoken), 0);
});

test("a live deck over the fallback of an older version shows the newer one as an update", async (t) => {
  serving = answer({ ...v2(), refresh: 60 }, '"v2"');
  const page = await open(t, "", "/live-fallback.html");
  const [update] = await waitForEvent(page, "factcards:update");
  assert.deepEqual(update.detail.ids, { new: ["inspection"], changed: ["reopening"], removed: [], moved: [] });
  await page.waitForFunction(() => document.getElementById("facts").shadowRoot.querySelectorAll(".fc-change").length === 2);
  const shown = await page.evaluate(() => {
    const root = document.getElementById("facts").shadowRoot;
    return {
      roots: root.querySelectorAll(".fc-root").length,
      pending: root.querySelectorAll("[data-pending]").length,
      facts: root.querySelectorAll(".fc-fact").length,
    };
  });
  assert.deepEqual(shown, { roots: 1, pending: 0, facts: 4 });
});

test("a New mark goes once the reader has seen it; a change mark stays", async (t) => {
  const page = await open(t, "?live=0.05");
  serving = answer(v2(), '"v2"');
  await waitForEvent(page, "factcards:update");
  const count = (selector) =>
    page.evaluate((selector) => document.getElementById("facts").shadowRoot.querySelectorAll(selector).length, selector);
  await page.waitForFunction(() => document.getElementById("facts").shadowRoot.querySelector("[data-change=new]"));
  // The reader scrolls to it; give the observer a frame to see it, and the
  // deck two more reads (304s) in which it could wrongly drop the mark.
  await page.evaluate(() =>
    document.getElementById("facts").shadowRoot.querySelector("[data-change=new]").scrollIntoView({ block: "center" }),
  );
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  await reads(2);
  assert.equal(await count("[data-change=new]"), 1, "still new while in view");
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await page.waitForFunction(() => !document.getElementById("facts").shadowRoot.querySelector("[data-change=new]"));
  assert.equal(await count("[data-change=changed]"), 1, "what changed stays marked");
});
