// Fails fast, in one line, when no usable Chromium is available for the e2e suite.
import { accessSync, constants, existsSync } from 'node:fs'
import { execFileSync } from 'node:child_process'
import { chromium } from '@playwright/test'

const fail = (line) => {
  console.error(line)
  process.exit(1)
}

const explicit = process.env.PW_CHROMIUM_PATH
if (explicit) {
  // An explicit path is used as is (e2e/find-chromium.ts), so a wrong one would fail every test: check it here.
  try {
    accessSync(explicit, constants.X_OK)
  } catch {
    fail(
      `PW_CHROMIUM_PATH=${explicit} is not an executable file: fix the path, or unset it to search for a Chromium.`,
    )
  }
  try {
    execFileSync(explicit, ['--version'], { stdio: 'ignore', timeout: 30_000 })
  } catch {
    fail(
      `PW_CHROMIUM_PATH=${explicit} does not run (\`${explicit} --version\` failed): point it at a Chromium or Chrome.`,
    )
  }
  process.exit(0)
}

const candidates = [
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
  fail(
    'No Chromium found for the e2e tests: run `npx playwright install chromium`, or `apt-get install -y chromium fonts-liberation`, or set PW_CHROMIUM_PATH.',
  )
}
