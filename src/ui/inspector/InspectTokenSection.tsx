// The "Inspect a token" region: its frame and privacy promise load with the page, the inspector itself on demand.
import { lazy, Suspense } from 'react'
import { Pane } from '../components/Pane.tsx'

// Kept out of the entry chunk: the inspector brings the decoder, the profile checks and jose's verify.
const LazyTokenInspector = lazy(() => import('./TokenInspector.tsx'))

export function InspectTokenSection() {
  return (
    <Pane
      id="inspect-token"
      title="Inspect a token"
      note="Paste a JWT from Keycloak, Auth0, Okta, ZITADEL or anywhere: its header and claims decoded, its act chain drawn, checked against the actor profile, and its signature verified against a key you paste."
    >
      <Suspense fallback={<div className="h-40" role="status" aria-label="Loading the token inspector" />}>
        <LazyTokenInspector />
      </Suspense>
    </Pane>
  )
}
