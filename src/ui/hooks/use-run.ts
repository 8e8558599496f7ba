// Scenario -> Run on every edit. Results that arrive after a newer edit are dropped, and the last Run
// stays on screen until its successor arrives, so panes never flash empty.
import { useEffect, useRef, useState } from 'react'
import type { Run, Scenario, SignInResult } from '../../core/playground/index.ts'
import type { KeyRing } from '../../core/protocol/index.ts'

export interface RunState {
  /** The newest Run that arrived, or null before the first one. */
  run: Run | null
  /** The newest Run in which the IdP issued a token: what panes fall back to while a refusal is shown. */
  lastIssued: Run | null
  /** True while the Run on screen belongs to an older Scenario than the one being edited. */
  pending: boolean
  /** A bug in the core (it throws only on bugs): shown, while the last Run stays. */
  crash: string | null
}

// The protocol core is its own chunk, fetched while the keys are made, so first paint doesn't wait for it.
let core: Promise<typeof import('../../core/playground/engine.ts')> | null = null
const loadCore = () => (core ??= import('../../core/playground/engine.ts'))

type Settled = { for: Scenario; run: Run | null; lastIssued: Run | null; crash: string | null }

export function useRun(scenario: Scenario, keys: KeyRing | null, signIn?: SignInResult): RunState {
  const [settled, setSettled] = useState<Settled | null>(null)
  // Every edit takes the next number; only the result carrying the latest number may land.
  const latest = useRef(0)
  // Start fetching the core while the keys are being made, rather than after.
  useEffect(() => void loadCore(), [])

  useEffect(() => {
    if (!keys) return
    const mine = ++latest.current
    loadCore()
      .then(({ runScenario }) => runScenario(scenario, { keys, ...(signIn ? { signIn } : {}) }))
      .then(
        (run) => {
          if (mine !== latest.current) return
          setSettled((previous) => ({
            for: scenario,
            run,
            lastIssued: run.tokens.delegated ? run : (previous?.lastIssued ?? null),
            crash: null,
          }))
        },
        (error: unknown) => {
          if (mine !== latest.current) return
          const crash = error instanceof Error ? error.message : String(error)
          setSettled((previous) => ({
            for: scenario,
            run: previous?.run ?? null,
            lastIssued: previous?.lastIssued ?? null,
            crash,
          }))
        },
      )
  }, [scenario, keys, signIn])

  return {
    run: settled?.run ?? null,
    lastIssued: settled?.lastIssued ?? null,
    pending: settled?.for !== scenario,
    crash: settled?.crash ?? null,
  }
}
