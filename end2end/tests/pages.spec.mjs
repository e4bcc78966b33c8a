import { test, expect } from "@playwright/test";
import { expectAccessible } from "./helpers.mjs";

const PAGES = ["/privacy", "/note-legali", "/faq", "/contatti", "/segnala-disservizio", "/spazi"];

for (const path of PAGES) {
  test(`${path} has no accessibility violations`, async ({ page }) => {
    const response = await page.goto(path);
    expect(response.status()).toBe(200);
    await expectAccessible(page);
  });
}

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a problem report is sent and acknowledged", async ({ page }) => {
    await page.goto("/segnala-disservizio");
    await page.getByText("Le informazioni di una pagina sono sbagliate").click();
    await page.getByLabel("Descrivi il problema").fill("Gli orari dello spazio WeMi Rimini non sono aggiornati.");
    await page.getByRole("button", { name: "Invia la segnalazione" }).click();
    await expect(page.getByRole("status")).toContainText("abbiamo ricevuto la tua segnalazione");
  });

  test("footer links reach their pages", async ({ page }) => {
    await page.goto("/");
    await page.locator("[data-element=legal-notes]").click();
    await expect(page.getByRole("heading", { name: "Licenza dei contenuti" })).toBeVisible();
  });
});
