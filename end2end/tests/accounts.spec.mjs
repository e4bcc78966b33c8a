import { test, expect } from "@playwright/test";
import { expectAccessible, logIn } from "./helpers.mjs";

const CITIZEN = "cittadino@demo.wemi.example";
const ADMIN = "admin@demo.wemi.example";

for (const path of [
  "/accedi",
  "/accedi?errore=credentials",
  "/registrati",
  "/registrati?errore=password-short",
  "/password-dimenticata",
  "/verifica-email?token=abc",
  "/reimposta-password?token=abc",
  "/accedi?lang=en",
]) {
  test(`${path} has no accessibility violations`, async ({ page }) => {
    const response = await page.goto(path);
    expect(response.status()).toBe(200);
    await expectAccessible(page);
  });
}

test("the area personale is accessible and asks for login first", async ({ page }) => {
  await page.goto("/area-personale/privacy");
  await expect(page).toHaveURL(/\/accedi\?next=/);
  await page.locator("#login-email").fill(CITIZEN);
  await page.locator("#login-password").fill("wemi-demo");
  await page.locator("#login-form button[type=submit]").click();
  await expect(page).toHaveURL(/\/area-personale\/privacy/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Privacy e dati");
  await expectAccessible(page);
  for (const path of ["/area-personale", "/area-personale/profilo", "/area-personale/sicurezza"]) {
    await page.goto(path);
    await expectAccessible(page);
  }
});

test("the audit log is for city administrators", async ({ page }) => {
  await logIn(page, ADMIN);
  await page.goto("/amministrazione/registro-attivita");
  await expect(page.locator("table")).toContainText("login");
  await expectAccessible(page);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a citizen logs in, changes their data and logs out", async ({ page, context }) => {
    await logIn(page, CITIZEN);
    await expect(page.locator("#header-account")).toContainText("Giulia Rossi");
    await page.goto("/area-personale/profilo");
    await page.locator("#profile-phone").fill("02 8845 1234");
    await page.locator("#profile-form button[type=submit]").click();
    await expect(page.getByRole("status")).toContainText("Modifiche salvate");
    await expect(page.locator("#profile-phone")).toHaveValue("02 8845 1234");
    await page.goto("/area-personale");
    await page.locator("#logout-button").click();
    await expect(page.getByRole("status")).toContainText("Sei uscito");
    // The old session is gone: the area asks for login again.
    await page.goto("/area-personale");
    await expect(page).toHaveURL(/\/accedi/);
    expect((await context.cookies()).some((c) => c.name === "wemi_session" && c.value)).toBe(false);
  });

  test("a wrong password and a weak new password are explained", async ({ page }) => {
    await page.goto("/accedi");
    await page.locator("#login-email").fill(CITIZEN);
    await page.locator("#login-password").fill("non-è-questa");
    await page.locator("#login-form button[type=submit]").click();
    await expect(page.getByRole("alert")).toContainText("E-mail o password non corretti");

    await page.goto("/registrati");
    await page.locator("#register-name").fill("Anna Neri");
    await page.locator("#register-email").fill("anna.neri@example.it");
    await page.locator("#register-password").fill("password123");
    await page.locator("label[for=register-privacy-check]").click();
    await page.locator("#register-form button[type=submit]").click();
    await expect(page.getByRole("alert")).toContainText("almeno 15 caratteri");
    await expect(page.locator("#register-password")).toHaveAttribute("aria-invalid", "true");
  });

  test("the login page speaks English", async ({ page }) => {
    await page.goto("/accedi?lang=en");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Log in to your personal area");
  });
});
