// The cross-engine run's verdict (verdict.mjs), on stand-in runs: the TAP of
// verdict-fixtures/standin.mjs, a suite shaped like engines.test.mjs, made
// by this machine's node, so that the format is the one scripts/test reads.
// scripts/test runs this file on its own, early; the cross-engine step runs
// engines.test.mjs alone, so that this file is not part of that run.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { ACROSS, DEFECTS, ENGINES, judgeFirst, judgeRerun, loadDefects, parseTap } from "./verdict.mjs";

const HERE = fileURLToPath(new URL(".", import.meta.url));
const STANDIN = join(HERE, "verdict-fixtures", "standin.mjs");
const VERDICT = join(HERE, "verdict.mjs");
const STANDIN_DEFECTS = join(HERE, "verdict-fixtures", "defects.json");
const defects = loadDefects(STANDIN_DEFECTS);
const FIRST = "target/engines-first-run.tap";
const RERUN = "target/engines.tap";

const DEMO = "demo page: the drop-in goes live; chips filter, search finds, a source opens";
const TRAP = "trap: a trap in the wasm leaves the demo widget as a panic would (its panel, with data-debug)";
const IFRAME = "iframe: sized to its content, grows when a card opens, sends its events, no error event";
const FACE = "demo page: the widget's text is set in a named face, and --fc-font overrides it";
const WIDTHS = "the widget's text has the same width in every engine (±3%): the same face";
const REPORT = "https://bugs.example.org/standin/1";
/** What a trap in the wasm leaves: an error event on the page, as noErrors() reports it. */
const TRAPPED = { errors: ["RuntimeError: Out of bounds memory access (near '...')"] };

const runs = new Map();
/** Runs the stand-in suite under node's TAP reporter, as scripts/test runs the real one (each spec once). */
function standin(spec = {}) {
  const key = JSON.stringify(spec);
  if (!runs.has(key)) {
    const env = { ...process.env, STANDIN: key };
    // Set for the files that node --test runs; a nested runner that saw it would report to us, not in TAP.
    delete env.NODE_TEST_CONTEXT;
    const run = spawnSync(process.execPath, ["--test", "--test-reporter=tap", STANDIN], { env, encoding: "utf8" });
    runs.set(key, { text: run.stdout + run.stderr, status: run.status });
  }
  return runs.get(key);
}
const first = (run) => judgeFirst(run.text, { status: run.status, defects, path: RERUN });
const rerun = (firstRun, again) => judgeRerun(firstRun.text, again.text, { status: again.status, defects, firstPath: FIRST, rerunPath: RERUN });

describe("the first run", () => {
  test("all pass: pass", () => {
    const result = first(standin());
    assert.equal(result.verdict, "pass");
    assert.deepEqual(result.lines, ["cross-engine verdict: pass (13 tests passed, 0 skipped)"]);
  });

  test("a test skipped for its own reason (no test-hooks build) is still a pass", () => {
    const skip = Object.fromEntries(ENGINES.map((engine) => [`${engine} > ${TRAP}`, "no target/dist-test: scripts/test builds it"]));
    assert.deepEqual(first(standin({ skip })).lines, ["cross-engine verdict: pass (10 tests passed, 3 skipped)"]);
  });

  test("an unknown failure in one engine: fail, with no rerun", () => {
    const result = first(standin({ fail: { [`firefox > ${DEMO}`]: "firefox: timed out waiting for the demo widget to go live (waitUntil)\nthe page: {}" } }));
    assert.equal(result.verdict, "fail");
    assert.deepEqual(result.lines, [
      "cross-engine verdict: fail, with no rerun: 1 of 1 failed test(s) match no known engine defect",
      `  FAILED firefox > ${DEMO}: firefox: timed out waiting for the demo widget to go live (waitUntil)`,
      "The full output: target/engines.tap",
    ]);
  });

  test("a failure of the test across engines: fail, with no rerun, though the engines passed", () => {
    const result = first(standin({ widths: { webkit: 529 } }));
    assert.equal(result.verdict, "fail");
    assert.deepEqual(result.lines, [
      "cross-engine verdict: fail, with no rerun: 1 of 1 failed test(s) match no known engine defect",
      `  FAILED across engines > ${WIDTHS}: one line of text, in px: {"chromium":600,"firefox":600,"webkit":529}`,
      "The full output: target/engines.tap",
    ]);
  });

  test("a known defect in one engine: a rerun of that engine", () => {
    const result = first(standin({ fail: { [`webkit > ${IFRAME}`]: TRAPPED } }));
    assert.equal(result.verdict, "rerun");
    assert.deepEqual(result.engines, ["webkit"]);
    assert.deepEqual(result.lines, [
      "cross-engine verdict: rerun webkit: every failed test matches a known engine defect",
      `  FAILED webkit > ${IFRAME} (known defect standin-webkit-out-of-bounds, ${REPORT}): webkit: error events on the page`,
    ]);
  });

  test("the same error in an engine the defect is not of: fail", () => {
    const result = first(standin({ fail: { [`firefox > ${IFRAME}`]: TRAPPED } }));
    assert.equal(result.verdict, "fail");
    assert.deepEqual(result.lines.slice(1, 2), [`  FAILED firefox > ${IFRAME}: firefox: error events on the page`]);
  });

  test("a known defect and an unknown failure in the same run: fail, with no rerun", () => {
    const result = first(standin({
      fail: { [`webkit > ${IFRAME}`]: TRAPPED, [`webkit > ${DEMO}`]: "webkit: timed out waiting for the demo widget to go live" },
    }));
    assert.equal(result.verdict, "fail");
    assert.deepEqual(result.lines, [
      "cross-engine verdict: fail, with no rerun: 1 of 2 failed test(s) match no known engine defect",
      `  FAILED webkit > ${DEMO}: webkit: timed out waiting for the demo widget to go live`,
      `  FAILED webkit > ${IFRAME} (known defect standin-webkit-out-of-bounds, ${REPORT}): webkit: error events on the page`,
      "The full output: target/engines.tap",
    ]);
  });

  test("a known defect that left the test across engines without a width: a rerun of every engine", () => {
    const result = first(standin({ fail: { [`webkit > ${FACE}`]: TRAPPED } }));
    assert.equal(result.verdict, "rerun");
    assert.deepEqual(result.engines, ["chromium", "firefox", "webkit"]);
    assert.deepEqual(result.lines, [
      "cross-engine verdict: rerun chromium,firefox,webkit: every failed test matches a known engine defect",
      `  FAILED webkit > ${FACE} (known defect standin-webkit-out-of-bounds, ${REPORT}): webkit: error events on the page`,
      `  SKIPPED across engines > ${WIDTHS}: no width from webkit: the test of the face did not measure one`,
    ]);
  });

  test("the test across engines skipped in a run of several engines, with no failure: fail", () => {
    const result = first(standin({ skip: { [`webkit > ${FACE}`]: "skipped by hand" } }));
    assert.equal(result.verdict, "fail");
    assert.deepEqual(result.lines, [
      "cross-engine verdict: fail, with no rerun: the comparison across engines did not run in a run of chromium, firefox, webkit, and no failure explains it",
      `  SKIPPED across engines > ${WIDTHS}: no width from webkit: the test of the face did not measure one`,
      "The full output: target/engines.tap",
    ]);
  });

  test("one engine alone: the test across engines is skipped, with its reason, and that run passes", () => {
    const run = standin({ engines: "webkit" });
    const across = parseTap(run.text).tests.find((t) => t.path.join(" > ") === `${ACROSS} > ${WIDTHS}`);
    assert.deepEqual([across.ok, across.directive, across.reason], [true, "SKIP", "needs two engines or more, and ENGINES is webkit"]);
    assert.deepEqual(first(run).lines, ["cross-engine verdict: pass (4 tests passed, 1 skipped)"]);
  });
});

describe("a stream that is not a complete run fails", () => {
  let complete;
  before(() => (complete = standin()));

  test("empty", () => {
    const result = judgeFirst("", { status: 0, defects, path: RERUN });
    assert.equal(result.verdict, "fail");
    assert.deepEqual(result.lines, [
      "cross-engine verdict: fail: the TAP is not one complete run (a crashed or stopped runner is not a pass)",
      "  no `TAP version` line: the runner printed no TAP",
      "  no closing plan (1..N): the stream ended early",
      "The full output: target/engines.tap",
    ]);
  });

  test("cut off in the middle, after passing tests only", () => {
    // After the first result of webkit's and its diagnostics.
    const lines = complete.text.split("\n");
    const webkit = lines.indexOf("# Subtest: webkit");
    const cut = lines.slice(0, lines.indexOf("      ...", webkit) + 1).join("\n");
    const result = judgeFirst(cut, { status: 0, defects, path: RERUN });
    assert.equal(result.verdict, "fail");
    assert.deepEqual(result.lines, [
      "cross-engine verdict: fail: the TAP is not one complete run (a crashed or stopped runner is not a pass)",
      `  no result for "webkit": the runner stopped inside it`,
      "  1 result(s) at depth 1 without their suite's: the stream ended early",
      "  no closing plan (1..N): the stream ended early",
      "The full output: target/engines.tap",
    ]);
  });

  test("cut off inside a diagnostic block", () => {
    const cut = complete.text.slice(0, complete.text.indexOf("duration_ms"));
    assert.match(judgeFirst(cut, { status: 0, defects, path: RERUN }).lines.join("\n"), /ended inside the diagnostics of "demo page: the drop-in goes live/);
  });

  test("the runner's process ended inside a test", () => {
    // Node reports the file as a failed test; whether the results before the
    // exit reached the stream depends on timing, so only that line is exact.
    const result = first(standin({ crash: `webkit > ${IFRAME}` }));
    assert.equal(result.verdict, "fail");
    assert.match(result.lines[0], /^cross-engine verdict: fail/);
    assert.ok(result.lines.includes(`  FAILED ${STANDIN}: test failed (exit code 1)`), result.lines.join("\n"));
  });

  test("the runner's process ended inside a test, after some results (as node 20 printed it)", () => {
    const text = [
      "TAP version 13",
      "# Subtest: webkit",
      "    # Subtest: first",
      "    ok 1 - first",
      "      ---",
      "      duration_ms: 0.5",
      "      ...",
      "# Subtest: /work/tools/engines/engines.test.mjs",
      "not ok 1 - /work/tools/engines/engines.test.mjs",
      "  ---",
      "  duration_ms: 141.3",
      "  location: '/work/tools/engines/engines.test.mjs:1:1'",
      "  failureType: 'testCodeFailure'",
      "  exitCode: 7",
      "  signal: ~",
      "  error: 'test failed'",
      "  code: 'ERR_TEST_FAILURE'",
      "  ...",
      "1..1",
      "# tests 2",
      "# suites 0",
      "# pass 1",
      "# fail 1",
      "# cancelled 0",
    ].join("\n");
    assert.deepEqual(judgeFirst(text, { status: 1, defects, path: RERUN }).lines, [
      "cross-engine verdict: fail: the TAP is not one complete run (a crashed or stopped runner is not a pass)",
      `  no result for "webkit": the runner stopped inside it`,
      `  "/work/tools/engines/engines.test.mjs" has 1 subtest result(s) and no plan`,
      "  FAILED /work/tools/engines/engines.test.mjs: test failed (exit code 7)",
      "The full output: target/engines.tap",
    ]);
  });

  test("complete TAP with no failure, from a runner that exited with an error", () => {
    assert.deepEqual(judgeFirst(complete.text, { status: 1, defects, path: RERUN }).lines, [
      "cross-engine verdict: fail: the TAP is not one complete run (a crashed or stopped runner is not a pass)",
      "  the runner exited with status 1, and its TAP shows no failed test",
      "The full output: target/engines.tap",
    ]);
  });

  test("a summary that counts failures the results do not show", () => {
    const text = complete.text.replace(/^# fail 0$/m, "# fail 2");
    assert.deepEqual(judgeFirst(text, { status: 1, defects, path: RERUN }).lines.slice(1, 2), [
      "  the runner counted 2 failed and 0 cancelled, and the TAP shows no failed test",
    ]);
  });
});

describe("the rerun", () => {
  test("a known defect whose rerun passes: pass, and the last lines say what was retried and where the first run is", () => {
    const firstRun = standin({ fail: { [`webkit > ${IFRAME}`]: TRAPPED } });
    const result = rerun(firstRun, standin({ engines: "webkit" }));
    assert.equal(result.verdict, "pass");
    assert.deepEqual(result.lines, ["cross-engine verdict: pass on the rerun of webkit (4 tests passed, 1 skipped)"]);
    assert.deepEqual(result.last, [
      "RETRIED: webkit ran again after known engine defects, and passed:",
      `  standin-webkit-out-of-bounds (${REPORT}) in webkit > ${IFRAME}: webkit: error events on the page`,
      "The first run's output: target/engines-first-run.tap",
    ]);
  });

  test("a known defect whose rerun fails the same way: fail", () => {
    const spec = { fail: { [`webkit > ${IFRAME}`]: TRAPPED } };
    const result = rerun(standin(spec), standin({ ...spec, engines: "webkit" }));
    assert.equal(result.verdict, "fail");
    assert.deepEqual(result.lines, [
      "cross-engine verdict: fail on the rerun of webkit",
      `  FAILED webkit > ${IFRAME} (known defect standin-webkit-out-of-bounds, ${REPORT}): webkit: error events on the page`,
      "The rerun's output: target/engines.tap",
      "The first run's output: target/engines-first-run.tap",
    ]);
  });

  test("a rerun that fails elsewhere: fail", () => {
    const result = rerun(standin({ fail: { [`webkit > ${IFRAME}`]: TRAPPED } }), standin({ engines: "webkit", fail: { [`webkit > ${DEMO}`]: "webkit: timed out" } }));
    assert.equal(result.verdict, "fail");
    assert.deepEqual(result.lines.slice(1, 2), [`  FAILED webkit > ${DEMO}: webkit: timed out`]);
  });

  test("a rerun that skips the test that failed: fail, the failure stands", () => {
    const result = rerun(
      standin({ fail: { [`webkit > ${TRAP}`]: TRAPPED } }),
      standin({ engines: "webkit", skip: { [`webkit > ${TRAP}`]: "no target/dist-test: scripts/test builds it" } }),
    );
    assert.equal(result.verdict, "fail");
    assert.deepEqual(result.lines, [
      "cross-engine verdict: fail on the rerun of webkit",
      `  SKIPPED IN THE RERUN webkit > ${TRAP}: no target/dist-test: scripts/test builds it (its first run's failure stands)`,
      "The rerun's output: target/engines.tap",
      "The first run's output: target/engines-first-run.tap",
    ]);
  });

  test("a rerun of one engine where the test across engines needed all of them: fail, its skip is no pass", () => {
    const result = rerun(standin({ fail: { [`webkit > ${FACE}`]: TRAPPED } }), standin({ engines: "webkit" }));
    assert.equal(result.verdict, "fail");
    assert.deepEqual(result.lines, [
      "cross-engine verdict: fail on the rerun of chromium,firefox,webkit",
      `  SKIPPED IN THE RERUN across engines > ${WIDTHS}: needs two engines or more, and ENGINES is webkit (its first run's failure stands)`,
      "The rerun's output: target/engines.tap",
      "The first run's output: target/engines-first-run.tap",
    ]);
  });

  test("the rerun of every engine, for the test across engines: pass", () => {
    const result = rerun(standin({ fail: { [`webkit > ${FACE}`]: TRAPPED } }), standin());
    assert.equal(result.verdict, "pass");
    assert.deepEqual(result.last, [
      "RETRIED: chromium,firefox,webkit ran again after known engine defects, and passed:",
      `  standin-webkit-out-of-bounds (${REPORT}) in webkit > ${FACE}: webkit: error events on the page`,
      "The first run's output: target/engines-first-run.tap",
    ]);
  });

  test("a rerun that did not run the test that failed: fail", () => {
    const result = rerun(standin({ fail: { [`webkit > ${IFRAME}`]: TRAPPED } }), standin({ engines: "chromium" }));
    assert.equal(result.verdict, "fail");
    assert.deepEqual(result.lines.slice(1, 2), [`  NOT RUN AGAIN webkit > ${IFRAME}: its first run's failure stands`]);
  });

  test("a rerun whose runner crashed: fail", () => {
    const result = rerun(standin({ fail: { [`webkit > ${IFRAME}`]: TRAPPED } }), standin({ engines: "webkit", crash: `webkit > ${TRAP}` }));
    assert.equal(result.verdict, "fail");
    assert.ok(result.lines.includes(`  FAILED ${STANDIN}: test failed (exit code 1)`), result.lines.join("\n"));
  });

  test("a rerun after a first run that called for none: fail", () => {
    const result = rerun(standin({ fail: { [`webkit > ${DEMO}`]: "webkit: timed out" } }), standin({ engines: "webkit" }));
    assert.equal(result.verdict, "fail");
    assert.equal(result.lines[0], "cross-engine verdict: fail: the first run (target/engines-first-run.tap) calls for no rerun");
  });
});

describe("node's TAP, as read", () => {
  test("nested subtests, YAML diagnostics, skips, suites that only repeat their subtests' failure", () => {
    const { tests, problems } = parseTap(standin({
      fail: { [`webkit > ${IFRAME}`]: TRAPPED, [`chromium > ${DEMO}`]: "chromium: timed out\nthe page: {\"url\": \"/\"}" },
      skip: { [`firefox > ${TRAP}`]: "no target/dist-test: scripts/test builds it" },
    }).text);
    assert.deepEqual(problems, []);
    const at = (path) => tests.find((t) => t.path.join(" > ") === path);
    assert.deepEqual(tests.filter((t) => t.path.length === 1).map((t) => [t.name, t.ok, t.children.length, t.fields.failureType ?? null]), [
      ["chromium", false, 4, "subtestsFailed"],
      ["firefox", true, 4, null],
      ["webkit", false, 4, "subtestsFailed"],
      [ACROSS, true, 1, null],
    ]);
    const demo = at(`chromium > ${DEMO}`);
    assert.equal(demo.fields.error, "chromium: timed out\nthe page: {\"url\": \"/\"}");
    assert.equal(demo.fields.failureType, "testCodeFailure");
    const iframe = at(`webkit > ${IFRAME}`);
    assert.equal(iframe.fields.code, "ERR_ASSERTION");
    // The page's errors are in the block (actual:), not in the message: a defect's pattern reads the whole block.
    assert.match(iframe.diagnostic, /^actual:\n {2}0: "RuntimeError: Out of bounds memory access/m);
    assert.deepEqual([at(`firefox > ${TRAP}`).directive, at(`firefox > ${TRAP}`).reason], ["SKIP", "no target/dist-test: scripts/test builds it"]);
  });

  test("deeper nesting, escaped names, TODO, a hook's failure on a suite", () => {
    const text = [
      "TAP version 13",
      "# Subtest: webkit",
      "    # Subtest: a group",
      "        # Subtest: a name with \\# in it",
      "        not ok 1 - a name with \\# in it",
      "          ---",
      "          failureType: 'testCodeFailure'",
      "          error: 'boom'",
      "          ...",
      "        # Subtest: later",
      "        not ok 2 - later # TODO not yet",
      "        1..2",
      "    not ok 1 - a group",
      "      ---",
      "      failureType: 'subtestsFailed'",
      "      error: '1 subtest failed'",
      "      ...",
      "    1..1",
      "not ok 1 - webkit",
      "  ---",
      "  failureType: 'hookFailed'",
      "  error: 'the driver did not start'",
      "  ...",
      "1..1",
      "# tests 2",
      "# fail 1",
      "# cancelled 0",
    ].join("\n");
    const { tests, problems } = parseTap(text);
    assert.deepEqual(problems, []);
    assert.deepEqual(tests.map((t) => t.path.join(" > ")), ["webkit", "webkit > a group", "webkit > a group > a name with # in it", "webkit > a group > later"]);
    assert.deepEqual(judgeFirst(text, { status: 1, defects, path: RERUN }).lines, [
      "cross-engine verdict: fail, with no rerun: 2 of 2 failed test(s) match no known engine defect",
      "  FAILED webkit: the driver did not start",
      "  FAILED webkit > a group > a name with # in it: boom",
      "The full output: target/engines.tap",
    ]);
  });

  test("a plan that does not match the results", () => {
    const text = "TAP version 13\n# Subtest: webkit\n    # Subtest: a\n    ok 1 - a\n    1..2\nok 1 - webkit\n1..1\n# fail 0\n# cancelled 0\n";
    assert.deepEqual(parseTap(text).problems, ['"webkit" has 1 subtest result(s) and a plan of 2']);
  });
});

describe("the defect list", () => {
  test("the real one is valid, and each of its defects is in docs/browsers.md with its report", () => {
    const browsers = readFileSync(join(HERE, "..", "..", "docs", "browsers.md"), "utf8");
    for (const defect of loadDefects(DEFECTS)) {
      assert.ok(browsers.includes(defect.id), `${defect.id} is not described in docs/browsers.md`);
      assert.ok(browsers.includes(defect.report), `${defect.id}'s report ${defect.report} is not in docs/browsers.md`);
    }
  });

  test("engines.test.mjs has the engines and the suite across them that the verdict knows", () => {
    const suite = readFileSync(join(HERE, "engines.test.mjs"), "utf8");
    assert.ok(suite.includes(`process.env.ENGINES ?? "${ENGINES.join(",")}"`));
    assert.ok(suite.includes(`describe("${ACROSS}"`));
  });

  test("an entry that cannot be matched precisely is refused", (t) => {
    const dir = mkdtempSync(join(tmpdir(), "verdict-"));
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    const entry = { id: "x", engine: "webkit", test: "^iframe: ", diagnostic: "RuntimeError", report: "https://bugs.webkit.org/show_bug.cgi?id=1" };
    const refused = (defects) => {
      const file = join(dir, "defects.json");
      writeFileSync(file, JSON.stringify({ defects }));
      return assert.throws(() => loadDefects(file));
    };
    refused([{ ...entry, engine: "across engines" }]);
    refused([{ ...entry, report: "" }]);
    refused([{ ...entry, report: "bug 1" }]);
    refused([{ ...entry, diagnostic: undefined }]);
    refused([{ ...entry, test: "(" }]);
    refused([entry, entry]);
  });
});

describe("the command, as scripts/test calls it", () => {
  let dir;
  before(() => (dir = mkdtempSync(join(tmpdir(), "verdict-"))));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const verdict = (...args) => spawnSync(process.execPath, [VERDICT, ...args, "--defects", STANDIN_DEFECTS], { encoding: "utf8" });
  const save = (name, run) => {
    writeFileSync(join(dir, name), run.text);
    return join(dir, name);
  };

  test("pass: `pass`, status 0", () => {
    const result = verdict("first", "--status", "0", save("pass.tap", standin()));
    assert.deepEqual([result.status, result.stdout], [0, "pass\n"]);
  });

  test("fail: `fail`, status 1, and the failed tests on stderr", () => {
    const result = verdict("first", "--status", "1", save("fail.tap", standin({ fail: { [`webkit > ${DEMO}`]: "webkit: timed out" } })));
    assert.deepEqual([result.status, result.stdout], [1, "fail\n"]);
    assert.match(result.stderr, new RegExp(`^ {2}FAILED webkit > ${DEMO.replace(/[()]/g, "\\$&")}: webkit: timed out$`, "m"));
  });

  test("a known defect: `rerun webkit`, status 0; then the rerun's last lines on stdout", () => {
    const firstRun = standin({ fail: { [`webkit > ${IFRAME}`]: TRAPPED } });
    const firstFile = save("first.tap", firstRun);
    const result = verdict("first", "--status", String(firstRun.status), firstFile);
    assert.deepEqual([result.status, result.stdout], [0, "rerun webkit\n"]);
    const again = verdict("rerun", "--status", "0", "--first", firstFile, save("again.tap", standin({ engines: "webkit" })));
    assert.equal(again.status, 0);
    assert.equal(again.stdout, [
      "RETRIED: webkit ran again after known engine defects, and passed:",
      `  standin-webkit-out-of-bounds (${REPORT}) in webkit > ${IFRAME}: webkit: error events on the page`,
      `The first run's output: ${firstFile}`,
      "",
    ].join("\n"));
  });

  test("a rerun that fails: status 1 and nothing on stdout", () => {
    const spec = { fail: { [`webkit > ${IFRAME}`]: TRAPPED } };
    const again = verdict("rerun", "--status", "1", "--first", save("first2.tap", standin(spec)), save("again2.tap", standin({ ...spec, engines: "webkit" })));
    assert.deepEqual([again.status, again.stdout], [1, ""]);
  });

  test("a missing TAP file or bad arguments: status 1, never a pass", () => {
    assert.equal(verdict("first", "--status", "0", join(dir, "none.tap")).status, 1);
    assert.equal(verdict("first", join(dir, "none.tap")).status, 1);
    assert.equal(verdict("again", "--status", "0", save("pass2.tap", standin())).status, 1);
  });
});
