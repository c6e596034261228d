// Inside the iframe (embed.html?src=URL&theme=…&lang=…&category=…&card=…):
// turns the query into the mount point's data attributes, loads the widget,
// and posts the page height to the parent whenever it changes, so that
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

function postHeight() {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  // Only a number leaves the frame, so any parent may receive it.
  parent.postMessage({ type: "factcards:height", height }, "*");
}
new ResizeObserver(postHeight).observe(document.documentElement);

await import("./factcards.js");
postHeight();
