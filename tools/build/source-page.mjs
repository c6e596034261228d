// Writes the demo's saved copy of the bundled story's source article as a
// plain page, from the text the story is written from:
//   node tools/build/source-page.mjs
// reads data/sources/moscow-isis-k-article.txt (its first paragraph the
// headline, then one paragraph per paragraph) and writes
// demo/sources/moscow-isis-k-article.html, which Trunk copies to
// dist/sources/. Run it after changing the text; tests/source_page.rs fails
// while the two differ.
import { readFile, writeFile } from "node:fs/promises";

const TEXT = "data/sources/moscow-isis-k-article.txt";
const PAGE = "demo/sources/moscow-isis-k-article.html";

const escape = (text) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const paragraphs = (await readFile(TEXT, "utf8"))
  .split(/\n\s*\n/)
  .map((paragraph) => paragraph.split(/\s+/).filter(Boolean).join(" "))
  .filter(Boolean);
const [headline, ...body] = paragraphs.map(escape);

await writeFile(
  PAGE,
  `<!doctype html>
<!-- Written by tools/build/source-page.mjs from ${TEXT}: edit that, not this. -->
<html lang="en">
<head>
  <meta charset="utf-8" />
  <meta name="viewport" content="width=device-width, initial-scale=1" />
  <title>Saved copy of the source: ${headline}</title>
  <meta name="robots" content="noindex" />
  <link rel="icon" href="data:," />
  <link rel="stylesheet" href="source-page.css" />
</head>
<body>
  <header class="saved-note">
    <p><strong>A saved copy of a source.</strong> This is the news article the
      <a href="../index.html">factcards demo</a>’s story is written from, word for word, so
      that each fact can be checked against the passage it rests on. The article names no
      publisher and no address of its own.</p>
  </header>
  <main>
    <article>
      <h1>${headline}</h1>
${body.map((paragraph) => `      <p>${paragraph}</p>`).join("\n")}
    </article>
  </main>
</body>
</html>
`,
);
