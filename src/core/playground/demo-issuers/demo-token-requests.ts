// The parameters of the sandbox's test issuers, checked with one schema each: what a test may ask a token for.
import { isObject } from '../../protocol/json/is-object.ts'
import { z } from 'zod'
import { fail, ok, oauthError, type Result } from '../../protocol/errors/oauth-error.ts'
import type { BodyParams } from '../../protocol/http/read-body-params.ts'
import { ATTESTATION_PLATFORMS, type AttestationPlatform, type PriorActor } from '../scenario/scenario.ts'

/** Bounds that keep hostile input cheap to refuse. */
export const DEMO_LIMITS = {
  id: 256,
  scope: 1024,
  scopes: 32,
  actDepth: 8,
  subjectTtl: 86_400,
  actorTtl: 3600,
}

// RFC 6749 §3.3: scope-token = 1*( %x21 / %x23-5B / %x5D-7E )
const SCOPE_TOKEN = /^[\x21\x23-\x5B\x5D-\x7E]+$/
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
const seconds = (max: number, fallback: number) =>
  z
    .union([z.number(), digits], { error: 'must be a whole number of seconds' })
    .pipe(
      z
        .number()
        .int('must be a whole number of seconds')
        .min(1, 'must be at least 1')
        .max(max, `must be at most ${max}`),
    )
    .default(fallback)

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
    .refine(
      (tokens) => tokens.every((token) => SCOPE_TOKEN.test(token)),
      'holds a character scope tokens cannot hold',
    ),
  may_act: text(DEMO_LIMITS.id).optional(),
  act: z
    .preprocess(
      flattenAct,
      z.array(priorActor).max(DEMO_LIMITS.actDepth, `may nest at most ${DEMO_LIMITS.actDepth} actors`),
    )
    .optional(),
  ttl: seconds(DEMO_LIMITS.subjectTtl, 3600),
})

const actorSchema = z.strictObject({
  spiffe_id: text(DEMO_LIMITS.id).regex(
    SPIFFE_ID,
    'must be a SPIFFE ID such as spiffe://prod/agent/code-reviewer/v3',
  ),
  attestation: z
    .enum(ATTESTATION_PLATFORMS, { error: `must be one of ${ATTESTATION_PLATFORMS.join(', ')}` })
    .default('none'),
  ttl: seconds(DEMO_LIMITS.actorTtl, 900),
})

export interface DemoSubjectTokenRequest {
  sub: string
  scope: string[]
  /** `may_act.sub`, or empty for none. */
  mayAct: string
  /** Earlier actors, most recent first, for a subject token that is itself delegated. */
  priorActors: PriorActor[]
  ttl: number
}

export interface DemoActorTokenRequest {
  spiffeId: string
  attestation: AttestationPlatform
  ttl: number
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
export function parseDemoSubjectTokenRequest(params: BodyParams): Result<DemoSubjectTokenRequest> {
  const parsed = subjectSchema.safeParse(params)
  if (!parsed.success) return refuse(parsed.error)
  const { sub, scope, may_act, act, ttl } = parsed.data
  return ok({ sub, scope, mayAct: may_act ?? '', priorActors: act ?? [], ttl })
}

/**
 * Checks a request for an agent's actor token (a JWT-SVID).
 * @see RFC 8693 §2.1 (actor_token), SPIFFE ID §2
 */
export function parseDemoActorTokenRequest(params: BodyParams): Result<DemoActorTokenRequest> {
  const parsed = actorSchema.safeParse(params)
  if (!parsed.success) return refuse(parsed.error)
  const { spiffe_id, attestation, ttl } = parsed.data
  return ok({ spiffeId: spiffe_id, attestation, ttl })
}
