// The cross-engine run's verdict, from its TAP (node --test-reporter=tap).
// scripts/test asks it whether the run passed, and after a rerun whether
// that rerun may stand for the first run's failures.
//
// The rule: every failed test fails the run, in any engine and across them,
// with no rerun. The one exception is a failure whose engine, test name and
// diagnostic match a documented engine defect in known-defects.json (each
// one described in docs/browsers.md with its upstream report): if every
// failure of the run is such a one, those engines run once more, and the
// run passes only if that rerun is complete, has no failed test, and passes
// (not skips) every test that failed the first time.
//
//   node tools/engines/verdict.mjs first --status N FIRST.tap
//     prints `pass`, `rerun <engines>` or `fail` on stdout; exits 1 on `fail`
//   node tools/engines/verdict.mjs rerun --status N --first FIRST.tap RERUN.tap
//     exits 0 if the rerun passes, and prints on stdout the lines to end the
//     run with (which defects were retried, where the first run is kept)
//
// --status is the runner's exit status: a run whose runner failed is not a
// pass, whatever its TAP says. --defects FILE reads another defect list (for
// the unit tests). The reasons go to stderr.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** The top-level suites of engines.test.mjs that are engines: a known defect belongs to one of them. */
export const ENGINES = ["chromium", "firefox", "webkit"];
/** The suite of engines.test.mjs whose tests compare the engines' results. */
export const ACROSS = "across engines";
export const DEFECTS = fileURLToPath(new URL("./known-defects.json", import.meta.url));

// ---------------------------------------------------------------------------
// Node's TAP: results nested by four spaces per level, each test's result
// after its subtests', a plan (1..N) closing each level, a YAML block of
// diagnostics after a result, and the run's counts after the last plan.
// ---------------------------------------------------------------------------

const RESULT = /^(not ok|ok)(?: (\d+))?(?: -)?(?: (.*))?$/;
const PLAN = /^1\.\.(\d+)/;
const SUMMARY = /^# (tests|suites|pass|fail|cancelled|skipped|todo) (\d+)$/;

/** Splits `name # SKIP reason` at the first `#` that the reporter did not escape. */
function splitDirective(rest) {
  let name = "";
  for (let i = 0; i < rest.length; i++) {
    if (rest[i] === "\\" && i + 1 < rest.length) {
      name += rest[i + 1];
      i++;
    } else if (rest[i] === "#") {
      const directive = rest.slice(i + 1).match(/^\s*(SKIP|TODO)\b\s*(.*)$/i);
      return { name: name.trimEnd(), directive: directive?.[1].toUpperCase() ?? null, reason: directive?.[2] ?? "" };
    } else name += rest[i];
  }
  return { name: name.trimEnd(), directive: null, reason: "" };
}

/** The top-level keys of one of node's diagnostic blocks (strings, and `|-` blocks). */
function readYaml(lines) {
  const fields = {};
  for (let i = 0; i < lines.length; i++) {
    const match = lines[i].match(/^([A-Za-z_]\w*): ?(.*)$/);
    if (!match) continue;
    const [, key, value] = match;
    if (/^[|>][-+]?$/.test(value)) {
      const block = [];
      while (i + 1 < lines.length && (lines[i + 1].startsWith("  ") || lines[i + 1].trim() === "")) block.push(lines[++i].slice(2));
      fields[key] = block.join("\n").trimEnd();
    } else if (value.startsWith("'") && value.endsWith("'") && value.length > 1) {
      fields[key] = value.slice(1, -1).replaceAll("''", "'");
    } else if (value.startsWith('"')) {
      try {
        fields[key] = JSON.parse(value);
      } catch {
        fields[key] = value;
      }
    } else fields[key] = value;
  }
  return fields;
}

/**
 * Reads a TAP stream into its tests. Each test has its `path` (the names of
 * its suites, then its own), `ok`, `directive` (SKIP, TODO or null), `reason`,
 * `children`, `fields` (its diagnostics) and `diagnostic` (their text).
 * `problems` says why the stream is not one complete run, if it is not.
 */
export function parseTap(text) {
  const lines = text.split(/\r?\n/);
  const problems = [];
  const pending = [[]]; // per depth, the results that wait for their parent's
  const plans = []; // per depth, the plan that closed the current level
  const announced = []; // per depth, the `# Subtest:` that waits for its result
  let version = false;
  let topPlan = null;
  const summary = {};
  /** A test announced at `from` or deeper whose result never came: the runner stopped inside it. */
  const unresolved = (from) => {
    for (const name of announced.slice(from)) {
      if (name !== undefined) problems.push(`no result for "${name}": the runner stopped inside it`);
    }
    announced.length = Math.min(announced.length, from);
  };
  for (let i = 0; i < lines.length; i++) {
    const indent = lines[i].match(/^ */)[0].length;
    const body = lines[i].slice(indent);
    if (indent % 4 !== 0) continue;
    const depth = indent / 4;
    if (depth === 0 && /^TAP version \d+$/.test(body)) {
      version = true;
      continue;
    }
    if (body.startsWith("# Subtest: ")) {
      unresolved(depth);
      announced[depth] = splitDirective(body.slice("# Subtest: ".length)).name;
      continue;
    }
    if (depth === 0 && topPlan !== null) {
      const count = body.match(SUMMARY);
      if (count) summary[count[1]] = Number(count[2]);
    }
    const plan = body.match(PLAN);
    if (plan) {
      if (depth === 0) topPlan = Number(plan[1]);
      else plans[depth] = Number(plan[1]);
      continue;
    }
    const result = body.match(RESULT);
    if (!result) continue;
    const { name, directive, reason } = splitDirective(result[3] ?? "");
    // The diagnostic block, two spaces in from its result.
    const yaml = [];
    if (lines[i + 1] === `${" ".repeat(indent + 2)}---`) {
      let end = i + 2;
      while (end < lines.length && lines[end] !== `${" ".repeat(indent + 2)}...`) end++;
      if (end === lines.length) problems.push(`the stream ended inside the diagnostics of "${name}"`);
      for (const line of lines.slice(i + 2, end)) yaml.push(line.slice(indent + 2));
      i = end;
    }
    const children = pending[depth + 1] ?? [];
    pending[depth + 1] = [];
    const childPlan = plans[depth + 1];
    plans[depth + 1] = undefined;
    if (children.length > 0 && childPlan !== children.length) {
      problems.push(`"${name}" has ${children.length} subtest result(s) and ${childPlan === undefined ? "no plan" : `a plan of ${childPlan}`}`);
    }
    unresolved(depth + 1);
    if (announced[depth] !== undefined && announced[depth] !== name) unresolved(depth);
    announced.length = Math.min(announced.length, depth);
    (pending[depth] ??= []).push({
      name,
      ok: result[1] === "ok",
      directive,
      reason,
      children,
      fields: readYaml(yaml),
      diagnostic: yaml.join("\n"),
    });
  }
  unresolved(0);
  for (let depth = 1; depth < pending.length; depth++) {
    if (pending[depth]?.length) problems.push(`${pending[depth].length} result(s) at depth ${depth} without their suite's: the stream ended early`);
  }
  const tests = pending[0];
  if (!version) problems.push("no `TAP version` line: the runner printed no TAP");
  if (topPlan === null) problems.push("no closing plan (1..N): the stream ended early");
  else if (topPlan !== tests.length) problems.push(`a plan of ${topPlan} for ${tests.length} top-level result(s)`);
  if (topPlan !== null && (summary.fail === undefined || summary.cancelled === undefined)) {
    problems.push("no `# fail` and `# cancelled` counts after the plan: the stream ended early");
  }
  // Paths, from the top.
  const all = [];
  const walk = (test, parents) => {
    test.path = [...parents, test.name];
    all.push(test);
    for (const child of test.children) walk(child, test.path);
  };
  for (const test of tests) walk(test, []);
  if (topPlan !== null && all.length === 0) problems.push("no test ran");
  return { tests: all, summary, problems };
}

/** A test's result that fails the run: a `not ok` that is not TODO, unless it only repeats its subtests' failures. */
function isFailure(test) {
  if (test.ok || test.directive === "TODO") return false;
  return !(test.fields.failureType === "subtestsFailed" && test.children.some(isFailure));
}

/** The tests that failed, the run's engines, the tests counted, and why the stream cannot be judged. */
export function readRun(text, status) {
  const { tests, summary, problems } = parseTap(text);
  const failures = tests.filter(isFailure);
  if ((summary.fail ?? 0) + (summary.cancelled ?? 0) > 0 && failures.length === 0) {
    problems.push(`the runner counted ${summary.fail} failed and ${summary.cancelled} cancelled, and the TAP shows no failed test`);
  }
  if (status !== 0 && failures.length === 0 && problems.length === 0) {
    problems.push(`the runner exited with status ${status}, and its TAP shows no failed test`);
  }
  const engines = ENGINES.filter((engine) => tests.some((test) => test.path.length === 1 && test.name === engine));
  const leaves = tests.filter((test) => test.children.length === 0);
  return {
    tests,
    failures,
    engines,
    problems,
    passed: leaves.filter((test) => test.ok && !test.directive).length,
    skipped: leaves.filter((test) => test.directive === "SKIP").length,
  };
}

// ---------------------------------------------------------------------------
// The known engine defects.
// ---------------------------------------------------------------------------

/** Reads and checks the defect list: a defect that cannot be matched precisely is no exception at all. */
export function loadDefects(file = DEFECTS) {
  const { defects } = JSON.parse(readFileSync(file, "utf8"));
  if (!Array.isArray(defects)) throw new Error(`${file}: "defects" is not a list`);
  const ids = new Set();
  return defects.map((defect, index) => {
    const where = `${file}, defect ${index + 1}`;
    for (const key of ["id", "engine", "test", "diagnostic", "report"]) {
      if (typeof defect[key] !== "string" || defect[key] === "") throw new Error(`${where}: no "${key}"`);
    }
    if (ids.has(defect.id)) throw new Error(`${where}: the id ${defect.id} twice`);
    ids.add(defect.id);
    if (!ENGINES.includes(defect.engine)) throw new Error(`${where}: "${defect.engine}" is not one of ${ENGINES.join(", ")}`);
    if (!/^https:\/\/\S+$/.test(defect.report)) throw new Error(`${where}: the report is not an https address`);
    return { ...defect, testPattern: new RegExp(defect.test), diagnosticPattern: new RegExp(defect.diagnostic) };
  });
}

/** The defect that a failed test is, if any: its engine, its name within the engine, its diagnostics. */
export function matchDefect(test, defects) {
  const [engine, ...name] = test.path;
  return defects.find((defect) => defect.engine === engine && name.length > 0 &&
    defect.testPattern.test(name.join(" > ")) && defect.diagnosticPattern.test(test.diagnostic)) ?? null;
}

// ---------------------------------------------------------------------------
// The verdicts.
// ---------------------------------------------------------------------------

const named = (test) => test.path.join(" > ");
/** A failure's message in one line; for a test file whose process ended, how it ended. */
function firstLine(test) {
  const { error, failureType, exitCode, signal } = test.fields;
  const line = String(error ?? failureType ?? "(no diagnostics)").split("\n")[0];
  const ended = [exitCode && exitCode !== "~" && `exit code ${exitCode}`, signal && signal !== "~" && `signal ${signal}`].filter(Boolean);
  return ended.length ? `${line} (${ended.join(", ")})` : line;
}

/** One line per failed test, and the defect it matches if any. */
function failureLines(failures, defects) {
  return failures.map((test) => {
    const defect = matchDefect(test, defects);
    return `  FAILED ${named(test)}${defect ? ` (known defect ${defect.id}, ${defect.report})` : ""}: ${firstLine(test)}`;
  });
}

/**
 * The first run's verdict: `pass`, `rerun` (with `engines`, and `needed`: the
 * tests the rerun must pass) or `fail`, and the lines that say why.
 */
export function judgeFirst(text, { status, defects, path }) {
  const run = readRun(text, status);
  if (run.problems.length > 0) {
    return {
      verdict: "fail",
      lines: [
        "cross-engine verdict: fail: the TAP is not one complete run (a crashed or stopped runner is not a pass)",
        ...run.problems.map((problem) => `  ${problem}`),
        ...failureLines(run.failures, defects),
        `The full output: ${path}`,
      ],
    };
  }
  // A comparison across engines that could not be made, in a run of several
  // engines, is no pass: only a rerun of all of them can make it.
  const acrossSkipped = run.engines.length > 1
    ? run.tests.filter((test) => test.path[0] === ACROSS && test.children.length === 0 && test.directive === "SKIP")
    : [];
  const skippedLines = acrossSkipped.map((test) => `  SKIPPED ${named(test)}: ${test.reason}`);
  if (run.failures.length === 0 && acrossSkipped.length === 0) {
    return { verdict: "pass", lines: [`cross-engine verdict: pass (${run.passed} tests passed, ${run.skipped} skipped)`] };
  }
  const unknown = run.failures.filter((test) => !matchDefect(test, defects));
  if (run.failures.length === 0 || unknown.length > 0) {
    const why = run.failures.length === 0
      ? `the comparison across engines did not run in a run of ${run.engines.join(", ")}, and no failure explains it`
      : `${unknown.length} of ${run.failures.length} failed test(s) match no known engine defect`;
    return {
      verdict: "fail",
      lines: [`cross-engine verdict: fail, with no rerun: ${why}`, ...failureLines(run.failures, defects), ...skippedLines, `The full output: ${path}`],
    };
  }
  const engines = acrossSkipped.length > 0
    ? run.engines
    : ENGINES.filter((engine) => run.failures.some((test) => test.path[0] === engine));
  return {
    verdict: "rerun",
    engines,
    needed: [...run.failures, ...acrossSkipped],
    lines: [
      `cross-engine verdict: rerun ${engines.join(",")}: every failed test matches a known engine defect`,
      ...failureLines(run.failures, defects),
      ...skippedLines,
    ],
  };
}

/**
 * The rerun's verdict: `pass` or `fail`, the lines that say why, and on a
 * pass the lines to end the whole run with.
 */
export function judgeRerun(firstText, rerunText, { status, defects, firstPath, rerunPath }) {
  const first = judgeFirst(firstText, { status: 0, defects, path: firstPath });
  const kept = `The first run's output: ${firstPath}`;
  if (first.verdict !== "rerun") {
    return { verdict: "fail", lines: [`cross-engine verdict: fail: the first run (${firstPath}) calls for no rerun`, ...first.lines.slice(1)] };
  }
  const run = readRun(rerunText, status);
  const failing = run.problems.map((problem) => `  ${problem}`);
  failing.push(...failureLines(run.failures, defects));
  for (const test of first.needed) {
    const again = run.tests.find((other) => named(other) === named(test));
    if (!again) failing.push(`  NOT RUN AGAIN ${named(test)}: its first run's failure stands`);
    // A skip is not a pass: the test that failed did not run.
    else if (again.directive) failing.push(`  ${again.directive === "SKIP" ? "SKIPPED" : "TODO"} IN THE RERUN ${named(test)}: ${again.reason} (its first run's failure stands)`);
  }
  if (failing.length > 0) {
    return {
      verdict: "fail",
      lines: [`cross-engine verdict: fail on the rerun of ${first.engines.join(",")}`, ...failing, `The rerun's output: ${rerunPath}`, kept],
    };
  }
  const retried = first.needed.filter((test) => test.path[0] !== ACROSS);
  return {
    verdict: "pass",
    lines: [`cross-engine verdict: pass on the rerun of ${first.engines.join(",")} (${run.passed} tests passed, ${run.skipped} skipped)`],
    last: [
      `RETRIED: ${first.engines.join(",")} ran again after known engine defects, and passed:`,
      ...retried.map((test) => {
        const defect = matchDefect(test, defects);
        return `  ${defect.id} (${defect.report}) in ${named(test)}: ${firstLine(test)}`;
      }),
      kept,
    ],
  };
}

// ---------------------------------------------------------------------------
// The command.
// ---------------------------------------------------------------------------

function main(argv) {
  const [mode, ...rest] = argv;
  const options = { status: null, first: null, defects: DEFECTS };
  const files = [];
  for (let i = 0; i < rest.length; i++) {
    if (rest[i] === "--status") options.status = Number(rest[++i]);
    else if (rest[i] === "--first") options.first = rest[++i];
    else if (rest[i] === "--defects") options.defects = rest[++i];
    else files.push(rest[i]);
  }
  const usage = "usage: verdict.mjs first --status N FIRST.tap | rerun --status N --first FIRST.tap RERUN.tap [--defects FILE]";
  if (!Number.isInteger(options.status) || files.length !== 1 || (mode === "rerun") !== (options.first !== null) || !["first", "rerun"].includes(mode)) {
    console.error(usage);
    return 1;
  }
  const defects = loadDefects(options.defects);
  if (mode === "first") {
    const result = judgeFirst(readFileSync(files[0], "utf8"), { status: options.status, defects, path: files[0] });
    console.error(result.lines.join("\n"));
    console.log(result.verdict === "rerun" ? `rerun ${result.engines.join(",")}` : result.verdict);
    return result.verdict === "fail" ? 1 : 0;
  }
  const result = judgeRerun(readFileSync(options.first, "utf8"), readFileSync(files[0], "utf8"), {
    status: options.status, defects, firstPath: options.first, rerunPath: files[0],
  });
  console.error(result.lines.join("\n"));
  if (result.verdict !== "pass") return 1;
  console.log(result.last.join("\n"));
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) process.exitCode = main(process.argv.slice(2));
