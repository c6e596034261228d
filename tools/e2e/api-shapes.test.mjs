// End-to-end tests of the shapes of what the widget hands a page, which it
// serialises from Rust types (serde-wasm-bindgen): the `problems` of the
// Error an invalid sheet throws or rejects with, and the detail of the
// factcards:error event, `[{path, message, line, column, severity}]`.
import { test } from "node:test";
import assert from "node:assert/strict";
import { embedSuite, event, open as openPage } from "./embed.mjs";

embedSuite();

/** Opens `path` once factcards.ready has settled. */
async function open(t, path) {
  const opened = await openPage(t, path, { allow404: true });
  await opened.page.evaluate(() => window.factcards.ready);
  return opened;
}

/** The factcards:error detail that reached the document from `#id`. */
async function errorDetail(page, id) {
  return (await event(page, "error", id)).detail;
}

test("shapes: an invalid sheet object throws an Error with problems [{path, message, line, column, severity}]", async (t) => {
  const { page, errors } = await open(t, "/fixtures/api.html");
  const thrown = await page.evaluate(async () => {
    const sheet = await (await fetch("/fixtures/small-sheet.json")).json();
    sheet.cards[0].facts[0].sources = ["s9"];
    try {
      window.factcards.mount(document.getElementById("target"), sheet);
      return null;
    } catch (error) {
      return { isError: error instanceof Error, message: error.message, problems: error.problems };
    }
  });
  assert.ok(thrown, "mount did not throw");
  assert.equal(thrown.isError, true);
  // The message stays the text it was; the same problems come as data.
  assert.match(thrown.message, /\n- cards\[0\]\.facts\[0\]\.sources\[0\]: unknown source "s9"/);
  assert.deepEqual(thrown.problems, [
    {
      path: "cards[0].facts[0].sources[0]",
      message: 'unknown source "s9" (known: "council")',
      // An object has no lines: the positions in its stringified text would mislead.
      line: null,
      column: null,
      severity: "error",
    },
  ]);
  // The widget that failed says the same in its factcards:error event.
  assert.deepEqual(await errorDetail(page, "target"), { problems: thrown.problems });
  assert.deepEqual(errors, []);
});

test("shapes: a URL sheet with a syntax error rejects with its line and column in problems", async (t) => {
  const { page, errors } = await open(t, "/fixtures/api.html");
  const rejected = await page.evaluate(async () => {
    try {
      await window.factcards.mount(document.getElementById("target"), "/fixtures/bad-syntax.json");
      return null;
    } catch (error) {
      return { isError: error instanceof Error, message: error.message, problems: error.problems };
    }
  });
  assert.ok(rejected, "the promise resolved");
  assert.equal(rejected.isError, true);
  assert.match(rejected.message, /line 4, column 3: expected ','/);
  assert.equal(rejected.problems.length, 1);
  const [problem] = rejected.problems;
  assert.deepEqual(Object.keys(problem).sort(), ["column", "line", "message", "path", "severity"]);
  assert.deepEqual({ ...problem, message: undefined }, { path: "", message: undefined, line: 4, column: 3, severity: "error" });
  assert.match(problem.message, /expected ','/);
  assert.deepEqual(await errorDetail(page, "target"), { problems: rejected.problems });
  assert.deepEqual(errors, []);
});

test("shapes: a 404 rejects with one problem without a position", async (t) => {
  const { page, errors } = await open(t, "/fixtures/api.html");
  const problems = await page.evaluate(async () => {
    try {
      await window.factcards.mount(document.getElementById("other"), "/fixtures/missing-sheet.json");
      return null;
    } catch (error) {
      return error.problems;
    }
  });
  assert.equal(problems?.length, 1);
  assert.equal(problems[0].path, "");
  assert.match(problems[0].message, /HTTP 404/);
  assert.equal(problems[0].line, null);
  assert.equal(problems[0].severity, "error");
  assert.deepEqual(errors, []);
});

test("shapes: the drop-in's factcards:error detail lists each problem of an invalid sheet with its path and position", async (t) => {
  const { page, errors } = await open(t, "/fixtures/errors.html");
  const { problems } = await errorDetail(page, "invalid");
  assert.deepEqual(
    problems.map(({ path, severity }) => ({ path, severity })),
    [
      { path: "updated", severity: "error" },
      { path: "cards[0].facts[0].sources[0]", severity: "error" },
      { path: "cards[0].facts[1].sources[1]", severity: "error" },
    ],
  );
  for (const problem of problems) {
    assert.equal(typeof problem.line, "number", `${problem.path} has a line`);
    assert.equal(typeof problem.column, "number", `${problem.path} has a column`);
  }
  assert.deepEqual(errors, []);
});
