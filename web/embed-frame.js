// Inside the iframe (embed.html?src=URL&theme=…&lang=…&category=…&card=…):
// turns the query into the mount point's data attributes, loads the widget,
// and posts the widget's height to the parent whenever it changes, so that
// embed-loader.js on the host page can size the iframe.
const params = new URLSearchParams(location.search);
const host = document.getElementById("factcards-frame");
const OPTIONS = { src: "data-src", theme: "data-theme", lang: "data-lang", category: "data-category", card: "data-card", layout: "data-layout", header: "data-header" };
for (const [param, attribute] of Object.entries(OPTIONS)) {
  const value = params.get(param);
  if (value) host.setAttribute(attribute, value);
}
host.setAttribute("data-factcards", "");
// The widget's factcards:* events also go to the host page, where
// embed-loader.js dispatches them on the <iframe> element.
host.setAttribute("data-factcards-forward", "");

// Height reporting that cannot loop with the parent's resize of the iframe
// (which, with a classic scrollbar, also changes the page's width as the
// scrollbar comes and goes):
// - it observes and measures the widget (the mount element), not the root
//   element, whose box the frame's own size and scrollbar change;
// - it posts from the next animation frame, at most once a frame, never from
//   inside the ResizeObserver's callback;
// - it posts only a height that differs from the last one posted, so the
//   parent's resize, which leaves the widget as it was, posts nothing.
let posted = -1;
let scheduled = false;
function postHeight() {
  scheduled = false;
  const height = Math.ceil(host.getBoundingClientRect().height);
  if (height === posted) return;
  posted = height;
  // Only a number leaves the frame, so any parent may receive it.
  parent.postMessage({ type: "factcards:height", height }, "*");
}
function schedule() {
  if (scheduled) return;
  scheduled = true;
  requestAnimationFrame(postHeight);
}
new ResizeObserver(schedule).observe(host);

const { ready } = await import("./factcards.js");
await ready;
schedule();
