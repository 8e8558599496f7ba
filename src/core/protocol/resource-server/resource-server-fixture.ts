// Test fixture for the resource server: real keys, an injected clock, minted tokens, proofs and the expected audit events.
import { expect } from 'vitest'
import { SignJWT, type JWTHeaderParameters, type JWTPayload } from 'jose'
import type { AuditEvent } from '../audit/audit-event.ts'
import { createDpopProof } from '../dpop/create-proof.ts'
import type { NonceStore } from '../dpop/nonce-store.ts'
import { createReplayCache, type ReplayCache } from '../dpop/replay-cache.ts'
import { accessTokenHash } from '../dpop/thumbprint.ts'
import type { Refusal } from '../errors/refusal.ts'
import { createKeyRing, publicJwks, type SigningKey } from '../keys/key-ring.ts'
import type { Reason } from '../errors/reasons.ts'
import { createCheckLog, type Check } from '../trace/check-log.ts'
import { createResourceService } from './resource-endpoint.ts'
import { GITHUB_API } from './routes.fixture.ts'

export const IDP = 'https://idp.lab.marwandiallo.com'
export const REVIEWER = 'spiffe://prod/agent/code-reviewer/v3'
export const PLANNER = 'spiffe://prod/agent/planner/v1'
export const NOW = 1_767_225_600
export const REPO = 'https://api.github.com/repos/marwan/playground'
export const ISSUES = `${REPO}/issues`
export const ALGS = 'algs="ES256 ES384 ES512 PS256 EdDSA"'
export const keys = await createKeyRing()

/** A delegated token as the IdP mints it: the user, acting through the reviewer, which a planner delegated to. */
export const claims = (overrides: JWTPayload = {}): JWTPayload => ({
  iss: IDP,
  sub: 'u_marwan',
  aud: ['api.github.com'],
  client_id: 'a_code_reviewer',
  scope: 'read:repo write:issues',
  iat: NOW - 60,
  exp: NOW + 540,
  jti: 'at-1',
  act: { sub: REVIEWER, attestation: 'github-oidc', act: { sub: PLANNER } },
  cnf: { jkt: keys.agentDpop.kid },
  ...overrides,
})

export const mint = (payload: JWTPayload, header: Partial<JWTHeaderParameters> = {}) =>
  new SignJWT(payload)
    .setProtectedHeader({ alg: 'ES256', typ: 'at+jwt', kid: keys.idp.kid, ...header })
    .sign(keys.idp.privateKey)

/** A resource server for api.github.com with an injected clock, a readable log and collected audit events. */
export function server(options: { replay?: ReplayCache; dpopNonce?: NonceStore } = {}) {
  const checks: Check[] = []
  const audits: [AuditEvent, Refusal | null][] = []
  const serve = createResourceService({
    config: GITHUB_API,
    idpIssuer: IDP,
    idpJwks: publicJwks(keys.idp),
    clock: () => NOW * 1000,
    replay: options.replay ?? createReplayCache(),
    log: createCheckLog('resource-server', checks),
    ...(options.dpopNonce ? { dpopNonce: options.dpopNonce } : {}),
  })
  const handler = async (request: Request) => {
    const served = await serve(request)
    audits.push([served.audit, served.decision.accepted ? null : served.decision.error])
    return served.response
  }
  return { handler, checks, audits }
}

export interface Call {
  method?: 'GET' | 'POST'
  url?: string
  key?: SigningKey
  proof?: { htm?: string; htu?: string; ath?: string | null; nonce?: string }
}

/** A request as the agent sends it: `Authorization: DPoP <token>` and a fresh proof with `ath`. */
export async function dpopRequest(
  token: string,
  { method = 'GET', url = REPO, key = keys.agentDpop, proof = {} }: Call = {},
) {
  const ath = proof.ath === null ? undefined : (proof.ath ?? (await accessTokenHash(token)))
  const dpop = await createDpopProof(key, {
    htm: proof.htm ?? method,
    htu: proof.htu ?? url,
    iat: NOW,
    ...(ath === undefined ? {} : { ath }),
    ...(proof.nonce === undefined ? {} : { nonce: proof.nonce }),
  })
  return new Request(url, { method, headers: { authorization: `DPoP ${token}`, dpop } })
}

export const bearerRequest = (token: string, url = REPO, method = 'GET') =>
  new Request(url, { method, headers: { authorization: `Bearer ${token}` } })

/** The audit event a verified token produces, before the decision fields. */
export const verifiedAudit = {
  time: NOW * 1000,
  principal: 'u_marwan',
  actingAs: REVIEWER,
  via: [PLANNER],
  attestation: 'github-oidc',
  aud: ['api.github.com'],
  scope: 'read:repo write:issues',
  ttl: 600,
  jti: 'at-1',
}
/** The audit event for a token that never verified: nothing from it is trusted. */
export const unverifiedAudit = {
  time: NOW * 1000,
  principal: null,
  actingAs: null,
  via: [],
  attestation: null,
  aud: [],
  scope: null,
  ttl: null,
  jti: null,
}

/** Asserts a refusal on the wire (status, body, challenge) and in the single audit event. */
export async function expectRefusal(
  response: Response,
  audits: [AuditEvent, Refusal | null][],
  expected: {
    status: number
    error: string
    description: string
    reason: Reason
    challenge?: string
    verified: boolean
  },
) {
  expect(response.status).toBe(expected.status)
  expect(response.headers.get('content-type')).toBe('application/json')
  expect(await response.json()).toEqual({ error: expected.error, error_description: expected.description })
  if (expected.challenge !== undefined)
    expect(response.headers.get('www-authenticate')).toBe(expected.challenge)
  expect(audits).toHaveLength(1)
  const [event, error] = audits[0]!
  // What the presented token claimed is asserted by the tests about claimed identities, not here.
  const { claimed: _claimed, ...verifiedPart } = event
  expect(verifiedPart).toEqual({
    ...(expected.verified ? verifiedAudit : unverifiedAudit),
    decision: 'deny',
    denial: { error: expected.error, reason: expected.description },
  })
  expect(error?.reason).toBe(expected.reason)
}

export const quoted = (text: string) => text.replace(/"/g, '\\"')
