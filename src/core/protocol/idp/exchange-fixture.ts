// Test fixture: a token endpoint on real keys, and a way to send it a scenario's request with edits.
import { buildTokenRequest } from '../../playground/agent/build-token-request.ts'
import type { Clock } from '../clock.ts'
import { createNonceStore } from '../dpop/nonce-store.ts'
import { createReplayCache } from '../dpop/replay-cache.ts'
import { createKeyRing, publicJwks, type KeyRing } from '../keys/key-ring.ts'
import { mintScenarioTokens } from '../../playground/scenario/mint-scenario-tokens.ts'
import { IDP_ISSUER, SEED_SCENARIO, WORKLOAD_ISSUER } from '../../playground/scenario/seed-scenario.ts'
import type { Scenario } from '../../playground/scenario/scenario.ts'
import { createCheckLog } from '../trace/check-log.ts'
import { createTokenService, tokenEndpointUrl } from './token-endpoint.ts'

/** A fixed instant, so tests never depend on when they run. */
export const FIXED_NOW = Date.parse('2026-05-10T22:13:01.000Z')

let shared: Promise<KeyRing> | null = null
/** Keys are made once per test file, as the page makes them once per load. */
export const testKeys = (): Promise<KeyRing> => (shared ??= createKeyRing())

export type ScenarioEdit = (scenario: Scenario) => void

export function editedScenario(edit: ScenarioEdit = () => {}): Scenario {
  const scenario = structuredClone(SEED_SCENARIO)
  edit(scenario)
  return scenario
}

/** Mints the scenario's tokens, builds its request (or takes one given), and sends it to a fresh endpoint. */
export async function sendExchange(
  scenario: Scenario,
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
    policy: scenario.policy,
    signingKey: keys.idp,
    idpJwks: publicJwks(keys.idp),
    actorIssuerJwks: { [WORKLOAD_ISSUER]: publicJwks(keys.workload) },
    clock,
    replay: createReplayCache(),
    nonces: createNonceStore(),
    log,
  })
  const tokens = await mintScenarioTokens(scenario, keys, Math.floor(FIXED_NOW / 1000))
  const request = options.request
    ? await options.request({ ...tokens, keys })
    : await buildTokenRequest({
        scenario,
        tokenEndpoint: tokenEndpointUrl(IDP_ISSUER),
        subjectToken: tokens.subject,
        actorToken: tokens.actor,
        dpopKey: keys.agentDpop,
        nowSeconds: Math.floor(clock() / 1000),
      })
  const served = await serve(request)
  audits.push(served.audit)
  const response = served.response
  const body = (await response.json()) as Record<string, unknown>
  return { response, body, decision: served.decision, checks: log.checks, audits, keys, tokens }
}

export const NOW = Math.floor(FIXED_NOW / 1000)
export const TOKEN_URL = tokenEndpointUrl(IDP_ISSUER)

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
