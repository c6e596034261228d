// The frame's side of the protocols host pages use to size an iframe and to
// follow its links, for every factcards frame page: embed.html in dist/ and
// the frame page of a published story folder (`factcards publish`).
//
// A classic script on purpose: in a sandboxed frame (WordPress gives oEmbed
// frames sandbox="allow-scripts", an opaque origin) a module script from
// another host needs CORS, and a frame whose widget cannot load must still
// say how tall its server-rendered deck is, or the host keeps it hidden.
//
// The height of the mount element (#factcards-frame) goes out in each
// protocol a host may listen to:
// - factcards' own, for embed-loader.js: {type: "factcards:height", height},
//   also in answer to the loader's {type: "factcards:measure"};
// - WordPress's (wp-embed.js), when the frame's address carries the host's
//   `#?secret=`: {message: "height", value, secret}, also in answer to the
//   host's {message: "ready", secret};
// - AMP's, for <amp-iframe resizable>: {sentinel: "amp", type: "embed-size", height}.
// Only numbers and the host's own secret leave the frame, so any parent may
// receive them.
//
// Under WordPress a link cannot open a new tab (the sandbox has no
// allow-popups) and the only way out is WordPress's `link` message, which
// navigates the top page to an address on the frame's own host. So there,
// a source link or "Copy link" takes the reader to the story page (the
// frame page's canonical address) at that card, where every link works.
(() => {
  const mount = document.getElementById("factcards-frame");
  if (!mount) return;
  const secret = /^#\?secret=([A-Za-z0-9]{1,64})$/.exec(location.hash)?.[1] ?? null;

  // A height is posted when it differs from the last one posted, so that
  // the host's resize of the frame, which leaves the deck as it was, posts
  // nothing; and only once there is a deck to measure: a server-rendered
  // one (a declarative shadow root, there before this script ran), or the
  // widget's deck or notice once it says so. Until then the frame keeps the
  // height its code gave it, rather than shrinking to the loading state and
  // jumping back.
  let drawn = Boolean(mount.shadowRoot);
  let posted = 0;
  function post(again = false) {
    scheduled = false;
    if (!drawn) return;
    const height = Math.ceil(mount.getBoundingClientRect().height);
    if (height <= 0 || (height === posted && !again)) return;
    posted = height;
    parent.postMessage({ type: "factcards:height", height }, "*");
    parent.postMessage({ sentinel: "amp", type: "embed-size", height }, "*");
    if (secret) parent.postMessage({ message: "height", value: height, secret }, "*");
  }
  // At most once a frame, never from inside the ResizeObserver's callback
  // (which could loop with the host's resize). Chromium runs neither
  // animation frames nor ResizeObserver callbacks in a frame that the host
  // keeps clipped out of sight, as WordPress does until the frame answers:
  // a timer stands in for the animation frame, and load, the widget's
  // events and the host's `ready` post as well.
  let scheduled = false;
  function schedule() {
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(() => scheduled && post());
    setTimeout(() => scheduled && post(), 100);
  }
  for (const type of ["factcards:ready", "factcards:error"]) {
    mount.addEventListener(type, () => { drawn = true; }, { once: true, capture: true });
  }
  new ResizeObserver(schedule).observe(mount);
  for (const type of ["factcards:ready", "factcards:card-toggle", "factcards:filter", "factcards:update", "factcards:view"]) {
    mount.addEventListener(type, schedule);
  }
  // A host's listener may not be there yet when this frame first posts (its
  // script comes at the end of its page, and this frame's is inline-fast):
  // WordPress's wp-embed.js asks with `ready`, but a host that missed the
  // first post and asks nothing would keep the frame clipped. So under a
  // host's secret the height goes again at load, and once more a second on.
  addEventListener("load", () => {
    post(Boolean(secret));
    if (secret) setTimeout(() => post(true), 1000);
  });
  post();
  // embed-loader.js, arriving after this frame posted, asks again.
  addEventListener("message", (event) => {
    if (event.source === parent && event.data?.type === "factcards:measure") post(true);
  });

  if (!secret) return;
  addEventListener("message", (event) => {
    if (event.source === parent && event.data?.message === "ready" && event.data.secret === secret) post(true);
  });
  const story = document.querySelector("link[rel='canonical']")?.href;
  if (!story) return;
  // Capture, before the widget's own handlers: its analytics events still
  // go out; only the navigation the sandbox would block is replaced.
  document.addEventListener("click", (event) => {
    const path = event.composedPath();
    const link = path.find((node) => node instanceof HTMLAnchorElement && node.hasAttribute("href"));
    const copy = path.find((node) => node instanceof Element && node.matches(".fc-card__copy-link"));
    if (!link && !copy) return;
    event.preventDefault();
    const card = path.find((node) => node instanceof Element && node.matches("article[data-card]"));
    const target = new URL(story);
    if (card) target.hash = card.id;
    parent.postMessage({ message: "link", value: target.href, secret }, "*");
  }, true);
})();
