// Test fixture: a trust domain with its TTS, the agent's edge access token, and two internal services.
import type { AuditEvent } from '../audit/audit-event.ts'
import type { OAuthError } from '../errors/oauth-error.ts'
import { createSigningKey, publicJwks, type SigningKey } from '../keys/key-ring.ts'
import { mintDelegatedToken } from '../tokens/mint-delegated-token.ts'
import { TOKEN_TYPE } from '../tokens/token-types.ts'
import type { Reason } from '../errors/reasons.ts'
import { createCheckLog } from '../trace/check-log.ts'
import { createInternalService } from './internal-service.ts'
import type { TtsContext, TxnTokenRequest } from './issue-txn-token.ts'
import { TXN_TOKEN_TYPE } from './txn-token-format.ts'

export const NOW = Date.parse('2026-05-10T22:13:01.000Z') / 1000
export const IDP = 'https://idp.example'
export const API = 'https://api.shop.example'
export const TTS = 'https://tts.shop.example'
export const DOMAIN = 'shop.example'
export const GATEWAY = 'gateway.shop.example'
export const AGENT = 'spiffe://agents.example/shopper/v1'

let keys: Promise<[SigningKey, SigningKey]> | null = null

export async function txnWorld() {
  const [idpKey, ttsKey] = await (keys ??= Promise.all([createSigningKey(), createSigningKey()]))
  const tts: TtsContext = {
    issuer: TTS,
    trustDomain: DOMAIN,
    signingKey: ttsKey,
    jwks: publicJwks(ttsKey),
    accessTokenIssuer: IDP,
    accessTokenJwks: publicJwks(idpKey),
    accessTokenAudience: API,
    workloads: [GATEWAY, 'orders.shop.example'],
    ttl: 60,
    nowSeconds: NOW,
  }
  const accessToken = (scope = ['orders:write', 'orders:read']) =>
    mintDelegatedToken(idpKey, {
      issuer: IDP,
      sub: 'u_marwan',
      clientId: 'shopper',
      aud: [API],
      scope,
      iat: NOW - 5,
      ttl: 600,
      act: { sub: AGENT, iss: 'https://spire.agents.example', sub_profile: 'ai_agent' },
      jkt: null,
      amr: undefined,
    })
  const edgeRequest = async (edit: Partial<TxnTokenRequest> = {}): Promise<TxnTokenRequest> => ({
    workload: GATEWAY,
    requestedTokenType: TXN_TOKEN_TYPE,
    audience: DOMAIN,
    scope: ['orders:write'],
    subjectToken: await accessToken(),
    subjectTokenType: TOKEN_TYPE.accessToken,
    requestContext: { req_ip: '203.0.113.7' },
    requestDetails: { action: 'BUY', sku: 'book-42', quantity: 1 },
    ...edit,
  })
  const service = (name: string, scope: string, clockSeconds = NOW, defencesOff: Reason[] = []) => {
    const log: { event: AuditEvent; error: OAuthError | null }[] = []
    const checks = createCheckLog('resource-server')
    const handle = createInternalService({
      name,
      issuer: TTS,
      jwks: publicJwks(ttsKey),
      trustDomain: DOMAIN,
      scope,
      clock: () => clockSeconds * 1000,
      audit: (event, error) => log.push({ event, error }),
      log: checks,
      defencesOff: new Set(defencesOff),
      edgeTokens: { issuer: IDP, audience: API, jwks: publicJwks(idpKey) },
    })
    return { handle, log, checks: checks.checks }
  }
  return { idpKey, ttsKey, tts, accessToken, edgeRequest, service }
}
