import { test, expect } from "@playwright/test";
import { expectAccessible, waitForHydration } from "./helpers.mjs";

// The citizen's way in: search, filter, paginate, open a service — with and without JavaScript.

async function searchFor(page, text) {
  await page.locator("#search-q").fill(text);
  await page.locator("form.search-form button[type=submit]").click();
}

async function journey(page) {
  await page.goto("/servizi");
  await expect(page.locator("#results-title")).toContainText("143 servizi trovati");

  // A typo still finds babysitters, and the page says why.
  await searchFor(page, "babysiter");
  await expect(page).toHaveURL(/q=babysiter/);
  await expect(page.locator("#results .card-title").first()).toBeVisible();
  await expect(page.locator("#results")).toContainText(/[Bb]abysitter/);

  // A filter from the facets, kept in the URL with the text.
  await page.locator('label[for="f-category-servizi-educativi"]').click();
  await page.locator("form.filters button[type=submit]").click();
  await expect(page).toHaveURL(/category=servizi-educativi/);
  await expect(page).toHaveURL(/q=babysiter/);
  await expect(page.locator('#f-category-servizi-educativi')).toBeChecked();

  // Paging through the whole catalogue, and back.
  await page.goto("/servizi?price=paid");
  const firstPageTitle = await page.locator("#results .card-title").first().innerText();
  await page.locator("a[rel=next]").first().click();
  await expect(page).toHaveURL(/page=2/);
  await expect(page.locator("#results .card-title").first()).not.toHaveText(firstPageTitle);
  await page.goBack();
  await expect(page).toHaveURL(/price=paid$/);

  // Open a service: the scheda servizio.
  await page.locator("#results .card-title a").first().click();
  await expect(page.locator("[data-element=service-title]")).toBeVisible();
  await expect(page.locator("[data-element=service-addressed]")).toBeVisible();
  await expect(page.locator("#costs")).toBeVisible();
}

test("search, filter, paginate and open a service", async ({ page }) => {
  await journey(page);
});

test("suggestions appear as you type", async ({ page }) => {
  await page.goto("/servizi");
  await waitForHydration(page);
  await expect(page.locator("#search-q[data-suggest=on]")).toHaveCount(1, { timeout: 15_000 });
  await page.locator("#search-q").pressSequentially("babys", { delay: 50 });
  await expect(page.locator("#search-suggestions option").first()).toHaveAttribute("value", /[Bb]aby/);
});

for (const path of ["/servizi", "/servizi?q=anziani&municipio=3", "/servizi/babysitting-a-domicilio", "/enti", "/categorie/servizi-psicologici", "/destinatari/anziani", "/prossimamente"]) {
  test(`${path} has no accessibility violations`, async ({ page }) => {
    const response = await page.goto(path);
    expect(response.status()).toBe(200);
    await expectAccessible(page);
  });
}

test("a provider page lists its services", async ({ page }) => {
  await page.goto("/enti");
  await page.locator("#providers-page h2 a").first().click();
  await expect(page.locator("#provider-page h1")).toBeVisible();
  await expect(page.locator("#provider-page .service-card").first()).toBeVisible();
  await expectAccessible(page);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("search, filter, paginate and open a service", async ({ page }) => {
    await journey(page);
  });

  test("a bad filter value gets a clear message", async ({ page }) => {
    const response = await page.goto("/servizi?municipio=77");
    expect(response.status()).toBe(400);
    await expect(page.getByRole("alert")).toContainText("municipio");
  });
});
