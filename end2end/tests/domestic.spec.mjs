// Domestic work in the browser, without JavaScript (every form is a plain form), with the
// accessibility checks of every page: a new account applies as a worker step by step (with the
// documents), city staff validate it after the interview, a family asks for a carer and gets a
// ranked, explained, anonymous shortlist, proposes the new worker, the worker accepts, both see
// each other's contacts, the family records the hire and rates it. Chromium, both engines.
import { test, expect } from "@playwright/test";
import { asPerson, expectAccessible, firstLink, logIn, mailTo } from "./helpers.mjs";

test.use({ javaScriptEnabled: false });

const WORKER = "ana.lopez.e2e@example.it";
const WORKER_PASSWORD = "la candidata prende il tram 14";

function isoInDays(days) {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

async function register(page) {
  const since = Date.now() - 1000;
  await page.goto("/registrati");
  await page.locator("#register-name").fill("Ana Lopez");
  await page.locator("#register-email").fill(WORKER);
  await page.locator("#register-password").fill(WORKER_PASSWORD);
  await page.locator("label[for=register-privacy-check]").click();
  await page.locator("#register-form button[type=submit]").click();
  const mail = await mailTo(WORKER, since);
  await page.goto(firstLink(mail.text));
  await page.locator("#verify-form button").click();
  await logIn(page, WORKER, WORKER_PASSWORD);
}

async function save(page, step) {
  await page.locator("#application-save").click();
  await expect(page.locator("#application-page")).not.toHaveAttribute("data-step", step);
}

async function apply(page) {
  await page.goto("/lavoro-domestico");
  await expectAccessible(page);
  await page.locator("#card-apply a").click();
  await expect(page.locator("#application-page")).toHaveAttribute("data-step", "dati");
  await expectAccessible(page);

  // A refused step comes back with the errors and what was typed.
  await page.locator("#application-first-name").fill("Ana");
  await page.locator("#application-save").click();
  await expect(page.locator("#application-errors")).toBeVisible();
  await expect(page.locator("#application-first-name")).toHaveValue("Ana");
  await expectAccessible(page);

  await page.locator("#application-last-name").fill("Lopez");
  await page.locator("#application-birth-date").fill("1979-03-12");
  await page.locator("#application-fiscal-code").fill("RSSGLI85M41F205V");
  await page.locator("#application-nationality").fill("peruviana");
  await page.locator("label[for=application-eu-citizen-no]").click();
  await page.locator("#application-phone").fill("+39 333 7654321");
  await page.locator("#application-address").fill("Via Padova 10");
  await page.locator("#application-municipio").selectOption("2");
  await save(page, "dati");

  // Documents: upload the passport and the permit, then their data.
  await expect(page.locator("#application-page")).toHaveAttribute("data-step", "documenti");
  for (const [kind, name, type, content] of [
    ["identity", "passaporto.pdf", "application/pdf", "%PDF-1.4\n%%EOF\n"],
    ["permit", "permesso.pdf", "application/pdf", "%PDF-1.4\n%%EOF\n"],
  ]) {
    await page.locator("#document-kind").selectOption(kind);
    await page.locator("#document-file").setInputFiles({ name, mimeType: type, buffer: Buffer.from(content) });
    await page.locator("#document-upload-button").click();
    await expect(page.locator("#documents-table")).toContainText(name);
  }
  await expectAccessible(page);
  await page.locator("#application-id-document-kind").selectOption("passport");
  await page.locator("#application-id-document-number").fill("PE123456");
  await page.locator("#application-id-document-expiry").fill("2031-01-31");
  await page.locator("#application-permit-number").fill("MI0099887");
  await page.locator("#application-permit-expiry").fill("2029-06-30");
  await save(page, "documenti");

  await page.locator("#application-employment-status").selectOption("unemployed");
  await page.locator("#application-available-from").fill(isoInDays(1));
  await page.locator("#application-education").selectOption("upper_secondary");
  await page.locator("#application-italian").selectOption("B2");
  await page.locator("label[for=application-courses-carer]").click();
  await page.locator("label[for=application-languages-es]").click();
  await expectAccessible(page);
  await save(page, "formazione");

  await page.locator("#application-exp-role").selectOption("badante");
  await page.locator("#application-exp-employer").selectOption("family");
  await page.locator("#application-exp-from").fill("2015-01");
  await page.locator("#application-exp-to").fill("2024-12");
  await page.locator("#application-exp-description").fill("Assistenza a una signora con Alzheimer");
  await page.locator("#experience-add").click();
  await expect(page.locator("#experiences-table")).toContainText("2015-01");
  await expectAccessible(page);
  await save(page, "esperienze");

  await page.locator("label[for=application-driving-licence]").click();
  await save(page, "informazioni");

  await page.locator("label[for=application-roles-badante]").click();
  for (const skill of ["bd-hygiene", "bd-dementia", "bd-meals"]) {
    await page.locator(`label[for=application-skills-${skill}]`).click();
  }
  await expectAccessible(page);
  await save(page, "ruoli");

  await page.locator("label[for=application-badante-regimes-hourly]").click();
  for (const day of [0, 2, 4]) {
    await page.locator(`#application-badante-d${day}-from`).fill("08:00");
    await page.locator(`#application-badante-d${day}-to`).fill("13:00");
  }
  await page.locator("#application-badante-max-weekly-hours").fill("30");
  await page.locator("#application-badante-expected-hourly").fill("9,80");
  await page.locator("label[for=application-badante-municipi-2]").click();
  await page.locator("label[for=application-badante-municipi-3]").click();
  await expectAccessible(page);
  await save(page, "disponibilita");

  await expect(page.locator("#application-page")).toHaveAttribute("data-step", "riepilogo");
  await expectAccessible(page);
  await page.locator("label[for=application-truthful]").click();
  await page.locator("#application-submit").click();
  await expect(page.locator("#application-status")).toHaveAttribute("data-status", "submitted");
}

async function validate(admin) {
  await admin.goto("/amministrazione/lavoratori?q=lopez");
  await expectAccessible(admin);
  await admin.locator("#applications-table a", { hasText: "Ana Lopez" }).click();
  const id = admin.url().match(/lavoratori\/(\d+)/)[1];
  await expectAccessible(admin);
  await admin.locator("#verify-documents").click();
  await expect(admin.locator("#documents-verified")).toBeVisible();
  await admin.locator("#interview-at").fill("2030-01-15T10:30");
  await admin.locator("#interview-form button[type=submit]").click();
  await expect(admin.locator("#staff-interview")).toContainText("15/01/2030 10:30");
  await admin.locator("label[for=outcome-suitable]").click();
  await admin.locator("#rating-badante").selectOption("5");
  await admin.locator("#decide-submit").click();
  await expect(admin.locator("#staff-application-title")).toHaveAttribute("data-status", "suitable");
  return id;
}

async function request(family) {
  await family.goto("/lavoro-domestico/richiesta");
  await expectAccessible(family);
  await family.locator("#request-role").selectOption("badante");
  await family.locator("#request-start").fill(isoInDays(30));
  await family.locator("#request-offered-hourly").fill("10,50");
  await family.locator("#request-p1-age").fill("86");
  await family.locator("#request-p1-mobility").selectOption("assisted");
  await family.locator("label[for=request-p1-conditions-dementia]").click();
  await family.locator("label[for=request-tasks-bd-hygiene]").click();
  await family.locator("#request-rooms").fill("3");
  for (const day of [0, 2]) {
    await family.locator(`#request-d${day}-from`).fill("09:00");
    await family.locator(`#request-d${day}-to`).fill("12:00");
  }
  await family.locator("label[for=request-languages-es]").click();
  await family.locator("#request-address").fill("Via Padova 30");
  await family.locator("#request-municipio").selectOption("2");
  // Health data without consent: refused and not kept; the rest of the form comes back filled.
  await family.locator("#request-submit").click();
  await expect(family.locator("#request-errors")).toContainText("consenso");
  await expect(family.locator("#request-address")).toHaveValue("Via Padova 30");
  await family.locator("#request-p1-mobility").selectOption("assisted");
  await family.locator("label[for=request-p1-conditions-dementia]").click();
  await family.locator("label[for=request-health-consent]").click();
  // The cost along the way: the calculator's estimate of what is typed, the form kept.
  await family.locator("#request-estimate-button").click();
  await expect(family.locator("#request-estimate")).toContainText("al mese in media");
  await expect(family.locator("#request-address")).toHaveValue("Via Padova 30");
  await expectAccessible(family);
  await family.locator("#request-submit").click();
  await expect(family).toHaveURL(/\/area-personale\/lavoro-domestico\/LD-/);
}

test("a worker applies, staff validate, a family proposes, the worker accepts, the hire is recorded", async ({ page, browser }) => {
  test.setTimeout(240_000);
  await register(page);
  await apply(page);

  const admin = await asPerson(browser, "admin@demo.wemi.example");
  const id = await validate(admin);

  const family = await asPerson(browser, "cittadino@demo.wemi.example");
  await request(family);
  const candidate = family.locator(`.candidate[data-application="${id}"]`);
  await expect(candidate).toContainText("copre il 100% degli orari richiesti");
  await expect(candidate).toContainText("parla spagnolo");
  await expect(family.locator("#shortlist")).not.toContainText("Lopez");
  await expect(family.locator("#request-estimate")).toBeVisible();
  await expectAccessible(family);
  await candidate.locator("button[type=submit]").click();
  const proposal = family.locator(`.proposal[data-application="${id}"]`);
  await expect(proposal).toHaveAttribute("data-state", "proposed");
  await expect(proposal).not.toContainText("Lopez");
  await expectAccessible(family);

  // The worker sees the job (not the family) and accepts.
  await page.goto("/area-personale/proposte");
  const job = page.locator(".job-proposal").first();
  await expect(job).toContainText("10,50");
  await expect(job).not.toContainText("Giulia Rossi");
  await expectAccessible(page);
  await job.locator("button", { hasText: "Accetta" }).click();
  await expect(page.locator(".job-proposal").first()).toHaveAttribute("data-state", "accepted");
  await expect(page.locator(".job-proposal .proposal-contact")).toContainText("Giulia Rossi");

  // The family sees the worker's contacts, records the hire, rates.
  await family.reload();
  await expect(proposal).toHaveAttribute("data-state", "accepted");
  await expect(proposal.locator(".proposal-contact")).toContainText("Ana Lopez");
  await expect(proposal.locator(".proposal-contact")).toContainText(WORKER);
  await proposal.locator(".outcome-hired select").selectOption("direct");
  await proposal.locator(".outcome-hired button").click();
  await expect(proposal).toHaveAttribute("data-state", "hired");
  await proposal.locator('label[for^="worker_rating-"][for$="-5"]').click();
  await proposal.locator(".feedback-form textarea[name=worker_feedback]").fill("Puntuale e gentile.");
  await proposal.locator(".feedback-form button[type=submit]").click();
  await expect(proposal).toContainText("5/5");
  await expectAccessible(family);

  // Staff follow the request to its close.
  await admin.goto("/amministrazione/richieste-lavoro");
  await expectAccessible(admin);
  await admin.locator("#requests-table a").first().click();
  await expect(admin.locator("#request-family")).toContainText("Giulia Rossi");
  await expectAccessible(admin);
});
