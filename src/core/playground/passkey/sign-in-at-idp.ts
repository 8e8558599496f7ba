// The sign-in at the IdP, honest or attacked, around one real assertion from the visitor's authenticator.
import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialRequestOptionsJSON,
} from '@simplewebauthn/server'
import type { DefencesOff } from '../../protocol/trace/defence-switch.ts'
import {
  assertionCounter,
  assertionUserVerified,
  attackedRelyingParty,
  attackedRequestOptions,
  withoutUvFlag,
} from './attacked-assertion.ts'
import type { PasskeyAttackId } from './passkey-attacks.ts'
import type { PasskeyIdp, PasskeySignIn } from './passkey-idp.ts'

/** Asks the authenticator for an assertion: `startAuthentication` on the page, a software one in tests. */
export type Authenticate = (
  options: PublicKeyCredentialRequestOptionsJSON,
) => Promise<AuthenticationResponseJSON>

/**
 * Gets one assertion (with the options the attacker's page would use) and returns the IdP's decision on
 * what the attacker sends:
 * - another origin or RP ID: the real assertion, checked by an IdP at another origin or RP ID;
 * - a replay: the honest assertion goes through, then the same one is sent again;
 * - UV missing: asked for without UV (if the authenticator verified anyway, the flag is cleared in the bytes);
 * - a cloned authenticator: the IdP has already seen the credential count 5 higher.
 * `defencesOff` comes from the page's own switches, never from the response.
 */
export async function signInAtIdp(
  idp: PasskeyIdp,
  attack: PasskeyAttackId | null,
  authenticate: Authenticate,
  nowSeconds: number,
  defencesOff?: DefencesOff,
): Promise<PasskeySignIn> {
  const honest = await authenticate(attackedRequestOptions(attack, idp.authenticationOptions()))
  const decide = (response: AuthenticationResponseJSON) =>
    idp.finishAuthentication(response, nowSeconds, {
      ...(attack ? { rp: attackedRelyingParty(attack, idp.rp) } : {}),
      ...(defencesOff ? { defencesOff } : {}),
    })
  switch (attack) {
    case 'replayed-assertion':
      await decide(honest)
      return decide(honest)
    case 'counter-regressed':
      idp.raiseCounter(honest.id, assertionCounter(honest) + 5)
      return decide(honest)
    case 'uv-missing':
      return decide(assertionUserVerified(honest) ? withoutUvFlag(honest) : honest)
    default:
      return decide(honest)
  }
}
