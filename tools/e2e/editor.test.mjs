// End-to-end tests of the editor page (editor.html) in the release build:
// a sheet built by keyboard only, a spreadsheet imported with an error and
// fixed from its problem, the JSON export checked by the CLI, a CSV round
// trip, a spreadsheet opened from a file (as Excel and LibreOffice save it),
// dropped on the page and read from an address, restore after a reload, undo
// and redo, every embed code loaded in a page, what publishing would change
// against a published version (and a published address that cannot be read),
// axe-core, the strict CSP, and the pause before the preview follows typing
// on a 100-card sheet (on the page's own clock, run by the test).
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { readFile, writeFile, mkdtemp } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { serve } from "./server.mjs";
import { BUNDLED, DIST, SHOTS, browser, origin, setUpSuite } from "./browser.mjs";
import { STRICT_CSP, assertEveryFrameRecords, recordViolations, violationsByFrame } from "./csp.mjs";

const TIMEOUT = 10000;
const CLI = process.env.FACTCARDS_BIN ?? ["target/debug/factcards", "target/release/factcards"].find(existsSync);
const AXE_SOURCE = await readFile(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** The published version of the bundled story: its first fact still unclear, and a fact since dropped. */
const PUBLISHED = structuredClone(BUNDLED);
PUBLISHED.cards[0].facts[0].status = "unclear";
PUBLISHED.cards[0].facts.push({ text: "An early report said the hall was empty.", status: "unclear", sources: ["article"] });

/** The template as a spreadsheet saves it, and as the editor's JSON tab shows it (`factcards template`). */
const TEMPLATE_CSV = await readFile("docs/template.csv", "utf8");
const TEMPLATE_JSON = CLI ? execFileSync(CLI, ["template"], { encoding: "utf8" }) : null;
/**
 * The template in the files spreadsheets write, as tests/spreadsheet.rs reads
 * them (the template has no comma, quote or tab inside a cell, so each
 * separator can simply replace another): Excel's "CSV UTF-8" where the
 * decimal separator is a comma (a byte order mark, CRLF, semicolons), and
 * its "Unicode text" (UTF-16 with a byte order mark, tab-separated).
 */
const SPREADSHEET_FILES = {
  "template.csv": Buffer.from(TEMPLATE_CSV),
  "excel-utf8.csv": Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEMPLATE_CSV.replaceAll(",", ";").replaceAll("\n", "\r\n"))]),
  "excel-unicode.txt": Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEMPLATE_CSV.replaceAll(",", "\t"), "utf16le")]),
};

setUpSuite(DIST, {
  routes: {
    "/published/story.json": (request, response) => {
      response.writeHead(200, { "content-type": "application/json", "cache-control": "no-cache" });
      response.end(JSON.stringify(PUBLISHED));
    },
    // A spreadsheet a newsroom keeps at an address.
    "/sheets/excel-utf8.csv": (request, response) => {
      response.writeHead(200, { "content-type": "text/csv" });
      response.end(SPREADSHEET_FILES["excel-utf8.csv"]);
    },
    // Excel's "Unicode text", UTF-16 with its byte order mark, as a server
    // that knows no better labels it.
    "/sheets/excel-unicode.txt": (request, response) => {
      response.writeHead(200, { "content-type": "text/plain" });
      response.end(SPREADSHEET_FILES["excel-unicode.txt"]);
    },
  },
});
before(() => assert.ok(existsSync(join(DIST, "editor.html")), "dist/editor.html is built (scripts/build)"));

/**
 * Opens the editor in a fresh context. With `clock`, the page's timers run
 * on Playwright's clock, which the test can pause and move on by hand.
 */
async function open({ width = 1280, colorScheme = "light", path = "/editor.html", context: given, clock = false } = {}) {
  const context = given ?? (await browser.newContext({ viewport: { width, height: 900 }, colorScheme, acceptDownloads: true }));
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (error) => errors.push(String(error)));
  if (clock) await page.clock.install();
  await page.goto(`${origin}${path}`);
  await page.locator("#tab-open").waitFor({ timeout: TIMEOUT });
  return { page, context, errors, close: () => context.close() };
}

/** Presses Tab until the element with `id` has the focus (keyboard only). */
async function tabTo(page, id, limit = 400) {
  for (let i = 0; i < limit; i++) {
    if ((await page.evaluate(() => document.activeElement?.id)) === id) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Tab never reached #${id}`);
}

/** The draft's counts of errors and warnings, as its state line holds them (none while a new sheet is not checked yet). */
async function problemCounts(page) {
  const state = page.locator("#draft-state[data-errors]");
  const [errors, warnings] = await Promise.all(["data-errors", "data-warnings"].map((name) => state.getAttribute(name)));
  return { errors: Number(errors), warnings: Number(warnings) };
}

async function waitForErrors(page, errors) {
  await page.waitForFunction(
    (want) => document.querySelector("#draft-state")?.dataset.errors === String(want),
    errors,
    { timeout: TIMEOUT },
  );
}

/** Asserts that the preview is in the window, beside the form (at 1280 px). */
async function previewInView(page, where) {
  const box = await page.locator("#preview").boundingBox();
  const height = page.viewportSize().height;
  assert.ok(box && box.y >= 0 && box.y < height / 2 && box.x > page.viewportSize().width / 3, `the preview is in view beside the form ${where}: ${JSON.stringify(box)}`);
}

/** Goes on to the next step with the step's "Next" button, by keyboard, and checks that the step changed. */
async function nextStep(page, step) {
  await tabTo(page, "next-step");
  await page.keyboard.press("Enter");
  await page.locator(`#tab-${step}[aria-current=step]`).waitFor({ timeout: TIMEOUT });
  // The focus is at the top of the new step, where the keyboard goes on.
  await page.waitForFunction(() => document.activeElement?.id === "work");
}

test("a three-card story is written from an empty sheet through the steps by keyboard alone, the preview in view, to ready to publish", async () => {
  const { page, errors, close } = await open();
  await tabTo(page, "open-blank");
  await page.keyboard.press("Enter");
  // A new sheet: nothing is marked until the editor writes or checks.
  await page.locator("#tab-story[aria-current=step]").waitFor({ timeout: TIMEOUT });
  assert.equal(await page.locator("#tab-story-state").textContent(), "not checked yet");
  assert.equal(await page.locator("[aria-invalid=true]").count(), 0);

  // 1. Story.
  await tabTo(page, "f-title");
  await page.keyboard.type("Harbour bridge closed");
  await tabTo(page, "f-summary");
  await page.keyboard.type("The harbour bridge is closed after an inspection.");
  // The language is a list of names.
  await tabTo(page, "f-lang");
  assert.equal(await page.locator("#f-lang option:checked").textContent(), "English");
  await waitForErrors(page, (await problemCounts(page)).errors);
  await page.locator("#tab-story[data-state=done]").waitFor({ timeout: TIMEOUT });
  assert.match(await page.locator("#tab-sources-state").textContent(), /^\d+ to fix$/);
  await previewInView(page, "in the Story step");

  // 2. Sources.
  await nextStep(page, "sources");
  await tabTo(page, "f-sources-add");
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.activeElement?.id === "f-sources-0-title");
  await page.keyboard.type("Council statement");
  await tabTo(page, "f-sources-0-url");
  await page.keyboard.type("https://example.org/council");
  // Nothing to fix; a source that no fact cites yet is worth a look.
  await page.locator("#tab-sources[data-state=review]").waitFor({ timeout: TIMEOUT });
  assert.equal(await page.locator("#tab-sources-state").textContent(), "1 to review");
  await previewInView(page, "in the Sources step");

  // 3. Cards and facts: three cards, each in its own category.
  await nextStep(page, "cards");
  const labels = ["The closure", "Reactions", "Traffic"];
  for (const [i, label] of labels.entries()) {
    await tabTo(page, "f-categories-add");
    await page.keyboard.press("Enter");
    await page.waitForFunction((id) => document.activeElement?.id === id, `f-categories-${i}-label`);
    await page.keyboard.type(label);
  }
  for (const [i, title] of ["Why it is closed", "What drivers say", "Where traffic goes"].entries()) {
    await tabTo(page, "f-cards-add");
    await page.keyboard.press("Enter");
    await page.waitForFunction((id) => document.activeElement?.id === id, `f-cards-${i}-title`);
    await page.keyboard.type(title);
    await tabTo(page, `f-cards-${i}-category`);
    for (let step = 0; step < i; step++) await page.keyboard.press("ArrowDown");
    await tabTo(page, `f-cards-${i}-facts-0-text`);
    await page.keyboard.type(`Fact ${i + 1} about the bridge.`);
    // A new fact cites nothing until its source is ticked, and says so.
    await tabTo(page, `f-cards-${i}-facts-0-sources-0`);
    assert.equal(await page.locator(`#f-cards-${i}-facts-0-sources-0`).isChecked(), false);
    await page.locator("#tab-cards[data-state=fix]").waitFor({ timeout: TIMEOUT });
    await page.keyboard.press("Space");
    await previewInView(page, `at card ${i + 1}`);
  }
  // Reorder by keyboard: the last category moves up.
  await tabTo(page, "f-categories-2-up");
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.activeElement?.id === "f-categories-1-up");
  await waitForErrors(page, 0);
  await page.locator("#tab-cards[data-state=done]").waitFor({ timeout: TIMEOUT });
  await previewInView(page, "at the end of the Cards step");
  const preview = await page.locator("#preview").textContent();
  for (const label of labels) assert.ok(preview.includes(label), `the preview shows ${label}`);
  assert.ok(preview.includes("Fact 3 about the bridge."));

  // 4. Check: nothing left, in words.
  await nextStep(page, "check");
  assert.equal(await page.locator("#draft-state").textContent(), "Ready to publish");
  assert.equal(await page.locator("#work .ed-hint").first().textContent(), "No problems found.");
  // 5. Publish: the story's address is all it still needs.
  await nextStep(page, "publish");
  assert.equal(await page.locator("#tab-publish-state").textContent(), "needs the story's address");
  await tabTo(page, "publish-url");
  await page.keyboard.type("https://news.example/stories/harbour-bridge/");
  await page.locator("#tab-publish[data-state=done]").waitFor({ timeout: TIMEOUT });
  for (const step of ["story", "sources", "cards", "check", "publish"]) {
    assert.equal(await page.locator(`#tab-${step}-state`).textContent(), "done", step);
  }
  assert.deepEqual(errors, []);
  await close();
});

test("a problem in another step opens that step at its field, and a new sheet is checked on request", async (t) => {
  const { page, errors, close } = await open();
  t.after(close);
  await page.locator("#open-blank").click();
  await page.locator("#check-now").click();
  await page.locator("#draft-state[data-errors]").waitFor({ timeout: TIMEOUT });
  await page.locator("#tab-check").click();
  const problem = page.locator("#work .ed-problems a", { hasText: "Source 1" }).first();
  const sourcesProblem = await problem.count() ? problem : page.locator("#work .ed-problems a", { hasText: /source/i }).first();
  await sourcesProblem.click();
  await page.locator("#tab-sources[aria-current=step]").waitFor({ timeout: TIMEOUT });
  // No JSON path in the problems the editor lists.
  const listed = await page.locator("#work .ed-problems li").allTextContents();
  assert.ok(listed.length > 0);
  for (const line of listed) assert.doesNotMatch(line, /\w\[\d+\]/, line);
  assert.deepEqual(errors, []);
});

test("dates are picked, typed, or set to now, with the editor's offset from UTC", async (t) => {
  // Moscow keeps UTC+3 all year: the offset written is known.
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: "Europe/Moscow" });
  const { page, errors, close } = await open({ context });
  t.after(close);
  await page.locator("#open-bundled").click();
  await page.locator("#f-updated-picker").fill("2026-03-05T14:30");
  assert.equal(await page.locator("#f-updated").inputValue(), "2026-03-05T14:30+03:00");
  // Typed ISO text still works, and the picker follows it.
  await page.locator("#f-updated").fill("2026-03-06");
  assert.equal(await page.locator("#f-updated-picker").inputValue(), "2026-03-06T00:00");
  // A source's date has a date picker.
  await page.locator("#tab-sources").click();
  await page.locator("#f-sources-0-published-picker").fill("2024-03-22");
  assert.equal(await page.locator("#f-sources-0-published").inputValue(), "2024-03-22");
  await page.locator("#tab-story").click();
  await page.locator("#f-updated-now").click();
  const now = await page.locator("#f-updated").inputValue();
  assert.match(now, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}\+03:00$/);
  assert.ok(Math.abs(Date.parse(now) - Date.now()) < 120000, `now is now: ${now}`);
  await waitForErrors(page, 0);
  assert.deepEqual(errors, []);
});

test("a CSV with an error is fixed from its problem, and the exported JSON passes factcards check", async () => {
  assert.ok(CLI, "the factcards CLI is built (cargo test builds target/debug/factcards)");
  const { page, errors, close } = await open();
  const template = await readFile("docs/template.csv", "utf8");
  const broken = template.replace(",confirmed,", ",confimed,");
  await page.locator("#open-paste").fill(broken);
  await page.locator("#open-paste-button").click();
  const problem = page.locator(".ed-problems a", { hasText: "confimed" });
  await problem.waitFor({ timeout: TIMEOUT });
  assert.match(await problem.textContent(), /row 17, column "status"/);
  await problem.click();
  // The click puts the cursor on the row: select it and type it right.
  const selected = await page.evaluate(() => {
    const area = document.activeElement;
    return area.id === "spreadsheet-text" ? area.value.slice(area.selectionStart, area.selectionEnd) : null;
  });
  assert.ok(selected?.includes("confimed"), `the problem's row is selected: ${selected}`);
  await page.keyboard.type(selected.replace("confimed", "confirmed"));
  await page.locator("#spreadsheet-import").click();
  await page.locator("#tab-publish").click();
  await waitForErrors(page, 0);
  assert.doesNotMatch(await page.locator("#publish-download").textContent(), /errors left/);
  const [download] = await Promise.all([page.waitForEvent("download"), page.locator("#publish-download").click()]);
  const dir = await mkdtemp(join(tmpdir(), "factcards-editor-"));
  const file = join(dir, download.suggestedFilename());
  await download.saveAs(file);
  // Exits with 0 (execFileSync throws otherwise).
  execFileSync(CLI, ["check", file], { encoding: "utf8", stdio: "pipe" });
  assert.deepEqual(errors, []);
  await close();
});

test("a CSV round-trips through the editor unchanged", async () => {
  const { page, close } = await open();
  const dir = await mkdtemp(join(tmpdir(), "factcards-editor-"));
  /** Opens `text` as pasted cells and returns the CSV the export downloads. */
  const roundTrip = async (text, name) => {
    await page.locator("#tab-open").click();
    await page.locator("#open-paste").fill(text);
    await page.locator("#open-paste-button").click();
    await page.locator("#tab-spreadsheet").click();
    const [download] = await Promise.all([page.waitForEvent("download"), page.locator("#spreadsheet-export").click()]);
    await download.saveAs(join(dir, name));
    return readFile(join(dir, name), "utf8");
  };
  // The template, byte for byte, and again from what the export gave.
  const exported = await roundTrip(TEMPLATE_CSV, "out.csv");
  assert.equal(exported, TEMPLATE_CSV);
  assert.equal(await roundTrip(exported, "again.csv"), TEMPLATE_CSV);
  await close();
});

/** Waits until the sheet opened (the form shows) and returns the JSON tab's text. */
async function openedJson(page) {
  await page.locator("#tab-story[aria-current=step]").waitFor({ timeout: TIMEOUT });
  await page.locator("#tab-json").click();
  return page.locator("#json-text").inputValue();
}

for (const [name, buffer] of Object.entries(SPREADSHEET_FILES)) {
  test(`a spreadsheet file opens through the file input: ${name}`, async (t) => {
    assert.ok(TEMPLATE_JSON, "the factcards CLI is built (cargo test builds target/debug/factcards)");
    const { page, errors, close } = await open();
    t.after(close);
    await page.locator("#open-file").setInputFiles({ name, mimeType: name.endsWith(".csv") ? "text/csv" : "text/plain", buffer });
    assert.equal(await openedJson(page), TEMPLATE_JSON);
    assert.deepEqual(await problemCounts(page), { errors: 0, warnings: 0 });
    assert.deepEqual(errors, []);
  });
}

// Excel's plain "CSV" on Windows is Windows-1252, not UTF-8: the editor
// refuses it with the advice `factcards import` gives, from the same code,
// and changes nothing (no "ferm\uFFFD" in the sheet).
test("a spreadsheet file that is not UTF-8 is refused with advice, as factcards import refuses it, and nothing changes", async (t) => {
  const { page, errors, close } = await open();
  t.after(close);
  await page.locator("#open-bundled").click();
  await page.locator("#tab-story[aria-current=step]").waitFor({ timeout: TIMEOUT });
  await page.locator("#tab-open").click();
  const latin1 = Buffer.from(TEMPLATE_CSV.replace("The council closed", "Le conseil a ferm\u00e9"), "latin1");
  await page.locator("#open-file").setInputFiles({ name: "excel.csv", mimeType: "text/csv", buffer: latin1 });
  await page.locator("#tab-spreadsheet[aria-current=page]").waitFor({ timeout: TIMEOUT });
  const problems = await page.locator("#work .ed-problems li").allTextContents();
  assert.equal(problems.length, 1, `the import's problems: ${JSON.stringify(problems)}`);
  assert.ok(
    problems[0].endsWith('line 17: the file is not UTF-8 text: save it as "CSV UTF-8" (Excel) or "Text CSV" with the UTF-8 character set (LibreOffice)'),
    problems[0],
  );
  assert.equal(await page.locator("#import-outcome").textContent(), "Nothing was imported; the sheet is as it was. Errors to fix in the spreadsheet: 1.");
  // The bundled story is still the sheet.
  await page.locator("#tab-json").click();
  assert.equal(JSON.parse(await page.locator("#json-text").inputValue()).id, BUNDLED.id);
  assert.deepEqual(errors, []);
});

test("the spreadsheet tab opens a file itself, and says what the import brought in", async (t) => {
  const { page, errors, close } = await open();
  t.after(close);
  await page.locator("#tab-spreadsheet").click();
  await page.locator("#spreadsheet-file").setInputFiles({ name: "template.csv", mimeType: "text/csv", buffer: Buffer.from(TEMPLATE_CSV) });
  // The sheet opens in the forms; the spreadsheet tab says what came in.
  await page.locator("#tab-story[aria-current=step]").waitFor({ timeout: TIMEOUT });
  await page.locator("#tab-spreadsheet").click();
  await page.locator("#import-outcome", { hasText: "Imported" }).waitFor({ timeout: TIMEOUT });
  assert.match(await page.locator("#import-outcome").textContent(), /^Imported \d+ sources?, \d+ cards?, \d+ facts?\.$/);
  assert.deepEqual(errors, []);
});

test("editing a fact of a valid sheet previews it with no stray 'Updated' line", async (t) => {
  const { page, errors, close } = await open();
  t.after(close);
  await page.locator("#open-bundled").click();
  await page.locator("#preview .fc-card").first().waitFor({ timeout: TIMEOUT });
  await page.locator("#tab-cards").click();
  await page.locator("#f-cards-0-facts-0-text").fill("An edited first fact.");
  await page.locator("#preview", { hasText: "An edited first fact." }).waitFor({ timeout: TIMEOUT });
  assert.equal(await page.locator("#preview .fc-header__live").count(), 0);
  assert.deepEqual(errors, []);
});

test("a spreadsheet file dropped on the page opens", async (t) => {
  assert.ok(TEMPLATE_JSON, "the factcards CLI is built (cargo test builds target/debug/factcards)");
  const { page, errors, close } = await open();
  t.after(close);
  // The page takes the drag: without that, the browser would open the file
  // in place of the editor.
  const over = await page.evaluate(() => document.body.dispatchEvent(new DragEvent("dragover", { bubbles: true, cancelable: true })));
  assert.equal(over, false, "dragover is cancelled");
  const dataTransfer = await page.evaluateHandle((bytes) => {
    const data = new DataTransfer();
    data.items.add(new File([new Uint8Array(bytes)], "excel-utf8.csv", { type: "text/csv" }));
    return data;
  }, [...SPREADSHEET_FILES["excel-utf8.csv"]]);
  await page.dispatchEvent("#work", "drop", { dataTransfer });
  assert.equal(await openedJson(page), TEMPLATE_JSON);
  assert.deepEqual(errors, []);
});

test("a spreadsheet opens from an address, and an address that fails says why", async (t) => {
  assert.ok(TEMPLATE_JSON, "the factcards CLI is built (cargo test builds target/debug/factcards)");
  const { page, errors, close } = await open();
  t.after(close);
  await page.locator("#open-url").fill(`${origin}/sheets/excel-utf8.csv`);
  await page.locator("#open-url").press("Enter");
  assert.equal(await openedJson(page), TEMPLATE_JSON);
  // The bytes at an address are decoded as a file's are: UTF-16 too.
  await page.locator("#tab-open").click();
  await page.locator("#open-url").fill(`${origin}/sheets/excel-unicode.txt`);
  await page.locator("#open-url").press("Enter");
  assert.equal(await openedJson(page), TEMPLATE_JSON);
  const missing = `${origin}/sheets/missing.csv`;
  await page.locator("#tab-open").click();
  await page.locator("#open-url").fill(missing);
  await page.locator("#open-url").press("Enter");
  await page.locator("#notice").waitFor({ timeout: TIMEOUT });
  assert.equal(await page.locator("#notice").textContent(), `${missing}: HTTP 404`);
  // The sheet stays as it was.
  assert.equal(await page.locator("#tab-open[aria-current=page]").count(), 1);
  await page.locator("#tab-json").click();
  assert.equal(await page.locator("#json-text").inputValue(), TEMPLATE_JSON);
  assert.deepEqual(errors, []);
});

test("work is restored after a reload, and undo and redo work by keyboard", async () => {
  const { page, context, close } = await open();
  await page.locator("#open-bundled").click();
  const title = page.locator("#f-title");
  await title.fill("A changed title");
  await waitForErrors(page, 0);
  // Undo and redo with the shortcuts.
  await page.keyboard.press("Control+z");
  assert.notEqual(await title.inputValue(), "A changed title");
  assert.equal(await page.locator("#redo").isEnabled(), true, "there is something to redo");
  await page.keyboard.press("Control+Shift+z");
  assert.equal(await title.inputValue(), "A changed title");
  assert.equal(await page.locator("#redo").isDisabled(), true, "nothing is left to redo");
  await page.reload();
  await page.locator("#draft-restore").click({ timeout: TIMEOUT });
  await page.locator("#f-title").waitFor({ timeout: TIMEOUT });
  assert.equal(await page.locator("#f-title").inputValue(), "A changed title");
  // A second tab's save is noticed, not silently overwritten.
  const second = await context.newPage();
  await second.goto(`${origin}/editor.html`);
  await second.locator("#draft-restore").click({ timeout: TIMEOUT });
  await second.locator("#f-summary").fill("Saved from the second tab");
  await page.locator("#conflict-banner").waitFor({ timeout: TIMEOUT });
  await close();
});

test("the preview shows the compact layout on request", async () => {
  const { page, close } = await open();
  await page.locator("#open-bundled").click();
  await page.locator("#preview .fc-card").first().waitFor({ timeout: TIMEOUT });
  assert.equal(await page.locator("#preview .fc-deck--compact").count(), 0);
  await page.locator("#preview-compact").check();
  await page.locator("#preview .fc-deck--compact").waitFor({ timeout: TIMEOUT });
  await close();
});

test("every embed code, copied, shows the sheet in a page", async () => {
  const { page, close } = await open();
  await page.locator("#open-bundled").click();
  await page.locator("#tab-publish").click();
  await page.locator("#publish-url").fill(`${origin}/moscow-isis-k.json`);
  for (const kind of ["drop-in", "inline", "iframe", "js-api"]) {
    await page.locator(`#embed-${kind}-copy`).click();
    await page.locator(`#embed-${kind}-copy`, { hasText: "Copied" }).waitFor({ timeout: TIMEOUT });
    const code = await page.evaluate(() => navigator.clipboard.readText());
    const viewer = await page.context().newPage();
    await viewer.route(`${origin}/embed-test-${kind}.html`, (route) =>
      route.fulfill({ contentType: "text/html", body: `<!doctype html><html lang="en"><body>${code}</body></html>` }),
    );
    await viewer.goto(`${origin}/embed-test-${kind}.html`);
    const cards =
      kind === "iframe"
        ? viewer.frameLocator("iframe").locator(".fc-card")
        : viewer.locator("[data-factcards] .fc-card, #factcards-moscow-isis-k .fc-card, .fc-card");
    await cards.first().waitFor({ timeout: 20000 });
    await viewer.close();
  }
  await page.locator("#embed-fallback-copy").click();
  await page.locator("#embed-fallback-copy", { hasText: "Copied" }).waitFor({ timeout: TIMEOUT });
  const fallback = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(fallback, /^<template shadowrootmode="open"><link rel="stylesheet" href="[^"]*factcards.css">/);
  assert.ok(fallback.includes("fc-card"));
  await close();
});

test("the Publish tab shows what publishing the draft would change, as factcards diff says it, in the forms' words", async (t) => {
  assert.ok(CLI, "the factcards CLI is built (cargo test builds target/debug/factcards)");
  const { page, errors, close } = await open();
  t.after(close);
  await page.locator("#open-bundled").click();
  await page.locator("#f-title").fill("A changed title");
  await waitForErrors(page, 0);
  // The draft as the editor holds it, for the CLI.
  await page.locator("#tab-json").click();
  const draft = await page.locator("#json-text").inputValue();
  await page.locator("#tab-publish").click();
  assert.match(await page.locator(".ed-published").textContent(), /Enter the published address/);
  const url = `${origin}/published/story.json`;
  await page.locator("#publish-url").fill(url);
  await page.locator("#publish-url").press("Enter");
  await page.locator("#published-diff").waitFor({ timeout: TIMEOUT });
  const dir = await mkdtemp(join(tmpdir(), "factcards-editor-"));
  await writeFile(join(dir, "published.json"), JSON.stringify(PUBLISHED));
  await writeFile(join(dir, "draft.json"), draft);
  const printed = execFileSync(resolve(CLI), ["diff", "published.json", "draft.json"], { cwd: dir, encoding: "utf8" }).trimEnd().split("\n");
  const summary = printed.pop().replace("published.json -> draft.json: ", "");
  assert.equal(summary, "0 new, 2 changed, 1 removed, 0 moved");
  assert.ok(printed.includes("  changed cards[0].facts[0] status: unclear -> confirmed"), printed.join("\n"));
  // The editor says the same, each place named as the forms name it (counted
  // from 1, a card by its title, a field by its label), not by its JSON path.
  const shownText = await page.locator("#published-diff").textContent();
  const shown = shownText.split("\n");
  const card = `Card 1 “${BUNDLED.cards[0].title}”`;
  assert.deepEqual(shown, [
    "Changed:",
    `  changed Title: ${JSON.stringify(BUNDLED.title)} -> "A changed title"`,
    `  changed ${card}, fact 1: Status: Unclear -> Confirmed`,
    "Removed:",
    `  removed ${card}, fact 3: "An early report said the hall was empty."`,
  ]);
  assert.doesNotMatch(shownText, /\[\d|cards|facts|status:|title:/);
  // Line for line what the CLI prints: the same groups, each line the same
  // change (its first word).
  assert.deepEqual(
    shown.map((line) => line.trim().split(" ")[0]),
    printed.map((line) => line.trim().split(" ")[0]),
  );
  assert.equal(await page.locator("#published-summary").textContent(), `Compared with the published version at ${url}: ${summary}`);
  // The published version changed meanwhile: "Check again" reads it anew.
  PUBLISHED.title = "A title changed on the server";
  t.after(() => (PUBLISHED.title = BUNDLED.title));
  await page.locator("#published-check").click();
  await page.locator("#published-diff", { hasText: 'changed Title: "A title changed on the server" -> "A changed title"' }).waitFor({ timeout: TIMEOUT });
  // The draft as published (the bundled story, as dist/ has it): no changes.
  await page.locator("#undo").click();
  await page.locator("#publish-url").fill(`${origin}/moscow-isis-k.json`);
  await page.locator("#publish-url").press("Enter");
  await page.locator("#published-same").waitFor({ timeout: TIMEOUT });
  assert.equal(await page.locator("#published-same").textContent(), "No changes since the published version");
  assert.deepEqual(errors, []);
});

test("a published address that cannot be read says which and why", async (t) => {
  const { page, close } = await open();
  t.after(close);
  await page.locator("#open-bundled").click();
  await page.locator("#tab-publish").click();
  // Nothing listens on port 9: the request fails before any answer.
  const url = "http://127.0.0.1:9/story.json";
  await page.locator("#publish-url").fill(url);
  await page.locator("#published-check").click();
  const line = page.locator("#published-error");
  await line.waitFor({ timeout: TIMEOUT });
  assert.equal(
    await line.textContent(),
    `Could not compare with the published version at ${url}: the server could not be reached, or does not let this page read it (CORS)`,
  );
  await page.locator("#publish-url").fill(`${origin}/published/missing.json`);
  await page.locator("#published-check").click();
  await page.locator("#published-error", { hasText: "HTTP 404" }).waitFor({ timeout: TIMEOUT });
});

/** How long typing must pause before the editor checks and previews (`SETTLE_MS` in src/editor/app.rs). */
const SETTLE_MS = 250;

test("typing in a fact on a 100-card sheet previews once, when typing pauses, and re-renders only that card", async () => {
  const { page, errors, close } = await open({ clock: true });
  const big = JSON.parse(await readFile("data/moscow-isis-k.json", "utf8"));
  const base = big.cards[0];
  big.cards = Array.from({ length: 100 }, (_, i) => ({
    ...structuredClone(base),
    id: `card-${i}`,
    title: `Card ${i}`,
    category: big.categories[i % big.categories.length].id,
  }));
  big.corrections = [];
  await page.locator("#open-paste").fill(JSON.stringify(big));
  await page.locator("#open-paste-button").click();
  await page.locator("#tab-cards").click();
  await page.locator("#f-cards-0-facts-0-text").waitFor({ timeout: TIMEOUT });
  await page.locator("#preview .fc-card").first().waitFor({ timeout: TIMEOUT });
  // From here the page's clock moves only when the test moves it, so what
  // is asserted does not depend on how fast the machine types or renders:
  // keystrokes less than the pause apart never reach the preview; after the
  // pause it changes once, in the edited card only. Each batch of mutations
  // the MutationObserver hears is one render of the preview.
  await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1000);
  await page.evaluate(() => {
    window.__renders = 0;
    window.__touched = new Set();
    const preview = document.querySelector("#preview [data-factcards], #preview");
    new MutationObserver((records) => {
      window.__renders += 1;
      for (const record of records) {
        const node = record.target.nodeType === Node.ELEMENT_NODE ? record.target : record.target.parentElement;
        window.__touched.add(node?.closest("[data-card]")?.getAttribute("data-card") ?? "-");
      }
    }).observe(preview.shadowRoot ?? preview, { subtree: true, childList: true, attributes: true, characterData: true });
  });
  const renders = () => page.evaluate(() => window.__renders);
  const field = page.locator("#f-cards-0-facts-0-text");
  await field.focus();
  await page.keyboard.press("End");
  for (const key of " Typed.") {
    await page.keyboard.type(key);
    await page.clock.runFor(SETTLE_MS - 1);
    assert.equal(await renders(), 0, `the preview waits while keys come ${SETTLE_MS - 1} ms apart (after "${key}")`);
  }
  assert.match(await field.inputValue(), / Typed\.$/);
  // The pause, then the task in which the deck takes the new sheet.
  await page.clock.runFor(SETTLE_MS);
  assert.equal(await renders(), 1, "one render once the typing paused");
  const shown = await page.evaluate(() => (document.querySelector("#preview [data-factcards]")?.shadowRoot ?? document.querySelector("#preview")).textContent);
  assert.ok(shown.includes("Typed."), "the preview shows what was typed");
  // Ten quiet seconds of the page's time: no second render.
  await page.clock.runFor(10000);
  assert.equal(await renders(), 1, "no render after it");
  const cards = await page.evaluate(() => [...window.__touched].filter((id) => id !== "-"));
  assert.deepEqual(cards, ["card-0"], "only the edited card re-renders");
  assert.deepEqual(errors, []);
  await close();
});

for (const colorScheme of ["light", "dark"]) {
  test(`axe-core finds no violations in the editor (${colorScheme})`, async () => {
    const { page, close } = await open({ colorScheme });
    await page.locator("#open-bundled").click();
    await page.locator("#preview .fc-card").first().waitFor({ timeout: TIMEOUT });
    for (const tab of ["story", "sources", "cards", "check", "publish", "json", "spreadsheet", "open"]) {
      await page.locator(`#tab-${tab}`).click();
      // Contrast is judged on the colours shown, not halfway through the
      // deck's colour fade (animations in shadow trees included).
      await page.evaluate(() => Promise.all(document.getAnimations().map((animation) => animation.finished)));
      await page.addScriptTag({ content: AXE_SOURCE });
      const violations = await page.evaluate(async () => {
        // The preview is the reader's deck, audited on its own in
        // reader.test.mjs (light and dark); inside the preview's scroll box,
        // axe takes the editor's background for cards scrolled out of it.
        const context = { exclude: [["#preview .fc-root"]] };
        const result = await window.axe.run(context, { resultTypes: ["violations"], rules: { "target-size": { enabled: true } } });
        return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
      });
      assert.deepEqual(violations, [], `tab ${tab}`);
    }
    await close();
  });
}

test("the editor works under the strict CSP with no violation, and speaks Russian", async () => {
  const server = await serve(DIST, 0, { headers: { "content-security-policy": STRICT_CSP } });
  const cspOrigin = `http://127.0.0.1:${server.address().port}`;
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (error) => errors.push(String(error)));
  await page.addInitScript(recordViolations);
  await page.goto(`${cspOrigin}/editor.html`);
  await page.locator("#open-bundled").click({ timeout: TIMEOUT });
  await page.locator("#preview .fc-card").first().waitFor({ timeout: TIMEOUT });
  await page.locator("#ui-lang").selectOption("ru");
  await page.locator("#tab-open", { hasText: "Открыть" }).waitFor({ timeout: TIMEOUT });
  const found = await violationsByFrame(page);
  assert.deepEqual(found, [{ url: `${cspOrigin}/editor.html`, violations: [] }]);
  await assertEveryFrameRecords(page);
  assert.deepEqual(errors, []);
  await context.close();
  server.closeAllConnections();
  server.close();
});

test("screenshots of the editor's steps at 375, 768, 1280 and 1920 px, light and dark", async () => {
  for (const width of [375, 768, 1280, 1920]) {
    for (const colorScheme of ["light", "dark"]) {
      const { page, close } = await open({ width, colorScheme });
      await page.locator("#open-bundled").click();
      // Below 900 px the preview is a step of its own, and hidden beside the form.
      const narrow = width <= 900;
      assert.equal(await page.locator("#preview").isVisible(), !narrow, `the preview beside the form at ${width} px`);
      for (const step of ["story", "cards", "check", "publish", ...(narrow ? ["preview"] : [])]) {
        await page.locator(`#tab-${step}`).click();
        if (!narrow || step === "preview") {
          await page.locator("#preview .fc-card").first().waitFor({ timeout: TIMEOUT });
          if (colorScheme === "dark") await page.locator("#preview-dark").setChecked(true);
        }
        // The deck's colours fade over 120 ms: shoot when they have.
        await page.evaluate(() => Promise.all(document.getAnimations().map((animation) => animation.finished)));
        await page.evaluate(() => window.scrollTo(0, 0));
        await page.screenshot({ path: join(SHOTS, `editor-${step}-${width}-${colorScheme}.png`) });
      }
      await close();
    }
  }
});
