// End-to-end test of the WordPress harness (wordpress.mjs), and of what a real
// WordPress (Debian's 6.1, theme twentytwentyone) makes of a post whose
// content is an oEmbed provider's page URL alone on a line: the markup it
// writes, the scripts it loads, and wp-embed.js's height protocol, in
// headless Chromium.
//
// HAND-MADE PROVIDER: the section marked so below stands in for a story
// folder written by `factcards publish` (index.html with its discovery link,
// oembed.json, the frame page). To test the real folder, serve it instead,
// publish its index.html's URL, and keep the assertions on what WordPress
// made; the frame's answers (`sendHeight`) then come from the widget itself.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { FIXTURES, launch, pollUntil } from "./browser.mjs";
import { serve } from "./server.mjs";
import { clampedHeight, embedFrame, findEmbed, startWordPress, waitForEmbed } from "./wordpress.mjs";

// --- HAND-MADE PROVIDER (replace with the story folder) ---------------------

/** The provider's origin, once it listens. */
let providerOrigin;

/**
 * The routes of one story under `/${name}/`: its page (with the oEmbed
 * discovery link), its oembed.json and its frame page.
 * - `width`: the iframe's width attribute in the oEmbed html;
 * - `answerReady`: the height the frame answers WordPress's "ready" with, or
 *   none (then it answers only when the test calls its `sendHeight`);
 * - `up`: whether the story's page is there yet (a 404 until it is).
 */
function story(name, { width = "100%", answerReady = null, up = () => true } = {}) {
  const page = () => `${providerOrigin}/${name}/`;
  return {
    [`/${name}/`]: (request, response) => {
      if (!up()) return response.writeHead(404, { "content-type": "text/plain" }).end("not found");
      response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Key facts: the story</title>
<link rel="alternate" type="application/json+oembed" href="${providerOrigin}/${name}/oembed.json" title="Key facts">
</head><body><p>The story.</p></body></html>`);
    },
    [`/${name}/oembed.json`]: (request, response) => {
      const html =
        `<blockquote><a href="${page()}">Key facts: the story</a></blockquote>` +
        `<iframe src="${providerOrigin}/${name}/frame.html" width="${width}" height="400" title="Key facts"></iframe>`;
      response.writeHead(200, { "content-type": "application/json; charset=utf-8" }).end(
        JSON.stringify({ version: "1.0", type: "rich", provider_name: "factcards", provider_url: providerOrigin, title: "Key facts: the story", width: 600, height: 400, html }),
      );
    },
    // The frame's side of wp-embed.js's protocol: WordPress put a secret in
    // the hash; the host says { message: "ready", secret }, the frame says
    // { message: "height", value, secret }.
    [`/${name}/frame.html`]: (request, response) => {
      response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Key facts</title></head>
<body style="margin:0"><p>Key facts.</p>
<script>
  const secret = /#\\?secret=([A-Za-z0-9]+)/.exec(location.hash)?.[1];
  const answerReady = ${JSON.stringify(answerReady)};
  window.received = [];
  window.sendHeight = (value) => parent.postMessage({ message: "height", value, secret }, "*");
  addEventListener("message", (event) => {
    if (event.source !== parent) return;
    window.received.push(event.data);
    if (answerReady !== null && event.data?.message === "ready" && event.data.secret === secret) sendHeight(answerReady);
  });
</script></body></html>`);
    },
  };
}

// --- end of the hand-made provider ------------------------------------------

let provider, wp, browser;
/** Whether the "late" story is up yet. */
let lateIsUp = false;

before(async () => {
  provider = await serve(FIXTURES, 0, {
    routes: {
      ...story("quiet"),
      ...story("answering", { answerReady: 720 }),
      ...story("fixed", { width: "600" }),
      ...story("late", { up: () => lateIsUp }),
    },
  });
  providerOrigin = `http://127.0.0.1:${provider.address().port}`;
  [wp, browser] = await Promise.all([startWordPress({ allowPorts: [provider.address().port] }), launch()]);
});

after(async () => {
  await browser?.close();
  provider?.closeAllConnections();
  provider?.close();
  await wp?.stop();
});

/**
 * Publishes a fresh post (WordPress caches an embed per post) whose content
 * is the story's URL alone on a line, between two paragraphs.
 */
function publish(name) {
  return wp.publishPost({ title: `Embed: ${name}`, content: `Before the facts.\n\n${providerOrigin}/${name}/\n\nAfter the facts.` });
}

/**
 * Opens `url` in a fresh context `width` px wide (1280: twentytwentyone's
 * column is then 610 px); `beforeGoto(page)` may set routes. Closed after
 * the test; `errors` collects the page's uncaught errors.
 */
async function openPost(t, url, { width = 1280, beforeGoto } = {}) {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  t.after(() => context.close());
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (error) => errors.push(String(error)));
  await beforeGoto?.(page);
  await page.goto(url);
  return { page, errors };
}

/**
 * The frame's `sendHeight(value)`, then the embed once the host has applied
 * it: wp-embed.js removes the whole style attribute (its clip, and any
 * max-height) at each message, which tells this answer from an earlier one
 * of the same height.
 */
async function answer(page, frame, value) {
  await frame.evaluate((value) => window.sendHeight(value), value);
  const height = clampedHeight(value);
  return waitForEmbed(page, (embed) => embed.iframe.style === null && embed.iframe.height === String(height) && embed.box.height === height);
}

test("WordPress embeds the story at render time as a sandboxed iframe, clipped behind its blockquote until the frame answers", async (t) => {
  const storyUrl = `${providerOrigin}/quiet/`;
  const post = await publish("quiet");
  assert.equal(provider.log.count("/quiet/oembed.json"), 0, "publishing fetches nothing");

  const { page, errors } = await openPost(t, post);
  // The post's first rendering fetched the page (discovery) and its
  // oembed.json, from PHP, before answering.
  for (const path of ["/quiet/", "/quiet/oembed.json"]) {
    assert.equal(provider.log.count(path), 1, path);
    assert.match(provider.log.of(path)[0].headers["user-agent"], /^WordPress\/6\./, path);
  }

  const embed = await findEmbed(page);
  assert.ok(embed, "the post has an iframe.wp-embedded-content");
  assert.equal(embed.iframe.sandbox, "allow-scripts");
  assert.equal(embed.iframe.security, "restricted");
  assert.equal(embed.iframe.src, `${providerOrigin}/quiet/frame.html#?secret=${embed.iframe.secret}`);
  assert.match(embed.iframe.secret, /^[A-Za-z0-9]{10}$/);
  assert.equal(embed.iframe.dataSecret, embed.iframe.secret);
  assert.equal(embed.iframe.title, "Key facts");
  assert.equal(embed.iframe.scrolling, null, "WordPress adds no scrolling attribute");
  assert.equal(embed.iframe.loading, null, "an iframe with a fallback blockquote is not lazy-loaded");
  assert.deepEqual(embed.blockquote, { before: true, hidden: false, dataSecret: embed.iframe.secret, links: [storyUrl] });
  assert.equal(embed.clipped, true, embed.markup);
  assert.ok(
    embed.scripts.some((src) => new URL(src).pathname === "/wp-includes/js/wp-embed.min.js"),
    `wp-embed.js is loaded: ${embed.scripts.join(", ")}`,
  );

  // Loaded, but silent: still clipped, the blockquote still shown.
  const frame = await embedFrame(page);
  await frame.waitForURL(/\/quiet\/frame\.html#\?secret=/, { waitUntil: "load" });
  const loaded = await findEmbed(page);
  assert.equal(loaded.clipped, true);
  assert.equal(loaded.blockquote.hidden, false);

  // The frame answers: visible at its height, the blockquote hidden, the
  // clip gone with the whole style attribute; then clamped to 200–1000.
  const shown = await answer(page, frame, 640);
  assert.equal(shown.clipped, false);
  assert.equal(shown.blockquote.hidden, true);
  for (const value of [5000, 50, 850]) await answer(page, frame, value);

  // Another reader: WordPress serves the embed from the post's meta.
  await page.reload();
  assert.equal(provider.log.count("/quiet/oembed.json"), 1);
  assert.ok(await findEmbed(page), "the cached embed is the same kind");
  assert.deepEqual(errors, []);
});

test("the host's ready reaches a frame that loaded before wp-embed.js ran, and the frame's answer shows it", async (t) => {
  // wp-embed.js posts "ready" once, at DOMContentLoaded, to whatever
  // document the iframe holds then: a frame that loads later misses it. So
  // hold the script (and with it DOMContentLoaded) until the frame has
  // loaded, to see that path deterministically.
  const { page, errors } = await openPost(t, await publish("answering"), {
    beforeGoto: (page) =>
      page.route(/\/wp-includes\/js\/wp-embed\.min\.js/, async (route) => {
        const frame = await embedFrame(page);
        await frame.waitForURL(/\/answering\/frame\.html#\?secret=/, { waitUntil: "load" });
        await route.continue();
      }),
  });
  const shown = await waitForEmbed(page, (embed) => !embed.clipped && embed.box.height === 720);
  const frame = await embedFrame(page);
  assert.deepEqual(await frame.evaluate(() => window.received), [{ message: "ready", secret: shown.iframe.secret }]);
  assert.equal(shown.blockquote.hidden, true);
  assert.deepEqual(errors, []);
});

test("twentytwentyone caps the frame's height by its width attribute after a resize, until the frame's next message", async (t) => {
  // responsive-embeds.js, on load and on every resize: max-height =
  // round(column width × height ÷ width), from the iframe's attributes.
  // wp-embed.js removes the whole style attribute at each message.
  for (const [name, squashed] of [
    ["fixed", true], // width="600": squashed in a column narrower than 600 px
    ["quiet", false], // width="100%": read as 100, so never below the height
  ]) {
    const { page } = await openPost(t, await publish(name));
    const frame = await embedFrame(page);
    await frame.waitForURL(/frame\.html#\?secret=/, { waitUntil: "load" });
    await answer(page, frame, 640);

    await page.setViewportSize({ width: 390, height: 900 });
    const narrow = await waitForEmbed(page, (embed) => embed.maxHeight !== "");
    const width = Number.parseFloat(narrow.iframe.width);
    assert.equal(narrow.maxHeight, `${Math.round((narrow.columnWidth * 640) / width)}px`, name);
    assert.equal(narrow.box.height, squashed ? Math.round((narrow.columnWidth * 640) / 600) : 640, name);
    assert.ok(narrow.columnWidth < 600, `the column is ${narrow.columnWidth} px`);

    const again = await answer(page, frame, 640);
    assert.equal(again.maxHeight, "", name);
  }
});

test("a story that was not up when its post was first shown stays a bare URL in that post", async (t) => {
  const storyUrl = `${providerOrigin}/late/`;
  const { page } = await openPost(t, await publish("late"));
  assert.equal(await findEmbed(page), null);
  // Not even a link: the URL as text, in its own paragraph.
  assert.deepEqual(await page.locator(".entry-content > p").allInnerTexts(), ["Before the facts.", storyUrl, "After the facts."]);
  assert.equal(await page.locator(".entry-content a").count(), 0);

  lateIsUp = true;
  await page.reload();
  assert.equal(await findEmbed(page), null, "the failure cached in the post's meta is what its page serves");
  assert.equal(provider.log.count("/late/"), 1, "and WordPress does not ask again");

  const fresh = await openPost(t, await publish("late"));
  assert.ok(await findEmbed(fresh.page), "a new post of the same URL embeds it");
});

test("stop() ends the site's mysqld and php and removes its folder", async () => {
  const site = await startWordPress();
  assert.ok(existsSync(site.root));
  assert.equal((await fetch(`${site.url}/`)).status, 200);
  await site.stop();
  assert.equal(existsSync(site.root), false);
  for (const pid of Object.values(site.pids)) assert.equal(alive(pid), false, `pid ${pid}`);
  await assert.rejects(fetch(`${site.url}/`));
});

test("a process that exits without stop() leaves no mysqld, php or folder behind", async () => {
  const script = `
    const { startWordPress } = await import(${JSON.stringify(new URL("./wordpress.mjs", import.meta.url).href)});
    const site = await startWordPress();
    console.log(JSON.stringify({ root: site.root, pids: site.pids }));
    process.exit(0);`;
  const child = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8", timeout: 60000 });
  assert.equal(child.status, 0, child.stderr);
  const { root, pids } = JSON.parse(child.stdout.trim().split("\n").at(-1));
  assert.equal(existsSync(root), false, root);
  // Killed as the process exited; the kernel may take a moment to end them.
  for (const pid of Object.values(pids)) await pollUntil(() => alive(pid), (running) => !running, { timeout: 5000 });
});

/** Whether a process `pid` runs (a zombie of an exited child does not count). */
function alive(pid) {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  const state = spawnSync("ps", ["-o", "stat=", "-p", String(pid)], { encoding: "utf8" }).stdout.trim();
  return state !== "" && !state.startsWith("Z");
}
