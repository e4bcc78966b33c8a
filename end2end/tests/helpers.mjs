import AxeBuilder from "@axe-core/playwright";
import { expect } from "@playwright/test";

/** Waits until the islands have hydrated (the navigation marks itself). */
export async function waitForHydration(page) {
  await expect(page.locator("nav[data-hydrated]")).toHaveCount(1, { timeout: 15_000 });
}

/** WCAG 2.1 A and AA rules of axe-core: the page must have no violation. */
export async function expectAccessible(page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  const summary = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join("\n  ")}`
  );
  expect(summary, summary.join("\n")).toEqual([]);
}
