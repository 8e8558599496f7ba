// Plays one passkey attack against the IdP with a real assertion from the visitor's authenticator.
import type { AuthenticationResponseJSON } from '@simplewebauthn/server'
import { assertionCounter, attackedAssertion } from './attacked-assertion.ts'
import type { PasskeyAttackId } from './passkey-attacks.ts'
import type { PasskeyIdp, PasskeySignIn } from './passkey-idp.ts'

/**
 * Sends the attacker's version of `honest` to the IdP and returns the IdP's decision on it.
 * - a replay first lets the honest assertion through, then sends it again;
 * - a cloned authenticator: the IdP has already seen the credential count 5 higher.
 */
export async function runPasskeyAttack(
  idp: PasskeyIdp,
  attack: PasskeyAttackId,
  honest: AuthenticationResponseJSON,
  nowSeconds: number,
): Promise<PasskeySignIn> {
  if (attack === 'replayed-assertion') {
    await idp.finishAuthentication(honest, nowSeconds)
    return idp.finishAuthentication(honest, nowSeconds)
  }
  if (attack === 'counter-regressed') idp.raiseCounter(honest.id, assertionCounter(honest) + 5)
  return idp.finishAuthentication(attackedAssertion(attack, honest), nowSeconds)
}
