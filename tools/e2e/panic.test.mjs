// End-to-end: what a panic, or a trap, leaves on the page. Runs against a
// build with the test-hooks feature (scripts/test builds it into
// target/dist-test), whose loader exposes factcards.panicForTests() and
// factcards.trapForTests(); the release has no such exports. A wasm module
// cannot go on after either, so the only promise is that no widget is left
// as a blank or frozen box: each shows what its page asked for a sheet that
// cannot be shown (one calm line by default, the error panel with
// data-debug), and the stop is logged. A trap runs no panic hook: the
// loader sees it as an uncaught WebAssembly.RuntimeError from the glue.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { FIXTURES, browser, origin, pollUntil, setUpSuite, wasmStarted } from "./browser.mjs";

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

/** Traps the widget's wasm from a timer, so that nothing catches the RuntimeError: as a trap in an event handler. */
const trapUncaught = (page) => page.evaluate(() => setTimeout(() => window.factcards.trapForTests()));

test("a trap leaves a calm line in every widget (the panel with data-debug), and the loader warns", async () => {
  const page = await browser.newPage();
  const console = [];
  page.on("console", (message) => console.push(`${message.type()}: ${message.text()}`));
  await page.goto(`${origin}/fixtures/two-instances.html`);
  await wasmStarted(page);
  for (const id of ["first", "broken", "second"]) await page.locator(`#${id} .fc-deck, #${id} .fc-error`).first().waitFor();
  assert.ok(await page.locator("#first :not([hidden]) > .fc-card").count() > 0);

  await trapUncaught(page);
  for (const id of ["first", "second"]) {
    await page.locator(`#${id} .fc-unavailable`).waitFor();
    assert.equal(await page.locator(`#${id} .fc-unavailable`).innerText(), "The key facts cannot be shown just now.");
    assert.equal(await page.locator(`#${id} :not([hidden]) > .fc-card`).count(), 0, id);
  }
  assert.match(await page.locator("#broken .fc-error[role='alert']").innerText(), /These facts could not be shown[\s\S]*Reload the page/);
  assert.ok(console.some((line) => line.startsWith("warning:") && line.includes("stopped after an error in its wasm")), console.join("\n"));
  await page.close();
});

test("a trap leaves a server-rendered fallback on screen", async () => {
  const page = await browser.newPage();
  await page.goto(`${origin}/fallback.html`);
  await wasmStarted(page);
  await trapUncaught(page);
  await pollUntil(
    () => page.evaluate(() => document.getElementById("facts").shadowRoot.querySelectorAll(".fc-root[data-pending]").length),
    (pending) => pending === 0,
  );
  const shown = await page.evaluate(() => {
    const root = document.getElementById("facts").shadowRoot;
    return {
      facts: [...root.querySelectorAll(".fc-fact")].filter((fact) => fact.checkVisibility()).length,
      error: root.querySelectorAll(".fc-error, .fc-unavailable").length,
    };
  });
  assert.ok(shown.facts > 0);
  assert.equal(shown.error, 0);
  await page.close();
});

test("a trap in another wasm module on the page leaves the widgets live", async () => {
  const page = await browser.newPage();
  await page.goto(`${origin}/fixtures/two-instances.html`);
  await wasmStarted(page);
  await page.locator("#first .fc-deck").waitFor();
  const cards = await page.locator("#first :not([hidden]) > .fc-card").count();
  const trapped = await page.evaluate(() => new Promise((resolve) => {
    // (module (func (export "f") unreachable)), the page's own module.
    const bytes = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 7, 5, 1, 1, 102, 0, 0, 10, 5, 1, 3, 0, 0, 11]);
    const { f } = new WebAssembly.Instance(new WebAssembly.Module(bytes)).exports;
    window.addEventListener("error", (event) => resolve(event.error instanceof WebAssembly.RuntimeError), { once: true });
    setTimeout(f);
  }));
  assert.ok(trapped, "the page's own module trapped");
  // The widgets are still live: a category chip still filters.
  await page.locator("#first .fc-filter__chip:not(.fc-filter__chip--all)").first().click();
  await pollUntil(() => page.locator("#first :not([hidden]) > .fc-card").count(), (shown) => shown > 0 && shown < cards);
  assert.equal(await page.locator("#first .fc-unavailable, #second .fc-unavailable").count(), 0);
  await page.close();
});
