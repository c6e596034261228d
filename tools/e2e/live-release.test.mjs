// End-to-end: a live deck of the release build (dist/, not the test-hooks
// build that live.test.mjs drives at a 50 ms floor) at its real floor,
// `data-live="30"`: the shortest interval a release deck reads at
// (MIN_REFRESH_SECONDS in src/model/sheet.rs), which a page that asks for
// less (`data-live="1"`) gets too. A route serves the sheet with an ETag and
// a Last-Modified date, answers 304 to a read that sends the ETag back, and
// then a changed sheet.
//
// The page's timers run on Playwright's clock, paused, so the test moves the
// page's time by the 30 s itself, read after read, in no time: it shows that
// no read comes 1 ms before the interval and that one comes at it, which
// waiting 90 s of real time could not show without timing the machine.
// Requests are counted by the server's log and, at each call of fetch, in
// the page.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { DIST, browser, origin, pollUntil, server, setUpSuite } from "./browser.mjs";

/** The shortest interval of a release deck, in ms (`FLOOR_MS` in src/live.rs). */
const FLOOR_MS = 30000;
const SHEET = "/release/sheet.json";

/** Version 1: the small fixture sheet, with an id on every fact; version 2 adds a fact. */
const V1 = JSON.parse(readFileSync(new URL("./fixtures/small-sheet.json", import.meta.url), "utf8"));
V1.cards.forEach((card, index) => {
  card.facts[0].id = `fact-${index}`;
});
const V2 = structuredClone(V1);
V2.updated = "2026-11-26T15:05:00Z";
V2.cards[0].facts.push({ id: "inspection", text: "Engineers will inspect the other supports this week.", status: "reported", sources: ["council"] });

const VERSIONS = {
  v1: { body: JSON.stringify(V1), etag: '"v1"', modified: "Thu, 26 Nov 2026 14:05:00 GMT" },
  v2: { body: JSON.stringify(V2), etag: '"v2"', modified: "Thu, 26 Nov 2026 15:05:00 GMT" },
};
/** The version the sheet's route serves now. */
let current = VERSIONS.v1;

setUpSuite(DIST, {
  routes: {
    // ?live=<seconds>: the page's data-live.
    "/live-release.html": (request, response, url) => {
      response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      response.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>a live deck, release build</title>
<link rel="icon" href="data:,"><script type="module" src="/factcards.js"></script></head>
<body><div data-factcards id="facts" data-src="${SHEET}" data-live="${Number(url.searchParams.get("live"))}" data-url-state="off"></div></body></html>`);
    },
    [SHEET]: (request, response) => {
      const validators = { etag: current.etag, "last-modified": current.modified, "cache-control": "no-cache" };
      if (request.headers["if-none-match"] === current.etag) {
        response.writeHead(304, validators).end();
        return;
      }
      response.writeHead(200, { "content-type": "application/json", ...validators });
      response.end(current.body);
    },
  },
});

/**
 * Before the page's scripts, after the clock's: records the deck's events,
 * every timer of a second or more that the page sets (its delay, and the
 * page's time when it was set), and the page's time at each read of the
 * sheet.
 */
function recordLive(sheet) {
  window.__events = [];
  for (const name of ["ready", "update", "error"]) {
    document.addEventListener(`factcards:${name}`, (event) => window.__events.push({ name, detail: event.detail }));
  }
  window.__timers = [];
  const setTimeout = window.setTimeout;
  window.setTimeout = function (callback, delay, ...rest) {
    if (delay >= 1000) window.__timers.push({ delay, at: Date.now() });
    return setTimeout.call(this, callback, delay, ...rest);
  };
  window.__reads = [];
  const fetch = window.fetch;
  window.fetch = function (input, init) {
    if (new URL(input instanceof Request ? input.url : String(input), location.href).pathname === sheet) window.__reads.push(Date.now());
    return fetch.call(this, input, init);
  };
}

for (const live of [30, 1]) {
  test(`a release deck with data-live=${live} reads every 30 s, sends its validators back, and marks a new fact`, async (t) => {
    current = VERSIONS.v1;
    const page = await browser.newPage({ viewport: { width: 500, height: 800 } });
    t.after(() => page.close());
    const errors = [];
    page.on("pageerror", (error) => errors.push(String(error)));
    // The reads of the tests before this one.
    const served = server.log.count(SHEET);
    await page.clock.install();
    await page.addInitScript(recordLive, SHEET);
    await page.goto(`${origin}/live-release.html?live=${live}`);
    const state = () => page.evaluate(() => ({ events: window.__events.map((event) => event.name), timers: window.__timers, reads: window.__reads }));
    // The page's own tasks (a 0 ms timer between reading and rendering) run
    // at the paused time, without moving it.
    const settle = (accept) =>
      pollUntil(async () => {
        await page.clock.runFor(0);
        return state();
      }, accept);

    // The first read (data-src) shows the sheet; the deck then sets its
    // timer for the next read, at the floor.
    let now = await pollUntil(state, ({ events, timers }) => events.includes("ready") && timers.some((timer) => timer.delay === FLOOR_MS));
    const [{ at: start }] = now.timers.filter((timer) => timer.delay === FLOOR_MS);
    await page.clock.pauseAt(start + FLOOR_MS - 1);
    assert.equal((await state()).reads.length, 1, "the data-src read only, 1 ms before the interval");
    assert.equal(server.log.count(SHEET) - served, 1);

    /** Moves the page's time to the next read, due `FLOOR_MS` after `from`; returns the server's answer to it. */
    const nextRead = async (from, reads) => {
      await page.clock.runFor(from + FLOOR_MS - 1 - (await page.evaluate(() => Date.now())));
      assert.equal((await state()).reads.length, reads, `no read 1 ms before ${FLOOR_MS} ms`);
      await page.clock.runFor(1);
      assert.deepEqual((await state()).reads.slice(reads), [from + FLOOR_MS], `a read at ${FLOOR_MS} ms`);
      const [answer] = (await server.log.waitFor(SHEET, served + reads + 1)).slice(served + reads);
      return answer;
    };

    // Each read sends back the validators of the sheet it has (the browser's
    // cache already does for the first, which revalidates the data-src
    // answer), and an unchanged sheet costs a 304: no body, no render.
    for (const [index, read] of [start, start + FLOOR_MS].entries()) {
      const answer = await nextRead(read, index + 1);
      assert.deepEqual(
        [answer.status, answer.headers["if-none-match"], answer.headers["if-modified-since"]],
        [304, '"v1"', VERSIONS.v1.modified],
        `live read ${index + 1}`,
      );
      now = await settle(({ timers }) => timers.filter((timer) => timer.delay === FLOOR_MS).length === index + 2);
      assert.equal(now.timers.at(-1).at, read + FLOOR_MS, "the next read is set for 30 s after this one");
      assert.deepEqual(now.events, ["ready"], "a 304 is no update");
    }

    // The sheet changes: the third read gets it, and the new fact is marked.
    // (From here the page's time runs on by itself: rendering an update waits
    // for frames, and the next read is 30 s away.)
    current = VERSIONS.v2;
    const third = await nextRead(start + 2 * FLOOR_MS, 3);
    assert.deepEqual([third.status, third.headers["if-none-match"]], [200, '"v1"']);
    await page.clock.resume();
    await page.waitForFunction(() => window.__events.some((event) => event.name === "update"), null, { timeout: 10000 });
    const update = await page.evaluate(() => window.__events.find((event) => event.name === "update").detail);
    assert.deepEqual(update.ids, { new: ["inspection"], changed: [], removed: [], moved: [] });
    const marked = await page.waitForFunction(
      () => {
        const mark = document.getElementById("facts").shadowRoot.querySelector("[data-change=new]");
        return mark && { mark: mark.textContent, fact: mark.closest(".fc-fact").querySelector(".fc-fact__text").textContent.trim() };
      },
      null,
      { timeout: 10000 },
    );
    const { mark, fact } = await marked.jsonValue();
    assert.match(mark, /^New, \d\d?:\d\d [AP]M$/);
    // (The fact's text, then its source mark.)
    assert.ok(fact.startsWith(V2.cards[0].facts.at(-1).text), fact);
    assert.equal(server.log.count(SHEET) - served, 4, "the data-src read and three live reads, no other");
    assert.deepEqual(errors, []);
  });
}
