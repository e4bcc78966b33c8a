import AxeBuilder from "@axe-core/playwright";
import { expect } from "@playwright/test";

/** Waits until the islands have hydrated (the navigation marks itself). */
export async function waitForHydration(page) {
  await expect(page.locator("nav[data-hydrated]")).toHaveCount(1, { timeout: 15_000 });
}

/**
 * WCAG 2.1 A and AA rules of axe-core: the page must have no violation. axe runs as a script,
 * so a page opened without JavaScript is checked as the same address (same cookies) in a
 * browser with scripts: the markup is the server's either way.
 */
export async function expectAccessible(page) {
  const context = page.context();
  // Playwright keeps the context's options here; `false` only when a test turned scripts off.
  if (context._options && context._options.javaScriptEnabled === false) {
    // Contexts made in a test inherit the test's options: scripts back on explicitly.
    const twin = await context.browser().newContext({
      storageState: await context.storageState(),
      locale: "it-IT",
      javaScriptEnabled: true,
    });
    try {
      const scripted = await twin.newPage();
      await scripted.goto(page.url());
      await expectAccessible(scripted);
    } finally {
      await twin.close();
    }
    return;
  }
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  const summary = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join("\n  ")}`
  );
  expect(summary, summary.join("\n")).toEqual([]);
}

/** Empties the person's cart (plain forms, with or without scripts). */
export async function emptyCart(page) {
  await page.goto("/carrello");
  for (let i = 0; i < 20; i++) {
    const remove = page.locator(".cart-line form[action*=remove_cart_line] button");
    if ((await remove.count()) === 0) return;
    await remove.first().click();
    await page.waitForURL(/\/carrello/);
  }
}
