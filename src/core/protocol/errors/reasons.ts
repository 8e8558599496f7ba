// Every reason a server here refuses a request, each listed once: a stable id, its RFC error code and its rule.
import { CROSS_APP_REASONS } from './cross-app-reasons.ts'
import { WEBAUTHN_REASONS } from './webauthn-reasons.ts'
import { specRef, type SpecRef } from './spec-ref.ts'

/**
 * The error codes this playground can answer with, each from the RFC that defines it.
 * @see RFC 6749 §5.2, §4.1.2.1 (`temporarily_unavailable`, `access_denied`), RFC 6750 §3.1, RFC 8693 §2.2.2, RFC 8707 §2, RFC 9449 §5, §7.1, §8, RFC 9470 §3
 */
export const OAUTH_ERROR_CODES = [
  'invalid_request',
  'invalid_client',
  'invalid_grant',
  'unauthorized_client',
  'unsupported_grant_type',
  'invalid_scope',
  'invalid_target',
  'invalid_token',
  'insufficient_scope',
  'invalid_dpop_proof',
  'use_dpop_nonce',
  'temporarily_unavailable',
  // RFC 9470 §3: the sign-in is too old or too weak; the ID-JAG draft's step-up error (§8.2).
  'insufficient_user_authentication',
  // RFC 6749 §4.1.2.1: the resource owner's sign-in failed (a passkey ceremony refused).
  'access_denied',
] as const

export type OAuthErrorCode = (typeof OAUTH_ERROR_CODES)[number]

/** One row of the reason table. */
export interface ReasonInfo {
  /** The wire `error` codes the reason is sent with; the first is the default. */
  codes: readonly [OAuthErrorCode, ...OAuthErrorCode[]]
  /** The usual HTTP status; a server that answers otherwise (DPoP at a resource server: 401) says so. */
  status: number
  spec: SpecRef
  /** What the reason means, in one sentence, for the README and for people. */
  summary: string
}

const rfc = specRef
// HTTP failures keep the body the sandbox has always sent, `invalid_request`, so clients see no change;
// they are still told apart from OAuth refusals by their `http.*` reason.
const HTTP_WIRE = ['invalid_request'] as const
const row = (codes: ReasonInfo['codes'], status: number, spec: SpecRef, summary: string): ReasonInfo => ({
  codes,
  status,
  spec,
  summary,
})
const chaining = (section: string) => rfc('draft-ietf-oauth-identity-chaining-16', section)
const txn = (section: string) => rfc('draft-ietf-oauth-transaction-tokens-08', section)
const actorProfile = (section: string) => rfc('draft-mcguinness-oauth-actor-profile-00', section)
const invalidRequest = (spec: SpecRef, summary: string) => row(['invalid_request'], 400, spec, summary)
const dpop = (item: number, summary: string, section = '4.3') =>
  row(['invalid_dpop_proof'], 400, rfc('RFC 9449', section, section === '4.3' ? item : undefined), summary)
// A JWT refused by the shared verifier: `invalid_token` at a resource server (RFC 6750 §3.1),
// `invalid_request` for an exchange's subject or actor token (RFC 8693 §2.2.2).
const jwt = (spec: SpecRef, summary: string) => row(['invalid_token', 'invalid_request'], 401, spec, summary)

/**
 * The stable reason ids, like jose's error codes: tests, the UI and the README name a refusal by its id,
 * never by its wording. HTTP-level failures (`http.*`) are not OAuth refusals: see `HttpError`.
 * @see RFC 6749 §5.2, RFC 6750 §3.1, RFC 8693 §2.2.2, RFC 9449 §4.3, §7.1
 */
export const REASONS = {
  'http.not_found': row(HTTP_WIRE, 404, rfc('RFC 9110', '15.5.5'), 'No endpoint or resource at this path.'),
  'http.method_not_allowed': row(
    HTTP_WIRE,
    405,
    rfc('RFC 9110', '15.5.6'),
    'The path exists, but not for this method; the Allow header lists the ones that work.',
  ),
  'http.content_too_large': row(
    HTTP_WIRE,
    413,
    rfc('RFC 9110', '15.5.14'),
    'The request body is larger than any request to this endpoint needs.',
  ),

  'request.content_type': invalidRequest(
    rfc('RFC 6749', '3.2'),
    'The body is not in a media type the endpoint reads.',
  ),
  'request.malformed_form': invalidRequest(
    rfc('RFC 6749', 'Appendix B'),
    'The form body has a bad percent escape or bytes that are not UTF-8.',
  ),
  'request.malformed_json': invalidRequest(rfc('RFC 8259', '2'), 'The JSON body is empty or not valid JSON.'),
  'request.json_not_object': invalidRequest(
    rfc('RFC 8259', '4'),
    'The JSON body is not an object of parameters.',
  ),
  'request.repeated_param': invalidRequest(
    rfc('RFC 6749', '3.2'),
    'A parameter that may appear once appears twice.',
  ),
  'request.missing_param': invalidRequest(rfc('RFC 8693', '2.1'), 'A required parameter is missing.'),
  'request.unexpected_param': invalidRequest(
    rfc('RFC 8693', '2.1'),
    'A parameter was sent that makes no sense without another (actor_token_type without actor_token), or that the endpoint does not take.',
  ),
  'request.invalid_lifetime': invalidRequest(
    rfc('RFC 6749', '8.2'),
    '"requested_lifetime" (a playground extension) is not a positive whole number of seconds.',
  ),
  'request.unparseable_http': invalidRequest(
    rfc('RFC 9112', '3'),
    'Hand-edited request text is not an HTTP request, so nothing was sent.',
  ),
  'request.multiple_credentials': invalidRequest(
    rfc('RFC 6750', '3.1'),
    'The request carries more than one access token.',
  ),
  'request.malformed_authorization': invalidRequest(
    rfc('RFC 6750', '2.1'),
    'The Authorization header does not carry one token68 credential after its scheme.',
  ),
  'request.no_credentials': row(
    ['invalid_request'],
    401,
    rfc('RFC 6750', '3.1'),
    'The request has no access token; the answer is a bare challenge without an error code.',
  ),
  'grant.unsupported_type': row(
    ['unsupported_grant_type'],
    400,
    rfc('RFC 6749', '5.2'),
    'The grant_type is not token exchange.',
  ),
  'scope.malformed': row(
    ['invalid_scope'],
    400,
    rfc('RFC 6749', '3.3'),
    'A scope token holds a character scope tokens cannot hold.',
  ),

  'client.unknown': row(
    ['invalid_client'],
    401,
    rfc('RFC 6749', '5.2'),
    'No registered client matches client_id or the actor token.',
  ),
  'client.actor_mismatch': invalidRequest(
    rfc('RFC 8693', '2.2.2'),
    'The actor token names a different workload than the one registered for client_id.',
  ),
  'client.authentication_missing': row(
    ['invalid_client'],
    401,
    rfc('RFC 7662', '2.1'),
    'The caller sent no HTTP Basic credentials.',
  ),
  'client.authentication_malformed': row(
    ['invalid_client'],
    401,
    rfc('RFC 7662', '2.1'),
    'The HTTP Basic credentials could not be read.',
  ),
  'client.authentication_failed': row(
    ['invalid_client'],
    401,
    rfc('RFC 7662', '2.1'),
    'The HTTP Basic credentials are not those of a known caller.',
  ),

  'exchange.requested_token_type_unsupported': invalidRequest(
    rfc('RFC 8693', '2.2.2'),
    'The IdP cannot issue the requested_token_type.',
  ),
  'exchange.subject_token_type_unsupported': invalidRequest(
    rfc('RFC 8693', '2.2.2'),
    'The subject_token_type is not one the IdP accepts.',
  ),
  'exchange.actor_token_type_unsupported': invalidRequest(
    rfc('RFC 8693', '2.2.2'),
    'The actor_token_type is not one the IdP accepts.',
  ),
  'exchange.actor_issuer_untrusted': invalidRequest(
    rfc('RFC 8693', '2.2.2'),
    'The actor token comes from an issuer the policy does not trust for workload identities.',
  ),
  'exchange.actor_token_required': invalidRequest(
    rfc('RFC 8693', '1.1'),
    'Policy allows delegation only, and the request has no actor token (impersonation).',
  ),
  'exchange.delegation_not_allowed': invalidRequest(
    rfc('RFC 8693', '2.2.2'),
    'No policy rule lets this agent act for this user.',
  ),
  'exchange.may_act_mismatch': invalidRequest(
    rfc('RFC 8693', '4.4'),
    "The subject token's may_act names someone other than the actor.",
  ),
  'exchange.chain_too_deep': invalidRequest(
    rfc('RFC 8693', '4.1'),
    'The delegation chain would be longer than policy allows.',
  ),
  'exchange.no_lifetime_left': invalidRequest(
    rfc('RFC 8693', '2.2.1'),
    'An input token expires so soon that the issued token would already be dead.',
  ),
  'exchange.scope_not_granted': row(
    ['invalid_scope'],
    400,
    rfc('RFC 8693', '2.1'),
    'A requested scope exceeds what the subject token grants.',
  ),
  'exchange.scope_not_allowed': row(
    ['invalid_scope'],
    400,
    rfc('RFC 8693', '2.1'),
    'A requested scope is not allowed by policy at one of the audiences.',
  ),
  'exchange.no_scope_available': row(
    ['invalid_scope'],
    400,
    rfc('RFC 8693', '2.1'),
    'No scope was requested, and nothing the user granted is allowed at these audiences.',
  ),
  'target.missing': row(
    ['invalid_target'],
    400,
    rfc('RFC 8693', '2.1'),
    'Neither audience nor resource was sent.',
  ),
  'target.audience_not_allowed': row(
    ['invalid_target'],
    400,
    rfc('RFC 8693', '2.2.2'),
    'The audience is outside what policy lets this agent reach.',
  ),
  'target.resource_not_absolute': row(
    ['invalid_target'],
    400,
    rfc('RFC 8707', '2'),
    'The resource is not an absolute URI.',
  ),
  'target.resource_has_fragment': row(
    ['invalid_target'],
    400,
    rfc('RFC 8707', '2'),
    'The resource URI has a fragment.',
  ),
  'target.resource_not_allowed': row(
    ['invalid_target'],
    400,
    rfc('RFC 8707', '2'),
    'The resource is outside what policy lets this agent reach.',
  ),

  'token.malformed': jwt(
    rfc('RFC 7519', '7.2'),
    'The token is not one compact JWS with a JSON header and payload.',
  ),
  'token.encoding': jwt(
    rfc('RFC 7515', '2'),
    'The token is not canonical base64url, or its JSON repeats a member name.',
  ),
  'token.typ': jwt(rfc('RFC 8725', '3.11'), 'The JWT "typ" is not the one this kind of token must carry.'),
  'token.header': jwt(rfc('RFC 8725', '3.10'), 'The JWT header names a key of its own (jwk, jku, x5c, x5u).'),
  'token.crit': jwt(
    rfc('RFC 7515', '4.1.11'),
    'The JWT header has a "crit" extension nobody here understands.',
  ),
  'token.alg': jwt(rfc('RFC 8725', '3.1'), 'The JWT "alg" is none, an HMAC, or not accepted.'),
  'token.key': jwt(rfc('RFC 7515', '4.1.4'), 'No key of the issuer matches the token\'s "kid" and "alg".'),
  'token.signature': jwt(
    rfc('RFC 7515', '5.2'),
    'The signature does not verify: the token was altered or signed by another key.',
  ),
  'token.claims_missing': jwt(rfc('RFC 9068', '2.2'), 'A required claim is missing or has the wrong type.'),
  'token.iss': jwt(rfc('RFC 7519', '4.1.1'), 'The token was issued by someone else.'),
  'token.aud': jwt(rfc('RFC 7519', '4.1.3'), 'The token is meant for another audience.'),
  'token.not_yet_valid': jwt(rfc('RFC 7519', '4.1.5'), 'The token\'s "nbf" is in the future.'),
  'token.expired': jwt(rfc('RFC 7519', '4.1.4'), 'The token\'s "exp" has passed.'),
  'token.insufficient_scope': row(
    ['insufficient_scope'],
    403,
    rfc('RFC 6750', '3.1'),
    'The access token is valid, but its scope does not cover the route.',
  ),

  'dpop.missing': dpop(1, 'A DPoP proof is required, and the request has none.'),
  'dpop.multiple_proofs': dpop(1, 'The request carries more than one DPoP header.'),
  'dpop.malformed': dpop(2, 'The DPoP header is not one well-formed, canonical JWT.'),
  'dpop.missing_member': dpop(
    3,
    'The proof lacks one of typ, alg, jwk, jti, htm, htu, iat, or one has the wrong type.',
  ),
  'dpop.typ': dpop(4, 'The proof\'s "typ" is not dpop+jwt.'),
  'dpop.alg_none': dpop(5, 'The proof is unsigned ("alg": "none").'),
  'dpop.alg_symmetric': dpop(5, 'The proof is signed with an HMAC, which proves no private key.'),
  'dpop.alg_unsupported': dpop(5, 'The proof\'s "alg" is not one the server accepts.'),
  'dpop.private_key': dpop(7, 'The proof\'s "jwk" holds private key material.'),
  'dpop.signature_invalid': dpop(6, 'The proof\'s signature does not verify with its own "jwk".'),
  'dpop.key_unusable': dpop(6, 'The proof\'s "jwk" cannot verify a signature of its "alg".'),
  'dpop.htm_mismatch': dpop(8, 'The proof was made for another HTTP method.'),
  'dpop.htu_invalid': dpop(9, 'The proof\'s "htu" is not an absolute URL.'),
  'dpop.htu_mismatch': dpop(9, 'The proof was made for another URL.'),
  'dpop.nonce_required': row(
    ['use_dpop_nonce'],
    400,
    rfc('RFC 9449', '8'),
    'The server requires its nonce in every proof; retry with the DPoP-Nonce it sent.',
  ),
  'dpop.nonce_invalid': row(
    ['use_dpop_nonce'],
    400,
    rfc('RFC 9449', '8'),
    "The proof's nonce was not issued by this server or has expired; retry with the new one.",
  ),
  'dpop.iat_too_old': dpop(11, 'The proof was made too long ago.'),
  'dpop.iat_in_future': dpop(11, 'The proof claims to be made in the future, beyond the tolerated skew.'),
  'dpop.ath_missing': dpop(12, 'A proof sent with an access token lacks "ath".'),
  'dpop.ath_mismatch': dpop(12, 'The proof\'s "ath" is the hash of another access token.'),
  'dpop.replayed': dpop(0, 'A proof with this "jti" from this key was already accepted.', '11.1'),
  'dpop.token_not_bound': row(
    ['invalid_token'],
    401,
    rfc('RFC 9449', '7.1'),
    'A token without "cnf.jkt" was sent under the DPoP scheme.',
  ),
  'dpop.cnf_unsupported': row(
    ['invalid_token'],
    401,
    rfc('RFC 9449', '6.1'),
    'The token\'s "cnf" has no "jkt".',
  ),
  'dpop.bearer_downgrade': row(
    ['invalid_token'],
    401,
    rfc('RFC 9449', '7.2'),
    'A DPoP-bound token was sent with the Bearer scheme.',
  ),
  'dpop.key_mismatch': row(
    ['invalid_token'],
    401,
    rfc('RFC 9449', '4.3', 12),
    'The proof was signed by another key than the one the token is bound to: a stolen token.',
  ),

  'dpop.replay_cache_full': row(
    ['temporarily_unavailable'],
    503,
    rfc('RFC 9449', '11.1'),
    'The replay cache is full of live proofs; new proofs are refused until older ones expire.',
  ),

  'jwt_bearer.grant_type': row(
    ['unsupported_grant_type'],
    400,
    rfc('RFC 7523', '2.1'),
    'The grant_type is not the JWT bearer grant.',
  ),
  'jwt_bearer.assertion_missing': invalidRequest(
    rfc('RFC 7523', '2.1'),
    'The JWT bearer grant request has no "assertion".',
  ),
  'chain.unknown_domain': row(
    ['invalid_target'],
    400,
    chaining('2.3.2'),
    'The requested domain is not one this authorization server knows.',
  ),
  'chain.scope_widened': row(
    ['invalid_scope'],
    400,
    chaining('2.5'),
    'The chained grant or token would carry more scope than the subject token.',
  ),
  'chain.act_spliced': row(
    ['invalid_request', 'invalid_grant'],
    400,
    chaining('2.5'),
    'The "act" chain was altered or spliced between domains.',
  ),
  'chain.subject_token_invalid': invalidRequest(
    rfc('RFC 8693', '2.2.2'),
    'The subject token for the chaining grant does not verify.',
  ),
  'chain.grant_malformed': row(
    ['invalid_grant'],
    400,
    rfc('RFC 7523', '3'),
    'The JWT authorization grant is not a well-formed JWT.',
  ),
  'chain.grant_untrusted_issuer': row(
    ['invalid_grant'],
    400,
    rfc('RFC 7523', '3', 1),
    'The grant was issued by an authorization server this one does not trust.',
  ),
  'chain.grant_audience_mismatch': row(
    ['invalid_grant'],
    400,
    rfc('RFC 7523', '3', 3),
    'The grant is meant for another authorization server.',
  ),
  'chain.grant_expired': row(['invalid_grant'], 400, rfc('RFC 7523', '3', 4), 'The grant has expired.'),
  'chain.grant_not_yet_valid': row(
    ['invalid_grant'],
    400,
    rfc('RFC 7523', '3', 5),
    'The grant is not valid yet.',
  ),
  'chain.grant_invalid': row(
    ['invalid_grant'],
    400,
    rfc('RFC 7523', '3', 9),
    'The grant fails verification (signature, key or claims).',
  ),
  'chain.grant_replayed': row(
    ['invalid_grant'],
    400,
    rfc('RFC 7523', '3', 7),
    'The grant\'s "jti" was already redeemed.',
  ),
  'chain.grant_replay_cache_full': row(
    ['temporarily_unavailable'],
    503,
    rfc('RFC 7523', '3', 7),
    'The replay cache is full of unexpired grants; new grants are refused until older ones expire.',
  ),
  'chain.foreign_token': row(
    ['invalid_token', 'invalid_grant'],
    401,
    chaining('2.3.3'),
    'A token of another kind or from another domain was presented.',
  ),
  'chain.unknown_subject': row(
    ['invalid_grant'],
    400,
    chaining('2.4.2'),
    "The grant's subject is unknown in this domain.",
  ),
  'chain.request_invalid': row(
    ['invalid_request', 'unsupported_grant_type'],
    400,
    rfc('RFC 8693', '2.1'),
    'The chaining request is malformed or uses the wrong grant type.',
  ),
  'chain.token_missing': row(
    ['invalid_token'],
    401,
    rfc('RFC 6750', '3.1'),
    'The chained resource call carries no access token.',
  ),
  'chain.scope_insufficient': row(
    ['insufficient_scope'],
    403,
    rfc('RFC 6750', '3.1'),
    'The chained access token lacks the scope the route needs.',
  ),
  'actor_profile.act_missing_iss': invalidRequest(actorProfile('3.4'), 'An "act" entry has no "iss".'),
  'actor_profile.sub_profile_invalid': invalidRequest(
    actorProfile('3.4'),
    'An actor\'s "sub_profile" is not a known profile.',
  ),
  'actor_profile.chain_too_deep': invalidRequest(
    actorProfile('3.5'),
    'The actor chain is deeper than the profile allows.',
  ),
  'actor_profile.may_act_copied': invalidRequest(
    actorProfile('6.4'),
    '"may_act" was copied into an issued token.',
  ),
  'actor_profile.foreign_binding': invalidRequest(
    actorProfile('3.7.1'),
    "The actor's key binding belongs to someone else.",
  ),

  'txn.request_invalid': row(
    ['invalid_request', 'unsupported_grant_type'],
    400,
    txn('11.1'),
    'The Txn-Token request or the Txn-Token header is malformed (grant type, token type, one token per header).',
  ),
  'txn.wrong_domain': row(
    ['invalid_target', 'invalid_token', 'invalid_grant'],
    400,
    txn('12.2'),
    'The Txn-Token (or the request for one) names another trust domain.',
  ),
  'txn.scope_missing': row(
    ['invalid_request'],
    400,
    txn('11.1'),
    'The Txn-Token request states no purpose ("scope").',
  ),
  'txn.scope_widened': row(
    ['invalid_scope'],
    400,
    txn('13.15'),
    'The Txn-Token or its replacement would carry more scope than the token it comes from.',
  ),
  'txn.unknown_subject_scope': row(
    ['invalid_request'],
    400,
    txn('13.14'),
    "The subject token's scope is unknown, so the Txn-Token's cannot be bounded.",
  ),
  'txn.subject_token_invalid': row(
    ['invalid_grant'],
    400,
    txn('11.3'),
    "The edge access token does not verify as this domain's API token.",
  ),
  'txn.unknown_workload': row(
    ['invalid_client'],
    401,
    txn('11.3'),
    'The workload asking for a Txn-Token is not one the TTS serves.',
  ),
  'txn.expired': row(
    ['invalid_token', 'invalid_grant'],
    401,
    txn('12.2'),
    'The Txn-Token has expired (and an expired one is never replaced).',
  ),
  'txn.tctx_tampered': row(
    ['invalid_request'],
    400,
    txn('9.2.3'),
    'A replacement would change a transaction-context value, which is immutable.',
  ),
  'txn.context_invalid': row(
    ['invalid_request'],
    400,
    txn('11.1'),
    '"request_context" or "request_details" is not a JSON object.',
  ),
  'txn.signature_invalid': row(
    ['invalid_token', 'invalid_grant'],
    401,
    txn('12.2'),
    "The Txn-Token's signature does not verify with the TTS's keys (edited or forged).",
  ),
  'txn.access_token_forwarded': row(
    ['invalid_token', 'invalid_grant'],
    401,
    txn('13.4'),
    'An OAuth access token was forwarded where a Txn-Token belongs.',
  ),
  'txn.token_missing': row(
    ['invalid_token'],
    401,
    txn('12.1'),
    'The internal call carries no Txn-Token header.',
  ),
  'txn.scope_insufficient': row(
    ['insufficient_scope'],
    403,
    txn('9.2.1'),
    "The Txn-Token's purpose does not cover this service.",
  ),
  'txn.token_invalid': row(
    ['invalid_token', 'invalid_grant'],
    401,
    txn('9'),
    'The Txn-Token is not one: wrong type, issuer or missing claims.',
  ),

  'audit.malformed_line': invalidRequest(
    rfc('Playground audit line', 'format'),
    'Text is not an audit line this playground writes.',
  ),
  'demo.invalid_parameter': invalidRequest(
    rfc('Playground test issuer', 'parameters'),
    'A parameter of a sandbox test issuer is missing, malformed or unknown.',
  ),
  ...CROSS_APP_REASONS,
  ...WEBAUTHN_REASONS,
} as const satisfies Record<string, ReasonInfo>

export type Reason = keyof typeof REASONS
/** Reasons for plain HTTP failures, which have no OAuth error code. */
export type HttpReason = Extract<Reason, `http.${string}`>
/** Reasons carried by an OAuth error with an `error` code. */
export type OAuthReason = Exclude<Reason, HttpReason>

export const isReason = (value: string): value is Reason => Object.hasOwn(REASONS, value)
