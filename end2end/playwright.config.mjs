// End-to-end tests in Debian's Chromium (Playwright cannot download its own browser here).
// The portal is started by scripts/e2e.sh on E2E_BASE_URL with a fresh database.
import { defineConfig } from "@playwright/test";

export default defineConfig({
  testDir: "./tests",
  timeout: 30_000,
  retries: 0,
  workers: 1,
  reporter: [["list"]],
  use: {
    // Italian first: the browser asks for Italian, as most of the portal's users' browsers do.
    locale: "it-IT",
    baseURL: process.env.E2E_BASE_URL || "http://127.0.0.1:3210",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
});
