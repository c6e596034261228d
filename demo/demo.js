// The demo page's option form: re-mounts the demo widget with the chosen
// options and shows the embed code for them, ready to copy.
const widget = document.getElementById("demo-widget");
const form = document.getElementById("demo-options");
const snippet = document.getElementById("demo-snippet");
const status = document.getElementById("copy-status");
const scriptUrl = new URL("factcards.js", document.baseURI).href;

// The page's queue, as the README shows: this script may run before factcards.js.
const { mount } = await new Promise((resolve) => (window.factcards = window.factcards || []).push(resolve));

// The category choices come from the story itself.
const sheet = await (await fetch("moscow-isis-k.json")).json();
for (const category of sheet.categories) {
  form.category.add(new Option(category.label, category.id));
}

function chosen() {
  return {
    theme: form.theme.value,
    lang: form.lang.value || undefined,
    category: form.category.value || undefined,
  };
}

function embedCode({ theme, lang, category }) {
  const attributes = ["data-factcards"];
  if (theme !== "auto") attributes.push(`data-theme="${theme}"`);
  if (lang) attributes.push(`data-lang="${lang}"`);
  if (category) attributes.push(`data-category="${category}"`);
  return `<div ${attributes.join(" ")}></div>\n<script type="module" src="${scriptUrl}"></script>`;
}

function refresh() {
  const options = chosen();
  snippet.textContent = embedCode(options);
  mount(widget, undefined, options);
  status.textContent = "";
}

form.addEventListener("change", refresh);
document.getElementById("copy-embed").addEventListener("click", async () => {
  try {
    await navigator.clipboard.writeText(snippet.textContent);
    status.textContent = "Copied.";
  } catch {
    status.textContent = "Select the code above and copy it.";
  }
});
snippet.textContent = embedCode(chosen());
