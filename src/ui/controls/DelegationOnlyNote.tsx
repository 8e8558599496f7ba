// Says which delegation controls a flow hides, and why: they would change nothing in it.
import type { ReactNode } from 'react'

/**
 * Stands where controls of the delegation request were: the cross-app flow never reads them (its IdP
 * takes an ID token and a JWT-SVID, and its own policy), so they are hidden rather than left to look
 * as if they changed the run.
 */
export function DelegationOnlyNote({ children }: { children: ReactNode }) {
  return (
    <p role="note" className="text-[0.7rem]/4 text-slate-500 dark:text-slate-400">
      {children}
    </p>
  )
}
