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

/**
 * Waits until the service worker has kept every file of the code editor (it does so once an editor has
 * been used), read from the precache list of the build the page came from.
 */
export async function waitForEditorKept(page: Page): Promise<void> {
  await page.waitForFunction(
    async () => {
      const script = (await navigator.serviceWorker.ready).active?.scriptURL
      if (!script) return false
      const list = /__PRECACHE__ = (.*);/.exec(await (await fetch(script)).text())?.[1]
      const { editor } = JSON.parse(list ?? '{"editor":[]}') as { editor: string[] }
      const kept = await Promise.all(
        editor.map((file) => caches.match(new URL(file, script).href, { ignoreVary: true })),
      )
      return editor.length > 0 && kept.every(Boolean)
    },
    undefined,
    { timeout: 30_000, polling: 250 },
  )
}
