import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'
import tailwindcss from '@tailwindcss/vite'
import { contentSecurityPolicyMeta, SECURITY_HEADERS } from './build/content-security-policy-plugin.ts'
import { precacheServiceWorker } from './build/service-worker-plugin.ts'
import { sideEffectFreeEntryPoints } from './build/side-effect-free-entry-points.ts'

export default defineConfig({
  // Relative URLs by default, so one build runs at a site's root and under any subpath (GitHub Pages'
  // /<repo>/). BASE_PATH=/sub/ makes them absolute instead, for a host that needs that.
  base: process.env.BASE_PATH ?? './',
  plugins: [
    react(),
    tailwindcss(),
    contentSecurityPolicyMeta(),
    precacheServiceWorker(),
    sideEffectFreeEntryPoints(),
  ],
  worker: { format: 'es' },
  build: {
    // Monaco's lazily loaded chunk is large by design; the entry chunk has its own budget (bench/budgets).
    chunkSizeWarningLimit: 4096,
  },
  // The built app is served with its Content Security Policy as a header too (frame-ancestors needs one).
  // No CORS: a static host has no use for it, and its `Vary: Origin` made the service worker's install miss
  // the HTTP cache (a module script is requested with an Origin header) and download the page again.
  preview: { port: 4173, strictPort: true, cors: false, headers: SECURITY_HEADERS },
})
