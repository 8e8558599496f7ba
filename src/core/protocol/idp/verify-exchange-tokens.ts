// Verifies the subject and actor tokens of an exchange against the issuers the IdP trusts for each.
import type { JWK, JWTPayload } from 'jose'
import { fail, ok, oauthError, type Result } from '../errors/oauth-error.ts'
import type { Reason } from '../errors/reasons.ts'
import { REASON_FOR_RULE, type JwtFailure } from '../tokens/jwt-failure.ts'
import { readCompactJws } from '../tokens/read-compact-jws.ts'
import { ACTOR_TOKEN_TYPES, SUBJECT_TOKEN_TYPES } from '../tokens/token-types.ts'
import { verifyJwt, type JwtRules } from '../tokens/verify-jwt.ts'
import type { CheckLog } from '../trace/check-log.ts'
import { skipIfDefenceOff, skippedCheck } from '../trace/defence-switch.ts'

const TOKEN_SPEC = 'RFC 8693 §2.2.2'

/** An unacceptable subject or actor token is `invalid_request`, not `invalid_grant` (RFC 8693 §2.2.2). */
const unacceptable = (reason: Reason, description: string, explanation: string) =>
  fail<JWTPayload>(oauthError(reason, description, { explanation, code: 'invalid_request', status: 400 }))

/** Logs a refusal from the shared JWT verifier and answers it as RFC 8693 §2.2.2 says. */
function refuseAs(name: string, failure: JwtFailure, log: CheckLog): Result<JWTPayload> {
  log.record({
    label: `${name} ${failure.rule} check`,
    spec: failure.spec,
    ok: false,
    detail: failure.explanation,
  })
  return unacceptable(REASON_FOR_RULE[failure.rule], failure.description, failure.explanation)
}

async function verifyAs(token: string, rules: JwtRules, log: CheckLog): Promise<Result<JWTPayload>> {
  const verified = await verifyJwt(token, {
    ...rules,
    ...(log.defencesOff ? { defencesOff: log.defencesOff } : {}),
  })
  if (!verified.ok) return refuseAs(rules.name, verified.failure, log)
  for (const skipped of verified.skipped ?? [])
    log.record(skippedCheck({ label: `${rules.name} ${skipped.rule} check`, spec: skipped.spec }, skipped))
  log.record({
    label: `${rules.name}: canonical JWS, typ ${rules.typ}, no key of its own, no crit, alg and kid, signature, iss, aud, nbf/exp`,
    spec: 'RFC 8693 §2.1, RFC 8725 §3',
    ok: true,
    detail: `iss ${rules.issuer}, sub ${String(verified.payload.sub)}`,
  })
  return ok(verified.payload)
}

function checkType(
  name: string,
  type: string,
  accepted: Readonly<Record<string, string>>,
  log: CheckLog,
): string | null {
  const typ = accepted[type]
  log.record({ label: `${name}_type is supported`, spec: 'RFC 8693 §3', ok: typ !== undefined, detail: type })
  return typ ?? null
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
  const typ = checkType('subject_token', check.type, SUBJECT_TOKEN_TYPES, log)
  if (typ === null)
    return unacceptable(
      'exchange.subject_token_type_unsupported',
      `"subject_token_type" ${check.type} is not supported`,
      `This IdP exchanges only its own access tokens (${Object.keys(SUBJECT_TOKEN_TYPES).join(', ')}).`,
    )
  const rules = {
    name: 'subject_token',
    typ,
    issuer: check.issuer,
    audience: check.issuer,
    jwks: check.jwks,
    nowSeconds: check.nowSeconds,
  }
  return verifyAs(check.token, rules, log)
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
  const typ = checkType('actor_token', check.type, ACTOR_TOKEN_TYPES, log)
  if (typ === null)
    return unacceptable(
      'exchange.actor_token_type_unsupported',
      `"actor_token_type" ${check.type} is not supported`,
      `This IdP accepts workload identities as JWT-SVIDs (${Object.keys(ACTOR_TOKEN_TYPES).join(', ')}).`,
    )
  // Read `iss` unverified only to pick the keys; the signature check below is what makes it true. A token
  // that isn't one canonical JWS is refused here already, so the peek and the verifier read the same claims.
  const read = readCompactJws(check.token, 'actor_token')
  if (!read.ok) return refuseAs('actor_token', read.failure, log)
  const claimed = typeof read.value.payload.iss === 'string' ? read.value.payload.iss : null
  const jwks = claimed === null ? undefined : check.issuerJwks[claimed]
  const trusted = claimed !== null && check.trustedIssuers.includes(claimed) && jwks !== undefined
  const trustCheck = { label: 'actor_token issuer is trusted for workload identities', spec: TOKEN_SPEC }
  // With this defence off, a vulnerable IdP takes any issuer whose keys it can find (by discovery),
  // and then only checks that the issuer signed the token, which a forger's own issuer always did.
  const trustSkipped =
    !trusted &&
    jwks !== undefined &&
    skipIfDefenceOff(log, 'exchange.actor_issuer_untrusted', trustCheck, `issuer ${claimed ?? 'none'}`)
  if (!trustSkipped) log.record({ ...trustCheck, ok: trusted, detail: claimed ?? 'no iss' })
  // `trusted` and `trustSkipped` both imply an issuer with keys; the last two tests say so to the compiler.
  if ((!trusted && !trustSkipped) || claimed === null || jwks === undefined)
    return unacceptable(
      'exchange.actor_issuer_untrusted',
      `actor_token issuer "${claimed ?? ''}" is not trusted`,
      `The IdP only accepts agent identities vouched for by issuers in its policy (${check.trustedIssuers.join(', ') || 'none'}). Anyone can mint a JWT; what matters is who signed it.`,
    )
  const rules = {
    name: 'actor_token',
    typ,
    issuer: claimed,
    audience: check.audience,
    jwks,
    nowSeconds: check.nowSeconds,
  }
  return verifyAs(check.token, rules, log)
}
