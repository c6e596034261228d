// The story folder in a real WordPress (Debian's 6.1, theme twentytwentyone;
// wordpress.mjs), as a reporter uses it: a post whose content is the story
// page's address alone on a line. WordPress finds the oEmbed answer, puts the
// frame page into the post in its sandbox, and must show it: visible, sized
// to its deck up to WordPress's cap, the facts on screen, a source link that
// takes the reader somewhere, no console error; and the same when the
// widget's files are served without CORS headers, where the frame stays
// static. What WordPress itself does with any provider's embed is in
// wordpress-harness.test.mjs.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { rm } from "node:fs/promises";
import { BUNDLED, COMPACT_FACTS, DIST, SHEET_ID, launch, pollUntil, widgetsLive } from "./browser.mjs";
import { serve } from "./server.mjs";
import { CORS, publish, storyWithSourceLinks, temporaryFolder } from "./publish.mjs";
import { EMBED_HEIGHT, embedFrame, startWordPress, waitForEmbed } from "./wordpress.mjs";

const TIMEOUT = 15000;
const FIRST_FACT = BUNDLED.cards[0].facts[0].text;

let browser, wp;
/** Per way of serving the widget (with and without CORS): its server, a story folder published against it and its server. */
const setups = {};

async function setUp(name, widgetHeaders) {
  const widget = await serve(DIST, 0, { headers: widgetHeaders });
  const folder = await temporaryFolder(`wp-story-${name}`);
  const story = await serve(folder, 0);
  const storyUrl = `http://127.0.0.1:${story.address().port}/`;
  const widgetUrl = `http://127.0.0.1:${widget.address().port}/`;
  const sheets = await temporaryFolder(`wp-sheet-${name}`);
  publish({ sheet: await storyWithSourceLinks(sheets), out: folder, baseUrl: storyUrl, widgetUrl });
  await rm(sheets, { recursive: true });
  setups[name] = { widget, story, folder, storyUrl, widgetUrl };
}

before(async () => {
  browser = await launch();
  await setUp("cors", CORS);
  await setUp("no-cors", {});
  // WordPress fetches only the story's page and its oembed.json.
  wp = await startWordPress({ allowPorts: Object.values(setups).map(({ story }) => story.address().port) });
});

after(async () => {
  await browser?.close();
  await wp?.stop();
  for (const { widget, story, folder } of Object.values(setups)) {
    for (const server of [widget, story]) {
      server.closeAllConnections();
      server.close();
    }
    await rm(folder, { recursive: true, force: true });
  }
});

let posts = 0;
/** A fresh post (WordPress caches an embed per post) of the story's address alone on a line. */
function postOf(storyUrl) {
  posts += 1;
  return wp.publishPost({ title: `Key facts ${posts}`, content: `The article's first paragraph.\n\n${storyUrl}\n\nThe article goes on.` });
}

/** The post at `width` px, with every console error and uncaught error of the page and its frames. */
async function openPost(t, url, width) {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  t.after(() => context.close());
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  const errors = [];
  page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
  page.on("console", (message) => {
    // WordPress's own site has no favicon: not the embed's doing.
    if (message.type() !== "error" || message.location().url === `${wp.url}/favicon.ico`) return;
    errors.push(`console.error: ${message.text()} (${message.location().url})`);
  });
  await page.goto(url);
  return { page, errors };
}

/** The height of the deck in the frame, as frame.js measures it. */
const deckHeight = (frame) => frame.evaluate(() => Math.ceil(document.getElementById("factcards-frame").getBoundingClientRect().height));

/**
 * Waits until WordPress shows the frame (unclipped) at the height the frame
 * reported, clamped to WordPress's cap, and returns that height.
 */
async function shownAtItsHeight(page, frame) {
  const expected = Math.min(Math.max(await deckHeight(frame), EMBED_HEIGHT.min), EMBED_HEIGHT.max);
  await waitForEmbed(page, (embed) => !embed.clipped && embed.iframe.height === String(expected) && Math.abs(embed.box.height - expected) <= 1, { timeout: TIMEOUT });
  return expected;
}

/** Follows the first card's first source link in the frame, as a reader does, and waits for the post's page to go to the story page at that card. */
async function followSourceLink(page, frame, storyUrl) {
  const card = BUNDLED.cards[0];
  const inCard = frame.locator(`article[data-card="${card.id}"]`);
  // Live, the card's toggle shows its sources; static, their <details>.
  const opener = inCard.locator(".fc-card__toggle, summary").first();
  await opener.click();
  const navigated = page.waitForURL(`${storyUrl}#${SHEET_ID}/${card.id}`, { timeout: TIMEOUT });
  await inCard.locator("a.fc-sources__link").first().click();
  await navigated;
  // The story page opens at that card (its static deck, or the live one
  // taking over: for a moment both are in the page).
  await page.locator(`article[data-card="${card.id}"]`).first().waitFor();
}

for (const width of [1280, 375]) {
  test(`at ${width} px, the pasted address becomes the story's frame: shown, sized to its deck, live, its links leading to the story page`, async (t) => {
    const { storyUrl } = setups.cors;
    const { page, errors } = await openPost(t, await postOf(storyUrl), width);
    const frame = await embedFrame(page);
    await frame.getByText(FIRST_FACT).first().waitFor();
    const height = await shownAtItsHeight(page, frame);
    // The widget took over inside the sandbox (the widget's files send CORS
    // headers), and the frame was resized to the live deck.
    await widgetsLive(frame);
    assert.equal(await frame.locator(".fc-fact:visible").count(), COMPACT_FACTS);
    await shownAtItsHeight(page, frame);
    // Within the cap the reader still reaches every fact: "Show all" opens
    // them in place, and a frame taller than the cap scrolls.
    await frame.locator(".fc-show-all").click();
    const last = frame.locator(".fc-fact").last();
    await last.scrollIntoViewIfNeeded();
    assert.ok(await last.isVisible(), "the last fact is reachable");
    assert.ok(height <= EMBED_HEIGHT.max);
    await followSourceLink(page, frame, storyUrl);
    assert.deepEqual(errors, []);
  });
}

test("with the widget's files sent without CORS headers, the frame is shown static, sized, readable, and its links still lead to the story page", async (t) => {
  const { storyUrl, widgetUrl } = setups["no-cors"];
  const { page, errors } = await openPost(t, await postOf(storyUrl), 1280);
  const frame = await embedFrame(page);
  await frame.getByText(FIRST_FACT).first().waitFor();
  await shownAtItsHeight(page, frame);
  // Static: the loader, a module from another origin, could not load in the
  // sandbox's opaque origin.
  assert.equal(await frame.evaluate(() => typeof window.factcards?.ready), "undefined");
  await followSourceLink(page, frame, storyUrl);
  // The one error is the browser's report of the blocked module, inside the frame.
  const blocked = errors.filter((error) => error.includes(`${widgetUrl}factcards.js`));
  assert.ok(blocked.length >= 1, errors.join("\n"));
  assert.deepEqual(errors.filter((error) => !blocked.includes(error) && !/net::ERR_FAILED/.test(error)), []);
});
