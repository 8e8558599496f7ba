// The IdP as a WebAuthn relying party: public entry point.
export { relyingPartyFor, type RelyingParty } from './relying-party.ts'
export { createChallengeBook, type ChallengeBook, type ChallengeState } from './challenge-book.ts'
export { createCredentialBook, type CredentialBook, type StoredCredential } from './credential-book.ts'
export { registrationOptions, authenticationOptions, type PasskeyUser } from './ceremony-options.ts'
export { decideRegistration, type RegistrationContext } from './verify-registration.ts'
export { decideAssertion, type AssertionContext, type VerifiedAssertion } from './verify-assertion.ts'
export { ceremonyFailed } from './ceremony-failed.ts'
export {
  authenticationClaims,
  ACR_PHISHING_RESISTANT,
  ACR_PHISHING_RESISTANT_HARDWARE,
  type AuthenticationClaims,
} from './authentication-claims.ts'
