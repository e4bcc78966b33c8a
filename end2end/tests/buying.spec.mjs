// Buying in the browser: from a service page to a paid order through the demo gateway's hosted
// page (whose signed webhook settles the order), without and with JavaScript, with the
// accessibility checks of every step. In Chromium, on both engines.
import { test, expect } from "@playwright/test";
import { emptyCart, expectAccessible, logIn } from "./helpers.mjs";

const SERVICE = "/servizi/supporto-psicologico-per-anziani-e-nel-lutto";

async function buyAndPay(page) {
  await emptyCart(page);
  await page.goto(SERVICE);
  await page.locator("#cart-quantity").fill("2");
  await page.locator("#cart-time_slot").selectOption("morning");
  await page.locator("#add-to-cart").click();
  await expect(page).toHaveURL(/\/carrello/);
  await expect(page.getByRole("status").first()).toContainText("aggiunto");
  await expect(page.locator(".cart-line")).toHaveCount(1);
  // €57.50 × 2, priced by the server.
  await expect(page.locator("#cart-total")).toContainText("115,00");
  await expectAccessible(page);

  await page.locator("#cart-proceed").click();
  await expect(page).toHaveURL(/\/carrello\/dati/);
  await expect(page.locator("#checkout-billing_name")).toHaveValue("Giulia Rossi");
  await expectAccessible(page);
  await page.locator("#checkout-billing_phone").fill("+39 02 1234567");
  await page.locator("#checkout-continue").click();

  await expect(page).toHaveURL(/\/carrello\/riepilogo/);
  await expect(page.locator("#summary-total")).toContainText("115,00");
  await expectAccessible(page);
  await page.locator("#checkout-confirm-button").click();

  await expect(page).toHaveURL(/\/area-personale\/ordini\/WM-/);
  await expect(page.locator("#order-state")).toHaveAttribute("data-state", "awaiting_payment");
  await expectAccessible(page);
  await page.locator("#order-pay-button").click();

  await expect(page).toHaveURL(/\/pagamento\/demo\/cs_demo_/);
  await expect(page.locator("#demo-amount")).toContainText("115,00");
  await expectAccessible(page);
  await page.locator("#demo-pay").click();

  await expect(page).toHaveURL(/\/area-personale\/ordini\/WM-.*pagamento=1/);
  await expect(page.locator("#order-state")).toHaveAttribute("data-state", "paid");
  await expect(page.locator("#order-history li")).toHaveCount(2);
}

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a citizen buys a service and pays it on the demo gateway", async ({ page }) => {
    await logIn(page, "cittadino@demo.wemi.example");
    await buyAndPay(page);
    await page.goto("/area-personale/ordini");
    await expect(page.locator(".order-row").first()).toBeVisible();
    await expectAccessible(page);
    await page.goto("/area-personale/voucher");
    // The demo voucher (€150; other tests spend and get it back).
    await expect(page.locator("#vouchers-total")).toContainText("€");
    await expectAccessible(page);
  });

  test("the provider sees the order and schedules it", async ({ page }) => {
    await logIn(page, "ente@demo.wemi.example");
    await page.goto("/ente/ordini");
    await expectAccessible(page);
    const paid = page.locator('.order-row:has(.order-state[data-state="paid"]) a').first();
    await paid.click();
    await expect(page.locator("#action-schedule")).toBeVisible();
    await expectAccessible(page);
    const next = new Date().getFullYear() + 1;
    await page.locator("#action-schedule-when").fill(`${next}-03-10T10:30`);
    await page.locator("#action-schedule button").click();
    await expect(page.locator("#order-state")).toHaveAttribute("data-state", "scheduled");
  });
});

test("with JavaScript: an anonymous cart follows the person at login", async ({ page, browser }) => {
  // The person's own cart starts empty (other tests buy with the same account).
  const own = await browser.newContext({ locale: "it-IT" });
  const ownPage = await own.newPage();
  await logIn(ownPage, "cittadino@demo.wemi.example");
  await emptyCart(ownPage);
  await own.close();
  await page.goto(SERVICE);
  await page.locator("#add-to-cart").click();
  await expect(page).toHaveURL(/\/carrello/);
  await expect(page.locator(".cart-line")).toHaveCount(1);
  await page.locator("#cart-proceed").click();
  await expect(page).toHaveURL(/\/accedi/);
  await page.locator("#login-email").fill("cittadino@demo.wemi.example");
  await page.locator("#login-password").fill("wemi-demo");
  await page.locator("#login-form button[type=submit]").click();
  await expect(page).toHaveURL(/\/carrello\/dati/);
  await page.goto("/carrello");
  await expect(page.locator(".cart-line")).toHaveCount(1);
  await expectAccessible(page);
});

test("with JavaScript: a citizen buys a service and pays it on the demo gateway", async ({ page }) => {
  await logIn(page, "cittadino@demo.wemi.example");
  await buyAndPay(page);
  await expect(page.locator("#order-receipt")).toBeVisible();
});
