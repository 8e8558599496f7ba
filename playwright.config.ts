import { defineConfig } from '@playwright/test'
import { chromiumUse } from './e2e/find-chromium'

// PW_PORT lets two suites run side by side (a CI check beside a developer's run).
const PORT = Number(process.env.PW_PORT ?? 4173)

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  // Two workers on CI, whatever the core count: the suite must pass beside other work on a 2-core machine.
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  reporter: process.env.CI ? 'line' : 'list',
  // Generous bounds: tests assert outcomes, never speed, so a loaded machine may only make them slower.
  timeout: 90_000,
  expect: { timeout: 15_000 },
  use: {
    baseURL: `http://localhost:${PORT}`,
    // The offline service worker downloads the whole build once the page is idle. Specs that test it
    // (offline, privacy, CSP) allow it; elsewhere it would only add traffic to every fresh context.
    serviceWorkers: 'block',
    ...chromiumUse(),
  },
  // e2e runs against the production build it makes. A server already on the port (an old
  // `npm run preview`) would serve an old dist/, so it is never reused: Playwright stops with
  // "http://localhost:<port> is already used" instead. Stop it, or pick another port with PW_PORT.
  webServer: {
    command: `npm run build && npx vite preview --port ${PORT} --strictPort`,
    url: `http://localhost:${PORT}`,
    reuseExistingServer: false,
    timeout: 180_000,
  },
})
