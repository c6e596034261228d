// End-to-end tests of a published story folder (`factcards publish`), served
// as a newsroom serves it: the story on its own host, the widget's dist/ on
// another (a CDN), with and without CORS headers on the widget's files.
// The story page must read whole with no script and with the widget's files
// blocked, and be taken over when they load; the frame page must be sized by
// its host in each protocol (factcards' embed-loader.js, WordPress's secret
// handshake in a sandboxed frame) and route its links where a sandbox
// blocks them. The real WordPress is in wordpress.test.mjs.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { rm } from "node:fs/promises";
import { BUNDLED, BUNDLED_FACTS, COMPACT_FACTS, DIST, SHEET_ID, launch, pollUntil, widgetsLive } from "./browser.mjs";
import { serve } from "./server.mjs";
import { axe } from "./axe.mjs";
import { CORS, WORDPRESS_SECRET, hostPages, publish, storyWithSourceLinks, temporaryFolder } from "./publish.mjs";

const TIMEOUT = 10000;
const FIRST_FACT = BUNDLED.cards[0].facts[0].text;

let browser;
/** Each way of serving the widget: its server, and a story folder published against it. */
const setups = {};

async function setUp(name, widgetHeaders) {
  const widget = await serve(DIST, 0, { headers: widgetHeaders });
  const folder = await temporaryFolder(`story-${name}`);
  const story = await serve(folder, 0, { routes: hostPages() });
  const storyOrigin = `http://127.0.0.1:${story.address().port}`;
  const widgetUrl = `http://127.0.0.1:${widget.address().port}/`;
  const sheets = await temporaryFolder(`sheet-${name}`);
  publish({ sheet: await storyWithSourceLinks(sheets), out: folder, baseUrl: `${storyOrigin}/`, widgetUrl });
  await rm(sheets, { recursive: true });
  setups[name] = { widget, story, folder, storyOrigin, widgetUrl };
}

before(async () => {
  browser = await launch();
  await setUp("cors", CORS);
  await setUp("no-cors", {});
});

after(async () => {
  await browser?.close();
  for (const { widget, story, folder } of Object.values(setups)) {
    for (const server of [widget, story]) {
      server.closeAllConnections();
      server.close();
    }
    await rm(folder, { recursive: true, force: true });
  }
});

/** A fresh page at `width` px, with its uncaught errors and console errors collected. */
async function openPage(t, url, { width = 375, colorScheme = "light", javaScriptEnabled = true, block } = {}) {
  const context = await browser.newContext({ viewport: { width, height: 800 }, colorScheme, javaScriptEnabled });
  t.after(() => context.close());
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  const errors = [];
  page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
  page.on("console", (message) => message.type() === "error" && errors.push(`console.error: ${message.text()}`));
  if (block) await page.route(`${block}**`, (route) => route.abort());
  await page.goto(url);
  return { page, errors };
}

const shownCards = (frameOrPage) => frameOrPage.locator(":not([hidden]) > .fc-card").count();

test("the story page shows every card with no script, and with the widget's files blocked", async (t) => {
  const { storyOrigin, widgetUrl } = setups.cors;
  const noScript = await openPage(t, `${storyOrigin}/`, { javaScriptEnabled: false });
  await noScript.page.getByText(FIRST_FACT).first().waitFor();
  assert.equal(await shownCards(noScript.page), BUNDLED.cards.length);

  const blocked = await openPage(t, `${storyOrigin}/`, { block: widgetUrl });
  await blocked.page.getByText(FIRST_FACT).first().waitFor();
  assert.equal(await shownCards(blocked.page), BUNDLED.cards.length);
  assert.equal(await blocked.page.title(), BUNDLED.title);
});

test("the story page is taken over by the widget, with no error and no accessibility violation, light and dark", async (t) => {
  const { storyOrigin } = setups.cors;
  for (const colorScheme of ["light", "dark"]) {
    const { page, errors } = await openPage(t, `${storyOrigin}/`, { width: 1280, colorScheme });
    await widgetsLive(page);
    assert.equal(await shownCards(page), BUNDLED.cards.length);
    // The live deck's own controls, which the fallback only holds a place for.
    await page.locator(".fc-filter__chip").first().waitFor();
    assert.deepEqual(await axe(page), [], colorScheme);
    assert.deepEqual(errors, []);
  }
});

test("the story page's oEmbed discovery link names an answer whose frame is the folder's frame page", async (t) => {
  const { storyOrigin } = setups.cors;
  const { page } = await openPage(t, `${storyOrigin}/`);
  const href = await page.locator("link[rel='alternate'][type='application/json+oembed']").getAttribute("href");
  const answer = await (await fetch(href)).json();
  assert.equal(answer.type, "rich");
  assert.match(answer.html, new RegExp(`<iframe src="${storyOrigin}/frame.html"`));
  const image = await fetch(answer.thumbnail_url);
  assert.equal(image.headers.get("content-type"), "image/png");
});

test("embed-loader.js sizes the frame page to its deck, which shows its first facts before the widget loads", async (t) => {
  const { storyOrigin, widgetUrl } = setups.cors;
  const { page, errors } = await openPage(t, `${storyOrigin}/host/loader.html?widget=${encodeURIComponent(widgetUrl)}`);
  const frame = page.frameLocator("iframe");
  await frame.getByText(FIRST_FACT).first().waitFor();
  const inner = page.frame({ url: /frame\.html/ });
  await pollUntil(() => inner.evaluate(() => window.factcards?.ready ? "started" : null), Boolean);
  await widgetsLive(inner);
  // The compact deck: its first facts, then "Show all".
  assert.equal(await frame.locator(".fc-fact:visible").count(), COMPACT_FACTS);
  const deckHeight = await inner.evaluate(() => Math.ceil(document.getElementById("factcards-frame").getBoundingClientRect().height));
  await pollUntil(() => page.locator("iframe").evaluate((element) => element.getBoundingClientRect().height), (height) => Math.abs(height - deckHeight) <= 1);
  // "Show all" opens the rest in place, and the frame follows.
  await frame.locator(".fc-show-all").click();
  await frame.locator(".fc-fact:visible").nth(BUNDLED_FACTS - 1).waitFor();
  await pollUntil(() => page.locator("iframe").evaluate((element) => element.getBoundingClientRect().height), (height) => height > deckHeight + 100);
  assert.deepEqual(errors, []);
});

test("embed-loader.js arriving after the frame has posted its height still sizes the frame to its deck", async (t) => {
  const { storyOrigin, widgetUrl } = setups.cors;
  const { page, errors } = await openPage(t, `${storyOrigin}/host/loader.html?late=1&widget=${encodeURIComponent(widgetUrl)}`);
  const inner = page.frame({ url: /frame\.html/ });
  await pollUntil(() => inner.evaluate(() => window.factcards?.ready ? "started" : null), Boolean);
  await widgetsLive(inner);
  const deckHeight = await inner.evaluate(() => Math.ceil(document.getElementById("factcards-frame").getBoundingClientRect().height));
  const frameHeight = () => page.locator("iframe").evaluate((element) => element.getBoundingClientRect().height);
  // Until a loader listens, the frame keeps the host's own 600 px.
  assert.equal(await frameHeight(), 600);
  await page.addScriptTag({ url: `${widgetUrl}embed-loader.js` });
  await pollUntil(frameHeight, (height) => Math.abs(height - deckHeight) <= 1);
  assert.deepEqual(errors, []);
});

test("under a WordPress-style sandbox the frame answers with its height and sends links to the story page", async (t) => {
  const { storyOrigin } = setups.cors;
  const { page, errors } = await openPage(t, `${storyOrigin}/host/wordpress.html`);
  const received = () => page.evaluate(() => window.received);
  const inner = page.frame({ url: /frame\.html/ });
  const deckHeight = () => inner.evaluate(() => Math.ceil(document.getElementById("factcards-frame").getBoundingClientRect().height));
  // The frame posts each new height of its deck as it settles: the last one
  // posted comes to be the deck's, with the host's secret on every one.
  const settled = await pollUntil(async () => {
    const heights = (await received()).filter((message) => message.message === "height");
    return heights.length > 0 && heights.at(-1).value === await deckHeight() ? heights : null;
  }, Boolean);
  assert.ok(settled.every((message) => message.secret === WORDPRESS_SECRET), "every height carries the host's secret");
  // The frame is an opaque origin: the widget still takes over (the
  // widget's files send CORS headers), with nothing thrown.
  await pollUntil(() => inner.evaluate(() => window.factcards?.ready ? "started" : null), Boolean);
  await widgetsLive(inner);
  const frame = page.frameLocator("iframe");
  const card = BUNDLED.cards[0];
  await frame.locator(`article[data-card="${card.id}"] .fc-card__toggle`).click();
  await frame.locator(`article[data-card="${card.id}"] .fc-sources__link`).first().click();
  const links = await pollUntil(received, (messages) => messages.some((message) => message.message === "link"));
  assert.deepEqual(links.find((message) => message.message === "link"), {
    message: "link",
    value: `${storyOrigin}/#${SHEET_ID}/${card.id}`,
    secret: WORDPRESS_SECRET,
  });
  assert.deepEqual(errors, []);
});

test("without CORS on the widget's files the sandboxed frame stays readable, static and sized", async (t) => {
  const { storyOrigin } = setups["no-cors"];
  const { page } = await openPage(t, `${storyOrigin}/host/wordpress.html`);
  const frame = page.frameLocator("iframe");
  await frame.getByText(FIRST_FACT).first().waitFor();
  const messages = await pollUntil(() => page.evaluate(() => window.received), (list) => list.some((message) => message.message === "height"));
  assert.ok(messages.find((message) => message.message === "height").value > 200);
  // Static: the module could not load, so no widget started.
  const inner = page.frame({ url: /frame\.html/ });
  assert.equal(await inner.evaluate(() => typeof window.factcards?.ready), "undefined");
});
