// A stand-in for engines.test.mjs, for verdict.test.mjs: the same shape (a
// suite per engine, then "across engines", whose test skips as the real one
// does), some of the same test names, and no browser. What fails, skips or
// crashes comes from the STANDIN environment variable, a JSON object:
//   engines  like ENGINES ("chromium,firefox,webkit")
//   fail     { "<engine> > <test>": message, or { errors: [...] } for an
//            assertion on a page's error events, as the real tests make }
//   skip     { "<engine> > <test>": reason }
//   crash    "<engine> > <test>": the process exits inside that test
//   widths   { engine: px } instead of 600 each
// Its name does not end in .test.mjs, so that no `node --test` of a folder runs it.
import { describe, test } from "node:test";
import assert from "node:assert/strict";

const spec = JSON.parse(process.env.STANDIN ?? "{}");
const ENGINES = (spec.engines ?? "chromium,firefox,webkit").split(",").filter(Boolean);
const textWidths = {};

/** What the spec asks of one test: nothing, a skip, a crash or a failure. */
function play(t, path) {
  if (spec.crash === path) process.exit(1);
  if (spec.skip?.[path]) return t.skip(spec.skip[path]);
  const failure = spec.fail?.[path];
  if (typeof failure === "string") throw new Error(failure);
  if (failure) assert.deepEqual(failure.errors, [], `${path.split(" > ")[0]}: error events on the page`);
}

for (const engine of ENGINES) {
  describe(engine, () => {
    const at = (name) => `${engine} > ${name}`;
    for (const name of [
      "demo page: the drop-in goes live; chips filter, search finds, a source opens",
      "trap: a trap in the wasm leaves the demo widget as a panic would (its panel, with data-debug)",
      "iframe: sized to its content, grows when a card opens, sends its events, no error event",
    ]) test(name, (t) => play(t, at(name)));
    test("demo page: the widget's text is set in a named face, and --fc-font overrides it", (t) => {
      const name = at("demo page: the widget's text is set in a named face, and --fc-font overrides it");
      play(t, name);
      if (!spec.skip?.[name]) textWidths[engine] = spec.widths?.[engine] ?? 600;
    });
  });
}

// As in engines.test.mjs.
describe("across engines", () => {
  test("the widget's text has the same width in every engine (±3%): the same face", (t) => {
    if (ENGINES.length < 2) return t.skip(`needs two engines or more, and ENGINES is ${ENGINES.join(",")}`);
    const missing = ENGINES.filter((engine) => !(engine in textWidths));
    if (missing.length > 0) return t.skip(`no width from ${missing.join(", ")}: the test of the face did not measure one`);
    const widths = Object.values(textWidths);
    const spread = Math.max(...widths) / Math.min(...widths) - 1;
    assert.ok(spread <= 0.03, `one line of text, in px: ${JSON.stringify(textWidths)}`);
  });
});
