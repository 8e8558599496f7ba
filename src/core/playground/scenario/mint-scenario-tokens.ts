// The tokens the scenario's parties already hold before the exchange: the user's and the agent's.
import type { KeyRing } from '../../protocol/keys/key-ring.ts'
import type { AuthenticationClaims } from '../../protocol/webauthn/authentication-claims.ts'
import { mintActorToken } from '../../protocol/tokens/mint-actor-token.ts'
import { mintSubjectToken } from '../../protocol/tokens/mint-subject-token.ts'
import type { Scenario } from './scenario.ts'
import { IDP_ISSUER, WORKLOAD_ISSUER } from './seed-scenario.ts'

/** The user signed in a minute before the scenario starts. */
const SIGNED_IN_SECONDS_AGO = 60

/**
 * Mints the subject token (by the IdP) and the actor token (by the workload issuer). An actor
 * token claiming any other issuer is signed with a key nobody trusts, as a forger's would be.
 */
export async function mintScenarioTokens(
  scenario: Scenario,
  keys: KeyRing,
  nowSeconds: number,
  /** A real passkey sign-in the IdP verified: its amr, acr and auth_time replace the scenario's amr. */
  signIn?: AuthenticationClaims,
): Promise<{ subject: string; actor: string | null }> {
  const { user, actor } = scenario
  const [subject, actorToken] = await Promise.all([
    mintSubjectToken(keys.idp, {
      issuer: IDP_ISSUER,
      sub: user.sub,
      scope: user.grantedScopes,
      amr: signIn?.amr ?? user.amr,
      iat: nowSeconds - SIGNED_IN_SECONDS_AGO,
      ...(signIn
        ? {
            acr: signIn.acr,
            authTime: signIn.auth_time,
            ...(signIn.cred_hash ? { credHash: signIn.cred_hash } : {}),
          }
        : {}),
      ttl: user.subjectTokenTtl,
      mayAct: user.mayAct,
      priorActors: user.priorActors,
    }),
    scenario.request.sendActorToken
      ? mintActorToken(actor.issuer === WORKLOAD_ISSUER ? keys.workload : keys.rogue, {
          issuer: actor.issuer,
          spiffeId: actor.spiffeId,
          audience: IDP_ISSUER,
          attestation: actor.attestation,
          iat: nowSeconds,
          ttl: actor.tokenTtl,
        })
      : Promise.resolve(null),
  ])
  return { subject, actor: actorToken }
}
