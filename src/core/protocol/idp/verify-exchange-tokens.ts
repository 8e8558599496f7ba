// Verifies the subject and actor tokens of an exchange against the issuers the IdP trusts for each.
import type { JWK, JWTPayload } from 'jose'
import { fail, ok, oauthError, type OAuthError, type Result } from '../errors/oauth-error.ts'
import type { Reason } from '../errors/reasons.ts'
import { REASON_FOR_RULE, type JwtFailure } from '../tokens/jwt-failure.ts'
import { readCompactJws } from '../tokens/read-compact-jws.ts'
import { ACTOR_TOKEN_TYPES, SUBJECT_TOKEN_TYPES } from '../tokens/token-types.ts'
import { verifyJwt, type JwtRules } from '../tokens/verify-jwt.ts'
import type { CheckLog } from '../trace/check-log.ts'
import { checkRecorder, type CheckRecorder } from '../trace/check-recorder.ts'

const TOKEN_SPEC = 'RFC 8693 §2.2.2'

/** An unacceptable subject or actor token is `invalid_request`, not `invalid_grant` (RFC 8693 §2.2.2). */
const unacceptable = (reason: Reason, description: string, explanation: string) =>
  oauthError(reason, description, { explanation, code: 'invalid_request', status: 400 })

/** The shared JWT verifier's refusal, recorded on the rule it broke and answered as RFC 8693 §2.2.2 says. */
const refusedOn = (name: string, failure: JwtFailure, record: CheckRecorder): Result<JWTPayload> =>
  fail(
    record.refuse(
      { label: `${name} ${failure.rule} check`, spec: failure.spec },
      unacceptable(REASON_FOR_RULE[failure.rule], failure.description, failure.explanation),
    ),
  )

async function verifyAs(token: string, rules: JwtRules, record: CheckRecorder): Promise<Result<JWTPayload>> {
  const { log } = record
  const verified = await verifyJwt(token, {
    ...rules,
    ...(log.defencesOff ? { defencesOff: log.defencesOff } : {}),
  })
  if (!verified.ok) return refusedOn(rules.name, verified.failure, record)
  for (const skipped of verified.skipped ?? [])
    record.skip({ label: `${rules.name} ${skipped.rule} check`, spec: skipped.spec }, skipped)
  record.pass(
    {
      label: `${rules.name}: canonical JWS, typ ${rules.typ}, no key of its own, no crit, alg and kid, signature, iss, aud, nbf/exp`,
      spec: 'RFC 8693 §2.1, RFC 8725 §3',
    },
    `iss ${rules.issuer}, sub ${String(verified.payload.sub)}`,
  )
  return ok(verified.payload)
}

/** The token type's JWT `typ`, or the refusal for a type the IdP does not take (recorded either way). */
function checkType(
  name: string,
  type: string,
  accepted: Readonly<Record<string, string>>,
  record: CheckRecorder,
  refusal: () => OAuthError,
): Result<string> {
  const typ = accepted[type]
  const rule = { label: `${name}_type is supported`, spec: 'RFC 8693 §3' }
  if (typ === undefined) return fail(record.refuse(rule, refusal(), type))
  record.pass(rule, type)
  return ok(typ)
}

export interface SubjectTokenCheck {
  token: string
  type: string
  issuer: string
  jwks: { keys: JWK[] }
  nowSeconds: number
}

/**
 * The subject token must be one of the IdP's own tokens, meant for the IdP itself.
 * @see RFC 8693 §2.1 (subject_token), §2.2.2
 */
export async function verifySubjectToken(
  check: SubjectTokenCheck,
  log: CheckLog,
): Promise<Result<JWTPayload>> {
  const record = checkRecorder(log)
  const typ = checkType('subject_token', check.type, SUBJECT_TOKEN_TYPES, record, () =>
    unacceptable(
      'exchange.subject_token_type_unsupported',
      `"subject_token_type" ${check.type} is not supported`,
      `This IdP exchanges only its own access tokens (${Object.keys(SUBJECT_TOKEN_TYPES).join(', ')}).`,
    ),
  )
  if (!typ.ok) return typ
  const rules = {
    name: 'subject_token',
    typ: typ.value,
    issuer: check.issuer,
    audience: check.issuer,
    jwks: check.jwks,
    nowSeconds: check.nowSeconds,
  }
  return verifyAs(check.token, rules, record)
}

export interface ActorTokenCheck {
  token: string
  type: string
  /** The IdP's own issuer: actor tokens must be addressed to it. */
  audience: string
  trustedIssuers: string[]
  issuerJwks: Readonly<Record<string, { keys: JWK[] }>>
  nowSeconds: number
}

/**
 * The actor token must come from a workload issuer the policy trusts, signed by that issuer's key.
 * @see RFC 8693 §2.1 (actor_token), §2.2.2
 */
export async function verifyActorToken(check: ActorTokenCheck, log: CheckLog): Promise<Result<JWTPayload>> {
  const record = checkRecorder(log)
  const typ = checkType('actor_token', check.type, ACTOR_TOKEN_TYPES, record, () =>
    unacceptable(
      'exchange.actor_token_type_unsupported',
      `"actor_token_type" ${check.type} is not supported`,
      `This IdP accepts workload identities as JWT-SVIDs (${Object.keys(ACTOR_TOKEN_TYPES).join(', ')}).`,
    ),
  )
  if (!typ.ok) return typ
  // Read `iss` unverified only to pick the keys; the signature check below is what makes it true. A token
  // that isn't one canonical JWS is refused here already, so the peek and the verifier read the same claims.
  const read = readCompactJws(check.token, 'actor_token')
  if (!read.ok) return refusedOn('actor_token', read.failure, record)
  const claimed = typeof read.value.payload.iss === 'string' ? read.value.payload.iss : null
  const jwks = claimed === null ? undefined : check.issuerJwks[claimed]
  const trusted = claimed !== null && check.trustedIssuers.includes(claimed) && jwks !== undefined
  const trustCheck = { label: 'actor_token issuer is trusted for workload identities', spec: TOKEN_SPEC }
  // With this defence off, a vulnerable IdP takes any issuer whose keys it can find (by discovery),
  // and then only checks that the issuer signed the token, which a forger's own issuer always did.
  const untrusted = unacceptable(
    'exchange.actor_issuer_untrusted',
    `actor_token issuer "${claimed ?? ''}" is not trusted`,
    `The IdP only accepts agent identities vouched for by issuers in its policy (${check.trustedIssuers.join(', ') || 'none'}). Anyone can mint a JWT; what matters is who signed it.`,
  )
  const trustSkipped =
    !trusted && jwks !== undefined && record.skipped(trustCheck, untrusted, `issuer ${claimed ?? 'none'}`)
  // `trusted` and `trustSkipped` both imply an issuer with keys; the last two tests say so to the compiler.
  if ((!trusted && !trustSkipped) || claimed === null || jwks === undefined)
    return fail(record.refuse(trustCheck, untrusted, claimed ?? 'no iss'))
  if (!trustSkipped) record.pass(trustCheck, claimed)
  const rules = {
    name: 'actor_token',
    typ: typ.value,
    issuer: claimed,
    audience: check.audience,
    jwks,
    nowSeconds: check.nowSeconds,
  }
  return verifyAs(check.token, rules, record)
}
