// The sign-in section is its own chunk, so first paint stays within its budget (bench/budgets.json).
import { lazy } from 'react'

export const LazyPasskeySignIn = lazy(() =>
  import('./PasskeySignIn.tsx').then((module) => ({ default: module.PasskeySignIn })),
)
