// Inside the iframe page of dist/ (embed.html?src=URL&theme=…&lang=…&category=…&card=…):
// turns the query into the mount point's data attributes and loads the
// widget. frame.js, a classic script beside it, posts the height.
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

await import("./factcards.js");
