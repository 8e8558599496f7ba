// What each claim means, with the section that defines it: explanations kept as data, not in components.

export interface ClaimInfo {
  label: string
  meaning: string
  spec: string
}

/** Keyed by claim path: `act.sub` is `sub` inside `act`. Nested `act` layers reuse the `act.*` entries. */
export const CLAIM_REGISTRY: Readonly<Record<string, ClaimInfo>> = {
  iss: {
    label: 'Issuer',
    meaning: 'Who minted the token. Resource servers accept tokens only from issuers they trust.',
    spec: 'RFC 7519 §4.1.1',
  },
  sub: {
    label: 'Subject',
    meaning: 'The user the token speaks for. After an exchange it is still the user, never the agent.',
    spec: 'RFC 7519 §4.1.2, RFC 8693 §2.2',
  },
  aud: {
    label: 'Audience',
    meaning: 'Where the token may be used. Narrowed to what was asked for and what policy allows.',
    spec: 'RFC 7519 §4.1.3, RFC 8693 §2.1',
  },
  exp: {
    label: 'Expires',
    meaning:
      'After this instant the token is worthless. Set to the shortest of policy, the request and both input tokens.',
    spec: 'RFC 7519 §4.1.4',
  },
  nbf: {
    label: 'Not before',
    meaning: 'Before this instant the token must not be accepted.',
    spec: 'RFC 7519 §4.1.5',
  },
  iat: { label: 'Issued at', meaning: 'When the token was minted.', spec: 'RFC 7519 §4.1.6' },
  jti: {
    label: 'Token id',
    meaning: 'A unique id for this token, for audit trails and replay detection.',
    spec: 'RFC 7519 §4.1.7',
  },
  scope: {
    label: 'Scope',
    meaning:
      'What the token allows. An exchange can only narrow it: never beyond what the user granted or policy allows.',
    spec: 'RFC 8693 §4.2, RFC 6749 §3.3',
  },
  client_id: {
    label: 'Client',
    meaning: "The OAuth client the token was issued to: the agent's registration at the IdP.",
    spec: 'RFC 8693 §4.3, RFC 9068 §2.2',
  },
  azp: {
    label: 'Authorized party',
    meaning:
      'The client the token was issued to (Okta, Keycloak and Auth0 tokens carry it). Inside act: the client the actor acts through.',
    spec: 'OpenID Connect Core §2',
  },
  amr: {
    label: 'Authentication methods',
    meaning: 'How the user signed in. hwk + user: a hardware-bound key with user presence, as a passkey is.',
    spec: 'RFC 8176 §2',
  },
  acr: {
    label: 'Authentication context',
    meaning:
      'How strong the sign-in was. phr: phishing-resistant (a passkey is bound to the site); phrh: and the key cannot leave its device.',
    spec: 'OpenID Connect Core §2, OpenID EAP ACR Values §2',
  },
  auth_time: {
    label: 'Signed in at',
    meaning: 'When the user signed in: here, when the IdP verified the passkey ceremony.',
    spec: 'OpenID Connect Core §2',
  },
  cred_hash: {
    label: 'Passkey (hashed id)',
    meaning:
      'SHA-256 of the passkey credential id the IdP verified: names which passkey signed in without handing out its id. A playground claim.',
    spec: 'W3C WebAuthn Level 3 §7.2',
  },
  act: {
    label: 'Actor',
    meaning:
      "Who is acting on the subject's behalf. Its presence is what makes this delegation rather than impersonation.",
    spec: 'RFC 8693 §4.1',
  },
  'act.sub': {
    label: 'Acting agent',
    meaning: "The agent's workload identity (a SPIFFE ID), as its actor token proved it.",
    spec: 'RFC 8693 §4.1',
  },
  'act.iss': {
    label: 'Actor issuer',
    meaning: "Who vouched for the agent's identity: the workload issuer.",
    spec: 'RFC 8693 §4.1',
  },
  'act.azp': {
    label: 'Actor client',
    meaning: 'The OAuth client the agent is registered as.',
    spec: 'RFC 8693 §4.1',
  },
  'act.attestation': {
    label: 'Attestation',
    meaning: 'Which platform attested the workload (GitHub Actions OIDC, Kubernetes, a cloud instance).',
    spec: 'Playground claim (SPIFFE attestation)',
  },
  'act.act': {
    label: 'Earlier actor',
    meaning: 'The actor before this one in a delegation chain. Only the outermost act is the current actor.',
    spec: 'RFC 8693 §4.1',
  },
  may_act: {
    label: 'May act',
    meaning: 'Who the subject allows to act for them. The IdP refuses any other actor.',
    spec: 'RFC 8693 §4.4',
  },
  'may_act.sub': {
    label: 'Allowed actor',
    meaning: 'The one actor this subject allows.',
    spec: 'RFC 8693 §4.4',
  },
  cnf: {
    label: 'Confirmation',
    meaning:
      'Binds the token to a key: whoever presents it must prove they hold that key. Under the actor profile only this top-level cnf binds the presenter.',
    spec: 'RFC 7800 §3.1',
  },
  'cnf.jkt': {
    label: 'Key thumbprint',
    meaning: "RFC 7638 thumbprint of the agent's DPoP key. A stolen token is useless without that key.",
    spec: 'RFC 9449 §6.1',
  },
  attestation: {
    label: 'Attestation',
    meaning: 'Which platform vouched for this workload when its identity was issued.',
    spec: 'Playground claim (SPIFFE attestation)',
  },
  htm: {
    label: 'HTTP method',
    meaning: 'The method of the request this proof is for.',
    spec: 'RFC 9449 §4.2',
  },
  htu: {
    label: 'HTTP URI',
    meaning: 'The URL of the request this proof is for, without query or fragment.',
    spec: 'RFC 9449 §4.2',
  },
  sub_profile: {
    label: 'Subject profile',
    meaning:
      'What the subject is (user, service, ai_agent). Inside act it says what the actor is, so policy can tell an AI agent from a person.',
    spec: 'draft-mcguinness-oauth-actor-profile-00 §3.4, draft-mora-oauth-entity-profiles',
  },
  'act.sub_profile': {
    label: 'Actor profile',
    meaning: 'What this actor is: ai_agent, service or user. The actor profile asks every act to say.',
    spec: 'draft-mcguinness-oauth-actor-profile-00 §3.4',
  },
  txn: {
    label: 'Transaction id',
    meaning: 'One id for the whole transaction, unchanged as the Txn-Token travels and is replaced.',
    spec: 'draft-ietf-oauth-transaction-tokens-08 §9.2',
  },
  tctx: {
    label: 'Transaction context',
    meaning:
      'What the transaction is about (action, amounts, ids), fixed by the TTS and immutable down the call chain.',
    spec: 'draft-ietf-oauth-transaction-tokens-08 §9.2.3',
  },
  rctx: {
    label: 'Request context',
    meaning:
      'Where the request came from: the caller’s IP, how the user authenticated, the requesting workload.',
    spec: 'draft-ietf-oauth-transaction-tokens-08 §9.2.2',
  },
  req_wl: {
    label: 'Requesting workload',
    meaning: 'The workload that asked the TTS for this Txn-Token (here, every workload that did, in order).',
    spec: 'draft-ietf-oauth-transaction-tokens-08 §9.2',
  },
  ath: {
    label: 'Access token hash',
    meaning: 'SHA-256 of the access token sent with this proof, tying proof and token together.',
    spec: 'RFC 9449 §4.2',
  },
  nonce: {
    label: 'Nonce',
    meaning: 'A value the server handed out, limiting how long a proof can be used.',
    spec: 'RFC 9449 §8',
  },
}

/** The registry entry for a claim path; nested `act.act.sub` resolves to `act.sub`. */
export function claimInfo(path: string): ClaimInfo | undefined {
  return (
    CLAIM_REGISTRY[path] ??
    CLAIM_REGISTRY[path.replace(/^(act\.)+/, 'act.')] ??
    CLAIM_REGISTRY[path.split('.').at(-1) ?? '']
  )
}
