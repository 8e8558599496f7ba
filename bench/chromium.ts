// Launches the same Chromium the e2e suite uses (e2e/find-chromium.ts), headless.
import { chromium, type Browser } from '@playwright/test'
import { chromiumUse, findChromium } from '../e2e/find-chromium.ts'

/** The Chromium executable (Lighthouse needs its path), or null when there is none. */
export function chromiumPath(): string | null {
  const choice = findChromium()
  if (choice.kind === 'explicit' || choice.kind === 'system') return choice.executablePath
  if (choice.kind === 'playwright') return chromium.executablePath()
  return null
}

export async function launchChromium(): Promise<Browser> {
  const use = chromiumUse()
  return chromium.launch({
    headless: true,
    ...('channel' in use ? { channel: use.channel } : {}),
    ...('launchOptions' in use ? use.launchOptions : {}),
  })
}
