// The sandbox's configuration file as a zod schema: the one definition its type, its checks and its JSON Schema come from.
import { z } from 'zod'

const name = z.string().min(1).max(256)
const httpUrl = z.url({ protocol: /^https?$/ }).max(2048)
/** An origin such as `https://sandbox.example.com`: no path, query or credentials. */
const origin = httpUrl.refine((value) => {
  const url = new URL(value)
  return url.pathname === '/' && !url.search && !url.hash && !url.username && !url.password
}, 'an origin such as https://sandbox.example.com, with no path, query or credentials')
const scope = z.string().regex(/^[\x21\x23-\x5b\x5d-\x7e]+$/, 'a scope token (RFC 6749 §3.3)')
const seconds = z
  .number()
  .int()
  .positive()
  .max(365 * 24 * 3600)

const agent = z
  .strictObject({
    spiffeId: z.string().regex(/^spiffe:\/\/[^/]+\/.+/, 'a SPIFFE ID such as spiffe://prod/agent/x'),
    clientId: name,
  })
  .describe('A registered agent: the OAuth client its workload identity acts as.')

const workloadIssuer = z
  .strictObject({
    issuer: httpUrl,
    jwks: z
      .strictObject({ keys: z.array(z.record(z.string(), z.unknown())).min(1).max(16) })
      .optional()
      .describe("Its public keys. Leave out for the sandbox's own test workload issuer (/demo/actor-token)."),
  })
  .describe('A workload issuer whose actor tokens (JWT-SVIDs) the IdP trusts.')

const audienceGrant = z.strictObject({
  audience: name.describe('The logical audience placed in "aud" (RFC 8693 §2.1).'),
  resource: httpUrl.describe('The resource URI naming the same target (RFC 8707 §2).'),
  scopes: z.array(scope).max(64),
})

const delegationRule = z
  .strictObject({
    actor: name.describe("The agent's workload identity (the actor token's sub)."),
    users: z.array(name).min(1).max(256).describe('User ids it may act for; "*" means anyone.'),
    audiences: z.array(audienceGrant).max(32),
  })
  .describe('Who may act for whom, where, and with which scopes.')

const route = z.strictObject({
  method: z.enum(['GET', 'POST']),
  path: z.string().regex(/^\/\S*$/, 'a path starting with "/", with ":name" segments'),
  scope,
  describe: z.string().max(256).optional(),
  response: z
    .record(z.string(), z.unknown())
    .optional()
    .describe('The JSON a successful call answers; "{name}" in a string is the path parameter.'),
})

const resourceServer = z.strictObject({
  audience: name.describe('The audience it answers to: a token\'s "aud" must include it (RFC 9068 §4).'),
  mount: z
    .string()
    .regex(/^\/[A-Za-z0-9._~-]+(\/[A-Za-z0-9._~-]+)*$/, 'a path prefix such as "/api"')
    .describe('Where the sandbox serves it, for example "/api".'),
  routes: z.array(route).min(1).max(64),
})

const delegation = z.strictObject({
  rules: z.array(delegationRule).max(256),
  maxTtlSeconds: seconds.describe("Upper bound on a delegated token's lifetime."),
  maxChainDepth: z.number().int().min(1).max(16).describe('Actors a chain may hold, the new one included.'),
  requireActorToken: z.boolean().describe('Refuse impersonation (no actor token, RFC 8693 §1.1).'),
  requireDpop: z.boolean().describe('Require a DPoP proof on every token request (RFC 9449 §5).'),
  requireDpopNonce: z.boolean().describe('Require a server-issued nonce in DPoP proofs (RFC 9449 §8).'),
})

/**
 * The sandbox configuration: every field is required, so a file says everything it means.
 * `examples/sandbox.config.json` is the seed scenario's policy written this way.
 */
export const sandboxConfigSchema = z
  .strictObject({
    $schema: z.string().optional(),
    issuer: origin
      .optional()
      .describe(
        'The public base URL, when clients reach the sandbox through another URL. Default: where it listens.',
      ),
    agents: z.array(agent).max(256),
    workloadIssuers: z
      .array(workloadIssuer)
      .max(16)
      .refine(
        (issuers) => issuers.filter((entry) => entry.jwks === undefined).length <= 1,
        'at most one workload issuer without "jwks" (the sandbox\'s own test issuer)',
      ),
    delegation,
    resourceServers: z
      .array(resourceServer)
      .max(16)
      .refine(
        (servers) => new Set(servers.map((server) => server.mount)).size === servers.length,
        'each resource server at its own "mount"',
      ),
  })
  .describe('Token exchange sandbox configuration (npm run sandbox -- --config file)')

export type SandboxConfigFile = z.infer<typeof sandboxConfigSchema>
