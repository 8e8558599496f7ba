// Builds the bench's own pages in production mode (minified, like the app) into node_modules/.cache/bench:
// the pipeline page, and React alone (the floor for what loads before first paint).
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url))

export default defineConfig({
  root: here('.'),
  base: './',
  logLevel: 'warn',
  build: {
    outDir: here('../../node_modules/.cache/bench/pages'),
    emptyOutDir: true,
    rolldownOptions: {
      input: { pipeline: here('index.html'), react: here('react-floor.html') },
      checks: { bundlerTimings: false },
    },
  },
})
