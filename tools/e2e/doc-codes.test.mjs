// Every embed code in README.md, docs/embedding.md and docs/publishing.md
// works exactly as a reader pastes it: each one is put, as it is, into the
// body of an article page served at https://news.example/, and each deck it
// makes (on the page, or in a frame it puts there) must go live and show a
// fact of the bundled story, with no page error, no console error and no
// request that goes anywhere but the documented addresses.
//
// The codes' placeholder hosts are answered by `page.route`, so that the
// origins are the docs' own (the page on news.example, a CDN on
// example.org):
// - https://example.org/factcards/ and https://news.example/factcards/: the
//   widget's dist/, with `access-control-allow-origin: *`, as
//   docs/publishing.md says the widget's files need;
// - https://example.org/sheets/story.json: the bundled story's sheet, with
//   the same header (it is read from another origin than the page's);
// - https://news.example/stories/moscow/: a story folder that this file
//   publishes, with the addresses of docs/publishing.md.
// (Playwright adds an access-control-allow-origin header of its own to a
// cross-origin answer of `route.fulfill` that has none, so the headers the
// widget's files need are tested with real servers, in publish.test.mjs.)
//
// An embed code is a ```html block with a `data-factcards` mount, an
// `<iframe data-factcards-frame`, or a `<script` that loads factcards.js or
// embed-loader.js (by its src or an import). Two kinds are completed, never
// edited, because the doc shows only its own part of a page:
// - a block with a mount but no script that loads factcards.js (one mount's
//   attributes: a theme, a live sheet) gets the README's loader line
//   appended, since a page has that line once for any number of mounts;
// - a block whose script mounts into `#id` (getElementById, querySelector)
//   with no element of that id gets `<div id="id"></div>` first: the element
//   is the page's own.
// Left out, each reported as a skipped test saying why:
// - a block with an ellipsis (…) outside its HTML comments is a template
//   to fill in, not a code to paste (README's inline data,
//   `{"factcards": 1, "id": "…", …}`);
// - a ```html block that is not an embed code by the rule above (the
//   `<amp-iframe>` of docs/publishing.md, markup for an AMP page, whose
//   runtime comes from AMP's CDN).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { rm, stat } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { BUNDLED, DIST, launch, pollUntil, wasmStarted } from "./browser.mjs";
import { TYPES } from "./server.mjs";
import { BUNDLED_SHEET_FILE, CORS, publish, temporaryFolder } from "./publish.mjs";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const DOCS = ["README.md", "docs/embedding.md", "docs/publishing.md"];
const TIMEOUT = 15000;
/** Where the page that holds a code is served, on the docs' story host. */
const PAGE = "https://news.example/2024/03/moscow-attack.html";
/** The story folder's addresses, as docs/publishing.md publishes it. */
const STORY_URL = "https://news.example/stories/moscow/";
const STORY_WIDGET_URL = "https://news.example/factcards/";
/** Every fact of the bundled story: a deck shows one of them. */
const FACTS = BUNDLED.cards.flatMap((card) => card.facts.map((fact) => fact.text));

// ---------------------------------------------------------------------------
// The blocks, and which of them are codes.
// ---------------------------------------------------------------------------

/** The ```html blocks of `file`, each with its line and its text (a list item's indentation taken off). */
function htmlBlocks(file) {
  const lines = readFileSync(join(ROOT, file), "utf8").split("\n");
  const blocks = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)```html\s*$/.exec(lines[i]);
    if (!open) continue;
    const indent = open[1];
    const body = [];
    let j = i + 1;
    for (; j < lines.length && lines[j].trim() !== "```"; j++) body.push(lines[j].startsWith(indent) ? lines[j].slice(indent.length) : lines[j]);
    blocks.push({ file, line: i + 1, html: body.join("\n") });
    i = j;
  }
  return blocks;
}

const MOUNT = /<[a-z][\w-]*\s[^>]*\bdata-factcards(?=[\s>=/])/i;
const FRAME = /<iframe\s[^>]*\bdata-factcards-frame\b/i;
const scripts = (html) => html.match(/<script\b[^>]*>[^]*?<\/script>/gi) ?? [];
const loadsScript = (html, name) => scripts(html).some((script) => new RegExp(`/${name}\\.js\\b`).test(script));
const withoutComments = (html) => html.replace(/<!--[^]*?-->/g, "");

/** What to do with a block: { code } to paste, or { skip } with the reason. */
function classify(block) {
  const { html } = block;
  if (!MOUNT.test(html) && !FRAME.test(html) && !loadsScript(html, "factcards") && !loadsScript(html, "embed-loader")) {
    return { skip: "not an embed code: no data-factcards mount, no <iframe data-factcards-frame>, no script that loads factcards.js or embed-loader.js" };
  }
  if (withoutComments(html).includes("…")) return { skip: "a template: an ellipsis (…) stands for what the reader fills in" };
  let code = html;
  const completed = [];
  // The elements its scripts mount into (through the JS API).
  const targets = [...new Set([...withoutComments(html).matchAll(/getElementById\("([\w-]+)"\)|querySelector\("#([\w-]+)"\)/g)].map((match) => match[1] ?? match[2]))];
  const missing = targets.filter((id) => !new RegExp(`\\bid="${id}"`).test(html));
  if (missing.length) {
    code = `${missing.map((id) => `<div id="${id}"></div>`).join("\n")}\n${code}`;
    completed.push(`the page's ${missing.map((id) => `#${id}`).join(", ")} before it`);
  }
  if (MOUNT.test(html) && !loadsScript(html, "factcards")) {
    code = `${code}\n${LOADER}`;
    completed.push("the README's loader line after it");
  }
  return { code, completed, targets };
}

const BLOCKS = DOCS.flatMap(htmlBlocks);

/**
 * The README's loader line on the docs' CDN (example.org), which its
 * "Drop-in HTML" block ends with: what a block of one mount's attributes
 * is completed with.
 */
const LOADER = (() => {
  const lines = new Set(BLOCKS.filter((block) => block.file === "README.md")
    .flatMap((block) => block.html.split("\n"))
    .filter((line) => /^<script type="module" src="https:\/\/example\.org\/[^"]*factcards\.js"><\/script>$/.test(line)));
  assert.equal(lines.size, 1, `the README's loader lines on example.org: ${[...lines].join(" | ")}`);
  return [...lines][0];
})();

// ---------------------------------------------------------------------------
// The addresses the codes name, answered from this machine's files.
// ---------------------------------------------------------------------------

let browser, storyFolder;

before(async () => {
  browser = await launch();
  storyFolder = await temporaryFolder("doc-codes-story");
  publish({ out: storyFolder, baseUrl: STORY_URL, widgetUrl: STORY_WIDGET_URL });
});

after(async () => {
  await browser?.close();
  if (storyFolder) await rm(storyFolder, { recursive: true, force: true });
});

/** Each address prefix the docs name, the folder that answers it, and its headers. */
function mapped() {
  return [
    ["https://example.org/factcards/", DIST, CORS],
    ["https://news.example/factcards/", DIST, CORS],
    ["https://news.example/stories/moscow/", storyFolder, {}],
  ];
}

/** Answers `route` from the files the docs' addresses stand for, recording in `problems` any other request or a missing file. */
async function answer(route, code, problems) {
  const url = new URL(route.request().url());
  const address = `${url.origin}${url.pathname}`;
  if (address === PAGE) {
    return route.fulfill({ contentType: "text/html; charset=utf-8", body: `<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>An article</title>\n<link rel="icon" href="data:,">\n</head>\n<body>\n${code}\n</body>\n</html>\n` });
  }
  if (address === "https://example.org/sheets/story.json") {
    return route.fulfill({ contentType: TYPES[".json"], headers: CORS, body: readFileSync(BUNDLED_SHEET_FILE) });
  }
  for (const [prefix, folder, headers] of mapped()) {
    if (!address.startsWith(prefix)) continue;
    let path = normalize(join(folder, decodeURIComponent(address.slice(prefix.length))));
    try {
      if (!path.startsWith(folder)) throw new Error("outside the folder");
      if (!(await stat(path)).isFile()) path = join(path, "index.html");
      await stat(path);
    } catch {
      problems.push(`404: ${route.request().url()}`);
      return route.fulfill({ status: 404, headers, body: "not found" });
    }
    return route.fulfill({ path, contentType: TYPES[extname(path)] ?? "application/octet-stream", headers });
  }
  problems.push(`a request to an address the docs do not name: ${route.request().url()}`);
  return route.abort();
}

/**
 * Waits until the widget has started in `frame` and every deck there, on
 * the elements `selector` matches, is live (not a server-rendered fallback
 * still) and shows a fact of the bundled story.
 */
async function decksShowFacts(frame, selector) {
  await wasmStarted(frame, TIMEOUT);
  const decks = ({ selector, facts }) => [...document.querySelectorAll(selector)].map((host) => {
    const root = host.shadowRoot;
    const live = !!root && root.querySelectorAll(".fc-root").length === 1 && !root.querySelector(".fc-root[data-pending]");
    const fact = [...(root?.querySelectorAll(".fc-fact__text") ?? [])].some((text) => text.getClientRects().length > 0 && facts.some((fact) => text.textContent.startsWith(fact)));
    return { host: host.outerHTML.slice(0, host.outerHTML.indexOf(">") + 1), live, fact, shows: root?.textContent.trim().slice(0, 120) ?? null };
  });
  // pollUntil's time-out says what each deck showed last.
  await pollUntil(() => frame.evaluate(decks, { selector, facts: FACTS }), (list) => list.every(({ live, fact }) => live && fact), { timeout: TIMEOUT });
}

// ---------------------------------------------------------------------------
// The tests: one per block.
// ---------------------------------------------------------------------------

test("each of the three docs has embed codes to test", () => {
  for (const file of DOCS) {
    assert.ok(BLOCKS.some((block) => block.file === file && classify(block).code), `${file}: no embed code found`);
  }
});

for (const block of BLOCKS) {
  const { code, completed, targets, skip } = classify(block);
  const name = `${block.file}:${block.line}: ${block.html.split("\n").find((line) => line.trim() && !line.trim().startsWith("<!--"))?.trim().slice(0, 80)}`;
  if (skip) {
    test(name, { skip });
    continue;
  }
  test(`${name}${completed.length ? ` (with ${completed.join(" and ")})` : ""}`, async (t) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    t.after(() => context.close());
    const problems = [];
    await context.route("**/*", (route) => answer(route, code, problems));
    const page = await context.newPage();
    page.on("pageerror", (error) => problems.push(`pageerror: ${error.message}`));
    page.on("console", (message) => message.type() === "error" && problems.push(`console.error: ${message.text()} (${message.location().url})`));
    await page.goto(PAGE);

    const frames = [];
    for (const element of await page.locator("iframe").elementHandles()) {
      const frame = await element.contentFrame();
      await frame.waitForLoadState("load");
      frames.push({ element, frame });
    }
    // The decks: every mount element, and on the page every element its
    // scripts mount into.
    let decks = 0;
    for (const [frame, selector] of [
      [page.mainFrame(), ["[data-factcards]", ...targets.map((id) => `#${id}`)].join(", ")],
      ...frames.map(({ frame }) => [frame, "[data-factcards]"]),
    ]) {
      if ((await frame.locator(selector).count()) === 0) continue;
      decks += 1;
      await decksShowFacts(frame, selector);
    }
    assert.ok(decks > 0, "the code made no deck, on the page or in a frame");
    // A frame with the host-side loader is as tall as its deck.
    if (loadsScript(code, "embed-loader")) {
      for (const { element, frame } of frames) {
        await frame.waitForFunction(() => document.getElementById("factcards-frame"), null, { timeout: TIMEOUT });
        await pollUntil(async () => ({
          frame: await element.evaluate((iframe) => iframe.getBoundingClientRect().height),
          deck: await frame.evaluate(() => Math.ceil(document.getElementById("factcards-frame").getBoundingClientRect().height)),
        }), ({ frame, deck }) => Math.abs(frame - deck) <= 1, { timeout: TIMEOUT });
      }
    }
    assert.deepEqual(problems, []);
  });
}
