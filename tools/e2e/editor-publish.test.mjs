// The editor's Publish step, as an editor uses it: the story's address
// entered, the story folder downloaded as a .zip (the very files
// `factcards publish` writes for the same sheet and addresses, share image
// included), each code copied and pasted into a page as it is, and all of
// it with dist/ served from a sub-folder of a site (/factcards/), as a
// newsroom hosts it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BUNDLED, DIST, FIXTURES, browser, origin, setUpSuite } from "./browser.mjs";
import { publish, temporaryFolder } from "./publish.mjs";

const TIMEOUT = 15000;
const FIRST_FACT = BUNDLED.cards[0].facts[0].text;
/** Where the story folder is to be served: the address the editor is given. */
const STORY = "https://news.example/stories/moscow/";

// dist/ under /factcards/, nothing at the root.
setUpSuite(FIXTURES, { mounts: { "/factcards/": DIST } });

async function openEditor(t, width = 1280) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, acceptDownloads: true });
  t.after(() => context.close());
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin });
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  const errors = [];
  page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
  page.on("console", (message) => message.type() === "error" && errors.push(`console.error: ${message.text()}`));
  const failed = [];
  page.on("response", (response) => response.status() >= 400 && failed.push(`${response.status()} ${response.url()}`));
  // The story as already published: the editor compares the draft with it
  // once the address is entered.
  await page.route(`${STORY}sheet.json`, (route) => route.fulfill({ contentType: "application/json", headers: { "access-control-allow-origin": "*" }, body: JSON.stringify(BUNDLED) }));
  await page.goto(`${origin}/factcards/editor.html`);
  await page.locator("#tab-open").waitFor();
  return { page, errors, failed };
}

/** The names and bytes of a stored .zip's entries (Python's zipfile, an independent reader). */
function unzip(file) {
  const script = "import sys, zipfile, json, base64\nz = zipfile.ZipFile(sys.argv[1])\nassert z.testzip() is None\nprint(json.dumps({i.filename: base64.b64encode(z.read(i)).decode() for i in z.infolist()}))";
  const entries = JSON.parse(execFileSync("python3", ["-c", script, file], { encoding: "utf8", maxBuffer: 64 << 20 }));
  return Object.fromEntries(Object.entries(entries).map(([name, data]) => [name, Buffer.from(data, "base64")]));
}

test("from a sub-folder, the editor is styled and downloads the story folder that factcards publish writes, byte for byte", async (t) => {
  const { page, errors, failed } = await openEditor(t);
  // Styled: its stylesheet (relative to the page) loaded.
  assert.notEqual(await page.locator("body").evaluate((body) => getComputedStyle(body).fontFamily), "");
  await page.locator("#open-bundled").click();
  await page.locator("#tab-publish").click();
  assert.equal(await page.locator("#publish-folder").isDisabled(), true, "no folder without an address");
  await page.locator("#publish-url").fill(STORY);
  await page.locator("#publish-folder:not([disabled])").waitFor();
  const [download] = await Promise.all([page.waitForEvent("download"), page.locator("#publish-folder").click()]);
  assert.equal(download.suggestedFilename(), `${BUNDLED.id}.zip`);
  const dir = await mkdtemp(join(tmpdir(), "factcards-editor-publish-"));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const zip = join(dir, "story.zip");
  await download.saveAs(zip);
  const fromEditor = unzip(zip);

  // The CLI, with the editor's own addresses: the editor's widget is the
  // dist/ it is served from.
  const out = await temporaryFolder("cli-publish");
  t.after(() => rm(out, { recursive: true, force: true }));
  const sheet = join(dir, "sheet.json");
  await writeFile(sheet, JSON.stringify(BUNDLED));
  publish({ sheet, out, baseUrl: STORY, widgetUrl: `${origin}/factcards/` });
  const names = (await readdir(out)).sort();
  assert.deepEqual(Object.keys(fromEditor).sort(), names.map((name) => `${BUNDLED.id}/${name}`));
  for (const name of names) {
    const ours = fromEditor[`${BUNDLED.id}/${name}`];
    if (!ours.equals(await readFile(join(out, name)))) await writeFile(join(tmpdir(), `editor-${name}`), ours);
    assert.ok(ours.equals(await readFile(join(out, name))), `${name} differs from the CLI's (the editor's is in ${join(tmpdir(), `editor-${name}`)})`);
  }
  assert.deepEqual(errors, []);
  assert.deepEqual(failed, []);
});

test("with a story's address, the Publish step leads with the address to paste, and every code, pasted as it is, shows the first fact before any script", async (t) => {
  const { page, errors } = await openEditor(t);
  await page.locator("#open-bundled").click();
  await page.locator("#tab-publish").click();
  // Before an address: only the code that needs none.
  await page.locator("#embed-inline").waitFor();
  assert.deepEqual(await page.locator(".ed-embed textarea").evaluateAll((areas) => areas.map((area) => area.id)), ["embed-inline"]);
  await page.locator("#publish-url").fill(STORY);
  await page.locator("#publish-url").press("Enter");
  // The comparison with the published version (the same story) settles.
  await page.locator("#published-same").waitFor();
  await page.locator("#embed-story-page").waitFor();
  assert.deepEqual(
    await page.locator(".ed-embed textarea").evaluateAll((areas) => areas.map((area) => area.id)),
    ["embed-story-page", "embed-drop-in", "embed-iframe", "embed-inline", "embed-js-api"],
  );
  assert.equal(await page.locator("#embed-story-page").inputValue(), `${STORY}\n`);
  assert.equal(await page.locator("#embed-drop-in-copy").textContent(), "Copy the drop-in code");
  for (const kind of ["drop-in", "inline", "js-api"]) {
    await page.locator(`#embed-${kind}-copy`).click();
    await page.locator(`#embed-${kind}-copy`, { hasText: "Copied" }).waitFor();
    const code = await page.evaluate(() => navigator.clipboard.readText());
    // The page holds the code as pasted; no script may run, and the first
    // fact must already be there.
    const viewer = await browser.newContext({ javaScriptEnabled: false });
    t.after(() => viewer.close());
    const view = await viewer.newPage();
    await view.route("https://news.example/**", (route) => route.fulfill({ contentType: "text/html", body: `<!doctype html><html lang="en"><title>Code</title><body>${code}</body></html>` }));
    await view.goto("https://news.example/article.html");
    await view.getByText(FIRST_FACT).first().waitFor();
  }
  assert.deepEqual(errors, []);
});
