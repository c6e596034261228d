// End-to-end: what a panic leaves on the page. Runs against a build with
// the test-hooks feature (scripts/test builds it into target/dist-test),
// whose loader exposes factcards.panicForTests(); the release has no such
// export. A wasm module cannot go on after a panic, so the only promise is
// that no widget is left as a blank or frozen box: each shows what its page
// asked for a sheet that cannot be shown (one calm line by default, the
// error panel with data-debug), and the panic is logged.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { FIXTURES, browser, origin, setUpSuite, wasmStarted } from "./browser.mjs";

const DIST_TEST = process.env.DIST_TEST ?? "target/dist-test";
const CLI = process.env.FACTCARDS_BIN ?? ["target/debug/factcards", "target/release/factcards"].find(existsSync);
const held = [];
setUpSuite(DIST_TEST, {
  mounts: { "/fixtures/": FIXTURES },
  routes: {
    // A server-rendered fallback whose live sheet never arrives.
    "/fallback.html": (request, response) => {
      const fallback = execFileSync(CLI, ["render", "--css-href", "/factcards.css", "tools/e2e/fixtures/small-sheet.json"], { encoding: "utf8" });
      response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      response.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>panic over a fallback</title>
<link rel="icon" href="data:,"><script type="module" src="/factcards.js"></script></head>
<body><div data-factcards id="facts" data-src="/never.json">${fallback}</div></body></html>`);
    },
    "/never.json": (request, response) => held.push(response),
  },
});

test("a panic leaves a server-rendered fallback on screen", async () => {
  const page = await browser.newPage();
  await page.goto(`${origin}/fallback.html`);
  await wasmStarted(page);
  await page.evaluate(() => {
    try {
      window.factcards.panicForTests();
    } catch {}
  });
  const shown = await page.evaluate(() => {
    const root = document.getElementById("facts").shadowRoot;
    return {
      facts: [...root.querySelectorAll(".fc-fact")].filter((fact) => fact.checkVisibility()).length,
      pending: root.querySelectorAll(".fc-root[data-pending]").length,
      error: root.querySelectorAll(".fc-error, .fc-unavailable").length,
    };
  });
  assert.ok(shown.facts > 0);
  assert.equal(shown.pending, 0);
  assert.equal(shown.error, 0);
  await page.close();
});

test("a panic leaves a calm line in every widget (the panel with data-debug) and logs the panic", async () => {
  const page = await browser.newPage();
  const console = [];
  page.on("console", (message) => console.push(`${message.type()}: ${message.text()}`));
  await page.goto(`${origin}/fixtures/two-instances.html`);
  const hosts = await page.evaluate(async () => {
    const { mount } = await window.factcards.ready;
    // A third widget mounted through the JS API, without data-factcards.
    const host = document.createElement("div");
    host.id = "from-api";
    document.body.append(host);
    mount(host);
    return [...document.querySelectorAll("[data-factcards], #from-api")].map((el) => el.id);
  });
  assert.ok(hosts.length >= 3, `widgets: ${hosts}`);
  for (const id of hosts) await page.locator(`#${id} .fc-deck, #${id} .fc-error, #${id} .fc-unavailable`).first().waitFor();

  const thrown = await page.evaluate(() => {
    try {
      window.factcards.panicForTests();
      return "returned";
    } catch (error) {
      return String(error);
    }
  });
  assert.match(thrown, /RuntimeError|unreachable/);
  for (const id of hosts) {
    assert.equal(await page.locator(`#${id} :not([hidden]) > .fc-card`).count(), 0, id);
    if (id !== "broken") {
      // Readers get one calm line; #broken has data-debug.
      assert.equal(await page.locator(`#${id} .fc-unavailable`).innerText(), "The key facts cannot be shown just now.");
      assert.equal(await page.locator(`#${id} .fc-error`).count(), 0, id);
      continue;
    }
    const panel = page.locator(`#${id} .fc-error[role='alert']`);
    assert.equal(await panel.count(), 1, id);
    assert.match(await panel.innerText(), /These facts could not be shown[\s\S]*Reload the page/);
    assert.equal(await page.locator(`#${id} :not([hidden]) > .fc-card`).count(), 0, id);
    // Styled like any error panel: the shadow root keeps the stylesheet.
    const border = await panel.evaluate((el) => getComputedStyle(el).borderTopStyle);
    assert.equal(border, "solid");
  }
  assert.ok(console.some((line) => line.startsWith("error:") && line.includes("a deliberate panic")), console.join("\n"));
  await page.close();
});
