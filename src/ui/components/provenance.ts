// How each claim provenance is named and coloured in the claims pane.
import type { ClaimSource } from '../../core/playground/index.ts'
import type { Tone } from './Badge.tsx'

export const PROVENANCE: Record<ClaimSource, { label: string; tone: Tone; title: string }> = {
  'subject-token': { label: 'subject token', tone: 'sky', title: 'Copied from the user’s subject token' },
  'actor-token': { label: 'actor token', tone: 'amber', title: 'Taken from the agent’s actor token' },
  policy: { label: 'policy-narrowed', tone: 'violet', title: 'Set or narrowed by the IdP’s exchange policy' },
  idp: { label: 'minted by IdP', tone: 'slate', title: 'Created by the IdP for this token' },
  'dpop-key': { label: 'DPoP key', tone: 'emerald', title: 'Derived from the agent’s DPoP public key' },
  request: { label: 'request', tone: 'teal', title: 'Taken from the token request' },
}
