// Accessibility (axe, WCAG 2.1 AA) of the pages behind a login that buying added: the citizen's,
// the provider's and the city's. With JavaScript (hydrated), in Chromium, on both engines.
import { test, expect } from "@playwright/test";
import { expectAccessible, logIn } from "./helpers.mjs";

const PAGES = [
  ["cittadino@demo.wemi.example", ["/area-personale", "/area-personale/ordini", "/area-personale/preventivi", "/area-personale/voucher", "/area-personale/notifiche", "/carrello", "/appuntamenti/nuovo?servizio=supporto-psicologico-per-anziani-e-nel-lutto", "/area-personale/appuntamenti"]],
  ["operatore@demo.wemi.example", ["/operatore/appuntamenti"]],
  ["ente@demo.wemi.example", ["/ente/ordini", "/ente/preventivi", "/ente/recensioni", "/ente/pagamenti"]],
  ["admin@demo.wemi.example", ["/amministrazione/voucher", "/amministrazione/voucher?cf=RSSGLI85M41F205V", "/amministrazione/recensioni", "/amministrazione/valutazioni-pagine", "/amministrazione/statistiche", "/amministrazione/utenti?q=demo", "/amministrazione/utenti/1", "/amministrazione/spazi", "/amministrazione/spazi/1"]],
];

for (const [email, paths] of PAGES) {
  test(`pages of ${email} have no accessibility violations`, async ({ page }) => {
    await logIn(page, email);
    for (const path of paths) {
      const response = await page.goto(path);
      expect(response.status(), path).toBe(200);
      await expectAccessible(page);
    }
  });
}
