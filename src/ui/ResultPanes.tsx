// The result panes of a Run. Loaded as their own chunk, next to the protocol core, after first paint.
import { memo, useMemo } from 'react'
import type { Run } from '../core/playground/index.ts'
import type { RunState } from './hooks/use-run.ts'
import { AuditPane } from './panes/AuditPane.tsx'
import { ChecksPane } from './panes/ChecksPane.tsx'
import { ClaimsPane } from './panes/ClaimsPane.tsx'
import { CrossAppTokensPane } from './panes/CrossAppTokensPane.tsx'
import { FlowStepsPane } from './panes/FlowStepsPane.tsx'
import { InputTokensPane } from './panes/InputTokensPane.tsx'
import { JwksPane } from './panes/JwksPane.tsx'
import { RequestPane } from './panes/RequestPane.tsx'
import { ResponsePane } from './panes/ResponsePane.tsx'
import { NarrowingPane } from './panes/NarrowingPane.tsx'
import { ResourceRequestPane } from './panes/ResourceRequestPane.tsx'
import { PanesLayout } from './PanesLayout.tsx'
import { SequencePane } from './sequence/SequencePane.tsx'
import { WhatToLookAt } from './sequence/WhatToLookAt.tsx'

export interface ResultPanesProps {
  state: RunState & { run: Run }
  dark: boolean
  onEditRaw: (raw: string | null) => void
  onTamper: (claims: string | null) => void
}

// The key sets are the same objects for every Run of the page's key ring: this pane renders once.
const StableJwksPane = memo(JwksPane)

export function ResultPanes({ state, dark, onEditRaw, onTamper }: ResultPanesProps) {
  const { run, lastIssued, pending } = state
  // An edit first marks the panes stale, then its Run arrives. Only the Run changes what they show, so
  // marking them stale must not render their contents again: that cost ~3 ms per keystroke (bench).
  const panes = useMemo(
    () => (
      <PanesLayout
        sequence={<SequencePane run={run} />}
        look={<WhatToLookAt run={run} />}
        request={
          run.flow === 'delegation' ? (
            <RequestPane run={run} dark={dark} onEditRaw={onEditRaw} />
          ) : (
            <FlowStepsPane run={run} />
          )
        }
        resource={<ResourceRequestPane run={run} />}
        narrowing={<NarrowingPane run={run} />}
        response={<ResponsePane run={run} />}
        claims={<ClaimsPane run={run} lastIssued={lastIssued} dark={dark} onTamper={onTamper} />}
        audit={<AuditPane run={run} />}
        checks={<ChecksPane run={run} />}
        input={run.flow === 'cross-app' ? <CrossAppTokensPane run={run} /> : <InputTokensPane run={run} />}
        jwks={<StableJwksPane jwks={run.jwks} />}
      />
    ),
    [run, lastIssued, dark, onEditRaw, onTamper],
  )
  // One marker for all panes while they show an older Run than the scenario (the results region is aria-busy).
  return <div data-stale={pending || undefined}>{panes}</div>
}

// The gallery travels in this chunk too: its cards need the reason table, which first paint does not.
export { AttackGallery } from './gallery/AttackGallery.tsx'
