import { defineConfig } from '@playwright/test'
import { chromiumUse } from './e2e/find-chromium'

// PW_PORT lets two suites run side by side (a CI check beside a developer's run).
const PORT = Number(process.env.PW_PORT ?? 4173)

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  reporter: process.env.CI ? 'line' : 'list',
  timeout: 30_000,
  use: {
    baseURL: `http://localhost:${PORT}`,
    // The offline service worker downloads the whole build once the page is idle. Specs that test it
    // (offline, privacy, CSP) allow it; elsewhere it would only add traffic to every fresh context.
    serviceWorkers: 'block',
    ...chromiumUse(),
  },
  // e2e runs against the production build. A stale preview server would serve an old dist/,
  // so only reuse one on a developer machine.
  webServer: {
    command: `npm run build && npx vite preview --port ${PORT} --strictPort`,
    url: `http://localhost:${PORT}`,
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
  },
})
