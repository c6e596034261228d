// End-to-end: what a panic leaves on the page. Runs against a build with
// the test-hooks feature (scripts/test builds it into target/dist-test),
// whose loader exposes factcards.panicForTests(); the release has no such
// export. A wasm module cannot go on after a panic, so the only promise is
// that every widget shows a readable error panel instead of a blank or
// frozen box, and the panic is logged.
import { test } from "node:test";
import assert from "node:assert/strict";
import { FIXTURES, browser, origin, setUpSuite } from "./browser.mjs";

const DIST_TEST = process.env.DIST_TEST ?? "target/dist-test";
setUpSuite(DIST_TEST, { mounts: { "/fixtures/": FIXTURES } });

test("a panic puts an error panel in every widget and logs the panic", async () => {
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
  for (const id of hosts) await page.locator(`#${id} .fc-deck, #${id} .fc-error`).first().waitFor();

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
