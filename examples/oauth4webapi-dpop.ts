// An agent's token exchange with DPoP, against `npm run sandbox`. Run: npx tsx examples/oauth4webapi-dpop.ts
import * as oauth from 'oauth4webapi'

const issuer = new URL(process.env.SANDBOX_URL ?? 'http://127.0.0.1:8693')
const http = { [oauth.allowInsecureRequests]: true } as const // the sandbox is plain HTTP on loopback

// TEST ONLY: the tokens the user and the agent already hold, from the sandbox's test issuers.
async function demoToken(path: string, params: Record<string, string>, field: string): Promise<string> {
  const response = await fetch(new URL(path, issuer), { method: 'POST', body: new URLSearchParams(params) })
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`)
  return ((await response.json()) as Record<string, string>)[field]!
}
const subject_token = await demoToken(
  '/demo/subject-token',
  { sub: 'u_marwan', scope: 'read:repo write:issues' },
  'subject_token',
)
const actor_token = await demoToken(
  '/demo/actor-token',
  { spiffe_id: 'spiffe://prod/agent/code-reviewer/v3', attestation: 'github-oidc' },
  'actor_token',
)

const as = await oauth.processDiscoveryResponse(
  issuer,
  await oauth.discoveryRequest(issuer, { algorithm: 'oauth2', ...http }),
)
const client: oauth.Client = { client_id: 'a_code_reviewer' }
const DPoP = oauth.DPoP(client, await oauth.generateKeyPair('ES256')) // the agent's key; it never leaves the process

const response = await oauth.genericTokenEndpointRequest(
  as,
  client,
  oauth.None(),
  'urn:ietf:params:oauth:grant-type:token-exchange',
  {
    subject_token,
    subject_token_type: 'urn:ietf:params:oauth:token-type:access_token',
    actor_token,
    actor_token_type: 'urn:ietf:params:oauth:token-type:jwt',
    audience: 'api.github.com',
    scope: 'read:repo write:issues',
  },
  { DPoP, ...http },
)
const { access_token, token_type } = await oauth.processGenericTokenEndpointResponse(as, client, response)
console.log('token_type:', token_type) // "dpop": the token carries cnf.jkt, the thumbprint of the agent's key

const repo = await oauth.protectedResourceRequest(
  access_token,
  'GET',
  new URL('/api/repos/marwan/playground', issuer),
  undefined,
  undefined,
  { DPoP, ...http },
)
console.log('GET /api/repos/marwan/playground:', repo.status, await repo.text())
