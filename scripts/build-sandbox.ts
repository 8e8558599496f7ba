// `prepack`: builds the sandbox's CLI and library to plain JavaScript in dist-sandbox/, so the packed package needs no tsx.
import { rmSync } from 'node:fs'
import { build } from 'esbuild'

const outdir = 'dist-sandbox'
rmSync(outdir, { recursive: true, force: true })
await build({
  entryPoints: { main: 'sandbox/main.ts', index: 'sandbox/index.ts' },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Dependencies stay dependencies: npm installs them, and they are not copied into the package.
  packages: 'external',
  chunkNames: 'chunks/[name]-[hash]',
  logLevel: 'warning',
})
console.log(`built ${outdir}/main.js (bin token-exchange-sandbox) and ${outdir}/index.js (./sandbox)`)
