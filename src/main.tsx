import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './ui/App.tsx'
import { PasteRefusedNotice } from './ui/PasteRefusedNotice.tsx'
import './index.css'
import { registerServiceWorker } from './ui/register-service-worker.ts'

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
    <PasteRefusedNotice />
  </StrictMode>,
)

// Offline support in built apps only: in `vite dev` a service worker would serve stale modules.
if (import.meta.env.PROD) registerServiceWorker()
