// The sandbox as a library for test suites: `startSandbox()` listens on a free port and hands back what a test needs.
import { applyConfig, DEFAULT_SETUP } from './config/apply-config.ts'
import type { SandboxConfigFile } from './config/config-schema.ts'
import { checkConfig } from './config/load-config.ts'
import type { AuditEntry } from './audit-ring.ts'
import { readKeyFile } from './keys/key-file.ts'
import { openSharedState } from './redis/shared-state.ts'
import { DEMO_INTROSPECTION_SECRET } from './sandbox-config.ts'
import { startSandbox as listen } from './start-sandbox.ts'

export type { SandboxConfigFile } from './config/config-schema.ts'
export type { AuditEntry } from './audit-ring.ts'
export { sandboxConfigSchema } from './config/config-schema.ts'

export interface SandboxLibraryOptions {
  /** The same object a `--config` file holds; validated the same way. Default: the seed scenario's policy. */
  config?: SandboxConfigFile
  /** A private JWKS (see `--generate-keys`); default: fresh keys. */
  keysFile?: string
  /** Default 0: a free port. */
  port?: number
  /** Default 127.0.0.1. */
  host?: string
  introspectionSecret?: string
  /** Shares the replay cache, nonces and audit log with every instance using the same Redis. */
  redisUrl?: string
  /** Called with every decision's audit line. */
  onAudit?: (entry: AuditEntry) => void
}

export interface SubjectTokenInput {
  sub: string
  scope: string
  /** RFC 8693 §4.4: who may act for this user. */
  mayAct?: string
  ttl?: number
}

export interface ActorTokenInput {
  spiffeId: string
  attestation?: 'github-oidc' | 'k8s-psat' | 'aws-iid' | 'gcp-iit' | 'none'
  ttl?: number
}

export interface TestSandbox {
  /** Where it listens. */
  url: string
  /** The issuer and base URL: `iss`, metadata and DPoP `htu` all name it. */
  issuer: string
  /** TEST ONLY: a user's subject token, as if the user had signed in. */
  mintSubjectToken(input: SubjectTokenInput): Promise<string>
  /** TEST ONLY: an agent's actor token (a JWT-SVID) from the test workload issuer. */
  mintActorToken(input: ActorTokenInput): Promise<string>
  /** The audit lines kept so far, oldest first. */
  auditLines(): Promise<AuditEntry[]>
  stop(): Promise<void>
}

/** Thrown when the options are wrong; `problems` has one line per bad field. */
export class SandboxConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid sandbox configuration:\n${problems.map((line) => `  ${line}`).join('\n')}`)
    this.name = 'SandboxConfigError'
  }
}

async function post(url: string, body: Record<string, unknown>): Promise<Record<string, unknown>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  const json = (await response.json()) as Record<string, unknown>
  if (!response.ok)
    throw new Error(`${url}: ${response.status} ${String(json.error_description ?? json.error)}`)
  return json
}

/**
 * Starts a sandbox and resolves once it listens. Rejects with a {@link SandboxConfigError} for a bad
 * configuration, an unreadable keys file or an unreachable Redis, before anything listens.
 */
export async function startSandbox(options: SandboxLibraryOptions = {}): Promise<TestSandbox> {
  let setup = DEFAULT_SETUP
  if (options.config !== undefined) {
    const checked = checkConfig(options.config)
    if (!checked.ok) throw new SandboxConfigError(checked.errors)
    setup = applyConfig(checked.value)
  }
  const keys = options.keysFile === undefined ? undefined : await readKeyFile(options.keysFile)
  if (keys && !keys.ok) throw new SandboxConfigError([keys.error])
  const shared = options.redisUrl === undefined ? undefined : await openSharedState(options.redisUrl)
  if (shared && !shared.ok) throw new SandboxConfigError([shared.error])
  const state = shared?.state
  const running = await listen({
    ...(state ? { replay: state.replay, nonces: state.nonces, auditLog: state.auditLog } : {}),
    port: options.port ?? 0,
    host: options.host ?? '127.0.0.1',
    ...(setup.issuer ? { issuer: setup.issuer } : {}),
    introspectionSecret: options.introspectionSecret ?? DEMO_INTROSPECTION_SECRET,
    ...(keys ? { keys: keys.keys } : {}),
    policy: setup.policy,
    resourceServers: setup.resourceServers,
    testWorkloadIssuer: setup.testWorkloadIssuer,
    foreignWorkloadJwks: setup.foreignWorkloadJwks,
    ...(options.onAudit ? { onAudit: options.onAudit } : {}),
  })
  const base = running.url
  return {
    url: running.url,
    issuer: running.issuer,
    mintSubjectToken: async ({ sub, scope, mayAct, ttl }) =>
      (await post(`${base}/demo/subject-token`, { sub, scope, may_act: mayAct, ttl }))
        .subject_token as string,
    mintActorToken: async ({ spiffeId, attestation, ttl }) =>
      (await post(`${base}/demo/actor-token`, { spiffe_id: spiffeId, attestation, ttl }))
        .actor_token as string,
    auditLines: async () => ((await (await fetch(`${base}/audit`)).json()) as { lines: AuditEntry[] }).lines,
    stop: async () => {
      await running.close()
      await state?.close()
    },
  }
}
