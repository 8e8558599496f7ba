// The bench's own pages (pipeline page, React alone), built in production mode into the bench cache.
import { fileURLToPath } from 'node:url'
import { build } from 'vite'
import { BENCH_CACHE } from './app-build.ts'

export const PAGES_ROOT = fileURLToPath(new URL('browser/', import.meta.url))
export const PAGES_DIST = `${BENCH_CACHE}pages`

export async function buildBenchPages(): Promise<void> {
  await build({ configFile: `${PAGES_ROOT}vite.config.ts`, logLevel: 'warn' })
}
