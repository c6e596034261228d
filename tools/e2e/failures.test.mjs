// End-to-end: a live sheet that cannot be shown never spoils the page. For
// each failure (HTTP error, time-out, invalid JSON, invalid sheet) a mount
// holding a server-rendered fallback keeps it; a mount without one shows one
// calm line in the widget's language, or nothing (data-on-error="hide");
// every problem goes to console.warn and to factcards:error; the panel with
// JSON paths shows only with data-debug. (A panic: panic.test.mjs.)
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { DIST, FIXTURES, browser, origin, setUpSuite } from "./browser.mjs";

const TIMEOUT = 8000;
const CLI = process.env.FACTCARDS_BIN ?? ["target/debug/factcards", "target/release/factcards"].find(existsSync);
before(() => assert.ok(CLI, "the factcards CLI is built (cargo test builds target/debug/factcards)"));

/** The four ways a data-src sheet fails, by URL. */
const FAILURES = {
  "HTTP error": "/fixtures/missing-sheet.json",
  "time-out": "/never.json",
  "invalid JSON": "/fixtures/bad-syntax.json",
  "invalid sheet": "/fixtures/invalid-sheet.json",
};

function page({ src, fallback, attributes = "" }) {
  const inner = fallback
    ? execFileSync(CLI, ["render", "--css-href", "/factcards.css", "tools/e2e/fixtures/small-sheet.json"], { encoding: "utf8" })
    : "";
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>failure</title>
<link rel="icon" href="data:,"><script type="module" src="/factcards.js"></script></head>
<body><main><p>Above.</p><div data-factcards id="facts" data-src="${src}" data-timeout="600" ${attributes}>${inner}</div><p id="below">Below.</p></main></body></html>`;
}

const held = [];
setUpSuite(DIST, {
  mounts: { "/fixtures/": FIXTURES },
  routes: {
    "/page.html": (request, response, url) => {
      response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      response.end(
        page({
          src: url.searchParams.get("src"),
          fallback: url.searchParams.has("fallback"),
          attributes: url.searchParams.get("attributes") ?? "",
        }),
      );
    },
    // Never answers (the widget times out); closed when the suite ends.
    "/never.json": (request, response) => held.push(response),
  },
});

async function open(query) {
  const context = await browser.newContext({ viewport: { width: 800, height: 900 } });
  const p = await context.newPage();
  const warnings = [];
  const errors = [];
  p.on("console", (message) => {
    if (message.type() === "warning") warnings.push(message.text());
  });
  p.on("pageerror", (error) => errors.push(String(error)));
  await p.addInitScript(() => {
    window.__errors = [];
    document.addEventListener("factcards:error", (event) => window.__errors.push(event.detail));
  });
  await p.goto(`${origin}/page.html?${query}`);
  await p.waitForFunction(() => window.__errors.length > 0, null, { timeout: TIMEOUT });
  // Let the failure render.
  await p.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  return { page: p, warnings, errors, close: () => context.close() };
}

for (const [name, src] of Object.entries(FAILURES)) {
  test(`${name}: a mount with a server-rendered fallback keeps it`, async () => {
    const { page, warnings, errors, close } = await open(`src=${encodeURIComponent(src)}&fallback`);
    const shown = await page.evaluate(() => {
      const root = document.getElementById("facts").shadowRoot;
      return {
        facts: [...root.querySelectorAll(".fc-fact")].filter((fact) => fact.checkVisibility()).length,
        error: [...root.querySelectorAll(".fc-error, .fc-unavailable")].filter((element) => element.checkVisibility()).length,
      };
    });
    assert.ok(shown.facts > 0, "the fallback's facts are still on screen");
    assert.equal(shown.error, 0);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0], /^factcards: the sheet could not be shown:\n- /);
    assert.deepEqual(errors, []);
    await close();
  });

  test(`${name}: a mount without a fallback shows one calm line, with every problem in the console and the event`, async () => {
    const { page, warnings, errors, close } = await open(`src=${encodeURIComponent(src)}`);
    const line = page.locator("#facts .fc-unavailable");
    assert.equal(await line.innerText(), "The key facts cannot be shown just now.");
    assert.equal(await page.locator("#facts .fc-error").count(), 0);
    const detail = await page.evaluate(() => window.__errors[0]);
    assert.ok(detail.problems.length > 0);
    // The console names every problem, with its path where it has one.
    for (const problem of detail.problems) {
      assert.ok(warnings[0].includes(problem.message), `${problem.message} in ${warnings[0]}`);
      if (problem.path) assert.ok(warnings[0].includes(`- ${problem.path}: `));
    }
    if (name === "time-out") assert.match(warnings[0], /no answer within 600 ms/);
    assert.deepEqual(errors, []);
    await close();
  });
}

test("data-on-error=hide shows nothing and takes no space", async () => {
  const { page, close } = await open(`src=${encodeURIComponent(FAILURES["HTTP error"])}&attributes=data-on-error%3Dhide`);
  assert.equal(await page.locator("#facts").evaluate((host) => host.getBoundingClientRect().height), 0);
  await close();
});

test("data-debug shows the panel with JSON paths, even over a fallback", async () => {
  const { page, close } = await open(`src=${encodeURIComponent(FAILURES["invalid sheet"])}&fallback&attributes=data-debug`);
  await page.locator("#facts .fc-error").waitFor({ timeout: TIMEOUT });
  assert.ok((await page.locator("#facts .fc-error__path").count()) > 0);
  await close();
});

test("a Russian mount says it in Russian", async () => {
  const { page, close } = await open(`src=${encodeURIComponent(FAILURES["HTTP error"])}&attributes=data-lang%3Dru`);
  assert.equal(await page.locator("#facts .fc-unavailable").innerText(), "Сейчас не удаётся показать ключевые факты.");
  await close();
});

test("mount() with a bad sheet throws the problems as data and paints only the calm line", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${origin}/fixtures/api.html`);
  const thrown = await page.evaluate(async () => {
    const { mount } = await window.factcards.ready;
    const host = document.createElement("div");
    host.id = "api-bad";
    document.body.append(host);
    try {
      mount(host, { factcards: 1 });
      return null;
    } catch (error) {
      return { message: error.message, problems: error.problems };
    }
  });
  assert.ok(thrown.problems.length > 0);
  assert.equal(typeof thrown.problems[0].path, "string");
  await page.locator("#api-bad .fc-unavailable").waitFor({ timeout: TIMEOUT });
  assert.equal(await page.locator("#api-bad .fc-error").count(), 0);
  const hidden = await page.evaluate(async () => {
    const { mount } = await window.factcards.ready;
    const host = document.createElement("div");
    host.id = "api-hidden";
    document.body.append(host);
    try {
      mount(host, { factcards: 1 }, { onError: "hide" });
    } catch {}
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    return host.getBoundingClientRect().height;
  });
  assert.equal(hidden, 0);
  await context.close();
});
