// A bare static file server for dist/, as a plain host serves a build: optionally under a subpath.
import { readFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize } from 'node:path'
import { DIST } from './service-worker.ts'

/** The content types a static host sends: module scripts and workers must be served as JavaScript. */
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain',
}

/**
 * Serves dist/ at `prefix` (e.g. `/sub/`, as GitHub Pages serves a project site): no Vite, no headers but
 * the content type, no fallback pages, and a 404 for anything outside the prefix.
 */
export async function serveStatically(prefix = '/'): Promise<{ server: Server; origin: string }> {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url!, 'http://x').pathname)
    if (!path.startsWith(prefix)) return void response.writeHead(404).end()
    const inDist = normalize(`/${path.slice(prefix.length)}`)
    const file = join(DIST, inDist === '/' ? 'index.html' : inDist)
    readFile(file).then(
      (body) =>
        response
          .writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' })
          .end(body),
      () => response.writeHead(404).end(),
    )
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }
}
