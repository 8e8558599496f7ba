// Keeps the scenario and the URL fragment in step: opening a link, editing, choosing presets, Back.
import { useCallback, useEffect, useRef, useState } from 'react'
import {
  applyPreset,
  encodePermalink,
  type Preset,
  type Scenario,
  SEED_SCENARIO,
} from '../../core/playground/index.ts'

/** Typing bursts settle before the address bar is rewritten (TypeScript Playground does the same). */
const WRITE_DELAY_MS = 250

const isSeedLink = (hash: string) => hash === '' || hash === '#' || hash === '#s=1.'

/** The decoder pulls in the schema library, so it loads only when a link actually carries a scenario. */
async function decode(hash: string): Promise<{ scenario: Scenario; notices: string[] }> {
  if (isSeedLink(hash)) return { scenario: SEED_SCENARIO, notices: [] }
  const { decodePermalink } = await import('../../core/playground/untrusted-input.ts')
  return decodePermalink(hash)
}

export interface PermalinkApi {
  /** False until a link's scenario has been read; nothing should run before that. */
  ready: boolean
  /** What a link held that could not be used, for a visible notice. */
  notices: string[]
  dismissNotices: () => void
  choosePreset: (preset: Preset) => void
  /** The shareable address of the current scenario, and what it left out. */
  link: () => Promise<{ url: string; omitted: string[] }>
}

export function usePermalink(scenario: Scenario, replace: (next: Scenario) => void): PermalinkApi {
  const [ready, setReady] = useState(() => isSeedLink(location.hash))
  const [notices, setNotices] = useState<string[]>([])
  // The scenario whose fragment is already in the address bar: no need to write it again.
  const written = useRef<Scenario | null>(isSeedLink(location.hash) ? SEED_SCENARIO : null)

  const openHash = useCallback(
    (hash: string) =>
      decode(hash).then(({ scenario: opened, notices: found }) => {
        written.current = opened
        replace(opened)
        setNotices(found)
        setReady(true)
      }),
    [replace],
  )

  useEffect(() => {
    if (!isSeedLink(location.hash)) void openHash(location.hash)
    const onPop = () => void openHash(location.hash)
    addEventListener('popstate', onPop)
    return () => removeEventListener('popstate', onPop)
  }, [openHash])

  useEffect(() => {
    if (!ready || written.current === scenario) return
    let stale = false
    const timer = setTimeout(() => {
      void encodePermalink(scenario).then(({ fragment }) => {
        if (stale) return
        written.current = scenario
        if (location.hash !== `#${fragment}`) history.replaceState(history.state, '', `#${fragment}`)
      })
    }, WRITE_DELAY_MS)
    return () => {
      stale = true
      clearTimeout(timer)
    }
  }, [scenario, ready])

  const choosePreset = useCallback(
    (preset: Preset) => {
      const next = applyPreset(preset)
      written.current = next
      replace(next)
      setNotices([])
      // A new history entry per preset, so Back returns to the scenario before it.
      void encodePermalink(next).then(({ fragment }) => history.pushState(null, '', `#${fragment}`))
    },
    [replace],
  )

  const link = useCallback(async () => {
    const { fragment, omitted } = await encodePermalink(scenario)
    return { url: `${location.origin}${location.pathname}#${fragment}`, omitted }
  }, [scenario])

  return { ready, notices, dismissNotices: useCallback(() => setNotices([]), []), choosePreset, link }
}
