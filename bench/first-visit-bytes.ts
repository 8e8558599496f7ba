// What a first visit transfers: every request of the page, its workers and its service worker, until the
// network has been quiet for 5 s, counted as the gzip size of each file a server sent in full (a 304 or a
// copy from a cache costs no body). Shared by the bench and e2e/first-visit.spec.ts.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import type { BrowserContext, Page } from '@playwright/test'
import { readPrecache } from './precache-cost.ts'

export const IDLE_MS = 5_000

export interface FirstVisitRequest {
  /** Path inside dist/ (`index.html` for the page), or the URL when it isn't a file of the build. */
  file: string
  status: number
  /** Made by the service worker (installing, or keeping the editor), not by the page. */
  byServiceWorker: boolean
  gzipBytes: number
}

export interface FirstVisitBytes {
  requests: FirstVisitRequest[]
  gzipBytes: number
  /** Requests for the editor's files (Monaco), by the page or the service worker. */
  editorRequests: string[]
}

/**
 * Opens `url` in a fresh page of `context` (service workers allowed, empty caches), then waits until no
 * request has started or finished for `IDLE_MS` (at most `limitMs` in all), and sums what was sent.
 */
export async function firstVisitBytes(
  context: BrowserContext,
  url: string,
  distDir: string,
  open: (page: Page) => Promise<void> = async (page) => void (await page.goto(url)),
  limitMs = 60_000,
): Promise<FirstVisitBytes> {
  const origin = new URL(url).origin
  const base = new URL('.', url).pathname
  const editor = new Set(readPrecache(distDir).editor)
  const requests: FirstVisitRequest[] = []
  let lastActivity = Date.now()
  const touch = () => void (lastActivity = Date.now())
  context.on('request', touch)
  context.on('requestfailed', touch)
  context.on('requestfinished', (request) => {
    touch()
    void (async () => {
      const response = await request.response()
      if (!response) return
      const at = new URL(request.url())
      const inBuild = at.origin === origin && at.pathname.startsWith(base)
      const path = at.pathname.slice(base.length)
      const file = inBuild ? (path === '' ? 'index.html' : path) : request.url()
      // A response the service worker answered from its cache transferred nothing over the network, and
      // one the HTTP cache revalidated (a 304 on the wire, a 200 to the script) brought no body.
      const { responseBodySize } = await request.sizes()
      const sent = response.status() === 200 && !response.fromServiceWorker() && responseBodySize > 0
      requests.push({
        file,
        status: response.status(),
        byServiceWorker: request.serviceWorker() !== null,
        gzipBytes: sent ? (gzipOf(distDir, file) ?? responseBodySize) : 0,
      })
    })()
  })
  const started = Date.now()
  const page = await context.newPage()
  await open(page)
  while (Date.now() - lastActivity < IDLE_MS && Date.now() - started < limitMs)
    await new Promise((resolve) => setTimeout(resolve, 250))
  context.off('request', touch)
  context.off('requestfailed', touch)
  return {
    requests,
    gzipBytes: requests.reduce((total, request) => total + request.gzipBytes, 0),
    editorRequests: requests.filter((request) => editor.has(request.file)).map((request) => request.file),
  }
}

/** The gzip size of a file of the build, or null for anything else (then its body size counts). */
function gzipOf(distDir: string, file: string): number | null {
  try {
    return gzipSync(readFileSync(join(distDir, file)), { level: 9 }).length
  } catch {
    return null
  }
}
