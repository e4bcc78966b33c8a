import { test, expect } from "@playwright/test";
import { expectAccessible } from "./helpers.mjs";

const PAGE = "/lavoro-domestico/calcolatore";
const HOURLY = `${PAGE}?year=2026&regime=hourly&level=B&weekly_hours=20&cuaf=1`;

/** Waits until the calculator island has hydrated (it marks itself). */
async function waitForCalculator(page) {
  await expect(page.locator(".calculator[data-hydrated]")).toHaveCount(1, { timeout: 15_000 });
}

/** The annual cost the server renders for a query, read from its HTML. */
async function serverAnnualCost(request, path) {
  const response = await request.get(path);
  expect(response.status()).toBe(200);
  const html = await response.text();
  const match = html.match(/id="calc-annual-cost"[^>]*>([^<]*)</);
  expect(match, "the server renders a result").not.toBeNull();
  return match[1].trim();
}

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the plain form is submitted and the server computes", async ({ page }) => {
    await page.goto(PAGE);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Calcolatore");
    await expect(page.locator("#calc-result")).toHaveCount(0);
    await page.getByLabel("Anno", { exact: true }).selectOption("2024");
    await page.getByLabel("Tipo di rapporto").selectOption("live_in");
    await page.getByLabel("Livello (CCNL)").selectOption("CS");
    await page.getByLabel("Ore di lavoro a settimana").fill("54");
    // Bootstrap Italia draws its own checkboxes: people click the label.
    await page.locator("label[for=calc-board_in_kind]").click();
    await page.locator("label[for=calc-include_holiday_replacement]").click();
    await page.getByRole("button", { name: "Calcola il costo" }).click();
    await expect(page).toHaveURL(/weekly_hours=54/);
    // The Assindatcolf 2024 example, to the cent.
    await expect(page.locator("#calc-monthly-average")).toHaveText("1.675,92 €");
    await expect(page.locator("#calc-annual-cost")).toHaveText("20.111,01 €");
    await expect(page.getByText("entro il 10 aprile")).toBeVisible();
    await expect(page.getByRole("link", { name: "Scarica il riepilogo PDF" })).toHaveAttribute(
      "href",
      /calcolatore\.pdf\?year=2024&regime=live_in&level=CS&weekly_hours=54/,
    );
  });

  test("a wrong value is explained next to the field and at the top", async ({ page }) => {
    await page.goto(HOURLY);
    await page.getByLabel("Ore di lavoro a settimana").fill("tante");
    await page.getByRole("button", { name: "Calcola il costo" }).click();
    const summary = page.locator("#calc-error-summary");
    await expect(summary).toContainText("deve contenere un numero");
    await expect(page.getByLabel("Ore di lavoro a settimana")).toHaveAttribute("aria-invalid", "true");
    await summary.getByRole("link").click();
    await expect(page).toHaveURL(/#calc-weekly_hours$/);
  });
});

test("after hydration the result follows the form, computed in the browser", async ({ page }) => {
  await page.goto(HOURLY);
  await waitForCalculator(page);
  const annual = page.locator("#calc-annual-cost");
  const before = (await annual.textContent()).trim();
  expect(before).toBe(await serverAnnualCost(page.request, HOURLY));
  const address = page.url();
  let navigations = 0;
  page.on("framenavigated", (frame) => {
    if (frame === page.mainFrame()) navigations += 1;
  });
  await page.getByLabel("Ore di lavoro a settimana").fill("30");
  await expect(annual).not.toHaveText(before);
  expect(page.url()).toBe(address);
  expect(navigations).toBe(0);
  // The browser's figure is the server's figure for the same input.
  const after = (await annual.textContent()).trim();
  expect(after).toBe(await serverAnnualCost(page.request, HOURLY.replace("weekly_hours=20", "weekly_hours=30")));
  // The PDF link follows too.
  await expect(page.getByRole("link", { name: "Scarica il riepilogo PDF" })).toHaveAttribute(
    "href",
    /weekly_hours=30/,
  );
});

test("after hydration the form shows only what applies", async ({ page }) => {
  await page.goto(HOURLY);
  await waitForCalculator(page);
  // Hourly work: hourly pay, no monthly pay, no nights.
  await expect(page.getByLabel("Paga oraria lorda (€)")).toBeVisible();
  await expect(page.locator("#calc-monthly_pay")).toBeHidden();
  await expect(page.locator("#calc-nights_per_week")).toBeHidden();
  await page.getByLabel("Tipo di rapporto").selectOption("live_in_part_time");
  await expect(page.locator("#calc-monthly_pay")).toBeVisible();
  // Table B has levels B, BS and C only.
  await expect(page.locator("#calc-level option[value=A]")).toBeDisabled();
  await expect(page.locator("#calc-level option[value=BS]")).toBeEnabled();
  // A rule refused in the browser, with the domain's message.
  await page.getByLabel("Ore di lavoro a settimana").fill("35");
  await expect(page.locator("#calc-error-summary")).toContainText("30");
  await expect(page.locator("#calc-result")).toHaveCount(0);
});

test("the page with a result has no accessibility violation", async ({ page }) => {
  await page.goto(`${PAGE}?year=2024&regime=live_in&level=CS&weekly_hours=54&board_in_kind=1&cuaf=1`);
  await waitForCalculator(page);
  await expect(page.locator("#calc-result")).toBeVisible();
  await expectAccessible(page);
});

test("the page with an error has no accessibility violation", async ({ page }) => {
  await page.goto(`${PAGE}?weekly_hours=abc&regime=hourly`);
  await waitForCalculator(page);
  await expect(page.locator("#calc-error-summary")).toBeVisible();
  await expectAccessible(page);
});

test("the PDF summary downloads", async ({ request }) => {
  const response = await request.get(`${PAGE}.pdf?year=2024&regime=live_in&level=CS&weekly_hours=54&board_in_kind=1&include_holiday_replacement=1&cuaf=1`);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/pdf");
  expect(response.headers()["content-disposition"]).toContain("attachment");
  const body = await response.body();
  expect(body.subarray(0, 5).toString()).toBe("%PDF-");
  expect(body.toString("latin1")).toContain("1.675,92");
});
