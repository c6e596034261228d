// End-to-end: the live widget's stylesheet is factcards.css, the file the
// server-rendered fallback links, which the loader fetches beside the wasm
// (the wasm carries no copy). No widget is drawn before it has arrived, a
// fallback that linked it costs no second download, and a stylesheet that
// cannot load leaves the fallback and says why.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { TIMEOUT, embedSuite, open } from "./embed.mjs";
import { DIST, browser, widgetsLive } from "./browser.mjs";
import { serve } from "./server.mjs";

embedSuite();

const BARE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Bare</title><link rel="icon" href="data:,"></head>
<body><div data-factcards id="facts"></div><script type="module" src="/factcards.js"></script></body></html>`;

/** Opens `html` at `path`, with factcards.css answered by `css(route)`. */
function openWith(t, path, html, css) {
  return open(t, path, {
    allow404: true,
    beforeGoto: async (page) => {
      await page.route(`**${path}`, (route) => route.fulfill({ contentType: "text/html; charset=utf-8", body: html }));
      await page.route("**/factcards.css", css);
    },
  });
}

test("stylesheet: neither build's wasm carries a copy of factcards.css", () => {
  const css = readFileSync(`${DIST}/factcards.css`, "utf8");
  // The loader names each build once, as the hashed name of its glue and wasm.
  const builds = [...new Set(readFileSync(`${DIST}/factcards.js`, "utf8").match(/factcards-(web|live)-[0-9a-f]+/g))].map((build) => `${build}_bg.wasm`);
  assert.equal(builds.length, 2, `the loader names both builds: ${builds.join(", ")}`);
  for (const name of builds) {
    const wasm = readFileSync(`${DIST}/${name}`);
    // A rule only the stylesheet has, and a long run of it.
    for (const piece of ["prefers-reduced-motion", css.slice(1000, 1200)]) {
      assert.equal(wasm.includes(Buffer.from(piece)), false, `${name} holds "${piece.slice(0, 40)}…"`);
    }
  }
  assert.ok(gzipSync(css, { level: 9 }).length > 2000, "factcards.css is the whole stylesheet");
});

test("stylesheet: no widget is drawn before factcards.css arrives, and each one is styled once it has", async (t) => {
  let release;
  const held = new Promise((resolve) => (release = resolve));
  const { page, errors } = await openWith(t, "/styles-held.html", BARE, async (route) => {
    await held;
    await route.continue();
  });
  // The wasm has started (its glue is in) while the stylesheet is held.
  await page.waitForFunction(() => performance.getEntriesByType("resource").some((entry) => /_bg\.wasm$/.test(entry.name) && entry.responseEnd > 0));
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 300)));
  assert.equal(await page.evaluate(() => document.getElementById("facts").shadowRoot), null, "nothing is mounted, so nothing is drawn unstyled");
  release();
  await page.locator("#facts .fc-card").first().waitFor();
  const styled = await page.evaluate(() => {
    const root = document.getElementById("facts").shadowRoot;
    return { sheets: root.adoptedStyleSheets.length, display: getComputedStyle(root.querySelector(".fc-card__toggle")).display, links: root.querySelectorAll("link, style").length };
  });
  assert.equal(styled.sheets, 1, "the one shared stylesheet is adopted");
  assert.equal(styled.links, 0, "and no <link> or <style> stands in for it");
  assert.notEqual(styled.display, "inline-block", "the card toggle has the stylesheet's display, not a button's default");
  assert.deepEqual(errors, []);
});

test("stylesheet: a factcards.css that cannot load leaves the page as it was, and says why", async (t) => {
  const { page } = await openWith(t, "/styles-missing.html", BARE, (route) => route.fulfill({ status: 404, contentType: "text/plain", body: "not found" }));
  const reason = await page.evaluate(() => window.factcards.ready.then(() => "ready", (error) => error.message));
  assert.match(reason, /^factcards: the stylesheet factcards\.css did not load \(.+\)$/);
  assert.equal(await page.evaluate(() => document.getElementById("facts").shadowRoot), null, "no widget was drawn unstyled");
});

test("stylesheet: over a fallback that links factcards.css, a cache that keeps it spares the live widget a second download", async (t) => {
  // dist/ as a CDN serves it, cached for a while (the suite's own server says no-store).
  const server = await serve(DIST, 0, { headers: { "cache-control": "max-age=600" } });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  t.after(async () => {
    await context.close();
    server.closeAllConnections();
    server.close();
  });
  const page = await context.newPage();
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  page.setDefaultTimeout(TIMEOUT);
  await widgetsLive(page);
  const asked = server.log.count("/factcards.css");
  assert.equal(asked, 1, "the fallback's link and the loader's fetch make one request");
  assert.equal(await page.evaluate(() => document.getElementById("demo-widget").shadowRoot.adoptedStyleSheets.length), 1);
});
