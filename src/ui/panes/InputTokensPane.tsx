// The tokens the agent brought to the exchange: the user's, its own, and its DPoP proofs.
import { type Run, signInLabel } from '../../core/playground/index.ts'
import { CopyButton } from '../components/CopyButton.tsx'
import { Notice } from '../components/Notice.tsx'
import { Code, Pane } from '../components/Pane.tsx'
import { TokenCard } from './TokenCard.tsx'

export function InputTokensPane({ run }: { run: Run }) {
  const { subject, actor, tokenRequestProof, resourceRequestProof } = run.tokens
  const now = Math.floor(run.at / 1000)
  const all = [subject, actor, tokenRequestProof, resourceRequestProof].filter((t) => t !== undefined)
  return (
    <Pane
      id="input-tokens"
      title="Input tokens"
      note={
        <>
          The subject token’s <Code>sub</Code> becomes the delegated token’s <Code>sub</Code>; the actor
          token’s <Code>sub</Code> becomes <Code>act.sub</Code>. Each DPoP proof signs one request (
          <Code>htm</Code>, <Code>htu</Code>).
        </>
      }
      actions={<CopyButton what="input tokens" text={() => all.map((t) => t.encoded).join('\n\n')} />}
    >
      <div className="grid gap-x-6 gap-y-8 xl:grid-cols-2">
        {subject && (
          <TokenCard
            title="Subject token"
            encodedLabel="Encoded subject token"
            what="subject token"
            token={subject}
            nowSeconds={now}
            remarks={{ amr: signInLabel(run.signIn) }}
          >
            The user’s access token, issued by the IdP when they signed in: what the agent exchanges. Signed
            in with: <span aria-label="Subject token sign-in">{signInLabel(run.signIn)}</span>
            {run.signIn
              ? ' (amr, acr and auth_time from the ceremony).'
              : ' (no ceremony ran; amr from the scenario).'}
          </TokenCard>
        )}
        {actor ? (
          <TokenCard
            title="Actor token"
            encodedLabel="Encoded actor token"
            what="actor token"
            token={actor}
            nowSeconds={now}
          >
            The agent’s workload identity (a JWT-SVID), issued by its workload issuer.
          </TokenCard>
        ) : (
          <Notice tone="warn">
            No actor token sent: this is impersonation. The IdP cannot name the agent, so the token will carry
            no <Code>act</Code>.
          </Notice>
        )}
        {tokenRequestProof && (
          <TokenCard
            title="DPoP proof"
            encodedLabel="Encoded DPoP proof"
            what="DPoP proof"
            token={tokenRequestProof}
            nowSeconds={now}
          >
            Sent with the token request: proves the agent holds the key the token will be bound to.
          </TokenCard>
        )}
        {resourceRequestProof && (
          <TokenCard
            title="DPoP proof for the resource call"
            encodedLabel="Encoded DPoP proof for the resource call"
            what="resource DPoP proof"
            token={resourceRequestProof}
            nowSeconds={now}
          >
            Sent with the API call; its <Code>ath</Code> is the hash of the access token it accompanies.
          </TokenCard>
        )}
      </div>
    </Pane>
  )
}
