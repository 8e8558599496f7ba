// The page's passkey sign-in state, shared by the sign-in section and the gallery's passkey cards.
import { useSyncExternalStore } from 'react'
import type { PasskeyAttackId, SignInResult } from '../../core/playground/index.ts'
import type { Reason } from '../../core/protocol/index.ts'
import { loadCeremony } from './load-ceremony.ts'
import type { CeremonyOutcome } from './run-ceremony.ts'

export interface CeremonyState {
  outcome: CeremonyOutcome | null
  /** The attack the last click played, if any. */
  attack: PasskeyAttackId | null
  busy: boolean
  /** True once a passkey was created on this page load and the IdP kept its public key. */
  created: boolean
  loadFailed: boolean
  /** "This device only": ask for the platform authenticator when a passkey is created. */
  deviceOnly: boolean
  /** The passkey cards' "Defence on" switches that are off: view state, never in a link or a request. */
  defencesOff: ReadonlySet<Reason>
}

let state: CeremonyState = {
  outcome: null,
  attack: null,
  busy: false,
  created: false,
  loadFailed: false,
  deviceOnly: false,
  defencesOff: new Set(),
}
const listeners = new Set<() => void>()

function update(change: Partial<CeremonyState>) {
  state = { ...state, ...change }
  for (const listener of listeners) listener()
}

const subscribe = (listener: () => void) => {
  listeners.add(listener)
  return () => void listeners.delete(listener)
}

export const useCeremony = (): CeremonyState => useSyncExternalStore(subscribe, () => state)

/** Runs one ceremony (honest, or with an attack) and hands the IdP's decision to the Run. */
export async function runCeremony(
  sub: string,
  attack: PasskeyAttackId | null,
  onSignIn: (signIn: SignInResult | undefined) => void,
): Promise<void> {
  if (state.busy) return
  update({ busy: true, loadFailed: false })
  try {
    // The ceremony's code is downloaded on first use (and kept offline from then on): without a
    // network before that, say so instead of failing silently.
    const ceremony = await loadCeremony().catch(() => null)
    if (!ceremony) return update({ loadFailed: true })
    const outcome = await ceremony.signInWithPasskey(sub, state.deviceOnly, attack, state.defencesOff)
    update({ outcome, attack, created: outcome.keyHeld })
    onSignIn(outcome.result)
  } finally {
    update({ busy: false })
  }
}

/** Back to the simulated sign-in: the Run uses the scenario's amr again. */
export function backToSimulated(onSignIn: (signIn: SignInResult | undefined) => void): void {
  update({ outcome: null, attack: null })
  onSignIn(undefined)
}

/** Flips one passkey defence; the next ceremony runs against an IdP with or without that check. */
export function switchPasskeyDefence(reason: Reason, on: boolean): void {
  const next = new Set(state.defencesOff)
  if (on) next.delete(reason)
  else next.add(reason)
  update({ defencesOff: next })
}

export const setDeviceOnly = (deviceOnly: boolean): void => update({ deviceOnly })
