import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'
import tailwindcss from '@tailwindcss/vite'

export default defineConfig({
  plugins: [react(), tailwindcss()],
  worker: { format: 'es' },
  build: {
    // Monaco's lazily loaded chunk is large by design; the entry chunk has its own budget (bench/budgets).
    chunkSizeWarningLimit: 4096,
  },
  preview: { port: 4173, strictPort: true },
})
