// The page's keys: made once per page load with WebCrypto (non-extractable), never stored anywhere.
import { useEffect, useState } from 'react'
import type { KeyRing } from '../../core/protocol/index.ts'

let pageKeys: Promise<KeyRing> | null = null

/**
 * One key ring for the page's lifetime, shared by every caller (StrictMode's double effects included).
 * The protocol core and jose load here, after first paint: nothing can be shown before keys exist anyway.
 */
function keysForThisPage(): Promise<KeyRing> {
  pageKeys ??= import('../../core/protocol/signing-keys.ts').then(({ createKeyRing }) => createKeyRing())
  return pageKeys
}

export type KeyRingState = { keys: KeyRing | null; error: string | null }

export function useKeyRing(): KeyRingState {
  const [state, setState] = useState<KeyRingState>({ keys: null, error: null })
  useEffect(() => {
    let live = true
    keysForThisPage().then(
      (keys) => live && setState({ keys, error: null }),
      (error: unknown) =>
        live && setState({ keys: null, error: error instanceof Error ? error.message : String(error) }),
    )
    return () => {
      live = false
    }
  }, [])
  return state
}
