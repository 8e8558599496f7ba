// e2e helpers for the offline service worker and the built files it may keep.
import { readdirSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import type { Page } from '@playwright/test'

export const DIST = resolve(import.meta.dirname, '..', 'dist')

/** Every file of the build as the URL path it is served at, the page as "/" and "/index.html". */
export function buildFiles(): Set<string> {
  const files = readdirSync(DIST, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => `/${relative(DIST, join(entry.parentPath, entry.name)).split('\\').join('/')}`)
  return new Set([...files, '/'])
}

/** Waits until the service worker has stored the build and controls the page. */
export async function waitForOfflineReady(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready
    if (!navigator.serviceWorker.controller)
      await new Promise((resolve) =>
        navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }),
      )
  })
}
