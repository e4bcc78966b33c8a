// The rest of buying in the browser, without JavaScript (every form is a plain form), with the
// accessibility checks of every page: quotes from three providers and one offer bought; a
// seat of a shared service paid partly with a voucher, then cancelled and refunded; a
// service delivered, reviewed, published by the city and shown on the service page; the
// notification centre. In Chromium, on both engines.
import { test, expect } from "@playwright/test";
import { emptyCart, expectAccessible, logIn, asPerson } from "./helpers.mjs";

const SERVICE_SLUG = "supporto-psicologico-per-anziani-e-nel-lutto";
const SERVICE = `/servizi/${SERVICE_SLUG}`;

test.use({ javaScriptEnabled: false });

function isoInDays(days) {
  const d = new Date(Date.now() + days * 86_400_000);
  return d.toISOString().slice(0, 10);
}

async function payOnDemoGateway(page) {
  await page.locator("#order-pay-button").click();
  await expect(page).toHaveURL(/\/pagamento\/demo\/cs_demo_/);
  await expectAccessible(page);
  await page.locator("#demo-pay").click();
  await expect(page).toHaveURL(/\/area-personale\/ordini\/WM-.*pagamento=1/);
  await expect(page.locator("#order-state")).toHaveAttribute("data-state", "paid");
}

async function checkout(page) {
  await page.locator("#cart-proceed").click();
  await expect(page).toHaveURL(/\/carrello\/dati/);
  await page.locator("#checkout-billing_phone").fill("+39 02 1234567");
  await page.locator("#checkout-continue").click();
  await expect(page).toHaveURL(/\/carrello\/riepilogo/);
  await expectAccessible(page);
  await page.locator("#checkout-confirm-button").click();
  await expect(page).toHaveURL(/\/area-personale\/ordini\/WM-/);
}

test("quotes from three providers, one offer bought", async ({ page, browser }) => {
  await logIn(page, "cittadino@demo.wemi.example");
  await page.goto(`/preventivi/nuovo?servizio=${SERVICE_SLUG}`);
  await expectAccessible(page);
  // Two more providers (labels end with the provider's name; one service each).
  const chosen = await page.locator("input[id^=quote-service-]:not(#quote-service-main)").evaluateAll((boxes) => {
    const main = document.querySelector("label[for=quote-service-main]").textContent.split(" — ").pop();
    const seen = new Set([main]);
    const ids = [];
    for (const box of boxes) {
      const provider = document.querySelector(`label[for=${box.id}]`).textContent.split(" — ").pop();
      if (!seen.has(provider) && ids.length < 2) {
        seen.add(provider);
        ids.push(box.id);
      }
    }
    return ids;
  });
  expect(chosen).toHaveLength(2);
  for (const id of chosen) await page.locator(`label[for=${id}]`).click();
  await page.locator("#quote-description").fill("Sostegno psicologico per mia madre, un incontro a settimana.");
  await page.locator("#quote-answer_by").fill(isoInDays(5));
  await page.locator("#quote-send").click();
  await expect(page).toHaveURL(/\/area-personale\/preventivi\/[A-Z0-9-]+/);
  const reference = page.url().split("/area-personale/preventivi/")[1].split("?")[0];
  await expect(page.locator("#quote-page")).toBeVisible();
  await expectAccessible(page);

  // The provider answers with an offer.
  const provider = await asPerson(browser, "ente@demo.wemi.example");
  await provider.goto(`/ente/preventivi/${reference}`);
  await expectAccessible(provider);
  await provider.locator("#offer-price").fill("180,00");
  await provider.locator("#offer-valid_until").fill(isoInDays(10));
  await provider.locator("#offer-period_start").fill(isoInDays(12));
  await provider.locator("#offer-period_end").fill(isoInDays(40));
  await provider.locator("#quote-offer-form button[type=submit]").click();
  await expect(provider.locator(".quote-offer")).toHaveCount(1);
  await provider.context().close();

  // The citizen compares and buys it: an order at the offer's price.
  await page.goto(`/area-personale/preventivi/${reference}`);
  await expect(page.locator(".quote-offer")).toHaveCount(1);
  await expect(page.locator(".offer-price")).toContainText("180,00");
  await expectAccessible(page);
  await page.locator("form[id^=accept-] button").click();
  await expect(page).toHaveURL(/\/area-personale\/ordini\/WM-/);
  await expect(page.locator("#order-total")).toContainText("180,00");
  await expect(page.locator("#order-state")).toHaveAttribute("data-state", "awaiting_payment");

  // The notification centre has the offer.
  await page.goto("/area-personale/notifiche");
  await expect(page.locator(".notification-item[data-kind=offer]").first()).toBeVisible();
  await expectAccessible(page);
  await page.locator("#mark-read").click();
  await expect(page.locator("#notifications-unread")).toContainText("Nessuna");
});

test("a shared service paid partly with a voucher, then cancelled and refunded", async ({ page, request }) => {
  // A shared service that takes vouchers and can be bought online.
  const list = await (await request.get("/api/v1/services?vouchers=true&mode=shared&price=paid&per_page=100")).json();
  await logIn(page, "cittadino@demo.wemi.example");
  await emptyCart(page);
  let found = null;
  for (const item of list.items) {
    await page.goto(`/servizi/${item.slug}`);
    if ((await page.locator("#add-to-cart").count()) > 0) {
      found = item.slug;
      break;
    }
  }
  expect(found, "a shared service with vouchers in the demo data").not.toBeNull();
  await expect(page.locator("#lista-attesa")).toBeVisible();
  await page.locator("#add-to-cart").click();
  await expect(page).toHaveURL(/\/carrello/);
  await page.locator("#cart-proceed").click();
  await expect(page).toHaveURL(/\/carrello\/dati/);
  if (!(await page.locator("#checkout-use_vouchers").isChecked())) {
    await page.locator("label[for=checkout-use_vouchers]").click();
  }
  await page.locator("#checkout-billing_phone").fill("+39 02 1234567");
  await page.locator("#checkout-continue").click();
  await expect(page).toHaveURL(/\/carrello\/riepilogo/);
  await expect(page.locator("#summary-totals")).toContainText("voucher");
  await page.locator("#checkout-confirm-button").click();
  await expect(page).toHaveURL(/\/area-personale\/ordini\/WM-/);
  const order = page.url().split("?")[0];
  if ((await page.locator("#order-pay-button").count()) > 0) {
    await payOnDemoGateway(page);
  } else {
    // The voucher covered it all.
    await expect(page.locator("#order-state")).toHaveAttribute("data-state", "paid");
  }
  await expectAccessible(page);
  await page.goto("/area-personale/voucher");
  await expect(page.locator("#vouchers-total")).not.toContainText("150,00");

  // Cancelled before any schedule: free, everything back (voucher included).
  await page.goto(order);
  await page.locator("#action-cancel_by_citizen-reason").fill("Cambio di programma");
  await page.locator("#action-cancel_by_citizen button").click();
  await expect(page.locator("#order-state")).toHaveAttribute("data-state", "refunded");
  await expect(page.locator("#order-refunded")).toBeVisible();
  await expect(page.locator("#order-receipt")).toBeVisible();
  await page.goto("/area-personale/voucher");
  await expect(page.locator("#vouchers-total")).toContainText("150,00");
});

test("a delivered service is reviewed, published by the city and shown", async ({ page, browser }) => {
  await logIn(page, "cittadino@demo.wemi.example");
  await emptyCart(page);
  await page.goto(SERVICE);
  await page.locator("#cart-quantity").fill("3");
  await page.locator("#add-to-cart").click();
  await expect(page).toHaveURL(/\/carrello/);
  await checkout(page);
  const order = page.url().split("?")[0];
  const reference = order.split("/").pop();
  await payOnDemoGateway(page);

  // The provider schedules and delivers it.
  const provider = await asPerson(browser, "ente@demo.wemi.example");
  await provider.goto(`/ente/ordini/${reference}`);
  const next = new Date().getFullYear() + 1;
  await provider.locator("#action-schedule-when").fill(`${next}-03-10T10:30`);
  await provider.locator("#action-schedule button").click();
  await expect(provider.locator("#order-state")).toHaveAttribute("data-state", "scheduled");
  await provider.locator("#action-deliver button").click();
  await expect(provider.locator("#order-state")).toHaveAttribute("data-state", "delivered");
  await provider.context().close();

  // The citizen confirms and reviews.
  await page.goto(order);
  await page.locator("#action-complete button").click();
  await expect(page.locator("#order-state")).toHaveAttribute("data-state", "completed");
  await expect(page.locator("#review-form")).toBeVisible();
  await expectAccessible(page);
  await page.locator("label[for=review-punctuality-5]").click();
  await page.locator("label[for=review-professionalism-4]").click();
  await page.locator("label[for=review-kindness-5]").click();
  await page.locator("#review-body").fill("Operatrice puntuale e molto gentile, consigliata.");
  await page.locator("#review-submit").click();
  await expect(page.locator("#review-state")).toBeVisible();

  // The city publishes it; the service page shows the rating.
  const admin = await asPerson(browser, "admin@demo.wemi.example");
  await admin.goto("/amministrazione/recensioni");
  await expectAccessible(admin);
  await admin.locator("form[id^=publish-] button").first().click();
  await expect(admin).toHaveURL(/\/amministrazione\/recensioni/);
  await admin.context().close();
  await page.goto(SERVICE);
  await expect(page.locator("#rating-summary")).toBeVisible();
  await expect(page.locator("#rating-count")).toContainText("1");
  await expectAccessible(page);
});
