// The cross-app flow's tokens: the user's ID token, the agent's JWT-SVID, the ID-JAG and the DPoP proofs.
import type { Run } from '../../core/playground/index.ts'
import { Code, Pane } from '../components/Pane.tsx'
import { TokenCard } from './TokenCard.tsx'

const CARDS = [
  [
    'idToken',
    'ID token',
    "The user's sign-in at the IdP (amr, auth_time): the subject_token of the exchange.",
  ],
  [
    'clientAssertion',
    'Client assertion (JWT-SVID)',
    "The agent's workload identity: it authenticates with it, no secret.",
  ],
  ['idJag', 'ID-JAG', 'The IdP’s grant for the resource AS, typed oauth-id-jag+jwt.'],
  ['redeemProof', 'DPoP proof for the resource AS', 'Binds the access token to the agent’s key.'],
  ['resourceRequestProof', 'DPoP proof for the MCP call', 'Its ath is the hash of the access token.'],
] as const

export function CrossAppTokensPane({ run }: { run: Run }) {
  const now = Math.floor(run.at / 1000)
  return (
    <Pane
      id="input-tokens"
      title="Cross-app tokens"
      note={
        <>
          The ID token’s <Code>sub</Code> becomes the ID-JAG’s, then the access token’s; the JWT-SVID’s{' '}
          <Code>sub</Code> becomes its <Code>act.sub</Code>.
        </>
      }
    >
      <div className="grid gap-x-6 gap-y-8 xl:grid-cols-2">
        {CARDS.map(([name, title, what]) => {
          const token = run.tokens[name]
          return (
            token && (
              <TokenCard
                key={name}
                title={title}
                encodedLabel={`Encoded ${title}`}
                what={title}
                token={token}
                nowSeconds={now}
              >
                {what}
              </TokenCard>
            )
          )
        })}
      </div>
    </Pane>
  )
}
