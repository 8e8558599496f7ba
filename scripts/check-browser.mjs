// Fails fast, in one line, when no Chromium is available for the e2e suite.
import { existsSync } from 'node:fs'
import { chromium } from '@playwright/test'

const candidates = [
  process.env.PW_CHROMIUM_PATH,
  (() => {
    try {
      return chromium.executablePath()
    } catch {
      return undefined
    }
  })(),
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/google-chrome',
].filter(Boolean)

if (!candidates.some((p) => existsSync(p))) {
  console.error(
    'No Chromium found for the e2e tests: run `npx playwright install chromium`, or `apt-get install -y chromium fonts-liberation`, or set PW_CHROMIUM_PATH.',
  )
  process.exit(1)
}
