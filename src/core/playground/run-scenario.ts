// Scenario → Run: the one entry point. Mints the inputs, sends the exchange, calls the resource server.
import type { JWK } from 'jose'
import { formatAuditLine } from '../protocol/audit/format-audit-line.ts'
import { withoutActor, type AuditEvent } from '../protocol/audit/audit-event.ts'
import { buildTokenRequest } from './agent/build-token-request.ts'
import { attackedResourceInputs } from './agent/apply-attack.ts'
import { buildResourceRequest } from './agent/build-resource-request.ts'
import { epochSeconds, offsetClock, systemClock, type Clock } from '../protocol/clock.ts'
import { createNonceStore } from '../protocol/dpop/nonce-store.ts'
import { createReplayCache } from '../protocol/dpop/replay-cache.ts'
import type { OAuthError } from '../protocol/errors/oauth-error.ts'
import { sendAndSnapshot, snapshotHeader } from '../protocol/http/http-snapshot.ts'
import { parseRawRequest } from '../protocol/http/parse-raw-request.ts'
import { createTokenEndpoint, tokenEndpointUrl } from '../protocol/idp/token-endpoint.ts'
import { publicJwks, type KeyRing } from '../protocol/keys/key-ring.ts'
import { createResourceServer } from '../protocol/resource-server/resource-endpoint.ts'
import { findResourceServer } from '../protocol/resource-server/catalog.ts'
import type { ClaimSource, HttpExchange, Run } from './run.ts'
import { mintScenarioTokens } from './scenario/mint-scenario-tokens.ts'
import { IDP_ISSUER, WORKLOAD_ISSUER } from './scenario/seed-scenario.ts'
import type { Scenario } from './scenario/scenario.ts'
import type { AuthenticationClaims } from '../protocol/webauthn/authentication-claims.ts'
import { tamperToken } from '../protocol/tokens/tamper-token.ts'
import { viewToken } from '../protocol/tokens/token-view.ts'
import { createCheckLog, type Check } from '../protocol/trace/check-log.ts'

export interface RunDependencies {
  keys: KeyRing
  /** The real clock; the scenario's offset is applied on top. Defaults to the system clock. */
  clock?: Clock
  /** A real passkey sign-in the IdP verified on this page (view state, never in the scenario). */
  signIn?: AuthenticationClaims
}

type AuditSource = 'idp' | 'resource-server'

type RingJwks = Run['jwks']
const jwksByRing = new WeakMap<KeyRing, RingJwks>()

/**
 * The same frozen JWKS objects for every Run of a key ring, so that a verifier may keep the keys it
 * imported from a JWKS for as long as it sees that very object (a per-object cache, as jose keeps
 * inside each `createLocalJWKSet`), instead of importing them again on every Run.
 */
function ringJwks(keys: KeyRing): RingJwks {
  let jwks = jwksByRing.get(keys)
  if (!jwks) {
    const frozen = (set: { keys: JWK[] }) => Object.freeze({ keys: Object.freeze(set.keys) as JWK[] })
    jwks = { idp: frozen(publicJwks(keys.idp)), workload: frozen(publicJwks(keys.workload)) }
    jwksByRing.set(keys, jwks)
  }
  return jwks
}

/** Where each top-level claim of a delegated token comes from (RFC 8693 §2.2, RFC 9068 §2.2). */
const CLAIM_SOURCES: Record<string, ClaimSource> = {
  iss: 'idp',
  sub: 'subject-token',
  amr: 'subject-token',
  client_id: 'policy',
  aud: 'policy',
  scope: 'policy',
  iat: 'idp',
  exp: 'policy',
  jti: 'idp',
  act: 'actor-token',
  cnf: 'dpop-key',
}

/**
 * Runs a scenario end to end. Refusals are data in the Run; only bugs throw.
 * The input tokens are minted at the real time; the servers and the agent's requests run at the
 * real time plus the clock offset, so moving the offset forward makes the tokens age.
 */
export async function runScenario(scenario: Scenario, deps: RunDependencies): Promise<Run> {
  const { keys } = deps
  const realClock = deps.clock ?? systemClock
  const clock = offsetClock(realClock, scenario.clockOffset)
  const checks: Check[] = []
  const trail: { by: AuditSource; event: AuditEvent }[] = []
  const tokens = await mintScenarioTokens(scenario, keys, epochSeconds(realClock), deps.signIn)
  const { idp: idpJwks, workload: workloadJwks } = ringJwks(keys)
  const tokenEndpoint = tokenEndpointUrl(IDP_ISSUER)

  let exchangeError: OAuthError | null = null
  const idp = createTokenEndpoint({
    issuer: IDP_ISSUER,
    policy: scenario.policy,
    signingKey: keys.idp,
    idpJwks,
    actorIssuerJwks: { [WORKLOAD_ISSUER]: workloadJwks },
    clock,
    replay: createReplayCache(),
    nonces: createNonceStore(),
    log: createCheckLog('idp', checks),
    audit: (event, error) => {
      trail.push({ by: 'idp', event })
      exchangeError = error
    },
  })

  const exchange: HttpExchange[] = []
  const buildRequest = (nonce?: string) =>
    buildTokenRequest({
      scenario,
      tokenEndpoint,
      subjectToken: tokens.subject,
      actorToken: tokens.actor,
      dpopKey: keys.agentDpop,
      nowSeconds: epochSeconds(clock),
      ...(nonce ? { nonce } : {}),
    })

  let tokenRequest: Request | null = null
  if (scenario.edits.rawTokenRequest !== null) {
    const parsed = parseRawRequest(scenario.edits.rawTokenRequest, new URL(tokenEndpoint).origin)
    if (parsed.ok) tokenRequest = parsed.value
    else exchangeError = parsed.error
  } else tokenRequest = await buildRequest()

  let tokenResponse: HttpExchange['response'] | null = null
  if (tokenRequest) {
    let sent = await sendAndSnapshot(idp, tokenRequest)
    exchange.push(sent)
    // RFC 9449 §8: a client told to use a nonce retries once with it, as any DPoP client would.
    const nonce = snapshotHeader(sent.response, 'dpop-nonce')
    if (sent.response.status === 400 && nonce && scenario.edits.rawTokenRequest === null) {
      sent = await sendAndSnapshot(idp, await buildRequest(nonce))
      exchange.push(sent)
    }
    tokenResponse = sent.response
  }

  // A 2xx token response carries JSON (RFC 8693 §2.2.1); the snapshot holds its body, read once.
  const issued =
    tokenResponse !== null && tokenResponse.status >= 200 && tokenResponse.status < 300
      ? (JSON.parse(tokenResponse.body) as { access_token: string; token_type: string })
      : null
  const presented =
    issued && scenario.edits.tamperedClaims !== null
      ? tamperToken(issued.access_token, scenario.edits.tamperedClaims)
      : (issued?.access_token ?? null)

  let resource: HttpExchange | null = null
  let resourceError: OAuthError | null = null
  let resourceProof: string | null = null
  const config = findResourceServer(scenario.resourceCall.audience)
  if (presented && issued && config) {
    const rs = createResourceServer({
      config,
      idpIssuer: IDP_ISSUER,
      idpJwks,
      clock,
      replay: createReplayCache(),
      log: createCheckLog('resource-server', checks),
      audit: (event, error) => {
        trail.push({ by: 'resource-server', event })
        resourceError = error
      },
    })
    const honest = {
      config,
      call: scenario.resourceCall,
      accessToken: presented,
      tokenType: issued.token_type,
      dpopKey: scenario.request.dpop ? keys.agentDpop : null,
      nowSeconds: epochSeconds(clock),
    }
    const built = await buildResourceRequest(attackedResourceInputs(scenario.attack, honest, keys.thiefDpop))
    resourceProof = built.proof
    // A replay sends the very same request again: same token, same proof, same jti.
    const replay = scenario.attack === 'replayed-proof' ? built.request.clone() : null
    resource = await sendAndSnapshot(rs, built.request)
    if (replay) resource = await sendAndSnapshot(rs, replay)
  }

  const decisive = trail.at(-1)
  const delegated = presented ? viewToken(presented) : null
  return {
    scenario,
    at: clock(),
    tokens: {
      subject: viewToken(tokens.subject),
      actor: tokens.actor ? viewToken(tokens.actor) : null,
      tokenRequestProof: firstProof(exchange.at(-1)),
      delegated,
      resourceRequestProof: resourceProof ? viewToken(resourceProof) : null,
    },
    claimSources: Object.fromEntries(
      Object.keys(delegated?.payload ?? {}).map((claim) => [claim, CLAIM_SOURCES[claim] ?? 'idp']),
    ),
    exchange,
    exchangeError,
    resource,
    resourceError,
    audit: decisive
      ? {
          by: decisive.by,
          event: decisive.event,
          line: formatAuditLine(decisive.event),
          lineWithoutAct: formatAuditLine(withoutActor(decisive.event)),
        }
      : null,
    auditTrail: trail.map(({ by, event }) => ({ by, line: formatAuditLine(event) })),
    checks,
    jwks: { idp: idpJwks, workload: workloadJwks },
  }
}

function firstProof(sent: HttpExchange | undefined) {
  const proof = sent?.request.headers.find(([name]) => name === 'dpop')?.[1]
  return proof ? viewToken(proof) : null
}
