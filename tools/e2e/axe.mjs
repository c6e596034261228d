// axe-core, injected into a page: the accessibility audit the suites share.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";

const AXE_SOURCE = await readFile(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** Runs axe-core on the page (it reaches into open shadow roots); resolves to the violations. */
export async function axe(page) {
  await page.addScriptTag({ content: AXE_SOURCE });
  return page.evaluate(async () => {
    // WCAG 2.2's target size is not on by default: turn it on.
    const result = await window.axe.run(document, {
      resultTypes: ["violations"],
      rules: { "target-size": { enabled: true } },
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      nodes: v.nodes.map((n) => `${n.target.join(" ")}: ${n.failureSummary}`),
    }));
  });
}
