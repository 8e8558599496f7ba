// The parameters of the sandbox's test issuers, checked with one schema each: what a test may ask a token for.
import { isObject } from '../../protocol/json/is-object.ts'
import { z } from 'zod'
import { fail, ok, oauthError, type Result } from '../../protocol/errors/oauth-error.ts'
import type { BodyParams } from '../../protocol/http/read-body-params.ts'
import { ATTESTATION_PLATFORMS, type AttestationPlatform, type PriorActor } from '../scenario/scenario.ts'
import { isScopeToken } from '../../protocol/tokens/scope.ts'

/** Bounds that keep hostile input cheap to refuse. */
export const DEMO_LIMITS = {
  id: 256,
  scope: 1024,
  scopes: 32,
  actDepth: 8,
  subjectTtl: 86_400,
  actorTtl: 3600,
  /** `iat`, `nbf` and `exp` may be set at most this many seconds before or after now: one day. */
  timeWindow: 86_400,
}

// SPIFFE ID §2: a lowercase trust domain, then path segments of letters, digits, ".", "-" and "_".
const SPIFFE_ID = /^spiffe:\/\/[a-z0-9._-]+(?:\/(?!\.\.?(?:\/|$))[A-Za-z0-9._-]+)+$/
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/

const text = (max: number) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be a string') })
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`)
    .refine((value) => !CONTROL.test(value), 'must not contain control characters')

/** Seconds, as a JSON number or as the digits of a form value. */
const digits = z
  .string()
  .regex(/^\d{1,9}$/)
  .transform(Number)
const seconds = (max: number) =>
  z
    .union([z.number(), digits], { error: 'must be a whole number of seconds' })
    .pipe(
      z
        .number()
        .int('must be a whole number of seconds')
        .min(1, 'must be at least 1')
        .max(max, `must be at most ${max}`),
    )
    .optional()

/** A time claim in seconds since the epoch, as a JSON number or the digits of a form value. */
const epochTime = z
  .union(
    [
      z.number(),
      z
        .string()
        .regex(/^\d{1,12}$/)
        .transform(Number),
    ],
    {
      error: 'must be a whole number of seconds since the epoch',
    },
  )
  .pipe(z.number().int('must be a whole number of seconds since the epoch'))
  .optional()

/** The optional time and audience claims both issuers take, to mint tokens the IdP must refuse. */
const claimOverrides = {
  iat: epochTime,
  nbf: epochTime,
  exp: epochTime,
  aud: text(DEMO_LIMITS.id).optional(),
}

const mayActObject = z.strictObject(
  { sub: text(DEMO_LIMITS.id), iss: text(DEMO_LIMITS.id).optional() },
  {
    error: (issue) =>
      issue.code === 'invalid_type'
        ? 'must be an object with "sub" and optionally "iss" (JSON text in a form), or a plain sub'
        : undefined,
  },
)

/**
 * `may_act` as RFC 8693 §4.4 shapes it, taken the way `act` is: an object, or its JSON text in a form.
 * Other text is shorthand for `{ "sub": text }`; text that opens like JSON must be valid JSON.
 */
function readMayAct(value: unknown): unknown {
  if (typeof value !== 'string' || !value.trimStart().startsWith('{')) {
    return typeof value === 'string' ? { sub: value } : value
  }
  try {
    return JSON.parse(value)
  } catch {
    return value
  }
}

const priorActor = z.strictObject(
  {
    sub: text(DEMO_LIMITS.id),
    azp: text(DEMO_LIMITS.id).optional(),
    iss: text(DEMO_LIMITS.id).optional(),
    attestation: text(DEMO_LIMITS.id).optional(),
  },
  { error: (issue) => (issue.code === 'invalid_type' ? 'must be a JSON object with "sub"' : undefined) },
)

/** A nested `act` (given as an object, or as JSON text in a form) as a flat list, outermost first, depth-capped. */
function flattenAct(value: unknown): unknown {
  let current = value
  if (typeof current === 'string') {
    try {
      current = JSON.parse(current)
    } catch {
      return [current]
    }
  }
  const chain: unknown[] = []
  while (isObject(current) && chain.length <= DEMO_LIMITS.actDepth) {
    const { act, ...actor } = current
    chain.push(actor)
    current = act
  }
  if (current !== undefined && chain.length <= DEMO_LIMITS.actDepth) chain.push(current)
  return chain
}

const subjectSchema = z.strictObject({
  sub: text(DEMO_LIMITS.id),
  scope: text(DEMO_LIMITS.scope)
    .transform((value) => value.split(' ').filter((token) => token !== ''))
    .refine((tokens) => tokens.length > 0, 'must hold at least one scope token')
    .refine(
      (tokens) => tokens.length <= DEMO_LIMITS.scopes,
      `may hold at most ${DEMO_LIMITS.scopes} scope tokens`,
    )
    .refine((tokens) => tokens.every(isScopeToken), 'holds a character scope tokens cannot hold'),
  may_act: z.preprocess(readMayAct, mayActObject).optional(),
  act: z
    .preprocess(
      flattenAct,
      z.array(priorActor).max(DEMO_LIMITS.actDepth, `may nest at most ${DEMO_LIMITS.actDepth} actors`),
    )
    .optional(),
  ttl: seconds(DEMO_LIMITS.subjectTtl),
  ...claimOverrides,
})

const actorSchema = z.strictObject({
  spiffe_id: text(DEMO_LIMITS.id).regex(
    SPIFFE_ID,
    'must be a SPIFFE ID such as spiffe://prod/agent/code-reviewer/v3',
  ),
  attestation: z
    .enum(ATTESTATION_PLATFORMS, { error: `must be one of ${ATTESTATION_PLATFORMS.join(', ')}` })
    .default('none'),
  ttl: seconds(DEMO_LIMITS.actorTtl),
  ...claimOverrides,
})

/** The time and audience claims of a test token, resolved against the clock. */
export interface DemoTokenTimes {
  iat: number
  exp: number
  nbf?: number
  /** `aud`, when the request names one other than the IdP. */
  aud?: string
}

export interface DemoSubjectTokenRequest extends DemoTokenTimes {
  sub: string
  scope: string[]
  /** `may_act` (RFC 8693 §4.4), or empty for none. */
  mayAct: { sub: string; iss?: string } | ''
  /** Earlier actors, most recent first, for a subject token that is itself delegated. */
  priorActors: PriorActor[]
}

export interface DemoActorTokenRequest extends DemoTokenTimes {
  spiffeId: string
  attestation: AttestationPlatform
}

const issue400 = <T>(description: string): Result<T> =>
  fail(oauthError('demo.invalid_parameter', description))

/**
 * `iat` defaults to now and `exp` to `iat + ttl`; each time given must lie within a day of now, so a
 * test can mint an expired or not-yet-valid token but not one good for years. `exp` and `ttl` exclude
 * each other.
 */
function resolveTimes(
  given: {
    iat?: number | undefined
    nbf?: number | undefined
    exp?: number | undefined
    aud?: string | undefined
  },
  ttl: number | undefined,
  defaultTtl: number,
  nowSeconds: number,
): Result<DemoTokenTimes> {
  if (given.exp !== undefined && ttl !== undefined)
    return issue400('"exp" and "ttl" exclude each other: give one')
  for (const name of ['iat', 'nbf', 'exp'] as const) {
    const value = given[name]
    if (value !== undefined && Math.abs(value - nowSeconds) > DEMO_LIMITS.timeWindow)
      return issue400(`"${name}" must be within ${DEMO_LIMITS.timeWindow} s of now`)
  }
  const iat = given.iat ?? nowSeconds
  return ok({
    iat,
    exp: given.exp ?? iat + (ttl ?? defaultTtl),
    ...(given.nbf === undefined ? {} : { nbf: given.nbf }),
    ...(given.aud === undefined ? {} : { aud: given.aud }),
  })
}

/** `act.act.sub` for the path [act, 1, sub]: the flat list index is the nesting depth. */
function pathName(path: readonly PropertyKey[]): string {
  const [head, index, ...rest] = path
  if (head === 'act' && typeof index === 'number')
    return ['act', ...Array(index).fill('act'), ...rest].join('.')
  return path.map(String).join('.')
}

function refuse<T>(error: z.ZodError): Result<T> {
  const issue = error.issues[0]!
  const description =
    issue.code !== 'unrecognized_keys'
      ? `"${pathName(issue.path)}" ${issue.message}`
      : issue.path.length === 0
        ? `"${issue.keys[0]}" is not a parameter of this endpoint`
        : `"${pathName([...issue.path, issue.keys[0]!])}" is not allowed: an actor has sub, azp, iss and attestation`
  return fail(oauthError('demo.invalid_parameter', description))
}

/**
 * Checks a request for a user's subject token.
 * @see RFC 8693 §2.1 (subject_token), §4.1 (act), §4.4 (may_act)
 */
export function parseDemoSubjectTokenRequest(
  params: BodyParams,
  nowSeconds: number,
): Result<DemoSubjectTokenRequest> {
  const parsed = subjectSchema.safeParse(params)
  if (!parsed.success) return refuse(parsed.error)
  const { sub, scope, may_act, act, ttl, ...given } = parsed.data
  const times = resolveTimes(given, ttl, 3600, nowSeconds)
  if (!times.ok) return times
  const mayAct =
    may_act === undefined ? '' : { sub: may_act.sub, ...(may_act.iss ? { iss: may_act.iss } : {}) }
  return ok({ sub, scope, mayAct, priorActors: act ?? [], ...times.value })
}

/**
 * Checks a request for an agent's actor token (a JWT-SVID).
 * @see RFC 8693 §2.1 (actor_token), SPIFFE ID §2
 */
export function parseDemoActorTokenRequest(
  params: BodyParams,
  nowSeconds: number,
): Result<DemoActorTokenRequest> {
  const parsed = actorSchema.safeParse(params)
  if (!parsed.success) return refuse(parsed.error)
  const { spiffe_id, attestation, ttl, ...given } = parsed.data
  const times = resolveTimes(given, ttl, 900, nowSeconds)
  if (!times.ok) return times
  return ok({ spiffeId: spiffe_id, attestation, ...times.value })
}
