// Cross-engine check of provenance: from a fact of the demo to the passage of
// its source. For the engines suite (engines.test.mjs), which calls it with
// its own WebdriverIO session:
//
//   import { followSourceLink } from "./provenance.mjs";
//   test("a source mark opens its excerpt, and its link lands on the passage", LIMIT, async () => {
//     const seen = await followSourceLink(browser, origin);
//     assert.equal(seen.opened, true, JSON.stringify(seen));
//     assert.equal(seen.onScreen, true, JSON.stringify(seen));
//   });
//
// Everything the reader does is real input through WebDriver actions (a
// pointer on the mark, then on the link); nothing is clicked from script.
// Text fragments (#:~:text=) are scrolled to by Chromium, Firefox from 131
// and WebKit (Safari 16.1; WebKitGTK 2.38 and later). A browser scrolls to
// one only on a navigation the reader started or the browser itself made:
// the link's click is the first; if an engine opens no new window for
// target="_blank" under WebDriver, the helper navigates the session to the
// link's address instead (WebDriver's Navigate To, the browser's own), and
// says so in `via`.

/** How long the page may take to scroll to the passage after it loads. */
const SCROLL_TIMEOUT = 5000;

/** The demo's saved copy of the article, where every source link of the bundled story leads. */
const SOURCE_PAGE = "/sources/moscow-isis-k-article.html";

/**
 * Opens `${origin}/` (the demo), opens the source popover of the deck's last
 * fact with an excerpt (its passage is low in the article: in a short window
 * the page must scroll to it) by a pointer click, follows its link by
 * another, and reports where it landed: `{ opened, href, via, url, scrollY,
 * found, onScreen, excerpt }`, where `opened` says the popover opened and
 * `onScreen` that the article page is the saved copy and the paragraph
 * holding the passage is in its viewport (`scrollY` says how far it
 * scrolled to get there). The
 * window is made short for the check and given back its size after; the
 * session is left on the demo's window.
 */
export async function followSourceLink(browser, origin) {
  const size = await browser.getWindowSize();
  await browser.setWindowSize(500, 700);
  const demo = await browser.getWindowHandle();
  try {
    await browser.url(`${origin}/`);
    await browser.waitUntil(
      () => browser.execute(() => document.getElementById("demo-widget")?.shadowRoot?.querySelectorAll(".fc-card").length > 0),
      { timeout: 20000, interval: 50 },
    );
    // The deck's last mark with an excerpt, its card opened first.
    const excerpt = await browser.execute(() => {
      const root = document.getElementById("demo-widget").shadowRoot;
      const marks = [...root.querySelectorAll(".fc-fact button[popovertarget]")];
      const words = (mark) => root.getElementById(mark.getAttribute("popovertarget"))?.querySelector(".fc-excerpt__words")?.textContent ?? "";
      return marks.map(words).filter(Boolean).at(-1) ?? null;
    });
    if (!excerpt) return { opened: false, reason: "no source mark with an excerpt" };
    const markId = await browser.execute((wanted) => {
      const root = document.getElementById("demo-widget").shadowRoot;
      const mark = [...root.querySelectorAll(".fc-fact button[popovertarget]")].find(
        (mark) => root.getElementById(mark.getAttribute("popovertarget"))?.querySelector(".fc-excerpt__words")?.textContent === wanted,
      );
      const card = mark.closest(".fc-card");
      if (card && !mark.checkVisibility()) card.querySelector(".fc-card__toggle")?.click();
      return mark.getAttribute("popovertarget");
    }, excerpt);
    const mark = await browser.$("#demo-widget").shadow$(`button[popovertarget="${markId}"]`);
    await mark.scrollIntoView({ block: "center" });
    await browser.action("pointer").move({ origin: mark }).down().up().perform();
    const opened = await browser.execute(
      (id) => document.getElementById("demo-widget").shadowRoot.getElementById(id)?.matches(":popover-open") ?? false,
      markId,
    );
    if (!opened) return { opened, excerpt };
    const link = await browser.$("#demo-widget").shadow$(`[id="${markId}"] .fc-excerpt__link`);
    const href = await link.getAttribute("href");
    const before = await browser.getWindowHandles();
    await browser.action("pointer").move({ origin: link }).down().up().perform();
    let via = "click";
    const handles = await browser
      .waitUntil(async () => {
        const now = await browser.getWindowHandles();
        return now.length > before.length && now;
      }, { timeout: 5000, interval: 100 })
      .catch(() => null);
    if (handles) {
      await browser.switchToWindow(handles.find((handle) => !before.includes(handle)));
    } else {
      via = "navigate";
      await browser.url(href);
    }
    await browser.waitUntil(() => browser.execute(() => document.readyState === "complete" && location.pathname !== "blank"), {
      timeout: 20000,
      interval: 50,
    });
    const passage = excerpt.replace(/\s+/g, " ");
    const read = () =>
      browser.execute((passage) => {
        // Quote marks and dashes may differ between an excerpt and its copy.
        const plain = (text) => text.replace(/\s+/g, " ").replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/[–—]/g, "-");
        const paragraph = [...document.querySelectorAll("article h1, article p")].find((p) => plain(p.textContent).includes(plain(passage)));
        const box = paragraph?.getBoundingClientRect();
        return {
          url: location.href,
          scrollY: window.scrollY,
          found: Boolean(paragraph),
          onScreen: Boolean(box) && box.bottom > 0 && box.top < window.innerHeight,
        };
      }, passage);
    let seen = await read();
    const until = Date.now() + SCROLL_TIMEOUT;
    while (!seen.onScreen && Date.now() < until) {
      await browser.pause(100);
      seen = await read();
    }
    const landed = new URL(seen.url).pathname === SOURCE_PAGE;
    return { opened, href, via, excerpt, ...seen, onScreen: landed && seen.onScreen };
  } finally {
    const handles = await browser.getWindowHandles();
    for (const handle of handles.filter((handle) => handle !== demo)) {
      await browser.switchToWindow(handle);
      await browser.closeWindow();
    }
    await browser.switchToWindow(demo);
    await browser.setWindowSize(size.width, size.height);
  }
}
