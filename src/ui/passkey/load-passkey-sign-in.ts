// The sign-in section is its own chunk, so first paint stays within its budget (bench/budgets.json).
import { lazy } from 'react'

export const LazyPasskeySignIn = lazy(() =>
  import('./PasskeySignIn.tsx').then((module) => ({ default: module.PasskeySignIn })),
)

/** The gallery's passkey cards: their own chunk, sharing the sign-in section's ceremony state module. */
export const LazyPasskeyAttackCards = lazy(() =>
  import('./PasskeyAttackCards.tsx').then((module) => ({ default: module.PasskeyAttackCards })),
)
