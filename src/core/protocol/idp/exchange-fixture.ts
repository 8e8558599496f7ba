// Test fixture: a token endpoint on real keys, and a way to send it an exchange case's request with edits.
import type { Clock } from '../clock.ts'
import { createDpopProof } from '../dpop/create-proof.ts'
import { createNonceStore } from '../dpop/nonce-store.ts'
import { createReplayCache } from '../dpop/replay-cache.ts'
import { createKeyRing, publicJwks, type KeyRing } from '../keys/key-ring.ts'
import { mintActorToken } from '../tokens/mint-actor-token.ts'
import { mintSubjectToken } from '../tokens/mint-subject-token.ts'
import { TOKEN_EXCHANGE_GRANT, TOKEN_TYPE } from '../tokens/token-types.ts'
import { createCheckLog } from '../trace/check-log.ts'
import { EXCHANGE_CASE, IDP_ISSUER, WORKLOAD_ISSUER, type ExchangeCase } from './exchange-case.fixture.ts'
import { createTokenService, tokenEndpointUrl } from './token-endpoint.ts'

export { IDP_ISSUER, WORKLOAD_ISSUER, type ExchangeCase } from './exchange-case.fixture.ts'

/** A fixed instant, so tests never depend on when they run. */
export const FIXED_NOW = Date.parse('2026-05-10T22:13:01.000Z')
export const NOW = Math.floor(FIXED_NOW / 1000)
export const TOKEN_URL = tokenEndpointUrl(IDP_ISSUER)

let shared: Promise<KeyRing> | null = null
/** Keys are made once per test file, as the page makes them once per load. */
export const testKeys = (): Promise<KeyRing> => (shared ??= createKeyRing())

export type CaseEdit = (exchange: ExchangeCase) => void

/** The default case with `edit` applied, on a copy. */
export function exchangeCase(edit: CaseEdit = () => {}): ExchangeCase {
  const copy = structuredClone(EXCHANGE_CASE)
  edit(copy)
  return copy
}

/** The user signed in a minute before the exchange. */
const SIGNED_IN_SECONDS_AGO = 60

/**
 * The tokens the parties hold before the exchange: the user's (by the IdP) and the agent's (by the
 * workload issuer, or by a key nobody trusts when it claims any other issuer, as a forger's would be).
 */
export async function mintCaseTokens(
  exchange: ExchangeCase,
  keys: KeyRing,
  nowSeconds: number,
): Promise<{ subject: string; actor: string | null }> {
  const { user, actor } = exchange
  const [subject, actorToken] = await Promise.all([
    mintSubjectToken(keys.idp, {
      issuer: IDP_ISSUER,
      sub: user.sub,
      scope: user.grantedScopes,
      amr: user.amr,
      iat: nowSeconds - SIGNED_IN_SECONDS_AGO,
      ttl: user.subjectTokenTtl,
      mayAct: user.mayAct,
      priorActors: user.priorActors,
    }),
    exchange.request.sendActorToken
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

/** The RFC 8693 request the case's agent sends, as a form POST with a DPoP proof when DPoP is on. */
async function caseRequest(
  exchange: ExchangeCase,
  tokens: { subject: string; actor: string | null },
  keys: KeyRing,
  nowSeconds: number,
): Promise<Request> {
  const { request, policy } = exchange
  const body = new URLSearchParams({
    grant_type: TOKEN_EXCHANGE_GRANT,
    requested_token_type: request.requestedTokenType,
    subject_token: tokens.subject,
    subject_token_type: TOKEN_TYPE.accessToken,
  })
  if (tokens.actor !== null) {
    body.append('actor_token', tokens.actor)
    body.append('actor_token_type', TOKEN_TYPE.jwt)
  }
  for (const audience of request.audiences) body.append('audience', audience)
  for (const resource of request.resources) body.append('resource', resource)
  if (request.scope.trim() !== '') body.append('scope', request.scope)
  if (request.requestedTtl !== null) body.append('requested_lifetime', String(request.requestedTtl))
  const client = policy.clients.find((known) => known.spiffeId === exchange.actor.spiffeId)
  if (client) body.append('client_id', client.clientId)
  const headers = new Headers({ 'content-type': 'application/x-www-form-urlencoded' })
  if (request.dpop)
    headers.set(
      'dpop',
      await createDpopProof(keys.agentDpop, { htm: 'POST', htu: TOKEN_URL, iat: nowSeconds }),
    )
  return new Request(TOKEN_URL, { method: 'POST', headers, body: body.toString() })
}

/** Mints the case's tokens, builds its request (or takes one given), and sends it to a fresh endpoint. */
export async function sendExchange(
  exchange: ExchangeCase,
  options: {
    request?: (defaults: {
      subject: string
      actor: string | null
      keys: KeyRing
    }) => Promise<Request> | Request
    clock?: Clock
  } = {},
) {
  const keys = await testKeys()
  const clock = options.clock ?? (() => FIXED_NOW)
  const log = createCheckLog('idp')
  const audits: unknown[] = []
  const serve = createTokenService({
    issuer: IDP_ISSUER,
    policy: exchange.policy,
    signingKey: keys.idp,
    idpJwks: publicJwks(keys.idp),
    actorIssuerJwks: { [WORKLOAD_ISSUER]: publicJwks(keys.workload) },
    clock,
    replay: createReplayCache(),
    nonces: createNonceStore(),
    log,
  })
  const tokens = await mintCaseTokens(exchange, keys, NOW)
  const request = options.request
    ? await options.request({ ...tokens, keys })
    : await caseRequest(exchange, tokens, keys, Math.floor(clock() / 1000))
  const served = await serve(request)
  audits.push(served.audit)
  const response = served.response
  const body = (await response.json()) as Record<string, unknown>
  return { response, body, decision: served.decision, checks: log.checks, audits, keys, tokens }
}

/** Sends a hand-built form body, so tests can break the request in ways a client library never would. */
export const formRequest = (body: string, headers: Record<string, string> = {}) =>
  new Request(TOKEN_URL, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body,
  })

export const seedForm = (subject: string, actor: string | null) =>
  new URLSearchParams({
    grant_type: 'urn:ietf:params:oauth:grant-type:token-exchange',
    subject_token: subject,
    subject_token_type: 'urn:ietf:params:oauth:token-type:access_token',
    ...(actor ? { actor_token: actor, actor_token_type: 'urn:ietf:params:oauth:token-type:jwt' } : {}),
    audience: 'api.github.com',
    scope: 'read:repo',
  })
