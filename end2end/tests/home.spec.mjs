import { test, expect } from "@playwright/test";
import { expectAccessible, waitForHydration } from "./helpers.mjs";

const CATEGORIES = [
  "Servizi socio-assistenziali", "Assistenza sanitaria", "Servizi educativi", "Servizi psicologici",
  "Accompagnamento con trasporto", "Servizi estetici in ambito socio-sanitario", "Piccole commissioni",
  "Pasti a domicilio", "Piccola manutenzione casa", "Cura degli animali domestici", "Disbrigo pratiche",
  "Gestione del rapporto di lavoro domestico", "Corsi di lingua italiana",
];

test("the home page is complete HTML from the server", async ({ request }) => {
  const response = await request.get("/");
  expect(response.status()).toBe(200);
  const html = await response.text();
  for (const name of CATEGORIES) expect(html).toContain(name);
  expect(html).toContain("Dati dimostrativi");
  expect(html).toContain("<leptos-island");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the page makes sense and the menu is a plain list", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Servizi di welfare");
    await expect(page.locator(".category-card")).toHaveCount(13);
    // Not hydrated: the toggle stays hidden and the links are visible.
    await expect(page.locator("nav[data-hydrated]")).toHaveCount(0);
    await expect(page.locator(".custom-navbar-toggler")).toBeHidden();
    await expect(page.getByRole("link", { name: "Spazi WeMi" }).first()).toBeVisible();
  });

  test("the feedback form posts and thanks", async ({ page }) => {
    await page.goto("/");
    await page.locator("label[for=feedback-star-4]").click();
    // Bootstrap Italia draws its own radio buttons: people click the label.
    await page.getByText("Le indicazioni erano chiare").click();
    await page.getByLabel("Vuoi aggiungere altri dettagli?").fill("Pagina chiara");
    await page.getByRole("button", { name: "Invia" }).click();
    await expect(page).toHaveURL(/feedback=ok/);
    await expect(page.getByRole("status")).toContainText("Grazie");
  });
});

test("after hydration the mobile menu opens and closes", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/");
  await waitForHydration(page);
  const toggle = page.locator(".custom-navbar-toggler");
  await expect(toggle).toBeVisible();
  await expect(toggle).toHaveAttribute("aria-expanded", "false");
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-expanded", "true");
  await expect(page.locator("#main-menu")).toHaveClass(/expanded/);
  await page.locator(".close-menu").click();
  await expect(toggle).toHaveAttribute("aria-expanded", "false");
  await toggle.click();
  await page.keyboard.press("Escape");
  await expect(toggle).toHaveAttribute("aria-expanded", "false");
});

test("after hydration the feedback widget asks the question that fits the stars", async ({ page }) => {
  await page.goto("/");
  await waitForHydration(page);
  const positive = page.locator("[data-element=feedback-rating-positive]");
  const negative = page.locator("[data-element=feedback-rating-negative]");
  await expect(positive).toBeHidden();
  await page.locator("label[for=feedback-star-2]").click();
  await expect(negative).toBeVisible();
  await expect(positive).toBeHidden();
  await page.locator("label[for=feedback-star-5]").click();
  await expect(positive).toBeVisible();
  await expect(negative).toBeHidden();
});

test("the language switch shows the page in English", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { name: "Explore the categories" })).toBeVisible();
});

test("manifest and service worker are in place", async ({ page, request }) => {
  await page.goto("/");
  const href = await page.locator("link[rel=manifest]").getAttribute("href");
  const manifest = await (await request.get(href)).json();
  expect(manifest.display).toBe("standalone");
  await waitForHydration(page);
  const scope = await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    return registration.scope;
  });
  expect(scope).toMatch(/\/$/);
});

test("the home page has no accessibility violations (axe, WCAG 2.1 AA)", async ({ page }) => {
  await page.goto("/");
  await waitForHydration(page);
  await expectAccessible(page);
});

test("the home page in English has no accessibility violations", async ({ page }) => {
  await page.goto("/?lang=en");
  await expectAccessible(page);
});

test("the not-found page has no accessibility violations", async ({ page }) => {
  const response = await page.goto("/pagina-inesistente");
  expect(response.status()).toBe(404);
  await expectAccessible(page);
});
