// Each claim of the pasted token with its value and, when the registry knows it, what it means.
import type { InspectedClaim } from '../../core/protocol/index.ts'
import { JsonView } from '../components/JsonView.tsx'
import { Code } from '../components/Pane.tsx'
import { SpecRef } from '../components/SpecRef.tsx'

export function InspectedClaims({ claims }: { claims: InspectedClaim[] }) {
  return (
    <section aria-label="Decoded claims">
      <h3 className="mb-1 text-xs font-semibold">Claims</h3>
      <dl className="space-y-2 text-xs">
        {claims.map((claim) => (
          <div key={claim.name}>
            <dt>
              <Code>{claim.name}</Code>
              {claim.info && <span className="ml-1 font-medium">{claim.info.label}</span>}
              {claim.info && <SpecRef className="ml-1" spec={claim.info.spec} />}
            </dt>
            <dd className="mt-0.5">
              <JsonView value={claim.value} />
              {claim.info && <p className="text-slate-500 dark:text-slate-400">{claim.info.meaning}</p>}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  )
}
