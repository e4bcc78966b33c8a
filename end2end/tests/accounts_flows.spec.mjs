// Account journeys that cross the portal's borders: e-mails through the local SMTP sink,
// SPID/CIE through the local fake identity broker (both started by scripts/e2e.sh), assisted
// mode and kiosk mode. In Chromium, on both engines.
import { test, expect } from "@playwright/test";
import { expectAccessible, mailTo, firstLink, logIn } from "./helpers.mjs";

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("register, confirm the address from the e-mail, log in", async ({ page }) => {
    const since = Date.now() - 1000;
    await page.goto("/registrati");
    await page.locator("#register-name").fill("Anna Neri");
    await page.locator("#register-email").fill("anna.neri.e2e@example.it");
    await page.locator("#register-password").fill("il gatto viola prende il tram 9");
    await page.locator("label[for=register-privacy-check]").click();
    await page.locator("#register-form button[type=submit]").click();
    await expect(page.getByRole("status")).toContainText("48 ore");
    const mail = await mailTo("anna.neri.e2e@example.it", since);
    expect(mail.subject).toContain("Conferma");
    await page.goto(firstLink(mail.text));
    await page.locator("#verify-form button").click();
    await expect(page.getByRole("status")).toContainText("Indirizzo confermato");
    await page.locator("#login-email").fill("anna.neri.e2e@example.it");
    await page.locator("#login-password").fill("il gatto viola prende il tram 9");
    await page.locator("#login-form button[type=submit]").click();
    await expect(page).toHaveURL(/\/area-personale/);
    await expect(page.locator("#header-account")).toContainText("Anna Neri");
  });

  test("a forgotten password is reset from the e-mail link", async ({ page }) => {
    const since = Date.now() - 1000;
    await page.goto("/password-dimenticata");
    await page.locator("#forgot-email").fill("lavoratrice@demo.wemi.example");
    await page.locator("#forgot-form button").click();
    await expect(page.getByRole("status")).toContainText("60 minuti");
    const mail = await mailTo("lavoratrice@demo.wemi.example", since);
    await page.goto(firstLink(mail.text));
    await page.locator("#reset-password").fill("una frase nuova per maria santos");
    await page.locator("#reset-form button").click();
    await expect(page.getByRole("status")).toContainText("Password aggiornata");
    await logIn(page, "lavoratrice@demo.wemi.example", "una frase nuova per maria santos");
  });

  test("SPID/CIE login through the identity broker", async ({ page }) => {
    await page.goto("/accedi");
    await page.locator("#login-spid").click();
    await expect(page).toHaveURL(/\/area-personale/);
    await expect(page.locator("#header-account")).toContainText("Mario Rossi");
    await page.goto("/area-personale/profilo");
    await expect(page.locator("#profile-page")).toContainText("RSSMRA80A01F205X");
  });
});

test("assisted mode: the citizen's code, the banner, the end", async ({ page }) => {
  await logIn(page, "operatore@demo.wemi.example");
  await page.goto("/operatore/assistenza");
  await expectAccessible(page);
  const since = Date.now() - 1000;
  await page.locator("#assist-citizen").fill("cittadino@demo.wemi.example");
  await page.locator("#assist-form button[type=submit]").click();
  await expect(page.locator("#assist-code-form")).toBeVisible();
  const mail = await mailTo("cittadino@demo.wemi.example", since);
  const code = mail.text.match(/\b\d{6}\b/)[0];
  await page.locator("#assist-code").fill(code);
  await page.locator("#assist-code-form button").click();
  await expect(page).toHaveURL(/\/area-personale/);
  const banner = page.locator("#assisted-banner");
  await expect(banner).toContainText("Stai operando per conto di Giulia Rossi");
  await expectAccessible(page);
  await page.goto("/servizi");
  await expect(banner).toBeVisible();
  await banner.getByRole("button").click();
  await expect(page.getByRole("status")).toContainText("Assistenza terminata");
  await expect(page.locator("#assisted-banner")).toHaveCount(0);
});

test("kiosk mode: enabled by an administrator, countdown, start over", async ({ page }) => {
  await logIn(page, "admin@demo.wemi.example");
  await page.goto("/amministrazione/chioschi");
  await expectAccessible(page);
  await page.locator("#kiosk-name").fill("Ingresso, tablet e2e");
  await page.locator("#kiosk-form button[type=submit]").click();
  await expect(page.locator("#kiosk-bar")).toBeVisible();
  await expectAccessible(page);
  await page.goto("/accedi");
  await expect(page.locator("#login-password")).toHaveAttribute("autocomplete", "off");
  await logIn(page, "cittadino@demo.wemi.example");
  const timer = page.locator("#kiosk-countdown [role=timer]");
  await expect(timer).toHaveText(/^[23]:\d\d$/);
  const first = await timer.textContent();
  await expect(timer).not.toHaveText(first, { timeout: 5_000 });
  await page.locator("#kiosk-start-over").click();
  await expect(page).toHaveURL(/\/\?lang=it$/);
  await expect(page.locator("#header-account")).not.toContainText("Giulia Rossi");
  await page.goto("/area-personale");
  await expect(page).toHaveURL(/\/accedi/);
});
