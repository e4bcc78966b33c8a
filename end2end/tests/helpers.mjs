import AxeBuilder from "@axe-core/playwright";
import { expect } from "@playwright/test";
import fs from "node:fs";
import path from "node:path";

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

/** Logs a demo account in through the login form (works with and without scripts). */
export async function logIn(page, email, password = "wemi-demo") {
  await page.goto("/accedi");
  await page.locator("#login-email").fill(email);
  await page.locator("#login-password").fill(password);
  await page.locator("#login-form button[type=submit]").click();
  await expect(page).toHaveURL(/\/area-personale/);
}

/** A page of its own (its own cookies) for another person, without scripts. */
export async function asPerson(browser, email, password = "wemi-demo") {
  const context = await browser.newContext({ javaScriptEnabled: false, locale: "it-IT" });
  const page = await context.newPage();
  await logIn(page, email, password);
  return page;
}

/** The newest e-mail to `address` the local SMTP sink received after `since` (ms), waiting up
 * to 15 s. */
export async function mailTo(address, since) {
  const dir = process.env.E2E_MAIL_DIR;
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const found = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith(".json"))
      .map((f) => ({ file: path.join(dir, f), n: parseInt(f, 10) }))
      .sort((a, b) => b.n - a.n)
      .map(({ file }) => ({ file, mail: JSON.parse(fs.readFileSync(file, "utf8")) }))
      .find(({ file, mail }) => mail.to.includes(address) && fs.statSync(file).mtimeMs >= since);
    if (found) return found.mail;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no e-mail to ${address}`);
}

/** The first web address of an e-mail's text. */
export function firstLink(text) {
  return text.match(/https?:\/\/\S+/)[0];
}
