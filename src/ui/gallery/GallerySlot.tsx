// Where the attack gallery goes on the page: it arrives with the result panes' chunk, after first paint.
import { useEffect, useState } from 'react'
import { loadedResultPanes, loadResultPanes } from '../load-result-panes.ts'
import type { AttackGalleryProps } from './AttackGallery.tsx'

export function GallerySlot(props: AttackGalleryProps) {
  const [panes, setPanes] = useState(loadedResultPanes)
  useEffect(() => {
    if (panes) return
    let live = true
    // A failed load is reported by the panes, which fetch the same chunk; the gallery just stays away.
    loadResultPanes().then(
      (module) => live && setPanes(module),
      () => {},
    )
    return () => {
      live = false
    }
  }, [panes])
  return panes ? <panes.AttackGallery {...props} /> : null
}
