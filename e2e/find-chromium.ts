// Picks the Chromium Playwright should drive, so the suite runs here (no browser downloads)
// and on an ordinary developer machine alike. Order: PW_CHROMIUM_PATH, Playwright's own
// Chromium, then a system Chromium or Chrome.
import { existsSync } from 'node:fs'
import { chromium } from '@playwright/test'

// A closed network refuses Chromium's background calls; these keep it quiet and the console clean.
export const SYSTEM_ARGS = [
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

const SYSTEM_BROWSERS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/google-chrome',
]

export type ChromiumChoice =
  { kind: 'explicit' | 'system'; executablePath: string } | { kind: 'playwright' } | { kind: 'none' }

export function findChromium(): ChromiumChoice {
  const explicit = process.env.PW_CHROMIUM_PATH
  if (explicit) return { kind: 'explicit', executablePath: explicit }
  try {
    if (existsSync(chromium.executablePath())) return { kind: 'playwright' }
  } catch {
    // executablePath() throws when Playwright has no browser registry entry; fall through.
  }
  const system = SYSTEM_BROWSERS.find((p) => existsSync(p))
  return system ? { kind: 'system', executablePath: system } : { kind: 'none' }
}

/** The `use` block for a Playwright project driving the chosen Chromium. */
export function chromiumUse(choice: ChromiumChoice = findChromium()) {
  switch (choice.kind) {
    case 'explicit':
    case 'system':
      return { launchOptions: { executablePath: choice.executablePath, args: SYSTEM_ARGS } }
    case 'playwright':
      // Without the channel, headless mode looks for the separate chromium-headless-shell download.
      return { channel: 'chromium' }
    case 'none':
      return {}
  }
}
