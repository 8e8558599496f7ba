// Builds the app for the bench, with the app's own vite config, into a cache folder (never into dist/,
// which the e2e suite and a running preview may be using), and serves that build.
import { fileURLToPath } from 'node:url'
import { build } from 'vite'
import { serveBuild, type Served } from './serve.ts'

export const ROOT = fileURLToPath(new URL('..', import.meta.url))
/** Where the bench puts its builds: ignored by git, ESLint and Tailwind's class scanner alike. */
export const BENCH_CACHE = fileURLToPath(new URL('../node_modules/.cache/bench/', import.meta.url))
export const APP_DIST = `${BENCH_CACHE}app`
const CONFIG = `${ROOT}vite.config.ts`

export async function buildApp(): Promise<void> {
  await build({
    root: ROOT,
    configFile: CONFIG,
    logLevel: 'warn',
    build: { outDir: APP_DIST, emptyOutDir: true, rolldownOptions: { checks: { bundlerTimings: false } } },
  })
}

/** `vite preview` of the bench's app build, with the app's preview headers plus `headers`. */
export function serveApp(headers: Record<string, string> = {}): Promise<Served> {
  return serveBuild({ root: ROOT, outDir: APP_DIST, configFile: CONFIG, headers })
}
